"""A request's status as steps with dates, and the buttons that record the next step.

Steps go one at a time (planned → asked → agreed → packet sent → uploaded → assigned), each
with the day it happened; a writer may decline at any point. The core refuses impossible moves
(a skipped step, a date before the previous step, "uploaded" without a Letter ID) and its
reason is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from workshop.core.letters.model import PIPELINE, LetterRequest, Status
from workshop.core.letters.status import allowed_next
from workshop.ui.letters.common import (
    DONE_COLOUR,
    MUTED_COLOUR,
    button,
    from_qdate,
    refuse,
    short_date,
    to_qdate,
)
from workshop.ui.letters.store import LettersStore

CURRENT_COLOUR = "#1f618d"
DECLINED_COLOUR = "#c0392b"


class PipelineView(QWidget):
    """Shows the steps of one request and records the next one."""

    advanced = Signal(object)  # the stored LetterRequest

    def __init__(self, store: LettersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.request: LetterRequest | None = None
        self.writer_name = ""
        self.steps = QGridLayout()
        self.steps.setHorizontalSpacing(10)
        self.steps.setVerticalSpacing(3)
        self.step_labels: dict[Status, tuple[QLabel, QLabel]] = {}
        for row, status in enumerate((*PIPELINE, Status.DECLINED)):
            mark, text = QLabel(), QLabel()
            mark.setAccessibleName(f"Step {status.label}: mark")
            text.setAccessibleName(f"Step {status.label}")
            text.setTextFormat(Qt.TextFormat.RichText)
            self.steps.addWidget(mark, row, 0)
            self.steps.addWidget(text, row, 1)
            self.step_labels[status] = (mark, text)
        self.steps.setColumnStretch(1, 1)
        self.on_date = QDateEdit()
        self.on_date.setAccessibleName("Date of the next step")
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("MMM d, yyyy")
        self.on_date.setToolTip("The day it happened (not the day you record it).")
        self.next_button = button("Mark as …", self.advance_next, name="Record the next step")
        self.decline_button = button("Writer declined…", self.decline,
                                     "Record that the writer cannot write this letter")
        actions = QHBoxLayout()
        actions.addWidget(QLabel("On"))
        actions.addWidget(self.on_date)
        actions.addWidget(self.next_button, 1)
        actions.addWidget(self.decline_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.steps)
        layout.addLayout(actions)
        self.load(None)

    def load(self, request: LetterRequest | None, writer_name: str = "") -> None:
        self.request = request
        self.writer_name = writer_name
        self.on_date.setDate(to_qdate(self.store.today()))
        current = request.status if request else None
        declined = current is Status.DECLINED
        for status, (mark, text) in self.step_labels.items():
            event = request.event_for(status) if request else None
            when = f" — {short_date(event.on)}" if event else ""
            note = f" <i>({_escape(event.note)})</i>" if event and event.note else ""
            if status is Status.DECLINED:
                visible = declined
                symbol, colour, weight = "✕", DECLINED_COLOUR, "bold"
            elif status is current:
                visible, symbol, colour, weight = True, "●", CURRENT_COLOUR, "bold"
            elif event is not None:
                visible, symbol, colour, weight = True, "✓", DONE_COLOUR, "normal"
            else:
                visible, symbol, colour, weight = True, "○", MUTED_COLOUR, "normal"
            mark.setText(symbol)
            mark.setStyleSheet(f"color: {colour}; font-weight: bold;")
            suffix = " (now)" if status is current and not declined else ""
            text.setText(f"<span style='color:{colour}; font-weight:{weight}'>"
                         f"{_escape(status.label.capitalize())}{suffix}</span>{when}{note}")
            mark.setVisible(visible)
            text.setVisible(visible)
        following = [s for s in allowed_next(current) if s is not Status.DECLINED] \
            if current else []
        editable = request is not None and not self.store.read_only
        if following:
            self.next_button.setText(f"Mark as {following[0].label}")
            self.next_button.setAccessibleName(f"Mark as {following[0].label}")
        else:
            self.next_button.setText("No further step")
            self.next_button.setAccessibleName("No further step")
        self.next_button.setEnabled(editable and bool(following))
        self.decline_button.setEnabled(editable and not declined)
        self.on_date.setEnabled(editable and not declined)

    def next_status(self) -> Status | None:
        if self.request is None:
            return None
        following = [s for s in allowed_next(self.request.status) if s is not Status.DECLINED]
        return following[0] if following else None

    def advance_next(self) -> bool:
        """Record the next step on the chosen date; a refusal is shown with its reason."""
        status = self.next_status()
        if status is None:
            return False
        return self._advance(status)

    def decline(self) -> bool:
        if self.request is None:
            return False
        who = self.writer_name or "the writer"
        answer = QMessageBox.question(
            self, "Writer declined",
            f"Record that {who} declined this letter? The request keeps its history but "
            "cannot move on; add a new request if they change their mind.")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._advance(Status.DECLINED)

    def _advance(self, status: Status) -> bool:
        assert self.request is not None and self.request.id is not None
        outcome = self.store.advance(self.request.id, status.value,
                                     from_qdate(self.on_date.date()))
        if not outcome:
            refuse(self, "Step not recorded", outcome.error)
            return False
        self.load(outcome.value, self.writer_name)
        self.advanced.emit(outcome.value)
        return True


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
