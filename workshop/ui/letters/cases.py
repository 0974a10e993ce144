"""Cases worked together with one writer: the raw material of the writer's summary sheet.

A table edited in place; every finished cell edit saves the writer's whole case list (one
repository call). Rows left completely empty are ignored, so "Add case" can open a blank row
without saving a half-made case.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.letters.deidentify import colleague_names, flag_case
from workshop.core.letters.model import LetterWriter, WriterCase
from workshop.ui.letters.common import RefusalLabel, button, wrapped
from workshop.ui.letters.store import LettersStore
from workshop.ui.save_state import SaveState

COLUMNS = ("Date", "Case (de-identified)", "Your role", "What the writer saw")
_FIELDS = ("when", "summary", "role", "observed")
REMINDER = ("Keep every case de-identified: no patient names, initials, dates of birth, record "
            "numbers or photos. Describe the patient, e.g. “Man in his 60s with decompensated "
            "heart failure”. Dates may be a day (2024-03-14) or a month (2024-03).")


class CasesEditor(QWidget):
    """Edits the cases of one writer."""

    saved = Signal(object)  # the stored LetterWriter

    def __init__(self, store: LettersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.writer: LetterWriter | None = None
        self.flagged_rows: list[int] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Cases worked together")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(lambda _item: self.save())
        self.add_button = button("Add case", self.add_case,
                                 "Add a patient or project you shared with this writer")
        self.remove_button = button("Remove case", self.remove_case)
        self.confirm_button = button("Confirm de-identified", self.confirm_selected,
                                     "The flagged words do not identify a patient: allow this "
                                     "case in packets (an edit asks again)")
        self.confirm_button.hide()
        self.hint = wrapped(REMINDER, "De-identification reminder")
        self.hint.setStyleSheet("color: #5d6d7e;")
        self.warning = wrapped("", "Possible identifying detail")
        self.warning.setStyleSheet("color: #9a7d0a;")
        self.warning.hide()
        self.refusal = RefusalLabel("Why the cases were not saved")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.refusal)
        layout.addLayout(buttons)
        self.setEnabled(False)

    def load(self, writer: LetterWriter | None) -> None:
        self.writer = writer
        self.refusal.clear_text()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for case in writer.cases if writer else []:
            self._append((case.when, case.summary, case.role, case.observed))
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self._check_identifiers()
        self.setEnabled(writer is not None)
        for widget in (self.add_button, self.remove_button):
            widget.setEnabled(not self.store.read_only)
        if self.store.read_only:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def _append(self, values: tuple[str, ...]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        return row

    def rows(self) -> list[tuple[str, ...]]:
        """The table's text, row by row (including empty rows)."""
        found = []
        for row in range(self.table.rowCount()):
            found.append(tuple((self.table.item(row, c).text().strip()
                                if self.table.item(row, c) else "")
                               for c in range(len(COLUMNS))))
        return found

    def cases(self) -> list[WriterCase]:
        """The cases the table describes.

        Raises:
            UserError: a row without a summary, or a date that is not a date (row named).
        """
        cases = []
        for number, values in enumerate(self.rows(), start=1):
            if not any(values):
                continue
            try:
                cases.append(WriterCase(**dict(zip(_FIELDS, values, strict=True))))
            except UserError as exc:
                raise UserError(f"Case {number}: {exc.message}", hint=exc.hint,
                                where=exc.where) from exc
        return cases

    def save(self) -> bool:
        if self.writer is None or self.store.read_only:
            return True
        self._check_identifiers()
        try:
            cases = self.cases()
        except UserError as exc:
            self.refusal.show_text(str(exc))
            self.store.save_state_changed.emit(SaveState.FAILED, exc.message)
            return False
        if cases == self.writer.cases:
            self.refusal.clear_text()
            return True
        outcome = self.store.update_writer(dataclasses.replace(self.writer, cases=cases))
        if not outcome:
            self.refusal.show_text(outcome.error)
            return False
        self.refusal.clear_text()
        self.writer = outcome.value
        self.saved.emit(outcome.value)
        return True

    def _check_identifiers(self) -> None:
        """Flag rows that may identify a patient (the same scan that gates the packet)."""
        colleagues = colleague_names(self.store.writers()) if self.writer else []
        confirmed = {(c.when, c.summary, c.role, c.observed)
                     for c in (self.writer.cases if self.writer else [])
                     if c.deidentified_confirmed}
        lines: list[str] = []
        self.flagged_rows = []
        for number, values in enumerate(self.rows(), start=1):
            if not values[1]:
                continue
            flag = flag_case(number, WriterCase("", *values[1:]), colleagues)
            if flag is None:
                continue
            if values in confirmed:
                lines.append(f"Case {number}: you confirmed it is de-identified.")
                continue
            self.flagged_rows.append(number)
            lines.append(f"Case {number} may identify a patient: "
                         + ", ".join(f"“{f.text}” ({f.kind})" for _, f in flag.findings) + ".")
        if self.flagged_rows:
            lines.append("Packets are not built while a case is flagged: remove the detail, or "
                         "select the case and press “Confirm de-identified” if it is not about "
                         "a patient.")
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
        self.confirm_button.setVisible(bool(self.flagged_rows) and not self.store.read_only)

    def confirm_selected(self) -> None:
        """Confirm the selected (or the only) flagged case as de-identified."""
        if self.writer is None or self.writer.id is None or not self.save():
            return
        row = self.table.currentRow() + 1
        if row not in self.flagged_rows:
            if len(self.flagged_rows) != 1:
                self.refusal.show_text("Select the flagged case you want to confirm.")
                return
            row = self.flagged_rows[0]
        outcome = self.store.confirm_deidentified(self.writer.id, row)
        if not outcome:
            self.refusal.show_text(outcome.error)
            return
        self.refusal.clear_text()
        self.writer = outcome.value
        self._check_identifiers()
        self.saved.emit(outcome.value)

    def add_case(self) -> None:
        self.table.blockSignals(True)
        row = self._append(("", "", "", ""))
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 1)
        self.table.editItem(self.table.item(row, 1))

    def remove_case(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self.save()
