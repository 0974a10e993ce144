"""The invitation's own fields and its status pipeline (dated events)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from workshop.core.interviews import in_workspace as service
from workshop.core.interviews.guidance import rule, rules
from workshop.core.interviews.model import (
    MODE_LABELS,
    NEXT,
    PLATFORM_LABELS,
    POLICY_LABELS,
    STATUS_LABELS,
    Invitation,
)
from workshop.core.interviews.zones import parse_date
from workshop.core.programs.model import Program
from workshop.ui.interviews.common import (
    NOTE_STYLE,
    WARN_STYLE,
    combo,
    line,
    select,
    set_zone,
    text_box,
    wrapped,
    zone_box,
)
from workshop.ui.widgets import button

if TYPE_CHECKING:
    from workshop.ui.interviews.page import InterviewsPage


class DetailsTab(QWidget):
    """Status with its dated history, then received / respond-by, zone, format, platform,
    location, the program's thank-you policy and notes."""

    def __init__(self, page: InterviewsPage) -> None:
        super().__init__()
        self.page = page
        self.invitation: Invitation | None = None
        self.program: Program | None = None
        self.status_line = wrapped("", "font-weight: bold;", "Current status")
        self.when = wrapped("", "", "Interview time")
        self.own_conflicts = wrapped("", WARN_STYLE, "Conflicts of this interview")
        self.history = wrapped("", NOTE_STYLE, "Status history")
        self.next_status = combo("New status", [])
        self.status_date = line("Status date", "YYYY-MM-DD")
        self.status_note = line("Status note", "Note (optional)")
        self.record = button("Record status", self.record_status,
                             "Record the new status with its date")
        self.status_hint = wrapped("", WARN_STYLE, "About this status")
        self.next_status.currentIndexChanged.connect(lambda _i: self._status_hint())
        status_row = QHBoxLayout()
        status_row.addWidget(self.next_status)
        status_row.addWidget(self.status_date)
        status_row.addWidget(self.status_note, 1)
        status_row.addWidget(self.record)

        self.received = line("Invitation received", "YYYY-MM-DD")
        self.respond_by = line("Respond by", "YYYY-MM-DD")
        self.zone = zone_box("Program's time zone")
        self.mode = combo("Interview format", [(v, k) for k, v in MODE_LABELS.items()])
        self.platform = combo("Scheduling platform", [(v, k) for k, v in PLATFORM_LABELS.items()])
        self.platform_note = line("Platform details", "e.g. Zoom link in Thalamus")
        self.location = line("Location", "Address, or the video link's name")
        self.policy = combo("Thank-you policy", [(v, k) for k, v in POLICY_LABELS.items()])
        self.policy.currentIndexChanged.connect(lambda _i: self._policy_hint())
        self.policy_note = line("What the program said", "Their words, e.g. “no thank-you notes”")
        self.policy_hint = wrapped("", NOTE_STYLE, "Thank-you policy note")
        self.notes = text_box("Invitation notes", "Anything else about this invitation", 70)
        self.notes.setMaximumHeight(120)
        self.save = button("Save details", self.save_details, "Save these fields")
        self.remove = button("Delete invitation…", self.delete,
                             "Delete this invitation, its dates and events (not the program)")

        form = QFormLayout()
        form.addRow("Received", self.received)
        form.addRow("Respond by", self.respond_by)
        form.addRow("Program's time zone", self.zone)
        form.addRow("Format", self.mode)
        form.addRow("Platform", self.platform)
        form.addRow("Platform details", self.platform_note)
        form.addRow("Location", self.location)
        form.addRow("Thank-you policy", self.policy)
        form.addRow("Program's words", self.policy_note)
        form.addRow("", self.policy_hint)
        form.addRow("Notes", self.notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.remove)
        before = rules("before")[0]
        self.rule = wrapped(f"<b>{before.title}.</b> {before.text} "
                            f"<i>(Source: {before.source}.)</i>", NOTE_STYLE, "NRMP rule")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_line)
        layout.addWidget(self.when)
        layout.addWidget(self.own_conflicts)
        layout.addLayout(status_row)
        layout.addWidget(self.status_hint)
        layout.addWidget(self.history)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.rule)
        layout.addStretch(1)

    def load(self, program: Program, invitation: Invitation) -> None:
        self.program, self.invitation = program, invitation
        current = STATUS_LABELS[invitation.status]
        self.status_line.setText(f"{program.display_name}: {current}")
        self.history.setText("History: " + "; ".join(
            f"{STATUS_LABELS[e.status]} {e.on.isoformat()}" + (f" ({e.note})" if e.note else "")
            for e in invitation.events) if invitation.events else "No dated events yet.")
        chosen = invitation.chosen
        view = self.page.view
        zone_name = view.applicant_zone if view else ""
        if chosen is not None:
            program_time, your_time = service.slot_times(chosen, zone_name)
            same = chosen.time_zone == zone_name
            days = (chosen.day - self.page.today()).days
            ahead = {0: " — today", 1: " — tomorrow"}.get(days, f" — in {days} days"
                                                         if days > 1 else "")
            self.when.setText(f"Interview: {program_time} ({chosen.time_zone})"
                              + (f" = {your_time} for you" if your_time and not same else "")
                              + (ahead if invitation.status == "scheduled" else ""))
        else:
            self.when.setText(f"Reply by {invitation.respond_by.isoformat()}: no date chosen "
                              "yet." if invitation.respond_by and invitation.status == "invited"
                              else "No date chosen.")
        mine = [c.text for c in (view.conflicts if view else [])
                if invitation.program_id in c.program_ids]
        self.own_conflicts.setText("\n".join("⚠ " + t for t in mine))
        self.own_conflicts.setVisible(bool(mine))
        self.next_status.clear()
        for status in sorted(NEXT.get(invitation.status, ()),
                             key=lambda s: list(STATUS_LABELS).index(s)):
            self.next_status.addItem(STATUS_LABELS[status], status)
        can_move = self.next_status.count() > 0
        for widget in (self.next_status, self.status_date, self.status_note, self.record):
            widget.setVisible(can_move)
            widget.setEnabled(can_move and not self.page.read_only)
        if not can_move:
            self.status_line.setText(f"{program.display_name}: {current} (final)")
        self.status_date.setText(self.page.today().isoformat())
        self._status_hint()
        self.status_note.clear()
        self.received.setText(invitation.received_on.isoformat() if invitation.received_on else "")
        self.respond_by.setText(invitation.respond_by.isoformat() if invitation.respond_by else "")
        set_zone(self.zone, invitation.time_zone)
        select(self.mode, invitation.mode)
        select(self.platform, invitation.platform)
        self.platform_note.setText(invitation.platform_note)
        self.location.setText(invitation.location)
        select(self.policy, invitation.thank_you_policy)
        self.policy_note.setText(invitation.policy_note)
        self.notes.setPlainText(invitation.notes)
        for edit in (self.platform_note, self.location, self.policy_note):
            edit.setCursorPosition(0)  # a long note opens at its start, not scrolled to its end
        self._policy_hint()
        for widget in (self.save, self.remove):
            widget.setEnabled(not self.page.read_only)

    def _status_hint(self) -> None:
        status = self.next_status.currentData()
        text = ""
        if status == "cancelled":
            text = rule("cancellation-etiquette").text + " The Letters tab has the e-mail."
        elif status == "declined":
            text = "Decline in the platform and by e-mail, so another applicant can take the " \
                   "place. The Letters tab has the e-mail."
        self.status_hint.setText(text)
        self.status_hint.setVisible(bool(text) and not self.next_status.isHidden())

    def _policy_hint(self) -> None:
        policy = self.policy.currentData()
        text = {"no-thank-you": "No thank-you template will be offered, as the program asked.",
                "no-contact": "No thank-you or update-letter template will be offered, as the "
                              "program asked.",
                "not-stated": "Check the invitation or the interview day for the program's "
                              "policy.",
                }.get(policy, "")
        self.policy_hint.setText(text)
        self.policy_hint.setVisible(bool(text))

    def record_status(self) -> None:
        invitation = self.invitation
        if invitation is None or invitation.id is None:
            return
        status = str(self.next_status.currentData() or "")
        invitation_id = invitation.id

        def act() -> object:
            on = parse_date(self.status_date.text(), "status date") or self.page.today()
            return service.set_status(self.page.workspace, invitation_id, status, on,
                                      self.status_note.text().strip())

        self.page.write(act, "Cannot record the status")

    def save_details(self) -> None:
        if self.invitation is None:
            return
        # edit a copy: a refused save must leave the loaded invitation as it is stored
        invitation = copy.deepcopy(self.invitation)

        def act() -> object:
            invitation.received_on = parse_date(self.received.text(), "received date")
            invitation.respond_by = parse_date(self.respond_by.text(), "respond-by date")
            invitation.time_zone = self.zone.currentText().strip()
            invitation.mode = self.mode.currentData()
            invitation.platform = self.platform.currentData()
            invitation.platform_note = self.platform_note.text().strip()
            invitation.location = self.location.text().strip()
            invitation.thank_you_policy = self.policy.currentData()
            invitation.policy_note = self.policy_note.text().strip()
            invitation.notes = self.notes.toPlainText()
            return service.save_invitation(self.page.workspace, invitation)

        self.page.write(act, "Cannot save the invitation")

    def delete(self) -> None:
        invitation = self.invitation
        if invitation is None or invitation.id is None or self.program is None:
            return
        answer = QMessageBox.question(
            self, "Delete invitation",
            f"Delete the invitation from {self.program.display_name} with its dates and "
            "status history? The program and its communication log stay.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        invitation_id = invitation.id
        self.page.write(lambda: service.delete_invitation(self.page.workspace, invitation_id),
                        "Cannot delete the invitation")
