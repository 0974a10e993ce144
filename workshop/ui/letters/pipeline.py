"""A request's status as a row of dated steps, and the buttons that record the next one.

Steps go one at a time (planned → asked → agreed → packet sent → uploaded → assigned), each
with the day it happened; a writer may decline at any point. The core refuses impossible moves
(a skipped step, a date before the previous step, "uploaded" without a Letter ID) and its
reason is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
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
    escape,
    refuse,
    short_date,
)
from workshop.ui.letters.dates import FORMAT_HINT, DateField
from workshop.ui.letters.store import LettersStore

CURRENT_COLOUR = "#1f618d"
DECLINED_COLOUR = "#c0392b"
STEP_NAMES = {Status.UPLOADED: "Uploaded (LoR Portal)"}


def step_name(status: Status) -> str:
    """Short names for the chips; the full wording stays in tooltips and refusals."""
    label = STEP_NAMES.get(status, status.label)
    return label[:1].upper() + label[1:]


class StepsBar(QWidget):
    """Six chips, one per step: done (✓ with the date), current (●), still to come (○)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Status steps")
        self.chips: dict[Status, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for status in (*PIPELINE, Status.DECLINED):
            chip = QLabel()
            chip.setTextFormat(Qt.TextFormat.RichText)
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            chip.setAccessibleName(f"Step: {status.label}")
            chip.setFrameShape(QFrame.Shape.StyledPanel)
            chip.setMinimumHeight(40)
            layout.addWidget(chip, 1)
            self.chips[status] = chip

    def show_request(self, request: LetterRequest | None) -> None:
        current = request.status if request else None
        for status, chip in self.chips.items():
            event = request.event_for(status) if request else None
            if status is Status.DECLINED:
                chip.setVisible(current is Status.DECLINED)
                symbol, colour, background = "✕", DECLINED_COLOUR, "#fdecea"
            elif status is current:
                symbol, colour, background = "●", CURRENT_COLOUR, "#eaf2f8"
            elif event is not None:
                symbol, colour, background = "✓", DONE_COLOUR, "#eafaf1"
            else:
                symbol, colour, background = "○", MUTED_COLOUR, "transparent"
            when = short_date(event.on) if event else "—"
            weight = "bold" if status is current else "normal"
            chip.setText(f"<span style='color:{colour}; font-weight:{weight}'>{symbol} "
                         f"{escape(step_name(status))}</span><br>"
                         f"<span style='color:#566573'>{when}</span>")
            chip.setStyleSheet(f"QLabel {{ background: {background}; border-radius: 4px; }}")
            tip = status.label.capitalize()
            if event is not None:
                tip += f", {short_date(event.on)}" + (f": {event.note}" if event.note else "")
            chip.setToolTip(tip)


class PipelineView(QWidget):
    """Records the next step (or a decline) of one request on a chosen date.

    ``bar`` is the row of steps; the panel places it above the form, and this widget (the
    date and the two buttons) beside it.
    """

    advanced = Signal(object)  # the stored LetterRequest

    def __init__(self, store: LettersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.request: LetterRequest | None = None
        self.writer_name = ""
        self.bar = StepsBar()
        self.on_date = DateField(store.today)
        self.on_date.setAccessibleName("Date of the next step")
        self.on_date.setToolTip(f"The day it happened (not the day you record it). "
                                f"{FORMAT_HINT}")
        self.next_button = button("Mark as …", self.advance_next, name="Record the next step")
        self.decline_button = button("Declined…", self.decline,
                                     "Record that the writer cannot write this letter",
                                     name="Writer declined")
        self.hint = QLabel()
        self.hint.setAccessibleName("Next step")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5d6d7e;")
        row = QHBoxLayout()
        row.addWidget(QLabel("On"))
        row.addWidget(self.on_date)
        row.addWidget(self.next_button, 1)
        row.addWidget(self.decline_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        self.load(None)

    def load(self, request: LetterRequest | None, writer_name: str = "") -> None:
        self.request = request
        self.writer_name = writer_name
        self.bar.show_request(request)
        self.on_date.set_value(self.store.today())
        current = request.status if request else None
        declined = current is Status.DECLINED
        following = self.next_status()
        editable = request is not None and not self.store.read_only
        if following is not None:
            text = f"Mark as {following.label}"
            self.hint.setText(f"Now: {current.label if current else ''}. When it happens, "
                              f"record “{following.label}” with its date.")
        else:
            text = "No further step"
            self.hint.setText("Declined: add a new request if the writer changes their mind."
                              if declined else "Assigned: nothing more to do for this letter.")
        self.next_button.setText(text)
        self.next_button.setAccessibleName(text)
        self.next_button.setEnabled(editable and following is not None)
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
                                     self.on_date.value() or self.store.today())
        if not outcome:
            refuse(self, "Step not recorded", outcome.error)
            return False
        self.load(outcome.value, self.writer_name)
        self.advanced.emit(outcome.value)
        return True
