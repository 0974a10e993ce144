"""The question browser: the bank and the applicant's own questions by category, with the
outline for the selected question and its practice history.

The browser shows data the page gives it (:meth:`QuestionBrowser.show_bank`) and asks the page
to act through signals (practice, add, edit, copy, delete, seed), so all database writes stay
in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.core.drills.attempts import Attempt
from workshop.core.drills.bank import Question, QuestionBank
from workshop.core.drills.report import clock_text
from workshop.core.drills.scheduler import ReviewState
from workshop.core.drills.timing_verdict import judge_timing, shipped_tolerance
from workshop.core.drills.user_questions import UserQuestion
from workshop.ui.interview.notes import NotesPanel
from workshop.ui.widgets import button

ALL, MINE, DUE = "__all__", "__mine__", "__due__"
MINE_COLOUR = QColor("#23766a")




class QuestionBrowser(QWidget):
    """Category filter, search, question list, details, outline and history."""

    practise = Signal(str)
    add_requested = Signal()
    edit_requested = Signal(str)
    copy_requested = Signal(str)
    delete_requested = Signal(str)
    seed_requested = Signal()
    selected = Signal(str)

    def __init__(self, notes: NotesPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Question browser")
        self.bank: QuestionBank | None = None
        self.mine: set[str] = set()
        self.states: dict[str, ReviewState] = {}
        self.today = dt.date.today()
        self.filter = QComboBox()
        self.filter.setAccessibleName("Category")
        self.filter.currentIndexChanged.connect(lambda _i: self._fill_list())
        self.search = QLineEdit()
        self.search.setAccessibleName("Search questions")
        self.search.setPlaceholderText("Search questions")
        self.search.setClearButtonEnabled(True)
        for tool in self.search.findChildren(QToolButton):
            tool.setAccessibleName("Clear search")
        self.search.textChanged.connect(lambda _t: self._fill_list())
        self.list = QListWidget()
        self.list.setAccessibleName("Questions")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._on_selected)
        self.list.itemDoubleClicked.connect(lambda item: self.practise.emit(
            item.data(Qt.ItemDataRole.UserRole)))
        self.count = QLabel()
        self.count.setObjectName("hint")
        add = button("Add question…", tip="Add your own question (you can tag it to programs)")
        add.clicked.connect(self.add_requested.emit)
        seed = button("Seed from CV and statements",
                      tip="Questions about your CV gaps, your statement's programs and the "
                      "experiences it names")
        seed.clicked.connect(self.seed_requested.emit)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.filter)
        lv.addWidget(self.search)
        lv.addWidget(self.list, 1)
        lv.addWidget(self.count)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(seed)
        lv.addLayout(row)

        self.title = QLabel("Choose a question")
        self.title.setObjectName("questionTitle")
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Question")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setObjectName("hint")
        self.meta.setWordWrap(True)
        self.look_for = QLabel()
        self.look_for.setWordWrap(True)
        self.look_for.setAccessibleName("What interviewers look for")
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setAccessibleName("Your attempts")
        self.practise_button = button("Practice this question", tip="Start a one-question drill "
                                                                 "(or double-click the question)")
        self.practise_button.clicked.connect(lambda: self._emit(self.practise))
        self.edit_button = button("Edit…", tip="Edit your question or the programs it is tagged to")
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.copy_button = button("Copy to my questions…",
                                  tip="Make your own version to reword or tag to programs")
        self.copy_button.clicked.connect(lambda: self._emit(self.copy_requested))
        self.delete_button = button("Delete…", tip="Delete your question (its history stays)")
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        actions = QHBoxLayout()
        for b in (self.practise_button, self.edit_button, self.copy_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.notes = notes
        detail = QWidget()
        dv = QVBoxLayout(detail)
        dv.setContentsMargins(12, 4, 8, 4)
        dv.setSpacing(8)
        dv.addWidget(self.title)
        dv.addWidget(self.meta)
        dv.addLayout(actions)
        dv.addWidget(self.look_for)
        dv.addWidget(self.notes)
        dv.addWidget(self.history)
        dv.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(detail)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 600])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setStyleSheet(
            "QLabel#questionTitle { font-size: 14pt; color: #1f2933; }"
            "QLabel#hint { color: #6b7280; }"
            "QListWidget::item { padding: 5px 6px; border-bottom: 1px solid #eef1f5; }"
            "QListWidget::item:selected { background: #dcebe8; color: #1f2933; }")
        self._show_detail(None, [])

    # -- data ----------------------------------------------------------------------------------

    def show_bank(self, bank: QuestionBank, mine: Sequence[UserQuestion],
                  states: Mapping[str, ReviewState], today: dt.date) -> None:
        """Show ``bank`` (already extended with the user's questions)."""
        current = self.current_id()
        self.bank = bank
        self.mine = {q.id for q in mine}
        self.states = dict(states)
        self.today = today
        wanted = self.filter.currentData() or ALL
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(f"All questions ({len(bank)})", ALL)
        self.filter.addItem(f"Your questions ({len(self.mine)})", MINE)
        due = sum(1 for q in bank if q.id in self.states and self.states[q.id].is_due(today))
        self.filter.addItem(f"Due for review ({due})", DUE)
        for c in bank.categories:
            self.filter.addItem(f"{c.title} ({len(bank.in_category(c.id))})", c.id)
        index = self.filter.findData(wanted)
        self.filter.setCurrentIndex(max(0, index))
        self.filter.blockSignals(False)
        self._fill_list(select=current)

    def _emit(self, signal: SignalInstance) -> None:
        qid = self.current_id()
        if qid:
            signal.emit(qid)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, question_id: str) -> None:
        """Show ``question_id`` (switching to "All" if the filter hides it)."""
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == question_id:
                self.list.setCurrentRow(i)
                return
        self.search.clear()
        self.filter.setCurrentIndex(0)
        self._fill_list(select=question_id)

    def _visible(self) -> list[Question]:
        if self.bank is None:
            return []
        key = self.filter.currentData() or ALL
        needle = self.search.text().strip().casefold()
        result = []
        for q in self.bank:
            if key == MINE and q.id not in self.mine:
                continue
            if key == DUE and not (q.id in self.states and self.states[q.id].is_due(self.today)):
                continue
            if key not in (ALL, MINE, DUE) and q.category != key:
                continue
            if needle and needle not in q.text.casefold() and needle not in q.id:
                continue
            result.append(q)
        return result

    def _fill_list(self, select: str | None = None) -> None:
        select = select or self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for q in self._visible():
            item = QListWidgetItem(q.text)
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            tip = q.id
            if q.id in self.mine:
                item.setForeground(QBrush(MINE_COLOUR))
                tip += " · your question"
            state = self.states.get(q.id)
            if state is not None:
                tip += f" · box {state.box} of 6, due {state.due}"
            item.setToolTip(tip)
            self.list.addItem(item)
            if q.id == select:
                chosen = item
        self.list.blockSignals(False)
        self.count.setText(f"{self.list.count()} shown")
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        elif self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._on_selected(None, None)

    # -- details -------------------------------------------------------------------------------

    def _on_selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        qid = None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
        self.notes.load(qid)
        self.selected.emit(qid or "")

    def show_history(self, attempts: Sequence[Attempt]) -> None:
        """Called by the page after :attr:`selected` with the question's attempts."""
        qid = self.current_id()
        question = self.bank.get(qid) if self.bank is not None and qid and qid in self.bank \
            else None
        self._show_detail(question, attempts)

    def _show_detail(self, q: Question | None, attempts: Sequence[Attempt]) -> None:
        has = q is not None
        mine = has and q.id in self.mine  # type: ignore[union-attr]
        for b in (self.practise_button, self.copy_button):
            b.setEnabled(has)
        self.edit_button.setVisible(mine)
        self.delete_button.setVisible(mine)
        self.copy_button.setVisible(has and not mine)
        if q is None or self.bank is None:
            self.title.setText("Choose a question")
            self.meta.setText("")
            self.look_for.setText("")
            self.history.setText("")
            return
        category = self.bank.category(q.category)
        self.title.setText(q.text)
        bits = [category.title]
        if category.answerable:
            bits.append(f"aim for {clock_text(q.answer_seconds)}")
        state = self.states.get(q.id)
        if state is not None and state.due is not None:
            when = "today" if state.due <= self.today else f"{state.due:%b %d}"
            bits.append(f"box {state.box} of 6, due {when}")
        if isinstance(q, UserQuestion):
            bits.append("your question")
            if q.programs:
                bits.append("for " + ", ".join(q.programs))
            if q.source_ref:
                bits.append(f"from {q.source_ref}")
        self.meta.setText(" · ".join(bits))
        follow = "".join(f"<li>{f}</li>" for f in q.follow_ups)
        look = f"<b>What interviewers look for</b><br>{q.look_for}" if q.look_for else ""
        if follow:
            look += f"<br><b>Likely follow-ups</b><ul style='margin:2px'>{follow}</ul>"
        self.look_for.setText(look)
        self.history.setText(_history_html(attempts))


def _history_html(attempts: Sequence[Attempt]) -> str:
    answered = [a for a in attempts if not a.skipped][-6:]
    if not answered:
        return "<span style='color:#6b7280'>Not practiced yet.</span>"
    rows = []
    for a in reversed(answered):
        scores = " · ".join(str(s) for s in a.rubric.scores) if a.rubric else "not rated"
        over = f" (+{clock_text(a.overtime_seconds)})" if a.overtime_seconds >= 1 else ""
        verdict = judge_timing(a.answer_seconds, a.target_seconds,
                               tolerance=shipped_tolerance()).timing.value
        over += f" · {verdict}"
        rec = " · recorded" if a.recording_path else ""
        rows.append(f"<tr><td>{a.started_at.astimezone():%b %d}</td>"
                    f"<td>{clock_text(a.answer_seconds)} of {clock_text(a.target_seconds)}"
                    f"{over}</td><td>{scores}{rec}</td></tr>")
    head = ("<tr style='color:#6b7280'><td>Date</td><td>Length</td>"
            "<td>Structure · conciseness · content · delivery</td></tr>")
    return ("<b>Your attempts</b><table cellspacing='0' cellpadding='3'>" + head
            + "".join(rows) + "</table>")
