"""The one place that finds ``resources/`` and ``templates/``.

Both folders sit beside the ``workshop`` package in a checkout or editable install. Callers ask
for a path by name and never build it themselves, so moving the data is a one-line change.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RESOURCES = PROJECT_ROOT / "resources"
TEMPLATES = PROJECT_ROOT / "templates"


def resource(*parts: str) -> Path:
    """Path of a file under ``resources/`` (it need not exist yet)."""
    return RESOURCES.joinpath(*parts)


def template(*parts: str) -> Path:
    """Path of a file under ``templates/`` (it need not exist yet)."""
    return TEMPLATES.joinpath(*parts)
