"""What every page gets: the open workspace, app preferences and shared long-lived services.

Passed in explicitly (no singletons) so a test builds a page with exactly what it needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workshop.core.app_settings import AppSettings
from workshop.core.services import Workspace
from workshop.ui.operations import Operations


@dataclass
class UiContext:
    workspace: Workspace
    settings: AppSettings
    services: dict[str, Any] = field(default_factory=dict)
    #: The one runner of off-GUI-thread work; the main window broadcasts its ``changed``.
    operations: Operations = field(default_factory=Operations)
