"""The form for one letter writer; each finished field edit is saved at once.

The form rebuilds a :class:`LetterWriter` from its fields on every edit (the model validates
names, e-mail and the order of the dates) and hands it to the store. A refused edit keeps what
was typed, so it can be corrected, and says why just below the form.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workshop.core.cv.dates import MonthYear
from workshop.core.errors import UserError
from workshop.core.letters.model import LetterWriter, NameOrder, Relationship
from workshop.core.letters.salutation import derived_salutation, salutation
from workshop.ui.letters.common import NotesEdit, RefusalLabel
from workshop.ui.letters.store import LettersStore
from workshop.ui.save_state import SaveState

RELATIONSHIP_LABELS = {
    Relationship.ROTATION: "Clinical rotation / externship / observership",
    Relationship.RESEARCH: "Research",
    Relationship.JOB: "Job",
    Relationship.OTHER: "Other",
}

# (attribute, label, placeholder); the order is the reading order of the two columns.
_LEFT = (
    ("name", "Name:", "Dr. Ananya Iyer"),
    ("native_name", "Native name:", "in its own script, e.g. अनन्या अय्यर"),
    ("title", "Title:", "Attending Physician, Internal Medicine"),
    ("specialty", "Specialty:", "Internal Medicine"),
    ("institution", "Institution:", "Hospital or university"),
    ("country", "Country:", "United States"),
)
_RIGHT = (
    ("email", "E-mail:", "name@hospital.org"),
    ("phone", "Phone:", "optional"),
    ("setting", "Setting:", "what you did together, e.g. IM externship"),
    ("salutation", "Salutation:", "empty: the derived one below"),
)
_TIPS = {
    "setting": "Fills “what you supervised” in the request e-mail and the cover letter.",
    "salutation": "Leave empty to use the salutation derived from the family name and title "
                  "(shown below); type your own to override it.",
    "native_name": "Shown beside the name, e.g. in the packet and the listing.",
}


class WriterForm(QWidget):
    """Edits the fields of one writer (cases are edited by :class:`CasesEditor`)."""

    saved = Signal(object)  # the stored LetterWriter

    def __init__(self, store: LettersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.writer: LetterWriter | None = None
        self.edits: dict[str, QLineEdit] = {}
        left, right = QFormLayout(), QFormLayout()
        for form, rows in ((left, _LEFT), (right, _RIGHT)):
            for attr, label, placeholder in rows:
                edit = QLineEdit()
                edit.setAccessibleName(label.rstrip(":"))
                edit.setPlaceholderText(placeholder)
                edit.editingFinished.connect(self.save)
                if attr in _TIPS:
                    edit.setToolTip(_TIPS[attr])
                self.edits[attr] = edit
                form.addRow(label, edit)
        self.is_us = QCheckBox("U.S. physician")
        self.is_us.setAccessibleName("U.S. physician")
        self.is_us.setToolTip("Programs look for at least two letters from U.S. physicians.")
        self.is_us.toggled.connect(lambda _on: self.save())
        left.addRow("", self.is_us)
        self.relationship = QComboBox()
        self.relationship.setAccessibleName("Relationship")
        for value, text in RELATIONSHIP_LABELS.items():
            self.relationship.addItem(text, value.value)
        self.relationship.activated.connect(lambda _i: self.save())
        right.insertRow(2, "Relationship:", self.relationship)
        self.name_order = QComboBox()
        self.name_order.setAccessibleName("Name order")
        self.name_order.setToolTip("Which word of the name is the family name: Chinese, Korean, "
                                   "Japanese and Hungarian names are often written family "
                                   "name first (Zhang Wei → Dear Dr. Zhang).")
        for order in NameOrder:
            self.name_order.addItem(order.label, order.value)
        self.name_order.activated.connect(lambda _i: self.save())
        left.insertRow(1, "Name order:", self.name_order)
        self.salutation_shown = QLabel("")
        self.salutation_shown.setAccessibleName("Salutation the e-mails use")
        self.salutation_shown.setWordWrap(True)
        self.salutation_shown.setStyleSheet("color: #5d6d7e;")
        right.addRow("", self.salutation_shown)
        for attr in ("name", "native_name", "title", "country", "salutation"):
            self.edits[attr].textChanged.connect(lambda _t: self.show_salutation())
        self.is_us.toggled.connect(lambda _on: self.show_salutation())
        self.name_order.currentIndexChanged.connect(lambda _i: self.show_salutation())
        self.worked_from = QLineEdit()
        self.worked_from.setAccessibleName("Worked together from")
        self.worked_from.setPlaceholderText("Mar 2024")
        self.worked_to = QLineEdit()
        self.worked_to.setAccessibleName("Worked together until")
        self.worked_to.setPlaceholderText("May 2024 or present")
        for edit in (self.worked_from, self.worked_to):
            edit.editingFinished.connect(self.save)
        dates = QGridLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.worked_from, 0, 0)
        dates.addWidget(self.worked_to, 0, 1)
        right.insertRow(3, "Worked together:", dates)
        self.notes = NotesEdit()
        self.notes.setAccessibleName("Notes about the writer")
        self.notes.setPlaceholderText("Notes: how they prefer to be asked, their assistant, …")
        self.notes.setMaximumHeight(64)
        self.notes.editingFinished.connect(self.save)
        self.refusal = RefusalLabel("Why the writer was not saved")
        columns = QGridLayout()
        columns.setHorizontalSpacing(18)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.notes)
        layout.addWidget(self.refusal)
        layout.addStretch(1)
        self.setEnabled(False)

    # -- loading --------------------------------------------------------------------------
    def load(self, writer: LetterWriter | None) -> None:
        """Show ``writer`` (None clears and disables the form)."""
        self.writer = writer
        self.refusal.clear_text()
        widgets = [*self.edits.values(), self.is_us, self.relationship, self.worked_from,
                   self.worked_to, self.notes, self.name_order]
        for widget in widgets:
            widget.blockSignals(True)
        for attr, edit in self.edits.items():
            edit.setText(getattr(writer, attr) if writer else "")
            edit.setCursorPosition(0)  # show the start of a long institution name
        self.is_us.setChecked(bool(writer and writer.is_us))
        index = self.relationship.findData(
            (writer.relationship if writer else Relationship.OTHER).value)
        self.relationship.setCurrentIndex(max(index, 0))
        self.worked_from.setText(writer.worked_from.display() if writer and
                                 writer.worked_from else "")
        self.worked_to.setText(writer.worked_to.display() if writer and writer.worked_to else "")
        self.notes.setPlainText(writer.notes if writer else "")
        order = self.name_order.findData((writer.name_order if writer else NameOrder.AUTO).value)
        self.name_order.setCurrentIndex(max(order, 0))
        for widget in widgets:
            widget.blockSignals(False)
        self.show_salutation()
        self.setEnabled(writer is not None and not self.store.read_only)

    # -- saving ---------------------------------------------------------------------------
    def from_fields(self) -> LetterWriter:
        """The writer as the fields describe it.

        Raises:
            UserError: a field the model refuses (no name, bad e-mail, a date it cannot read).
        """
        assert self.writer is not None
        values = {attr: edit.text().strip() for attr, edit in self.edits.items()}
        return dataclasses.replace(
            self.writer, **values, is_us=self.is_us.isChecked(),
            relationship=Relationship(self.relationship.currentData()),
            worked_from=_month(self.worked_from.text(), "worked together from"),
            worked_to=_month(self.worked_to.text(), "worked together until"),
            notes=self.notes.toPlainText().strip(),
            name_order=NameOrder(self.name_order.currentData()))

    def show_salutation(self) -> None:
        """Show the salutation the e-mails will use, as the fields stand (derived or typed)."""
        if self.writer is None:
            self.salutation_shown.setText("")
            return
        try:
            candidate = self.from_fields()
        except UserError:
            return
        used = salutation(candidate)
        derived = derived_salutation(candidate)
        if used == derived:
            self.salutation_shown.setText(f"E-mails open with “{used},” (from the family name "
                                          "and title).")
        else:
            self.salutation_shown.setText(f"E-mails open with “{used},” (typed; derived: "
                                          f"“{derived}”).")
        self.edits["salutation"].setPlaceholderText(derived)

    def save(self) -> bool:
        """Save the fields if they differ from the stored writer; False when refused."""
        if self.writer is None or self.store.read_only:
            return True
        try:
            candidate = self.from_fields()
        except UserError as exc:
            self.refusal.show_text(str(exc))
            self.store.save_state_changed.emit(SaveState.FAILED, exc.message)
            return False
        if candidate == self.writer:
            self.refusal.clear_text()
            return True
        outcome = self.store.update_writer(candidate)
        if not outcome:
            self.refusal.show_text(outcome.error)
            return False
        self.refusal.clear_text()
        self.writer = outcome.value
        self.saved.emit(outcome.value)
        return True


def _month(text: str, where: str) -> MonthYear | None:
    text = text.strip()
    if not text:
        return None
    try:
        return MonthYear.parse(text)
    except ValueError as exc:
        raise UserError(f'"{text}" is not a month: {exc}.', hint="Type e.g. Mar 2024, "
                        "2024-03 or present.", where=where) from exc

