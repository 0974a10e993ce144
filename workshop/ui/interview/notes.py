"""The outline for one question (talking points and STAR fields), kept across attempts.

Autosaved like the statements: after a short pause and at least every 1.5 s while typing
(:class:`~workshop.core.autosave.AutosavePolicy`), and at once when the question changes. A
failed save keeps the text and retries on the next tick.
"""

from __future__ import annotations

import sqlite3
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from workshop.core.autosave import AutosavePolicy
from workshop.core.drills.attempts import AnswerNotes
from workshop.core.drills.in_workspace import DrillsStore
from workshop.core.errors import UserError
from workshop.ui.save_state import SaveState

TICK_MS = 200
STAR_FIELDS = (("situation", "Situation", "Where and when; who was involved"),
               ("task", "Task", "What you had to achieve or decide"),
               ("action", "Action", "What you did yourself (the longest part)"),
               ("result", "Result", "The outcome, and what you do differently now"))


def _editor(name: str, placeholder: str, lines: int, grow: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height + edit.fontMetrics().lineSpacing() * grow)
    return edit


class NotesPanel(QWidget):
    """Edits :class:`AnswerNotes` for the current question and saves them as you type."""

    save_state_changed = Signal(object, str)
    saved = Signal(str)

    def __init__(self, store: DrillsStore, *, read_only: bool = False,
                 compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Answer outline")
        self.store = store
        self.read_only = read_only
        self.question_id: str | None = None
        self.policy = AutosavePolicy()
        self._loading = False
        self.points = _editor("Talking points", "Talking points, one per line",
                              3 if compact else 5, 2)
        self.star: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        for name, label, placeholder in STAR_FIELDS:
            edit = _editor(f"STAR {label}", placeholder, 2, 1)
            self.star[name] = edit
            form.addRow(f"{label}:", edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        title = QLabel("<b>Your outline</b> <span style='color:#6b7280'>· kept across "
                       "attempts</span>")
        layout.addWidget(title)
        layout.addWidget(self.points)
        self.star_title = QLabel("<b>STAR</b> <span style='color:#6b7280'>· for "
                                 "“tell me about a time” questions</span>")
        layout.addWidget(self.star_title)
        layout.addLayout(form)
        for edit in self._editors():
            edit.textChanged.connect(self._on_changed)
            edit.setReadOnly(read_only)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.setEnabled(False)

    def _editors(self) -> list[QPlainTextEdit]:
        return [self.points, *self.star.values()]

    def load(self, question_id: str | None) -> None:
        """Show the outline of ``question_id`` (saving the previous one first)."""
        self.flush()
        self.question_id = question_id
        notes = AnswerNotes(question_id) if question_id else None
        if question_id:
            try:
                notes = self.store.get_notes(question_id)
            except UserError as exc:
                self.save_state_changed.emit(SaveState.FAILED, exc.message)
        self._loading = True
        self.points.setPlainText(notes.talking_points if notes else "")
        for name, edit in self.star.items():
            edit.setPlainText(getattr(notes, name) if notes else "")
        self._loading = False
        self.setEnabled(question_id is not None)

    def notes(self) -> AnswerNotes | None:
        """The outline as typed."""
        if self.question_id is None:
            return None
        text = {name: edit.toPlainText() for name, edit in self.star.items()}
        return AnswerNotes(self.question_id, self.points.toPlainText(), text["situation"],
                           text["task"], text["action"], text["result"])

    def _on_changed(self) -> None:
        if self._loading or self.question_id is None or self.read_only:
            return
        self.policy.edited(time.monotonic())
        self.save_state_changed.emit(SaveState.UNSAVED, "")

    def _tick(self) -> None:
        if self.policy.should_save(time.monotonic()):
            self.flush()

    def flush(self) -> bool:
        """Save now if anything is unsaved; False when saving failed (kept for a retry)."""
        notes = self.notes()
        if not self.policy.dirty or notes is None:
            return True
        self.save_state_changed.emit(SaveState.SAVING, "")
        try:
            self.store.save_notes(notes)
        except (UserError, sqlite3.Error) as exc:
            self.policy.edited(time.monotonic())
            self.save_state_changed.emit(SaveState.FAILED, str(exc))
            return False
        self.policy.saved()
        self.save_state_changed.emit(SaveState.SAVED, "")
        self.saved.emit(notes.question_id)
        return True

    def shutdown(self) -> None:
        self.flush()
        self.timer.stop()
