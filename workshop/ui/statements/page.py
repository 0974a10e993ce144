"""Personal statements: a list of statements and a plain-text editor that autosaves.

Autosave follows :class:`workshop.core.autosave.AutosavePolicy` (after a pause, at least every
2 s while typing). A failed save (disk full) keeps the text in the editor, says so in the status
bar and retries on the next tick; nothing typed is dropped.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.core.autosave import AutosavePolicy
from workshop.core.errors import UserError
from workshop.core.model.documents import Document, DocumentKind
from workshop.ui.context import UiContext
from workshop.ui.empty_state import EmptyState
from workshop.ui.save_state import SaveState

TICK_MS = 150


class StatementsPage(QWidget):
    """Lists statements and edits the selected one."""

    save_state_changed = Signal(object, str)
    message = Signal(str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workspace = context.workspace
        self.policy = AutosavePolicy()
        self.current: Document | None = None
        self._loading = False

        self.list = QListWidget()
        self.list.setAccessibleName("Statements")
        self.list.currentItemChanged.connect(self._on_selected)
        self.new_button = QPushButton("New statement")
        self.new_button.setAccessibleName("New statement")
        self.new_button.clicked.connect(self.new_statement)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Statements</b>"))
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button)

        self.title = QLineEdit()
        self.title.setAccessibleName("Statement title")
        self.title.setPlaceholderText("Title, e.g. Internal Medicine — main statement")
        self.title.editingFinished.connect(self._save_title)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Statement text")
        self.editor.setPlaceholderText("Write or paste your personal statement here.")
        self.editor.setTabChangesFocus(True)
        font = self.editor.font()
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.editor.setFont(font)
        self.editor.textChanged.connect(self._on_text_changed)
        self.target = QLabel()
        self.target.setAccessibleName("Statement target")
        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.title)
        editor_layout.addWidget(self.target)
        editor_layout.addWidget(self.editor, 1)

        self.empty = EmptyState(
            "Personal statements",
            "Draft, check and version your ERAS personal statements here: one per specialty "
            "and tailored copies per program, checked against the 28,000-character ERAS limit.",
            ["Click <i>New statement</i>.", "Paste or write your draft; it saves as you type.",
             "Press Ctrl+S to keep a named version before big changes."],
            action_text="New statement",
        )
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.new_statement)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(editor_box)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([240, 760])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.reload()

    # -- list ---------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        self.flush()
        wanted = select_id if select_id is not None else (
            self.current.id if self.current else None)
        self.list.blockSignals(True)
        self.list.clear()
        for doc in self.workspace.documents.list(DocumentKind.PERSONAL_STATEMENT):
            item = QListWidgetItem(doc.title or "Untitled statement")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            self.list.addItem(item)
            if doc.id == wanted:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._on_selected(self.list.currentItem(), None)

    def new_item(self) -> None:
        self.new_statement()

    def new_statement(self) -> None:
        try:
            doc = self.workspace.documents.create(
                DocumentKind.PERSONAL_STATEMENT, "Untitled statement",
                target_specialty=self.workspace.profile.get().target_specialty,
            )
        except UserError as exc:
            self.message.emit(str(exc))
            return
        self.reload(select_id=doc.id)
        self.title.setFocus()
        self.title.selectAll()

    def _on_selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.flush()
        if item is None:
            self.current = None
            self.stack.setCurrentWidget(self.empty)
            return
        self.current = self.workspace.documents.get(int(item.data(Qt.ItemDataRole.UserRole)))
        self._loading = True
        self.title.setText(self.current.title)
        self.editor.setPlainText(self.current.body)
        self._loading = False
        targets = ", ".join(self.current.target_programs) or "all programs"
        specialty = self.current.target_specialty or "no specialty set"
        self.target.setText(f"Target: {specialty} · {targets}")
        self.stack.setCurrentIndex(1)
        editable = not self.workspace.read_only
        self.editor.setReadOnly(not editable)
        self.title.setReadOnly(not editable)

    # -- saving -------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        if self._loading or self.current is None:
            return
        self.policy.edited(time.monotonic())
        self.save_state_changed.emit(SaveState.UNSAVED, "")

    def _tick(self) -> None:
        if self.policy.should_save(time.monotonic()):
            self.flush()

    def flush(self) -> bool:
        """Save the working copy now if anything is unsaved; False when saving failed."""
        if not self.policy.dirty or self.current is None:
            return True
        self.save_state_changed.emit(SaveState.SAVING, "")
        try:
            self.workspace.documents.save_working_copy(self.current.id, self.editor.toPlainText())
        except UserError as exc:
            # Keep the text and the dirty flag: the next tick retries.
            self.policy.edited(time.monotonic())
            self.save_state_changed.emit(SaveState.FAILED, exc.message)
            return False
        self.policy.saved()
        self.save_state_changed.emit(SaveState.SAVED, "")
        return True

    def _save_title(self) -> None:
        if self.current is None or self._loading or self.workspace.read_only:
            return
        title = self.title.text().strip() or "Untitled statement"
        if title == self.current.title:
            return
        try:
            self.current = self.workspace.documents.update(self.current.id, title=title)
        except UserError as exc:
            self.save_state_changed.emit(SaveState.FAILED, exc.message)
            return
        item = self.list.currentItem()
        if item is not None:
            item.setText(title)
        self.save_state_changed.emit(SaveState.SAVED, "")

    def save_version(self, name: str | None = None) -> bool:
        """Ctrl+S: keep a named snapshot of the current statement."""
        if self.current is None or not self.flush():
            return False
        if name is None:
            count = len(self.workspace.documents.versions(self.current.id))
            name, ok = QInputDialog.getText(
                self, "Save version", "Name this version:", text=f"Version {count + 1}")
            if not ok:
                return False
        try:
            info = self.workspace.documents.save_version(self.current.id, name)
        except UserError as exc:
            self.message.emit(str(exc))
            return False
        self.message.emit(f"Saved version “{info.name}”.")
        return True

    def undo(self) -> None:
        self.editor.undo()

    def redo(self) -> None:
        self.editor.redo()
