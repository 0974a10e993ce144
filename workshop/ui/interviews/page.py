"""The Interviews section: invitations with their dates in two zones, conflicts, the log,
policy-aware letters, impressions, the NRMP rules, and SOAP preparation.

Every edit is one core call (``workshop.core.interviews.in_workspace``) made through
:meth:`InterviewsPage.write`, which reports the save state, turns a refusal into a dialog and
announces what changed. Reading and writing a calendar file run off the GUI thread (the core
parses plain files; the workspace is only touched here). ``today`` and ``now`` are injected.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.core.changes import Changes
from workshop.core.errors import UserError
from workshop.core.interviews import in_workspace as service
from workshop.core.interviews.guidance import rules
from workshop.core.interviews.ics_write import export_interviews_ics, export_items
from workshop.core.interviews.model import MODE_LABELS, PLATFORM_LABELS, STATUS_LABELS
from workshop.core.programs.model import Program
from workshop.ui.context import UiContext
from workshop.ui.file_dialogs import open_file_name, save_file_name
from workshop.ui.interviews.common import (
    NOTE_STYLE,
    PROBLEM_STYLE,
    WARN_STYLE,
    scrolled,
    set_zone,
    show_error,
    table,
    wrapped,
    zone_box,
)
from workshop.ui.interviews.dates_tab import DatesTab
from workshop.ui.interviews.details_tab import DetailsTab
from workshop.ui.interviews.dialogs import AddInvitationDialog, ImportDialog
from workshop.ui.interviews.impressions_tab import ImpressionsTab
from workshop.ui.interviews.letters_tab import LettersTab
from workshop.ui.interviews.log_tab import LogTab
from workshop.ui.interviews.soap_tab import SoapTab
from workshop.ui.page_base import PageBase
from workshop.ui.save_state import SaveState
from workshop.ui.widgets import button

HEADERS = ("Program", "Status", "When (your time)", "")
MAX_CONFLICTS_SHOWN = 4


class InterviewsPage(PageBase):
    """Invitations, NRMP rules and SOAP tabs."""

    shows = ("programs", "letters", "profile", "statements")

    def __init__(self, context: UiContext, parent: QWidget | None = None, *,
                 today: Callable[[], _dt.date] | None = None,
                 now: Callable[[], _dt.datetime] | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workspace = context.workspace
        self.read_only = bool(self.workspace.read_only)
        self.today: Callable[[], _dt.date] = today or _dt.date.today
        self.now: Callable[[], _dt.datetime] = now or (lambda: _dt.datetime.now(_dt.UTC))
        self.view: service.Overview | None = None
        self._busy = False

        self.zone = zone_box("Your time zone")
        self.set_zone_button = button("Set", self.apply_zone, "Use this as your time zone",
                                      name="Set your time zone")
        self.add_button = button("Add invitation…", self.add_invitation,
                                 "Record an interview invitation from a program")
        self.import_button = button("Import .ics…", self.import_ics,
                                    "Read an invitation's calendar file (Thalamus, e-mail)")
        self.export_button = button("Export .ics…", self.export_ics,
                                    "Save your scheduled interviews, with reminders, as .ics")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Your time zone:"))
        bar.addWidget(self.zone, 1)
        bar.addWidget(self.set_zone_button)
        bar.addSpacing(12)
        bar.addWidget(self.add_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        self.conflicts = wrapped("", "", "Conflicts")
        self.read_only_note = wrapped("This workspace is open read-only: you can look, not "
                                      "edit.", WARN_STYLE, "Read-only notice")
        self.read_only_note.setVisible(self.read_only)

        self.table = table("Interview invitations", HEADERS, 0)
        self.table.itemSelectionChanged.connect(self._selected)
        self.empty = wrapped("No invitations yet. When a program invites you, choose "
                             "“Add invitation…” or import its calendar file.", NOTE_STYLE,
                             "No invitations")

        self.details = DetailsTab(self)
        self.dates = DatesTab(self)
        self.log = LogTab(self)
        self.letters = LettersTab(self)
        self.impressions = ImpressionsTab(self)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setAccessibleName("Invitation details")
        for widget, title, name in ((self.details, "Details", "Invitation fields"),
                                    (self.dates, "Dates", "Dates"),
                                    (self.log, "Messages", "Messages"),
                                    (self.letters, "Letters", "Letters"),
                                    (self.impressions, "Impressions", "Impressions")):
            self.detail_tabs.addTab(scrolled(widget, name), title)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail_tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 600])

        self.rules_tab = scrolled(self._rules_widget(), "NRMP rules")
        self.soap_tab = SoapTab(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Interviews sections")
        self.tabs.addTab(self.splitter, "Invitations")
        self.tabs.addTab(self.rules_tab, "NRMP rules")
        self.tabs.addTab(self.soap_tab, "SOAP")
        self.tabs.currentChanged.connect(self._on_tab)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.read_only_note)
        layout.addLayout(bar)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.tabs, 1)
        for widget in (self.set_zone_button, self.add_button, self.import_button):
            widget.setEnabled(not self.read_only)
        self.refresh()

    # -- reading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the invitations and conflicts (keeps the selected program)."""
        selected = self.selected_program_id()
        try:
            self.view = service.overview(self.workspace, self.today())
        except UserError as exc:
            self.conflicts.setText(str(exc))
            return
        view = self.view
        set_zone(self.zone, view.applicant_zone)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in view.rows:
            index = self.table.rowCount()
            self.table.insertRow(index)
            inv = row.invitation
            when = row.your_when or row.program_time
            if when and not inv.chosen:
                when = "offered: " + when
            how = " · ".join(p for p in (MODE_LABELS[inv.mode] if inv.mode else "",
                                         PLATFORM_LABELS[inv.platform] if inv.platform
                                         else "") if p)
            tip = "\n".join(p for p in (row.program.display_name,
                                         f"Program's time: {row.program_time}"
                                         if row.program_time else "",
                                         f"Your time: {row.your_time}" if row.your_time else "",
                                         how) if p)
            status = STATUS_LABELS[inv.status]
            if inv.impression.overall:
                status += f" · ★{inv.impression.overall}"
                tip += f"\nYour overall impression: {inv.impression.overall} / 5"
            values = (row.program.display_name, status, when,
                      f"⚠ {row.conflicts}" if row.conflicts else "")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(0x0100, row.program.id)
                item.setToolTip(tip if column != 3 else
                                f"{row.conflicts} conflict(s): see the list above")
                self.table.setItem(index, column, item)
        ids = [r.program.id for r in view.rows]
        target = selected if selected in ids else (ids[0] if ids else None)
        if target is not None:
            self.table.selectRow(ids.index(target))
        self.table.blockSignals(False)
        self.empty.setVisible(not view.rows)
        self.export_button.setEnabled(any(r.invitation.status == "scheduled"
                                          for r in view.rows))
        self._show_conflicts()
        self._selected()  # once: the selection above was made with signals blocked
        if self.tabs.currentWidget() is self.soap_tab:
            self.soap_tab.refresh()

    def _show_conflicts(self) -> None:
        view = self.view
        found = view.conflicts if view else []
        shown = [c for c in found if c.severity in ("problem", "warning")] or found
        if not shown:
            self.conflicts.setText("No conflicts between your interviews, letter due dates "
                                   "and the season's dates.")
            self.conflicts.setStyleSheet(NOTE_STYLE)
            return
        lines = [("⛔ " if c.severity == "problem" else "⚠ " if c.severity == "warning"
                  else "• ") + c.text for c in shown[:MAX_CONFLICTS_SHOWN]]
        more = len(found) - len(lines[:MAX_CONFLICTS_SHOWN])
        if more > 0:
            lines.append(f"… and {more} more (hover for all)")
        self.conflicts.setText("\n".join(lines))
        self.conflicts.setToolTip("\n".join(c.text for c in found))
        self.conflicts.setStyleSheet(PROBLEM_STYLE if any(c.severity == "problem"
                                                          for c in shown) else WARN_STYLE)

    def selected_program_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        value = item.data(0x0100) if item is not None else None
        return int(value) if value is not None else None

    def _selected(self) -> None:
        view = self.view
        program_id = self.selected_program_id()
        row = next((r for r in view.rows if r.program.id == program_id), None) if view else None
        self.detail_tabs.setEnabled(row is not None)
        if row is None or view is None:
            return
        self.details.load(row.program, row.invitation)
        self.dates.load(row.invitation, view.applicant_zone)
        self.log.load(row.invitation.program_id)
        self.letters.load(row.program, row.invitation)
        self.impressions.load(row.invitation)

    def _on_tab(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.soap_tab:
            self.soap_tab.refresh()

    def _rules_widget(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        for rule in rules():
            layout.addWidget(wrapped(f"<b>{rule.title}</b><br>{rule.text}<br>"
                                     f"<i>Source: {rule.source}.</i>", "", rule.title))
        layout.addWidget(wrapped("They also appear where you need them: the first beside each "
                                 "invitation (Details), the commitment rule with thank-you and "
                                 "update letters, the breach rule beside the communication log "
                                 "(Messages), the notice rule with a cancellation, and the "
                                 "program's policy when it rules out a thank-you note.",
                                 NOTE_STYLE, "Where the rules appear"))
        layout.addStretch(1)
        return widget

    # -- writing ------------------------------------------------------------------------------
    def write(self, action: Callable[[], Any], title: str, *, reload: bool = True,
              changes: Changes | None = None) -> Any:
        """Run one core call; a refusal becomes a dialog (nothing saved). Returns the result,
        or None when it was refused."""
        if self.read_only:
            self.save_state_changed.emit(SaveState.READ_ONLY, "editing is disabled")
            return None
        try:
            result = action()
        except UserError as exc:
            show_error(self, title, exc)
            self.save_state_changed.emit(SaveState.SAVED, "")
            return None
        self.save_state_changed.emit(SaveState.SAVED, "")
        found = result if isinstance(result, Changes) else (changes or service.CHANGED)
        self.changed.emit(found)
        if reload:
            self.refresh()
        return result if result is not None else True

    def prefill_log(self, kind: str, subject: str, body: str) -> None:
        self.log.prefill(kind, subject, body)
        self.detail_tabs.setCurrentIndex(2)

    def apply_zone(self) -> None:
        name = self.zone.currentText()
        self.write(lambda: service.set_applicant_zone(self.workspace, name),
                   "Cannot set your time zone")

    def add_invitation(self) -> None:
        view = self.view
        if view is None or self.read_only:
            return
        if not view.uninvited:
            self.message.emit("Every program on your list already has an invitation; add the "
                              "program in Programs first.")
            return
        dialog = AddInvitationDialog(view.uninvited, self.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return

        def act() -> object:
            program_id, received, respond_by, zone_name = dialog.values()
            return service.add_invitation(self.workspace, program_id, received_on=received,
                                          respond_by=respond_by, time_zone=zone_name)

        self.write(act, "Cannot add the invitation")

    def import_ics(self) -> None:
        if self.read_only or self._busy:
            return
        path, _filter = open_file_name(self, "Import an interview (.ics)", "",
                                                    "Calendar files (*.ics);;All files (*)")
        if not path:
            return
        programs = self._known_programs()
        self._busy = True
        self.context.operations.run(
            lambda: service.propose_import(path, programs), on_done=self._confirm_import,
            on_failed=self._import_failed, parent=self, progress="Reading the calendar file…",
            on_cancel=self._not_busy)

    def _known_programs(self) -> list[Program]:
        """Every program on the list, invited first (what an imported event may be for)."""
        view = self.view
        return [r.program for r in view.rows] + list(view.uninvited) if view else []

    def _not_busy(self) -> None:
        self._busy = False

    def _import_failed(self, message: str) -> None:
        self._busy = False
        QMessageBox.warning(self, "Cannot import the calendar file",
                            message + " Nothing was saved.")

    def _confirm_import(self, proposals: list[service.ImportProposal]) -> None:
        self._busy = False
        view = self.view
        programs = self._known_programs()
        if not programs:
            self.message.emit("Add the program in Programs first, then import its invitation.")
            return
        imported = 0
        for proposal in proposals:
            dialog = ImportDialog(proposal, programs, view.applicant_zone if view else "", self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                continue
            program_id, zone_name = dialog.values()
            event = proposal.event
            if self.write(lambda e=event, p=program_id, z=zone_name: service.apply_import(
                    self.workspace, e, p, today=self.today(), zone_name=z),
                    "Cannot import the interview", reload=False) is not None:
                imported += 1
        self.refresh()
        if imported:
            self.message.emit(f"Imported {imported} interview date(s).")

    def export_ics(self) -> None:
        if self._busy:
            return
        path, _filter = save_file_name(self, "Export interviews (.ics)",
                                                    "interviews.ics", "Calendar files (*.ics)")
        if not path:
            return
        rows = self.view.rows if self.view else []
        # the list's rows already hold each program (no second read of the programs table)
        items = export_items([r.invitation for r in rows],
                             {r.program.id: r.program.display_name for r in rows})
        if not items:
            self.message.emit("No scheduled interview to export yet.")
            return
        zone_name = self.view.applicant_zone if self.view else ""
        moment = self.now()
        self._busy = True
        self.context.operations.run(
            lambda: export_interviews_ics(items, Path(path), now=moment,
                                          applicant_zone=zone_name),
            on_done=lambda written: self._exported(written, len(items)),
            on_failed=self._import_failed_export, parent=self)

    def _exported(self, path: Path, count: int) -> None:
        self._busy = False
        self.message.emit(f"Exported {count} interview(s), with reminders, to {path}.")

    def _import_failed_export(self, message: str) -> None:
        self._busy = False
        QMessageBox.warning(self, "Cannot export the interviews", message)

    # -- window hooks -------------------------------------------------------------------------
    def flush(self) -> bool:
        return self.soap_tab.flush()

    def new_item(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.add_invitation()

    def shutdown(self) -> None:
        self.soap_tab.timer.stop()
        self.context.operations.discard(self)

    @property
    def ready_for_screenshot(self) -> bool:
        return not self._busy
