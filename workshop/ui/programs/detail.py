"""The selected program: fit reasons with the user's override, every field, its status pipeline.

The panel only collects what the user typed; it never writes. It emits :attr:`edited` with the
whole program (the Programs tab saves it through the repository at once), and
:attr:`event_added` / :attr:`event_deleted` for the pipeline. A date it cannot read is shown
under the title instead of being saved.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.programs import values
from workshop.core.programs.fit import FitResult
from workshop.core.programs.model import (
    HOSPITAL_TYPES,
    STATUS_LABELS,
    STATUSES,
    TRACK_LABELS,
    TRACKS,
    Program,
    ProgramEvent,
    status_rank,
)
from workshop.ui.programs.common import (
    OptionalPercent,
    OptionalSpin,
    button,
    fit_badge_style,
    rich_text,
)
from workshop.ui.programs.evidence_form import EvidenceForm
from workshop.ui.programs.fit_view import FitView
from workshop.ui.widgets import scrolling

NOTES_DELAY_MS = 700
VISA_CHOICES: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("not recorded", None), ("sponsors no visa", frozenset()), ("J-1", frozenset({"J-1"})),
    ("H-1B", frozenset({"H-1B"})), ("J-1 and H-1B", frozenset({"J-1", "H-1B"})),
)


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def _combo(name: str, items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:  # keeps the cursor of the field being typed in
        edit.setText(text)
        edit.setCursorPosition(0)  # a long value opens at its start, not scrolled to its end


class ProgramDetail(QWidget):
    """The form for one program, in four tabs: Fit, Program, Requirements, Status."""

    edited = Signal(object)
    event_added = Signal(object)
    event_deleted = Signal(int)
    go_to_section = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.program: Program | None = None
        self._loading = False
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Program")
        self.badge = QLabel()
        self.badge.setAccessibleName("Fit label")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setAccessibleName("Problem with a field")
        self.error.hide()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Program details")
        self.fit_view = FitView()
        self.fit_view.override_changed.connect(self._emit)
        self.tabs.addTab(self.fit_view, "Fit")
        self.tabs.addTab(scrolling(self._program_form(), fit=False), "Program")
        self.tabs.addTab(scrolling(self._requirements_form(), fit=False), "Requirements")
        self.evidence = EvidenceForm()
        self.evidence.changed.connect(self._emit)
        self.tabs.addTab(scrolling(self.evidence, fit=False), "Evidence")
        self.tabs.addTab(scrolling(self._status_form(), fit=False), "Status")
        head = QHBoxLayout()
        head.addWidget(self.badge)
        head.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(head)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        self.notes_timer = QTimer(self)
        self.notes_timer.setSingleShot(True)
        self.notes_timer.setInterval(NOTES_DELAY_MS)
        self.notes_timer.timeout.connect(self._emit)

    # -- building ---------------------------------------------------------------------------
    def _program_form(self) -> QWidget:
        self.name = _line("Program name")
        self.code = _line("NRMP program code", "e.g. 1234140C0")
        self.specialty = _line("Specialty", "e.g. Internal Medicine")
        self.track = _combo("Track", [(TRACK_LABELS[t] or "not recorded", t) for t in TRACKS])
        self.city = _line("City")
        self.state = _line("State", "e.g. IL")
        self.hospital = _combo("Hospital type", [(h or "not recorded", h)
                                                 for h in HOSPITAL_TYPES])
        self.size = OptionalSpin(0, 10_000, "Size (positions)", " positions")
        self.website = _line("Website", "https://…")
        self.contacts = _line("Contacts", "coordinator, e-mail")
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("Anything you want to remember about this program.")
        self.notes.setMinimumHeight(70)
        form = QFormLayout()
        for label, widget in (("Name:", self.name), ("NRMP code:", self.code),
                              ("Specialty:", self.specialty), ("Track:", self.track),
                              ("City:", self.city), ("State:", self.state),
                              ("Hospital type:", self.hospital), ("Size:", self.size),
                              ("Website:", self.website), ("Contacts:", self.contacts),
                              ("Notes:", self.notes)):
            form.addRow(label, widget)
        for edit in (self.name, self.code, self.specialty, self.city, self.state, self.website,
                     self.contacts):
            edit.editingFinished.connect(self._emit)
        for combo in (self.track, self.hospital):
            combo.activated.connect(lambda _i: self._emit())
        self.size.valueChanged.connect(lambda _v: self._emit())
        self.notes.textChanged.connect(self._notes_changed)
        return self._wrap(form)

    def _requirements_form(self) -> QWidget:
        self.visa = _combo("Visa sponsorship", list(VISA_CHOICES))
        self.img_share = OptionalPercent("Share of IMG residents")
        self.min_step2 = OptionalSpin(1, 300, "Minimum Step 2 CK score")
        self.grad_within = OptionalSpin(0, 80, "Graduated within (years)", " years")
        self.grad_year = OptionalSpin(1900, 2200, "Graduation year cutoff")
        self.usce_months = OptionalSpin(0, 120, "U.S. clinical experience required (months)",
                                        " months")
        self.usce_within = OptionalSpin(0, 80, "U.S. clinical experience within (years)",
                                        " years")
        self.attempts = OptionalSpin(1, 10, "USMLE attempts accepted")
        self.interview_format = _line("Interview format", "virtual, in person, hybrid")
        self.program_deadline = _line("Program deadline", "YYYY-MM-DD (ERAS sets none)")
        form = QFormLayout()
        for label, widget in (
            ("Visa sponsorship:", self.visa), ("IMG residents:", self.img_share),
            ("Min Step 2 CK:", self.min_step2), ("Graduated within:", self.grad_within),
            ("Graduated in or after:", self.grad_year),
            ("U.S. clinical experience:", self.usce_months),
            ("…obtained within:", self.usce_within), ("Attempts accepted:", self.attempts),
            ("Interview format:", self.interview_format),
            ("Program deadline:", self.program_deadline),
        ):
            form.addRow(label, widget)
        self.visa.activated.connect(lambda _i: self._emit())
        for spin in (self.img_share, self.min_step2, self.grad_within, self.grad_year,
                     self.usce_months, self.usce_within, self.attempts):
            spin.valueChanged.connect(lambda _v: self._emit())
        for edit in (self.interview_format, self.program_deadline):
            edit.editingFinished.connect(self._emit)
        note = QLabel("Record only what the program states; leave the rest “not recorded”. "
                      "The fit rules report unknowns rather than guess.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form.addRow(note)
        return self._wrap(form)

    def _status_form(self) -> QWidget:
        self.pipeline = QLabel()
        self.pipeline.setWordWrap(True)
        self.pipeline.setTextFormat(Qt.TextFormat.RichText)
        self.pipeline.setAccessibleName("Status pipeline")
        self.events = QListWidget()
        self.events.setAccessibleName("Dated status events")
        self.events.setMaximumHeight(96)
        self.new_status = _combo("New status", [(STATUS_LABELS[s], s) for s in STATUSES])
        self.new_date = QDateEdit()
        self.new_date.setAccessibleName("Date of the new status")
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("yyyy-MM-dd")
        self.new_note = _line("Note for the new status", "note (optional)")
        self.add_event_button = button("Add step", self._add_event,
                                       "Record the new status with its date")
        self.delete_event_button = button("Delete step", self._delete_event,
                                          "Remove a mistaken step; the status falls back")
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_status, 1)
        add_row.addWidget(self.new_date)
        note_row = QHBoxLayout()
        note_row.addWidget(self.new_note, 1)
        note_row.addWidget(self.add_event_button)
        self.interview_date = _line("Interview date", "YYYY-MM-DD")
        self.interview_notes = QPlainTextEdit()
        self.interview_notes.setAccessibleName("Interview notes")
        self.interview_notes.setPlaceholderText("Impressions, people you met, questions asked.")
        self.interview_notes.setMinimumHeight(70)
        self.interview_notes.setMaximumHeight(140)
        self.statement = QComboBox()
        self.statement.setAccessibleName("Statement version sent")
        self.letters = QLabel()
        self.letters.setAccessibleName("Letters assigned")
        self.letters_button = button("Letters…", lambda: self.go_to_section.emit("letters"),
                                     "Assign letters in the Letters section")
        letters_row = QHBoxLayout()
        letters_row.addWidget(self.letters, 1)
        letters_row.addWidget(self.letters_button)
        form = QFormLayout()
        form.addRow("Pipeline:", self.pipeline)
        form.addRow("Steps:", self.events)
        form.addRow("", self.delete_event_button)
        form.addRow("New step:", add_row)
        form.addRow("", note_row)
        form.addRow("Interview date:", self.interview_date)
        form.addRow("Interview notes:", self.interview_notes)
        form.addRow("Statement sent:", self.statement)
        form.addRow("Letters assigned:", letters_row)
        self.interview_date.editingFinished.connect(self._emit)
        self.interview_notes.textChanged.connect(self._notes_changed)
        self.statement.activated.connect(lambda _i: self._emit())
        return self._wrap(form)

    @staticmethod
    def _wrap(form: QFormLayout) -> QWidget:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        box = QWidget()
        box.setLayout(form)
        return box

    # -- showing ----------------------------------------------------------------------------
    def set_statements(self, statements: list[tuple[int, str]]) -> None:
        self._loading = True
        self.statement.clear()
        self.statement.addItem("not recorded", None)
        for doc_id, title in statements:
            self.statement.addItem(title, doc_id)
        self._loading = False

    def show_program(self, program: Program, fit: FitResult | None, letters: int,
                     *, full: bool = True) -> None:
        """Fill the form; ``full=False`` refreshes fit, pipeline and counts only (after a save,
        so the field being typed in keeps its cursor)."""
        self.flush()
        self._loading = True
        try:
            self.program = program
            self.error.hide()
            self.title.setText(f"<b style='font-size:11pt'>{rich_text(program.display_name)}</b>"
                               f"<br><span style='color:#555'>{rich_text(program.location)}</span>")
            self._show_fit(fit)
            self._show_status(program, letters)
            if full:
                self._fill_fields(program)
        finally:
            self._loading = False

    def _show_fit(self, fit: FitResult | None) -> None:
        self.badge.setText(fit.describe() if fit else "")
        self.badge.setStyleSheet(fit_badge_style(fit.label) if fit else "")
        self.badge.setVisible(fit is not None)
        self.fit_view.show_fit(fit, self.program)

    def _show_status(self, p: Program, letters: int) -> None:
        steps = []
        for status in STATUSES:
            label = STATUS_LABELS[status]
            if status == p.status:
                steps.append(f"<b style='color:#1a5276'>[{label}]</b>")
            elif status != "withdrawn" and p.status != "withdrawn" and (
                    status_rank(status) < status_rank(p.status)):
                steps.append(f"<span style='color:#555'>{label} ✓</span>")
            else:
                steps.append(f"<span style='color:#999'>{label}</span>")
        self.pipeline.setText(" → ".join(steps[:-1]) + "<br>or " + steps[-1])
        self.events.clear()
        for event in p.events:
            text = f"{event.on.isoformat()}  {STATUS_LABELS.get(event.status, event.status)}"
            item = QListWidgetItem(text + (f" — {event.note}" if event.note else ""))
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            self.events.addItem(item)
        if not p.events:
            self.events.addItem(QListWidgetItem("No dated steps yet."))
        next_index = min(STATUSES.index(p.status) + 1, len(STATUSES) - 2)
        self.new_status.setCurrentIndex(next_index if p.status != "withdrawn" else 0)
        self.new_date.setDate(QDate.currentDate())
        cap = "" if letters <= 4 else " — over the ERAS limit of 4"
        self.letters.setText(f"{letters} of at most 4{cap}")

    def _fill_fields(self, p: Program) -> None:
        _set_text(self.name, p.name)
        _set_text(self.code, p.program_code)
        _set_text(self.specialty, p.specialty)
        self.track.setCurrentIndex(max(0, self.track.findData(p.track)))
        _set_text(self.city, p.city)
        _set_text(self.state, p.state)
        self.hospital.setCurrentIndex(max(0, self.hospital.findData(p.hospital_type)))
        self.size.set_optional(p.size)
        _set_text(self.website, p.website)
        _set_text(self.contacts, p.contacts)
        if self.notes.toPlainText() != p.notes:
            self.notes.setPlainText(p.notes)
        self.visa.setCurrentIndex(next(i for i, (_t, v) in enumerate(VISA_CHOICES)
                                       if v == p.visa_sponsorship))
        self.img_share.set_optional(p.img_share)
        self.min_step2.set_optional(p.min_step2ck)
        self.grad_within.set_optional(p.grad_within_years)
        self.grad_year.set_optional(p.grad_year_min)
        self.usce_months.set_optional(p.usce_months_required)
        self.usce_within.set_optional(p.usce_within_years)
        self.attempts.set_optional(p.attempts_accepted)
        _set_text(self.interview_format, p.interview_format)
        self.evidence.load(p)
        _set_text(self.program_deadline, _iso(p.program_deadline))
        _set_text(self.interview_date, _iso(p.interview_date))
        if self.interview_notes.toPlainText() != p.interview_notes:
            self.interview_notes.setPlainText(p.interview_notes)
        self.statement.setCurrentIndex(max(0, self.statement.findData(p.statement_document_id)))

    def set_editable(self, editable: bool) -> None:
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(not editable)
            elif isinstance(widget, QComboBox | QDateEdit | OptionalSpin | OptionalPercent):
                widget.setEnabled(editable)
        for widget in (self.add_event_button, self.delete_event_button):
            widget.setEnabled(editable)
        self.fit_view.set_editable(editable)

    # -- collecting -------------------------------------------------------------------------
    def collect(self) -> Program:
        """The program as the form shows it.

        Raises:
            UserError: a date that cannot be read (naming the field).
        """
        if self.program is None:
            raise UserError("no program is selected")
        dates: dict[str, _dt.date | None] = {}
        for name, edit, label in (("program_deadline", self.program_deadline,
                                   "Program deadline"),
                                  ("interview_date", self.interview_date, "Interview date")):
            try:
                dates[name] = values.parse_date(edit.text())
            except ValueError as exc:
                raise UserError(str(exc), where=label,
                                hint="Type a date such as 2026-10-15.") from exc
        override, reason = self.fit_view.override()
        return dataclasses.replace(
            self.program,
            name=" ".join(self.name.text().split()),
            program_code=self.code.text().replace(" ", "").upper(),
            specialty=self.specialty.text().strip(), track=self.track.currentData(),
            city=self.city.text().strip(), state=self.state.text().strip(),
            hospital_type=self.hospital.currentData(), size=self.size.optional_value(),
            website=self.website.text().strip(), contacts=self.contacts.text().strip(),
            notes=self.notes.toPlainText(),
            visa_sponsorship=self.visa.currentData(), img_share=self.img_share.optional_value(),
            min_step2ck=self.min_step2.optional_value(),
            grad_within_years=self.grad_within.optional_value(),
            grad_year_min=self.grad_year.optional_value(),
            usce_months_required=self.usce_months.optional_value(),
            usce_within_years=self.usce_within.optional_value(),
            attempts_accepted=self.attempts.optional_value(),
            interview_format=self.interview_format.text().strip(),
            interview_notes=self.interview_notes.toPlainText(),
            statement_document_id=self.statement.currentData(),
            fit_override=override, fit_override_reason=reason, **dates,
            **self.evidence.values(),
        )

    def _notes_changed(self) -> None:
        if not self._loading and self.program is not None:
            self.notes_timer.start()

    def flush(self) -> None:
        """Save notes typed in the last moment (before switching program or leaving)."""
        if self.notes_timer.isActive():
            self.notes_timer.stop()
            self._emit()

    def _emit(self) -> None:
        if self._loading or self.program is None:
            return
        try:
            program = self.collect()
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        if program != self.program:
            self.edited.emit(program)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _add_event(self) -> None:
        if self.program is None:
            return
        qdate = self.new_date.date()
        event = ProgramEvent(status=self.new_status.currentData(),
                             on=_dt.date(qdate.year(), qdate.month(), qdate.day()),
                             note=self.new_note.text().strip())
        self.new_note.clear()
        self.event_added.emit(event)

    def _delete_event(self) -> None:
        item = self.events.currentItem()
        event_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if event_id is not None:
            self.event_deleted.emit(int(event_id))


def _iso(day: _dt.date | None) -> str:
    return day.isoformat() if day else ""

