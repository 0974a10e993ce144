"""Signals & costs: program signals used and allowed per specialty, a signal picker per program,
and the cost planner (ERAS fees per specialty, the 30-program price step, costs the user types).

Every number shows its source and whether it is confirmed for the season. Giving a signal calls
the core service (:func:`workshop.core.season.signals.assign_signal`); a refusal (a fourth gold
signal, a second signal to one institution's specialty) is shown as a message and the picker
goes back. Typed costs are kept in the workspace settings (:mod:`workshop.core.season.fees`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.programs.anchor import match_year_for
from workshop.core.programs.model import SIGNAL_LABELS, STATUS_LABELS, Program
from workshop.core.programs.snapshot import ProgramsData
from workshop.core.season import fees, signals
from workshop.core.season.application_listing import allowed_text, used_text
from workshop.ui.empty_state import EmptyState
from workshop.ui.palette import muted
from workshop.ui.programs.common import show_error

if TYPE_CHECKING:
    from workshop.ui.programs.page import ProgramsPage

NONE_LABEL = "No signal"
WARN_STYLE = ("QLabel { color: #8a5a00; background: #fcefd4; border-radius: 4px; "
              "padding: 4px; }")


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    return item


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {muted()};")  # secondary text that reads in dark mode too
    return label


class ApplicationTab(QWidget):
    """Signals on the left, costs on the right; an empty state without programs."""

    def __init__(self, page: ProgramsPage) -> None:
        super().__init__()
        self.page = page
        self.table: signals.SignalTable | None = None
        self.fee_table: fees.FeeTable | None = None
        self.pickers: dict[int, QComboBox] = {}
        self._rows: list[int | None] = []
        self.amount_edits: dict[str, QLineEdit] = {}
        self._loading = False
        self.stack = QStackedWidget()
        self.empty = EmptyState(
            "Signals & costs",
            "See how many program signals each specialty allows this season, give them to "
            "programs, and what your applications will cost per specialty.",
            ["Add programs in the Programs tab, or import your list (Import & export).",
             "Come back here to give signals and see the ERAS fees."])
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)

    def _content(self) -> QWidget:
        self.signal_source = _note()
        self.signal_table = _table("Signals used and allowed per specialty",
                                   ["Specialty", "Allowed", "Used"])
        self.signal_warning = QLabel()
        self.signal_warning.setWordWrap(True)
        self.signal_warning.setStyleSheet(WARN_STYLE)
        self.signal_warning.hide()
        self.program_table = _table("Programs and their signals",
                                    ["Program", "Specialty", "Status", "Signal"])
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel("<b>Program signals</b>"))
        ll.addWidget(self.signal_source)
        ll.addWidget(self.signal_table)
        ll.addWidget(self.signal_warning)
        ll.addWidget(QLabel("<b>Give a signal</b> (saved at once)"))
        ll.addWidget(self.program_table, 1)

        self.fee_source = _note()
        self.cost_table = _table("ERAS fees per specialty",
                                 ["Specialty", "Applied", "Planned", "ERAS fee",
                                  "Next program", "30-program step"])
        self.eras_total = QLabel()
        self.amounts_box = QWidget()
        self.amounts_form = QFormLayout(self.amounts_box)
        self.amounts_form.setContentsMargins(0, 0, 0, 0)
        self.total = QLabel()
        self.total.setWordWrap(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel("<b>Costs</b>"))
        rl.addWidget(self.fee_source)
        rl.addWidget(self.cost_table, 1)
        rl.addWidget(self.eras_total)
        rl.addWidget(QLabel("<b>Other costs</b> (type what the AAMC or NRMP shows you)"))
        rl.addWidget(self.amounts_box)
        rl.addWidget(self.total)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 480])
        split.setChildrenCollapsible(False)
        return split

    # -- showing ----------------------------------------------------------------------------
    def refresh(self, data: ProgramsData) -> None:
        programs = data.programs
        self.stack.setCurrentIndex(1 if programs else 0)
        if not programs:
            return
        try:
            year = match_year_for(data.today)  # June starts the next Match's season
            self.table = signals.load_signal_table(year)
            self.fee_table = fees.load_fee_table(year)
        except UserError as exc:
            show_error(self, "Cannot read the season's tables", exc)
            return
        self._fill_signals(programs, self.table)
        self._fill_costs(programs, self.fee_table)

    def _fill_signals(self, programs: list[Program], table: signals.SignalTable) -> None:
        status = "" if table.confirmed else f" — {table.unconfirmed_note}"
        borrowed = (f" (no table for this Match yet: the {table.borrowed_from} one)"
                    if table.borrowed_from else "")
        self.signal_source.setText(f"Source: {table.source}{status}{borrowed}. {table.rule}")
        usages = signals.usage(programs, table)
        self.signal_table.setRowCount(len(usages))
        for row, entry in enumerate(usages):
            source = entry.allowance.source if entry.allowance else table.unknown_note
            self.signal_table.setItem(row, 0, _cell(entry.specialty))
            self.signal_table.setItem(row, 1, _cell(allowed_text(entry, table),
                                                    f"Source: {source}"))
            used = _cell(used_text(entry))
            if entry.over:
                used.setForeground(Qt.GlobalColor.darkRed)
            self.signal_table.setItem(row, 2, used)
        self._fit_columns(self.signal_table, stretch=1)
        rows = sum(self.signal_table.rowHeight(r) for r in range(len(usages)))
        self.signal_table.setFixedHeight(min(150, rows + self.signal_table
                                             .horizontalHeader().height() + 4))
        warnings = [w for u in usages for w in u.warnings]
        self.signal_warning.setText("\n".join(warnings))
        self.signal_warning.setVisible(bool(warnings))
        self._fill_programs(programs, table)

    def _fill_programs(self, programs: list[Program], table: signals.SignalTable) -> None:
        """Rows per program; pickers are kept and refilled when the rows are the same ones
        (a pick must not delete the combo box whose signal is running)."""
        ids = [p.id for p in programs]
        same_rows = ids == self._rows
        self._loading = True
        try:
            if not same_rows:
                self.pickers = {}
                self.program_table.setRowCount(len(programs))
            for row, program in enumerate(programs):
                self.program_table.setItem(row, 0, _cell(program.display_name))
                self.program_table.setItem(row, 1, _cell(program.specialty or "not recorded"))
                self.program_table.setItem(row, 2,
                                           _cell(STATUS_LABELS.get(program.status, "")))
                picker = self.pickers.get(program.id or 0) if same_rows else None
                if picker is None:
                    picker = self._picker(program)
                    self.program_table.setCellWidget(row, 3, picker)
                    if program.id is not None:
                        self.pickers[program.id] = picker
                self._fill_picker(picker, program, table)
            self._rows = ids
        finally:
            self._loading = False
        self._fit_columns(self.program_table, stretch=0)

    def _picker(self, program: Program) -> QComboBox:
        picker = QComboBox()
        picker.setAccessibleName(f"Signal for {program.display_name}")
        pid = program.id
        picker.currentIndexChanged.connect(
            lambda _i, p=pid, box=picker: self.give_signal(p, str(box.currentData() or "")))
        return picker

    def _fill_picker(self, picker: QComboBox, program: Program,
                     table: signals.SignalTable) -> None:
        row = table.allowance(program.specialty, program.track)
        tiers = list(row.tiers) if row is not None else ["signal", "gold", "silver"]
        if program.signal and program.signal not in tiers:
            tiers.append(program.signal)  # imported that way: show it so it can be taken off
        picker.blockSignals(True)
        try:
            picker.clear()
            picker.addItem(NONE_LABEL, "")
            for tier in tiers:
                picker.addItem(SIGNAL_LABELS[tier], tier)
            picker.setCurrentIndex(max(0, picker.findData(program.signal)))
        finally:
            picker.blockSignals(False)
        picker.setEnabled(not self.page.read_only)

    def _fill_costs(self, programs: list[Program], table: fees.FeeTable) -> None:
        bands = "; ".join(
            f"programs {b.start}–{b.end}: {fees.money(b.cents)} each" if b.end
            else f"from program {b.start}: {fees.money(b.cents)} each" for b in table.bands)
        note = "" if table.confirmed else f" {table.note}."
        self.fee_source.setText(
            f"ERAS fees per specialty, {table.basis} ({table.source}): {bands}.{note} "
            "Counted: every program except withdrawn ones (planned = Researching).")
        plan = fees.plan_costs(programs, table, fees.load_amounts(self.page.workspace.settings))
        self.cost_table.setRowCount(len(plan.specialties))
        for row, cost in enumerate(plan.specialties):
            left = cost.left_at_first_price
            step = ("" if left is None else
                    f"{left} more at {fees.money(table.bands[0].cents)}" if left else
                    f"past {table.threshold}: {fees.money(table.bands[1].cents)} each")
            values = [cost.specialty, str(cost.applied), str(cost.planned),
                      fees.money(cost.fee_cents), fees.money(cost.next_cents), step]
            for column, text in enumerate(values):
                self.cost_table.setItem(row, column, _cell(text))
        self._fit_columns(self.cost_table, stretch=0)
        self.eras_total.setText(f"<b>ERAS total: {fees.money(plan.eras_cents)}</b>")
        self._fill_amounts(plan)
        missing = (f" — leaves out {', '.join(plan.missing)} (not typed)"
                   if plan.missing else "")
        self.total.setText(f"<b>Total: {fees.money(plan.total_cents)}</b>{missing}")

    def _fill_amounts(self, plan: fees.CostPlan) -> None:
        if set(self.amount_edits) != {line.cost.key for line in plan.other}:
            while self.amounts_form.rowCount():
                self.amounts_form.removeRow(0)
            self.amount_edits = {}
            for line in plan.other:
                edit = QLineEdit()
                edit.setAccessibleName(f"Amount for {line.cost.label}")
                edit.setPlaceholderText(line.cost.note)
                edit.setToolTip(f"Source: {line.cost.source}")
                edit.editingFinished.connect(lambda k=line.cost.key: self.set_amount(k))
                name = QLabel(f"{line.cost.label}:")
                name.setToolTip(line.cost.source)
                self.amounts_form.addRow(name, edit)
                self.amount_edits[line.cost.key] = edit
        for line in plan.other:
            edit = self.amount_edits[line.cost.key]
            if not edit.hasFocus():
                edit.setText("" if line.cents is None else fees.money(line.cents))
            edit.setReadOnly(self.page.read_only)

    def _fit_columns(self, table: QTableWidget, stretch: int = 0) -> None:
        """Columns fit their text; ``stretch`` takes the rest (long names wrap there)."""
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(table.columnCount()):
            if column == stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()

    def set_editable(self, editable: bool) -> None:
        for picker in self.pickers.values():
            picker.setEnabled(editable)
        for edit in self.amount_edits.values():
            edit.setReadOnly(not editable)

    # -- writing ----------------------------------------------------------------------------
    def give_signal(self, program_id: int | None, signal: str) -> None:
        """Give (or take back) a signal through the core service; a refusal is a message."""
        if self._loading or program_id is None:
            return
        workspace, table = self.page.workspace, self.table
        outcome: list[object] = []

        def run() -> None:
            outcome.append(signals.assign_signal(workspace, program_id, signal, table))

        if self.page.write(run, "Cannot give the signal"):
            self.page.reload(select_id=program_id, full=False)
            if outcome:
                self.page.changed.emit(outcome[0])
            if self.page.lazy.current_key() == "application":
                return  # the reload refreshed this tab
        self.refresh(self.page.data)  # a refused pick goes back to what is saved

    def set_amount(self, key: str) -> None:
        edit = self.amount_edits.get(key)
        if edit is None or self.fee_table is None or self.page.read_only:
            return
        table, settings = self.fee_table, self.page.workspace.settings
        try:
            cents = fees.parse_money(edit.text())
        except UserError as exc:
            show_error(self, "Cannot read the amount", exc)
            return
        if cents == fees.load_amounts(settings).get(key):
            return
        if self.page.write(lambda: fees.set_amount(settings, key, cents, table),
                           "Cannot save the amount"):
            self._fill_costs(self.page.data.programs, table)
