"""Use-cases that the CLI and the UI both call; neither talks to storage on its own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop.core.sample import load_sample
from workshop.core.storage.workspace import Workspace, create_workspace


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
