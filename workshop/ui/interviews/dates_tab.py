"""Dates offered and the chosen one, each shown in the program's zone and in yours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.interviews import in_workspace as service
from workshop.core.interviews.model import Invitation, Slot
from workshop.core.interviews.zones import parse_date, parse_time
from workshop.ui.interviews.common import NOTE_STYLE, line, set_zone, table, wrapped, zone_box
from workshop.ui.widgets import button

if TYPE_CHECKING:
    from workshop.ui.interviews.page import InterviewsPage

HEADERS = ("", "Program's time", "Your time", "Zone")


class DatesTab(QWidget):
    def __init__(self, page: InterviewsPage) -> None:
        super().__init__()
        self.page = page
        self.invitation: Invitation | None = None
        self.table = table("Interview dates", HEADERS, 1)
        self.table.setMinimumHeight(120)
        self.choose = button("Mark as chosen", self.choose_selected,
                             "This is the date you picked")
        self.unchoose = button("None chosen", lambda: self._choose(None),
                               "No date is chosen yet")
        self.remove = button("Remove date", self.remove_selected, "Remove the selected date")
        row_buttons = QHBoxLayout()
        for widget in (self.choose, self.unchoose, self.remove):
            row_buttons.addWidget(widget)
        row_buttons.addStretch(1)

        self.day = line("New date", "YYYY-MM-DD")
        self.start = line("Start time", "Start, e.g. 9:00 am")
        self.end = line("End time", "End, e.g. 1:00 pm")
        self.zone = zone_box("Time zone of the new date")
        self.add = button("Add date", self.add_slot, "Add a date offered (in the program's zone)")
        add_row = QHBoxLayout()
        for widget in (self.day, self.start, self.end):
            add_row.addWidget(widget)
        add_row.addWidget(self.zone, 1)
        add_row.addWidget(self.add)
        self.hint = wrapped("Type the time as the program states it, in its zone; the app shows "
                            "it in yours. Leave the times empty when only the day is known.",
                            NOTE_STYLE, "How to add a date")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addLayout(add_row)
        layout.addWidget(self.hint)

    def load(self, invitation: Invitation, applicant_zone: str) -> None:
        self.invitation = invitation
        self.table.setRowCount(0)
        for slot in invitation.slots:
            program_time, your_time = service.slot_times(slot, applicant_zone)
            if applicant_zone == slot.time_zone and your_time:
                your_time = "same zone"
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = ("Chosen" if slot.chosen else "Offered", program_time,
                      your_time or "set your zone above", slot.time_zone)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(0x0100, slot.id)  # Qt.UserRole
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        set_zone(self.zone, invitation.time_zone)
        editable = not self.page.read_only
        for widget in (self.choose, self.unchoose, self.remove, self.add):
            widget.setEnabled(editable)

    def _selected(self) -> Slot | None:
        if self.invitation is None:
            return None
        row = self.table.currentRow()
        if row < 0 or row >= len(self.invitation.slots):
            return None
        return self.invitation.slots[row]

    def choose_selected(self) -> None:
        slot = self._selected()
        if slot is None:
            self.page.message.emit("Select a date first.")
            return
        self._choose(slot.id)

    def _choose(self, slot_id: int | None) -> None:
        invitation = self.invitation
        if invitation is None or invitation.id is None:
            return
        invitation_id = invitation.id
        self.page.write(lambda: service.choose_slot(self.page.workspace, invitation_id, slot_id),
                        "Cannot choose the date")

    def remove_selected(self) -> None:
        slot, invitation = self._selected(), self.invitation
        if slot is None or slot.id is None or invitation is None or invitation.id is None:
            self.page.message.emit("Select a date first.")
            return
        invitation_id, slot_id = invitation.id, slot.id
        self.page.write(lambda: service.delete_slot(self.page.workspace, invitation_id, slot_id),
                        "Cannot remove the date")

    def add_slot(self) -> None:
        invitation = self.invitation
        if invitation is None or invitation.id is None:
            return
        invitation_id = invitation.id

        def act() -> object:
            day = parse_date(self.day.text(), "date")
            if day is None:
                raise UserError("type the date first", where="date",
                                hint="Type it as YYYY-MM-DD, e.g. 2026-12-14.")
            start = parse_time(self.start.text(), "start time")
            end = parse_time(self.end.text(), "end time")
            slot = Slot(day, self.zone.currentText(), start, end if start else None)
            result = service.add_slot(self.page.workspace, invitation_id, slot)
            for field in (self.day, self.start, self.end):
                field.clear()
            return result

        self.page.write(act, "Cannot add the date")
