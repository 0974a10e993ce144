"""Version history of one statement: list, side-by-side word diff, restore."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.services import Workspace
from workshop.core.worddiff import Segment, word_diff

CURRENT = -1
_STYLE = {
    "same": "{}",
    "removed": "<span style='background:#f9d0cc; text-decoration:line-through'>{}</span>",
    "added": "<span style='background:#cdeccf'>{}</span>",
}


def segments_html(segments: list[Segment]) -> str:
    parts = [_STYLE[s.kind].format(html.escape(s.text).replace("\n", "<br>")) for s in segments]
    return f"<div style='font-size:11pt; line-height:140%'>{''.join(parts)}</div>"


class VersionsDialog(QDialog):
    """Pick any two versions (or the working copy) and see what changed, word by word."""

    def __init__(self, workspace: Workspace, document_id: int, parent: QWidget | None = None,
                 *, render: Callable[[str], str] | None = None,
                 apply_text: Callable[[str, str], None] | None = None) -> None:
        """``apply_text(version_name, body)``: put the restored text into an open editor.

        With it (the statement editor), a restore is an ordinary, undoable edit there; without
        it (the CV), the working copy is replaced in the workspace and the page reloads.
        """
        super().__init__(parent)
        self.render = render or (lambda body: body)  # e.g. a CV's JSON shown as readable text
        self.apply_text = apply_text
        self.workspace = workspace
        self.document_id = document_id
        self.restored = False
        self.setWindowTitle("Versions")
        self.setAccessibleName("Versions")
        self.resize(1100, 700)
        self.left_pick = QComboBox()
        self.left_pick.setAccessibleName("Older version")
        self.right_pick = QComboBox()
        self.right_pick.setAccessibleName("Newer version")
        self.left_view = QTextBrowser()
        self.left_view.setAccessibleName("Older text")
        self.right_view = QTextBrowser()
        self.right_view.setAccessibleName("Newer text")
        self.summary = QLabel()
        self.summary.setAccessibleName("Difference summary")
        self.restore_button = QPushButton("Restore older version")
        self.restore_button.setAccessibleName("Restore older version")
        self.restore_button.clicked.connect(self.restore_left)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)

        grid = QGridLayout(self)
        grid.addWidget(QLabel("Older:"), 0, 0)
        grid.addWidget(self.left_pick, 0, 1)
        grid.addWidget(QLabel("Newer:"), 0, 2)
        grid.addWidget(self.right_pick, 0, 3)
        grid.addWidget(self.left_view, 1, 0, 1, 2)
        grid.addWidget(self.right_view, 1, 2, 1, 2)
        grid.addWidget(self.summary, 2, 0, 1, 4)
        grid.addWidget(buttons, 3, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._fill()
        self.left_pick.currentIndexChanged.connect(self.refresh)
        self.right_pick.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def _fill(self) -> None:
        versions = self.workspace.documents.versions(self.document_id)
        for combo in (self.left_pick, self.right_pick):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("Working copy (now)", CURRENT)
            for info in versions:
                when = info.created_at[:16].replace("T", " ")
                combo.addItem(f"{info.name} — {when}", info.id)
            combo.blockSignals(False)
        self.right_pick.setCurrentIndex(0)
        self.left_pick.setCurrentIndex(1 if versions else 0)

    def _text(self, combo: QComboBox) -> str:
        version_id = combo.currentData(Qt.ItemDataRole.UserRole)
        if version_id is None or version_id == CURRENT:
            return self.render(self.workspace.documents.get(self.document_id).body)
        return self.render(self.workspace.documents.version(int(version_id)).body)

    def refresh(self) -> None:
        diff = word_diff(self._text(self.left_pick), self._text(self.right_pick))
        self.left_view.setHtml(segments_html(diff.left))
        self.right_view.setHtml(segments_html(diff.right))
        self.summary.setText("No differences." if diff.unchanged else
                             f"{diff.words_added} words added, {diff.words_removed} removed.")
        self.restore_button.setEnabled(self.left_pick.currentData() not in (None, CURRENT)
                                       and not self.workspace.read_only)

    def restore_left(self) -> None:
        """Ask, keep the working copy as a version, then restore (nothing typed is lost)."""
        version_id = self.left_pick.currentData()
        if version_id in (None, CURRENT):
            return
        try:
            old = self.workspace.documents.version(int(version_id))
        except UserError as exc:
            QMessageBox.warning(self, "Cannot restore", str(exc))
            return
        when = old.created_at[:16].replace("T", " ")
        undo = (" You can also undo the restore with Ctrl+Z in the editor."
                if self.apply_text is not None else "")
        answer = QMessageBox.question(
            self, "Restore this version?",
            f"Replace your current text with “{old.name}” ({when})?\n\nYour current text is "
            f"saved first as the version “Before restoring “{old.name}””, so nothing is lost."
            + undo,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.workspace.documents.save_version(self.document_id,
                                                  f"Before restoring “{old.name}”")
            if self.apply_text is not None:
                self.apply_text(old.name, old.body)
                info_name = f"Restored from “{old.name}”"
            else:
                info_name = self.workspace.documents.restore_version(int(version_id)).name
        except UserError as exc:
            QMessageBox.warning(self, "Cannot restore", str(exc))
            return
        self.restored = True
        self.summary.setText(f"Restored. Saved as a new version: “{info_name}”.")
        self._fill()
        self.refresh()
