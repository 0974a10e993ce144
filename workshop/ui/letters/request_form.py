"""The ERAS letter entry of one request: specialty, type, chair, waiver, Letter ID, due date.

Each field saves on its own (one repository call). The Letter ID is checked by the core as it
is entered: a malformed or reused ID is refused with the core's reason, shown under the field,
and the stored ID stays as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.core.letters.facts import letter_facts
from workshop.core.letters.model import LetterRequest, LetterType
from workshop.ui.letters.common import (
    NotesEdit,
    RefusalLabel,
    specialty_names,
    wrapped,
)
from workshop.ui.letters.dates import FORMAT_HINT, NO_DATE, DateField
from workshop.ui.letters.store import LettersStore

NO_DUE = NO_DATE  # the date edit's empty state, shown as "No due date"
DUE_SAVE_DELAY_MS = 400


class RequestForm(QWidget):
    """Edits one request's ERAS fields (the status has its own widget)."""

    saved = Signal(object)  # the stored LetterRequest

    def __init__(self, store: LettersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.request: LetterRequest | None = None
        self.specialty = QComboBox()
        self.specialty.setEditable(True)
        self.specialty.setAccessibleName("Target specialty")
        self.specialty.addItems(specialty_names())
        self.specialty.setToolTip("The specialty the letter speaks to, or General.")
        self.specialty.activated.connect(lambda _i: self.save_field("target_specialty"))
        self.specialty.lineEdit().editingFinished.connect(
            lambda: self.save_field("target_specialty"))
        self.letter_type = QComboBox()
        self.letter_type.setAccessibleName("Letter type")
        self.letter_type.addItem("Narrative", LetterType.NARRATIVE.value)
        self.letter_type.addItem("Standardized (SLOE, SLOR…)", LetterType.STANDARDIZED.value)
        self.letter_type.activated.connect(lambda _i: self.save_field("letter_type"))
        self.form_name = QLineEdit()
        self.form_name.setAccessibleName("Standardized form")
        self.form_name.setPlaceholderText("SLOE, SLOR…")
        self.form_name.setMaximumWidth(110)
        self.form_name.editingFinished.connect(lambda: self.save_field("standardized_form"))
        type_row = QHBoxLayout()
        type_row.addWidget(self.letter_type, 1)
        type_row.addWidget(self.form_name)
        self.chair = QCheckBox("Department chair letter")
        self.chair.setAccessibleName("Department chair letter")
        self.chair.toggled.connect(lambda _on: self.save_field("department_chair"))
        self.waived_yes = QRadioButton("Yes, waived")
        self.waived_yes.setAccessibleName("Waived: yes")
        self.waived_no = QRadioButton("No")
        self.waived_no.setAccessibleName("Waived: no")
        self.waiver_group = QButtonGroup(self)
        self.waiver_group.addButton(self.waived_yes)
        self.waiver_group.addButton(self.waived_no)
        self.waived_yes.toggled.connect(lambda _on: self.save_field("waived"))
        waiver_row = QHBoxLayout()
        waiver_row.addWidget(self.waived_yes)
        waiver_row.addWidget(self.waived_no)
        waiver_row.addStretch(1)
        self.waiver_note = wrapped(letter_facts().waiver_explanation, "Waiver explanation")
        self.waiver_note.setStyleSheet("color: #5d6d7e;")
        self.letter_id = QLineEdit()
        self.letter_id.setAccessibleName("ERAS Letter ID")
        self.letter_id.setPlaceholderText("from MyERAS, once the letter entry is confirmed")
        self.letter_id.setToolTip("MyERAS creates a Letter ID when you confirm the letter "
                                  "entry. Each Letter ID is used once.")
        self.letter_id.editingFinished.connect(lambda: self.save_field("letter_id"))
        self.letter_id_refusal = RefusalLabel("Why the Letter ID was refused")
        self.due = DateField(store.today, "No due date")
        self.due.setAccessibleName("Due date")
        self.due.setToolTip(f"{FORMAT_HINT} Delete empties it.")
        self.due_clear = QToolButton()
        self.due_clear.setText("No date")
        self.due_clear.setAccessibleName("No due date")
        self.due_clear.setToolTip("Remove the due date")
        self.due_clear.clicked.connect(self.due.clear_value)
        due_row = QHBoxLayout()
        due_row.setContentsMargins(0, 0, 0, 0)
        due_row.addWidget(self.due)
        due_row.addWidget(self.due_clear)
        due_row.addStretch(1)
        self.due_timer = QTimer(self)
        self.due_timer.setSingleShot(True)
        self.due_timer.setInterval(DUE_SAVE_DELAY_MS)
        self.due_timer.timeout.connect(lambda: self.save_field("due"))
        self.due.edited.connect(self.due_timer.start)
        self.notes = NotesEdit()
        self.notes.setAccessibleName("Request notes")
        self.notes.setPlaceholderText("Notes for yourself about this letter")
        self.notes.setMaximumHeight(52)
        self.notes.editingFinished.connect(lambda: self.save_field("notes"))
        self.refusal = RefusalLabel("Why the request was not saved")

        form = QFormLayout()
        form.addRow("Specialty:", self.specialty)
        form.addRow("Letter type:", type_row)
        form.addRow("", self.chair)
        form.addRow("Waived right to see:", waiver_row)
        form.addRow(self.waiver_note)
        form.addRow("Letter ID:", self.letter_id)
        form.addRow("", self.letter_id_refusal)
        form.addRow("Due:", due_row)
        form.addRow("Notes:", self.notes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        self._inputs: list[QWidget] = [self.specialty, self.letter_type, self.form_name,
                                       self.chair, self.waived_yes, self.waived_no,
                                       self.letter_id, self.due, self.due_clear, self.notes]
        self.load(None)

    # -- loading --------------------------------------------------------------------------
    def load(self, request: LetterRequest | None) -> None:
        self.due_timer.stop()
        self.request = request
        self.refusal.clear_text()
        self.letter_id_refusal.clear_text()
        for widget in self._inputs:
            widget.blockSignals(True)
        if request is not None:
            self.specialty.setCurrentText(request.target_specialty)
            self.letter_type.setCurrentIndex(max(0, self.letter_type.findData(
                request.letter_type.value)))
            self.form_name.setText(request.standardized_form)
            self.chair.setChecked(request.department_chair)
            (self.waived_yes if request.waived else self.waived_no).setChecked(True)
            self.letter_id.setText(request.letter_id)
            self.due.set_value(request.due)
            self.notes.setPlainText(request.notes)
        for widget in self._inputs:
            widget.blockSignals(False)
        self.form_name.setEnabled(self.letter_type.currentData() == LetterType.STANDARDIZED)
        self.setEnabled(request is not None and not self.store.read_only)

    # -- saving ---------------------------------------------------------------------------
    def value(self, field: str) -> object:
        """The field's value as the repository takes it."""
        if field == "target_specialty":
            return self.specialty.currentText().strip()
        if field == "letter_type":
            return LetterType(self.letter_type.currentData())
        if field == "standardized_form":
            return self.form_name.text().strip()
        if field == "department_chair":
            return self.chair.isChecked()
        if field == "waived":
            return self.waived_yes.isChecked()
        if field == "letter_id":
            return self.letter_id.text().strip()
        if field == "due":
            return self.due.value()
        if field == "notes":
            return self.notes.toPlainText().strip()
        raise KeyError(field)

    def save_field(self, field: str) -> bool:
        """Save one field if it changed; False when the core refused it."""
        self.form_name.setEnabled(self.letter_type.currentData() == LetterType.STANDARDIZED)
        if self.request is None or self.request.id is None or self.store.read_only:
            return True
        value = self.value(field)
        if value == getattr(self.request, field):
            (self.letter_id_refusal if field == "letter_id" else self.refusal).clear_text()
            return True
        outcome = self.store.update_request(self.request.id, **{field: value})
        shown = self.letter_id_refusal if field == "letter_id" else self.refusal
        if not outcome:
            shown.show_text(outcome.error)
            return False
        shown.clear_text()
        self.request = outcome.value
        if field == "letter_id":
            self.letter_id.blockSignals(True)
            self.letter_id.setText(self.request.letter_id)  # the canonical form
            self.letter_id.blockSignals(False)
        self.saved.emit(outcome.value)
        return True

    def flush(self) -> bool:
        """Save a due date still waiting for its pause."""
        if self.due_timer.isActive():
            self.due_timer.stop()
            return self.save_field("due")
        return True

