"""Dialogs: add an invitation; confirm which program an imported calendar file is for."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from workshop.core.errors import UserError
from workshop.core.interviews.in_workspace import ImportProposal, slot_from_event, slot_times
from workshop.core.interviews.zones import parse_date, zone_for_state
from workshop.core.programs.model import Program
from workshop.ui.interviews.common import (
    NOTE_STYLE,
    WARN_STYLE,
    combo,
    line,
    set_zone,
    wrapped,
    zone_box,
)


def _buttons(dialog: QDialog, ok: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class AddInvitationDialog(QDialog):
    """Which program invited you, when, the reply date and the program's zone."""

    def __init__(self, programs: list[Program], today: _dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add an interview invitation")
        self.setAccessibleName("Add an interview invitation")
        self.programs = programs
        self.program = combo("Program", [(p.display_name, p.id) for p in programs])
        self.program.currentIndexChanged.connect(lambda _i: self._zone_guess())
        self.received = line("Invitation received", "YYYY-MM-DD", today.isoformat())
        self.respond_by = line("Respond by", "YYYY-MM-DD (if the invitation gives one)")
        self.zone = zone_box("Program's time zone")
        self.hint = wrapped("The zone is guessed from the program's state: check it against "
                            "the invitation.", NOTE_STYLE, "About the time zone")
        form = QFormLayout()
        form.addRow("Program", self.program)
        form.addRow("Received", self.received)
        form.addRow("Respond by", self.respond_by)
        form.addRow("Program's time zone", self.zone)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(_buttons(self, "Add invitation"))
        self._zone_guess()

    def _zone_guess(self) -> None:
        index = self.program.currentIndex()
        if 0 <= index < len(self.programs):
            set_zone(self.zone, zone_for_state(self.programs[index].state))

    def values(self) -> tuple[int, _dt.date, _dt.date | None, str]:
        """(program id, received, respond by, zone); UserError for a date that cannot be read."""
        received = parse_date(self.received.text(), "received date")
        if received is None:
            raise UserError("type the day the invitation arrived", where="received date",
                            hint="Type it as YYYY-MM-DD.")
        return (int(self.program.currentData()), received,
                parse_date(self.respond_by.text(), "respond-by date"), self.zone.currentText())


class ImportDialog(QDialog):
    """Shows what the calendar file says and the program it seems to be for; the user
    confirms or picks another program (and the zone when the file gives none)."""

    def __init__(self, proposal: ImportProposal, programs: list[Program], applicant_zone: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import an interview from a calendar file")
        self.setAccessibleName("Import an interview from a calendar file")
        event = proposal.event
        ordered = [c.program for c in proposal.candidates]
        ordered += [p for p in programs if p.id not in {c.id for c in ordered}]
        self.programs = ordered
        self.program = combo("Program this interview is for",
                             [(p.display_name, p.id) for p in ordered])
        if proposal.candidates:
            best = proposal.candidates[0]
            match = f"Matched to <b>{best.program.display_name}</b>: {best.reason}. Check it."
        else:
            match = "No program matched the file's text: choose the program below."
        self.match = wrapped(match, "" if proposal.candidates else WARN_STYLE, "Match found")
        start = event.start
        when = (start.isoformat(sep=" ", timespec="minutes") if isinstance(start, _dt.datetime)
                else start.isoformat() if start else "no start")
        zone_text = event.zone_name or ("UTC" if isinstance(start, _dt.datetime)
                                        and start.tzinfo is not None else "no zone given")
        self.summary = wrapped(
            f"<b>{event.summary or '(no title)'}</b><br>{when} ({zone_text})"
            + (f"<br>{event.location}" if event.location else ""), "", "What the file says")
        self.warnings = wrapped("<br>".join(event.warnings), WARN_STYLE, "Import warnings")
        self.warnings.setVisible(bool(event.warnings))
        self.zone = zone_box("Time zone for this interview")
        self.zone.setEnabled(not event.zone_name)
        self.program.currentIndexChanged.connect(lambda _i: self._zone_default())
        self.preview = wrapped("", NOTE_STYLE, "Import preview")
        self.zone.currentTextChanged.connect(lambda _t: self._preview())
        self.event = event
        self.applicant_zone = applicant_zone
        form = QFormLayout()
        form.addRow("Program", self.program)
        form.addRow("Time zone", self.zone)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.match)
        layout.addWidget(self.warnings)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(_buttons(self, "Import"))
        self._zone_default()

    def _zone_default(self) -> None:
        if self.event.zone_name:
            set_zone(self.zone, self.event.zone_name)
        else:
            index = self.program.currentIndex()
            if 0 <= index < len(self.programs):
                set_zone(self.zone, zone_for_state(self.programs[index].state))
        self._preview()

    def _preview(self) -> None:
        try:
            slot = slot_from_event(self.event, self.zone.currentText())
        except UserError as exc:
            self.preview.setText(str(exc))
            return
        program_time, your_time = slot_times(slot, self.applicant_zone)
        self.preview.setText(f"Saved as: {program_time} ({slot.time_zone})"
                             + (f"; {your_time} for you" if your_time else ""))

    def values(self) -> tuple[int, str]:
        return int(self.program.currentData()), self.zone.currentText()
