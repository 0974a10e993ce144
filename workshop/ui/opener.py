"""Opening a workspace from the GUI, turning each refusal into a question the user can answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from workshop.core.errors import UserError
from workshop.core.services import (
    Workspace,
    WorkspaceDamaged,
    WorkspaceLocked,
    open_workspace,
    restore_newest_backup,
)

Buttons = QMessageBox.StandardButton


def open_interactively(path: Path, parent: QWidget | None = None) -> Workspace | None:
    """Open ``path``; offer read-only when locked and restore when damaged. None if given up."""
    try:
        return open_workspace(path)
    except WorkspaceLocked as exc:
        answer = QMessageBox.question(
            parent, "Already open",
            f"{exc.message}\n\nOpen a read-only view instead?",
            Buttons.Open | Buttons.Cancel)
        if answer == Buttons.Open:
            return _open_or_explain(path, parent, read_only=True)
        return None
    except WorkspaceDamaged as exc:
        if exc.backup is None:
            QMessageBox.critical(parent, "Cannot open workspace", str(exc))
            return None
        answer = QMessageBox.warning(
            parent, "Workspace damaged",
            f"{exc.message}\n\nRestore the newest backup ({exc.backup.name})? The damaged file "
            "is kept aside, not deleted.", Buttons.Yes | Buttons.Cancel)
        if answer != Buttons.Yes:
            return None
        try:
            restore_newest_backup(path)
        except UserError as restore_error:
            QMessageBox.critical(parent, "Restore failed", str(restore_error))
            return None
        return _open_or_explain(path, parent)
    except UserError as exc:
        QMessageBox.critical(parent, "Cannot open workspace", str(exc))
        return None


def _open_or_explain(path: Path, parent: QWidget | None, *, read_only: bool = False
                     ) -> Workspace | None:
    try:
        return open_workspace(path, read_only=read_only)
    except UserError as exc:
        QMessageBox.critical(parent, "Cannot open workspace", str(exc))
        return None
