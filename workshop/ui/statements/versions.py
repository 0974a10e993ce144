"""Version history of one statement: list, side-by-side word diff, restore.

A history can be long (a user who saves a version a day for years, a soak test's 10,000), so
the two pickers share one :class:`VersionListModel` that reads the versions a page at a time as
the list scrolls (``canFetchMore``/``fetchMore`` over ``versions_page``). The word diff of two
long texts runs off the GUI thread (:class:`~workshop.ui.operations.Operations`): the dialog
shows both texts at once, unmarked, and the marks and the summary arrive with the diff. A newer
pick supersedes a diff still running.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
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
from workshop.core.model.documents import VersionInfo
from workshop.core.services import Workspace
from workshop.core.worddiff import Segment, WordDiff, word_diff
from workshop.ui.operations import Operations

CURRENT = -1
#: Versions read per page as the list scrolls.
PAGE_SIZE = 100
#: Two texts with at most this many words together are compared at once, on the GUI thread
#: (a few milliseconds); longer ones on a worker thread.
INLINE_DIFF_WORDS = 300
#: A long diff starts this long after the pick, once the dialog has painted.
DIFF_DELAY_MS = 40
_STYLE = {
    "same": "{}",
    "removed": "<span style='background:#f9d0cc; text-decoration:line-through'>{}</span>",
    "added": "<span style='background:#cdeccf'>{}</span>",
}
_FIXED_WIDTH = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
_Index = QModelIndex | QPersistentModelIndex


def segments_html(segments: list[Segment]) -> str:
    parts = [_STYLE[s.kind].format(html.escape(s.text).replace("\n", "<br>")) for s in segments]
    return f"<div style='font-size:11pt; line-height:140%'>{''.join(parts)}</div>"


def version_label(info: VersionInfo) -> str:
    when = info.created_at[:16].replace("T", " ")
    return f"{info.name} — {when}"


class VersionListModel(QAbstractListModel):
    """Row 0 is the working copy; then the named versions, newest first, read page by page."""

    def __init__(self, workspace: Workspace, document_id: int,
                 parent: QObject | None = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.document_id = document_id
        self.page_size = page_size
        self.total = 0
        self.loaded: list[VersionInfo] = []
        self.reload()

    def reload(self) -> None:
        """Read the count and the first page again (after a restore added versions)."""
        self.beginResetModel()
        documents = self.workspace.documents
        self.total = documents.version_count(self.document_id)
        self.loaded = documents.versions_page(self.document_id, 0, self.page_size)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 1 + len(self.loaded)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self.loaded) < self.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        page = self.workspace.documents.versions_page(self.document_id, len(self.loaded),
                                                      self.page_size)
        if not page:
            self.total = len(self.loaded)  # deleted meanwhile: stop asking
            return
        first = 1 + len(self.loaded)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.loaded.extend(page)
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        info = self.loaded[index.row() - 1] if index.row() else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "Working copy (now)" if info is None else version_label(info)
        if role == Qt.ItemDataRole.UserRole:
            return CURRENT if info is None else info.id
        return None


def operations_near(widget: QWidget | None) -> Operations:
    """The app's Operations, from the page that opens the dialog (its ``context``).

    Without one (a dialog built on its own, in a test), a queue of its own that belongs to the
    application, not to the dialog: a diff may still be running when the dialog is deleted.
    """
    while widget is not None:
        context = getattr(widget, "context", None)
        if isinstance(getattr(context, "operations", None), Operations):
            return context.operations  # type: ignore[union-attr]
        widget = widget.parentWidget()
    return Operations(QCoreApplication.instance())


class VersionsDialog(QDialog):
    """Pick any two versions (or the working copy) and see what changed, word by word."""

    #: The marked diff and its summary are shown (tests and benchmarks wait on it).
    diff_shown = Signal()

    def __init__(self, workspace: Workspace, document_id: int, parent: QWidget | None = None,
                 *, render: Callable[[str], str] | None = None,
                 apply_text: Callable[[str, str], None] | None = None,
                 operations: Operations | None = None) -> None:
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
        self._generation = 0
        self.operations = operations or operations_near(parent)
        self.versions_model = VersionListModel(workspace, document_id, self)
        self.setWindowTitle("Versions")
        self.setAccessibleName("Versions")
        self.resize(1100, 700)
        self.left_pick = QComboBox()
        self.left_pick.setSizeAdjustPolicy(_FIXED_WIDTH)  # not sized by reading every row
        self.left_pick.setMinimumContentsLength(40)
        self.left_pick.setAccessibleName("Older version")
        self.right_pick = QComboBox()
        self.right_pick.setSizeAdjustPolicy(_FIXED_WIDTH)
        self.right_pick.setMinimumContentsLength(40)
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
        self.versions_model.reload()
        for combo in (self.left_pick, self.right_pick):
            combo.blockSignals(True)
            combo.setModel(self.versions_model)
            combo.blockSignals(False)
        self.right_pick.setCurrentIndex(0)
        self.left_pick.setCurrentIndex(1 if self.versions_model.rowCount() > 1 else 0)

    def _text(self, combo: QComboBox) -> str:
        version_id = combo.currentData(Qt.ItemDataRole.UserRole)
        if version_id is None or version_id == CURRENT:
            return self.render(self.workspace.documents.get(self.document_id).body)
        return self.render(self.workspace.documents.version(int(version_id)).body)

    def refresh(self) -> None:
        """Show the two picked texts now; mark their differences when the diff is ready."""
        self._generation += 1
        generation = self._generation
        left, right = self._text(self.left_pick), self._text(self.right_pick)
        self.restore_button.setEnabled(self.left_pick.currentData() not in (None, CURRENT)
                                       and not self.workspace.read_only)
        if len(left.split()) + len(right.split()) <= INLINE_DIFF_WORDS:
            self._show_diff(generation, word_diff(left, right))
            return
        self.left_view.setPlainText(left)
        self.right_view.setPlainText(right)
        self.summary.setText("Comparing…")
        # Pure Python: while it runs it shares the GIL with the GUI thread, so it starts once
        # the dialog has painted its texts rather than competing with that first paint.
        QTimer.singleShot(DIFF_DELAY_MS, lambda: self._start_diff(generation, left, right))

    def _start_diff(self, generation: int, left: str, right: str) -> None:
        if generation != self._generation:
            return  # superseded before it started
        self.operations.run(lambda: word_diff(left, right), parent=self,
                            on_done=lambda diff: self._show_diff(generation, diff))

    def _show_diff(self, generation: int, diff: WordDiff) -> None:
        if not shiboken6.isValid(self.left_view) or generation != self._generation:
            return  # deleted without being closed (a test's teardown), or a newer pick
        self.left_view.setHtml(segments_html(diff.left))
        self.right_view.setHtml(segments_html(diff.right))
        self.summary.setText("No differences." if diff.unchanged else
                             f"{diff.words_added} words added, {diff.words_removed} removed.")
        self.diff_shown.emit()

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        self._generation += 1  # a diff not started yet never starts
        self.operations.discard(self)  # one running is not delivered to a closed dialog
        super().done(result)

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
            "saved first as a new version, so nothing is lost."
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
