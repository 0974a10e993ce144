"""Use-cases that the CLI and the UI both call; neither talks to storage on its own.

The workspace session itself (open, create, restore, the errors that opening raises) is exposed
here, so the UI imports nothing from ``workshop.core.storage``. Feature services live beside their
features (``core.statements``, ``core.exports``, ``core.programs.in_workspace``,
``core.letters.in_workspace``, ``core.drills.in_workspace``...) and take the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop.core.sample import load_sample
from workshop.core.storage.lock import WorkspaceLocked
from workshop.core.storage.workspace import (
    Workspace,
    WorkspaceDamaged,
    create_workspace,
    open_workspace,
    restore_newest_backup,
)

__all__ = [
    "InitResult",
    "Workspace",
    "WorkspaceDamaged",
    "WorkspaceLocked",
    "init_workspace",
    "open_workspace",
    "restore_newest_backup",
]


@dataclass(frozen=True)
class InitResult:
    path: Path
    with_sample: bool


def init_workspace(path: Path, *, sample: bool = False) -> Workspace:
    """Create a workspace, optionally filled with the fictional sample applicant."""
    workspace = create_workspace(path)
    if sample:
        try:
            load_sample(workspace)
        except BaseException:
            workspace.close()
            raise
    return workspace
