"""Add or edit one of the applicant's own questions, tagged to programs if they wish."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop.core.drills.bank import Question
from workshop.core.drills.categories import Category
from workshop.core.drills.user_questions import UserQuestion, new_question_id
from workshop.core.drills.validation import ANSWER_SECONDS_RANGE
from workshop.core.errors import UserError


def _split(text: str, sep: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(sep, text) if p.strip())


class QuestionDialog(QDialog):
    """Fields of a :class:`UserQuestion`; :meth:`question` validates and builds it."""

    def __init__(self, categories: Sequence[Category], existing_ids: Sequence[str], *,
                 question: Question | None = None, programs: Sequence[str] = (),
                 copy: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        editing = isinstance(question, UserQuestion) and not copy
        self.setWindowTitle("Edit your question" if editing else "Add your question")
        self.setAccessibleName(self.windowTitle())
        self.original = question if editing and isinstance(question, UserQuestion) else None
        self.existing_ids = list(existing_ids)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Question text")
        self.text.setPlaceholderText("e.g. Why did you choose a research year after your "
                                     "house-officer job?")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        self.category = QComboBox()
        self.category.setAccessibleName("Category")
        for c in categories:
            if c.answerable:
                self.category.addItem(c.title, c.id)
        self.seconds = QSpinBox()
        self.seconds.setAccessibleName("Answer time in seconds")
        self.seconds.setRange(*ANSWER_SECONDS_RANGE)
        self.seconds.setSingleStep(15)
        self.seconds.setSuffix(" s")
        self.seconds.setValue(90)
        self.look_for = QPlainTextEdit()
        self.look_for.setAccessibleName("What to remember")
        self.look_for.setPlaceholderText("What a strong answer includes (your reminder)")
        self.look_for.setTabChangesFocus(True)
        self.look_for.setMaximumHeight(80)
        self.follow_ups = QPlainTextEdit()
        self.follow_ups.setAccessibleName("Follow-up questions")
        self.follow_ups.setPlaceholderText("Likely follow-ups, one per line")
        self.follow_ups.setTabChangesFocus(True)
        self.follow_ups.setMaximumHeight(70)
        self.programs = QLineEdit()
        self.programs.setAccessibleName("Programs")
        self.programs.setPlaceholderText("all programs, or names separated by semicolons")
        if programs:
            self.programs.setCompleter(QCompleter(list(programs), self))
        self.tags = QLineEdit()
        self.tags.setAccessibleName("Tags")
        self.tags.setPlaceholderText("e.g. star, research (lower-case, comma-separated)")
        self.error = QLabel()
        self.error.setAccessibleName("Problem with the question")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("Question:", self.text)
        form.addRow("Category:", self.category)
        form.addRow("Aim for:", self.seconds)
        form.addRow("Remember:", self.look_for)
        form.addRow("Follow-ups:", self.follow_ups)
        form.addRow("Programs:", self.programs)
        form.addRow("Tags:", self.tags)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 480)
        if question is not None:
            self._fill(question)

    def _fill(self, q: Question) -> None:
        self.text.setPlainText(q.text)
        index = self.category.findData(q.category)
        if index >= 0:
            self.category.setCurrentIndex(index)
        self.seconds.setValue(q.answer_seconds)
        self.look_for.setPlainText(q.look_for)
        self.follow_ups.setPlainText("\n".join(q.follow_ups))
        self.tags.setText(", ".join(q.tags))
        if isinstance(q, UserQuestion):
            self.programs.setText("; ".join(q.programs))

    def question(self) -> UserQuestion:
        """The question as typed.

        Raises:
            UserError: a field is out of range (the message names it).
        """
        text = " ".join(self.text.toPlainText().split())
        if not text:
            raise UserError("Type the question first.")
        if self.original is not None:
            qid, source, ref = self.original.id, self.original.source, self.original.source_ref
        else:
            qid, source, ref = new_question_id(text, self.existing_ids), "manual", ""
        return UserQuestion(
            id=qid, text=text, category=str(self.category.currentData()),
            answer_seconds=self.seconds.value(), look_for=self.look_for.toPlainText().strip(),
            follow_ups=_split(self.follow_ups.toPlainText(), r"\n"),
            tags=tuple(t.lower() for t in _split(self.tags.text(), r"[,\s]+")),
            programs=_split(self.programs.text(), r";"), source=source, source_ref=ref,
        )

    def _accept(self) -> None:
        try:
            self.question()
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
