"""SOAP preparation: March from the season data, a statement per track with its counter, and the
SOAP phone-screen drill preset."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.core.changes import Changes
from workshop.core.errors import UserError
from workshop.core.interviews import soap
from workshop.ui.interviews.common import (
    NOTE_STYLE,
    PROBLEM_STYLE,
    WARN_STYLE,
    combo,
    scrolled,
    text_box,
    wrapped,
)
from workshop.ui.save_state import SaveState
from workshop.ui.widgets import button

if TYPE_CHECKING:
    from workshop.ui.interviews.page import InterviewsPage

AUTOSAVE_MS = 800


class SoapTab(QWidget):
    def __init__(self, page: InterviewsPage) -> None:
        super().__init__()
        self.page = page
        self.document_id: int | None = None
        self._loading = False
        self.timeline = QTableWidget(0, 3)
        self.timeline.setAccessibleName("March timeline")
        self.timeline.setHorizontalHeaderLabels(("Date", "What", "When"))
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setWordWrap(True)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.timeline_note = wrapped("", NOTE_STYLE, "About these dates")

        self.track = combo("SOAP track", [(soap.TRACKS[k], k) for k in soap.TRACKS])
        self.track.currentIndexChanged.connect(lambda _i: self.load_statement())
        self.create = button("Create statement", lambda: self.create_statement(False),
                             "Start an empty SOAP statement for this track")
        self.copy_main = button("Start from my main statement",
                                lambda: self.create_statement(True),
                                "Copy your first personal statement to adapt it")
        self.editor = text_box("SOAP statement", "Your SOAP statement for this track", 160)
        self.editor.textChanged.connect(self._typed)
        self.counter = wrapped("", "", "SOAP statement length")
        self.about = wrapped(
            "SOAP statements are ordinary ERAS personal statements, kept as “SOAP — <track>” "
            "in Personal statements (checks and exports work there too). ERAS allows any "
            "number of statements, each assigned per program; each is limited to 28,000 "
            "characters.", NOTE_STYLE, "About SOAP statements")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.flush)

        self.preset = wrapped(self._drill_text(), NOTE_STYLE, "SOAP drill preset")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(wrapped("<b>March of the Match year</b>", "", "March heading"))
        left_layout.addWidget(self.timeline, 1)
        left_layout.addWidget(self.timeline_note)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.track)
        row.addWidget(self.create)
        row.addWidget(self.copy_main)
        row.addStretch(1)
        right_layout.addLayout(row)
        right_layout.addWidget(self.editor, 1)
        right_layout.addWidget(self.counter)
        right_layout.addWidget(self.about)
        right_layout.addWidget(self.preset)
        splitter = QSplitter()
        splitter.addWidget(scrolled(left, "March"))
        splitter.addWidget(scrolled(right, "SOAP statements"))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    @staticmethod
    def _drill_text() -> str:
        """What the SOAP drill of Interview practice runs: the bank's SOAP questions, each
        with its own answer time, on the preset's rapid rules (see ``plans.soap_plan``)."""
        from workshop.core.drills.bank import shipped_bank

        preset = soap.soap_preset()
        questions = shipped_bank().in_category("soap")
        low = min((q.answer_seconds for q in questions), default=0)
        high = max((q.answer_seconds for q in questions), default=0)
        span = f"{low} s" if low == high else f"{low}–{high} s"
        items = "".join(f"<li>{escape(q.text)} ({q.answer_seconds} s)</li>" for q in questions)
        return (f"<b>Drill: {preset.title}</b> (Interview practice › SOAP phone screen) — "
                f"rapid, short answers as in a SOAP phone screen during Match Week: each "
                f"question has its own limit ({span}), think {preset.think_seconds} s, one "
                f"take, a hard stop.<ul>{items}</ul><i>{escape(preset.source)}</i>")

    def refresh(self) -> None:
        self.load_timeline()
        self.load_statement()

    def load_timeline(self) -> None:
        try:
            items = soap.march_timeline(self.page.today())
        except UserError as exc:
            self.timeline_note.setText(str(exc))
            return
        self.timeline.setRowCount(0)
        for item in items:
            row = self.timeline.rowCount()
            self.timeline.insertRow(row)
            end = f"–{item.event.end.strftime('%b %d')}" if item.event.end else ""
            values = (item.event.date.strftime("%a %b %d") + end,
                      f"{item.event.title} ({item.status_label})",
                      item.countdown)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip("\n".join(p for p in (item.event.when, item.event.note,
                                                        f"Source: {item.event.source}"
                                                        if item.event.source else "") if p))
                self.timeline.setItem(row, column, cell)
        self.timeline.resizeRowsToContents()
        self.timeline_note.setText("From the season file, with each date's status; hover a "
                                   "date for what its source says. Confirm every March date "
                                   "with the NRMP.")

    def _statement(self) -> soap.SoapStatement:
        track = str(self.track.currentData())
        return next(s for s in soap.soap_statements(self.page.workspace) if s.track == track)

    def load_statement(self) -> None:
        self.flush()
        statement = self._statement()
        self.document_id = statement.document_id
        exists = statement.document_id is not None
        self._loading = True
        self.editor.setPlainText(statement.body)
        self._loading = False
        self.editor.setEnabled(exists)
        self.editor.setReadOnly(self.page.read_only)
        self.create.setVisible(not exists)
        self.copy_main.setVisible(not exists)
        for widget in (self.create, self.copy_main):
            widget.setEnabled(not self.page.read_only)
        self._count()

    def _count(self) -> None:
        count, limit, level = soap.counter_for(self.editor.toPlainText())
        text = f"{count:,} / {limit:,} characters"
        if level == "over":
            text += f" — {count - limit:,} over the ERAS limit"
        elif level == "near":
            text += " — near the ERAS limit"
        self.counter.setText(text if self.document_id is not None
                             else "No statement for this track yet.")
        self.counter.setStyleSheet(PROBLEM_STYLE if level == "over" else
                                   WARN_STYLE if level == "near" else "")

    def _typed(self) -> None:
        self._count()
        if not self._loading and self.document_id is not None and not self.page.read_only:
            self.page.save_state_changed.emit(SaveState.UNSAVED, "")
            self.timer.start()

    def flush(self) -> bool:
        if not self.timer.isActive() or self.document_id is None:
            return True
        self.timer.stop()
        document_id, body = self.document_id, self.editor.toPlainText()
        return self.page.write(lambda: soap.save_soap_statement(self.page.workspace,
                                                                document_id, body),
                               "Cannot save the SOAP statement", reload=False) is not None

    def create_statement(self, from_main: bool) -> None:
        track = str(self.track.currentData())
        if self.page.write(lambda: soap.create_soap_statement(self.page.workspace, track,
                                                              from_main=from_main),
                           "Cannot create the statement", reload=False,
                           changes=Changes(statements=True)) is not None:
            self.load_statement()
