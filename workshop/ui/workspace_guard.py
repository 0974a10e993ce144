"""Watches the workspace file and, when another program replaces, deletes or overwrites it,
tells the user once and offers File ▸ Save As… (the core stops writing by itself: see
``core/storage/file_guard.py``).

Save As moves the open workspace to a new file (``Workspace.continue_in``): the same object
goes on, so every page's unsaved edits are then saved into the new file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from workshop.core.errors import UserError
from workshop.ui.file_dialogs import save_file_name

if TYPE_CHECKING:
    from workshop.ui.main_window import MainWindow

#: A replace is a delete and a create: look once the other program is done.
SETTLE_MS = 250


class WorkspaceGuard(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(lambda _path: QTimer.singleShot(SETTLE_MS, self.check))
        self.warned = False

    def watch(self) -> None:
        """Follow the window's current workspace file (after opening or Save As)."""
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self.warned = False
        workspace = self.window.workspace
        if not workspace.read_only and workspace.path.exists():
            self.watcher.addPath(str(workspace.path))

    def check(self) -> bool:
        """True (and one warning) when the file is no longer the one this window writes."""
        workspace = self.window.workspace
        if workspace.closed:
            return False
        stopped = workspace.check_file()
        if stopped is None:
            path = str(workspace.path)
            if path not in self.watcher.files() and workspace.path.exists():
                self.watcher.addPath(path)  # Qt drops a path whose file was rewritten
            return False
        if not self.warned:
            self.warned = True
            self.window.statusBar().showMessage(stopped.message, 0)
            self._warn(stopped)
        return True

    def _warn(self, stopped: UserError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "The workspace file changed",
                          stopped.message, parent=self.window)
        box.setInformativeText(stopped.hint)
        save = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is save:
            self.save_as()

    def save_as(self) -> bool:
        """Ask for a new file and go on there with everything; False if cancelled or failed."""
        workspace = self.window.workspace
        suggested = workspace.path.with_name(workspace.path.stem + " (copy).workshop")
        target, _ = save_file_name(self.window, "Save As", str(suggested),
                                                "Workspace (*.workshop)")
        return bool(target) and self.move_to(Path(target))

    def move_to(self, target: Path) -> bool:
        workspace = self.window.workspace
        try:
            healthy = workspace.continue_in(target)
        except UserError as exc:
            QMessageBox.warning(self.window, "Save As", f"{exc.message}\n\n{exc.hint}")
            return False
        saved = self.window.flush_all()  # what was typed since the change lands in the copy
        self.window.workspace_moved()
        self.watch()
        if not healthy:
            QMessageBox.warning(
                self.window, "Save As",
                "The copy was saved, but part of it could not be read back whole (the old file "
                "had been overwritten). Your texts in this window are complete: check them, "
                "and keep the newest backup of the old workspace too.")
        elif saved:
            self.window.statusBar().showMessage(f"Saved everything to {target}.", 8000)
        return True
