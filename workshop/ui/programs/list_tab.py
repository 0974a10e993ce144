"""The Programs tab: the sortable table, the list's mix, and the selected program's details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.core.programs.model import Program, ProgramEvent
from workshop.core.programs.snapshot import ProgramsData
from workshop.ui.programs.common import button
from workshop.ui.programs.detail import ProgramDetail
from workshop.ui.programs.mix_chart import MixPanel
from workshop.ui.programs.table_model import ID_ROLE, SORT_ROLE, ProgramsTableModel

if TYPE_CHECKING:
    from workshop.ui.programs.page import ProgramsPage

COLUMN_WIDTHS = (210, 105, 85, 110, 85, 115, 75, 70, 95, 120, 95)


class ProgramsTab(QWidget):
    """Table + mix on the left, the selected program's detail on the right."""

    def __init__(self, page: ProgramsPage) -> None:
        super().__init__()
        self.page = page
        self.model = ProgramsTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setAccessibleName("Programs")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        self.filter = QLineEdit()
        self.filter.setAccessibleName("Filter programs")
        self.filter.setPlaceholderText("Filter by name, city, status, fit…")
        self.filter.setClearButtonEnabled(True)
        for clear in self.filter.findChildren(QToolButton):
            clear.setAccessibleName("Clear the filter")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = button("Add program…", self.add_program, "Add a program by name")
        self.delete_button = button("Delete…", self.delete_program,
                                    "Delete the selected program and its steps")
        self.count = QLabel()
        self.count.setAccessibleName("Program count")
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)

        self.mix = MixPanel()
        self.detail = ProgramDetail()
        self.detail.edited.connect(self._save)
        self.detail.event_added.connect(self._add_event)
        self.detail.event_deleted.connect(self._delete_event)
        self.detail.go_to_section.connect(page.go_to_section)
        self.placeholder = QLabel("Select a program to see why it got its label and to edit "
                                  "it.")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        left.addWidget(self.mix)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setSizes([380, 210])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.placeholder)
        right_layout.addWidget(self.detail, 1)
        right.setMinimumWidth(340)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([560, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.detail.hide()

    # -- showing ----------------------------------------------------------------------------
    def refresh(self, data: ProgramsData, select_id: int | None = None, *,
                full: bool = True) -> None:
        """Show a new snapshot, keeping (or moving to ``select_id``) the selection.

        ``full=False`` after a save leaves the form's fields alone (the user is typing in them)
        and refreshes only the fit, the pipeline and the counts.
        """
        keep = select_id if select_id is not None else self.current_id()
        self.detail.set_statements(data.statements)
        self.model.set_rows(data.programs, data.fits)
        if keep is None and data.programs:  # open on the first program rather than a blank pane
            first = self.proxy.index(0, 0)
            keep = int(first.data(ID_ROLE)) if first.isValid() else None
        self.mix.show_summary(data.mix)
        self.count.setText(f"{len(data.programs)} program{'s' if len(data.programs) != 1 else ''}")
        if keep is not None and self.select(keep, full=full):
            return
        self.detail.hide()
        self.detail.program = None
        self.placeholder.show()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def select(self, program_id: int, *, full: bool = True) -> bool:
        row = self.model.row_of(program_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        full = full or self.detail.program is None or self.detail.program.id != program_id
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._show(program_id, full=full)
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            program_id = int(current.data(ID_ROLE))
            same = self.detail.program is not None and self.detail.program.id == program_id
            if not same:
                self.detail.flush()
                self._show(program_id, full=True)

    def _show(self, program_id: int, *, full: bool) -> None:
        data = self.page.data
        program = data.program(program_id)
        if program is None:
            return
        self.detail.show_program(program, data.fits.get(program_id),
                                 data.letters.get(program_id, 0), full=full)
        self.placeholder.hide()
        self.detail.show()
        self.detail.set_editable(not self.page.read_only)

    def set_editable(self, editable: bool) -> None:
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        self.detail.set_editable(editable)

    # -- writing ----------------------------------------------------------------------------
    def _save(self, program: Program) -> None:
        if self.page.write(lambda: self.page.repo.update(program), "Cannot save the program"):
            self.page.reload(select_id=program.id, full=False)
        else:
            self.detail.show_error("Not saved; fix the field and try again.")

    def _add_event(self, event: ProgramEvent) -> None:
        program = self.detail.program
        if program is None or program.id is None:
            return
        pid = program.id
        if self.page.write(lambda: self.page.repo.add_event(pid, event),
                           "Cannot record the step"):
            self.page.reload(select_id=pid, full=False)

    def _delete_event(self, event_id: int) -> None:
        program = self.detail.program
        if program is None:
            return
        if self.page.write(lambda: self.page.repo.delete_event(event_id),
                           "Cannot delete the step"):
            self.page.reload(select_id=program.id, full=False)

    def add_program(self) -> None:
        if self.page.read_only:
            return
        name, ok = QInputDialog.getText(self, "Add program", "Program name:")
        if not ok or not name.strip():
            return
        program = Program(name=" ".join(name.split()))
        if self.page.write(lambda: self.page.repo.add(program), "Cannot add the program"):
            self.page.reload(select_id=program.id)
            self.detail.tabs.setCurrentIndex(1)
            self.detail.name.setFocus()

    def delete_program(self) -> None:
        program = self.detail.program
        if program is None or program.id is None or self.page.read_only:
            return
        answer = QMessageBox.question(
            self, "Delete program",
            f"Delete {program.display_name} with its steps and notes? This cannot be undone "
            "(the workspace's backups keep older copies).")
        if answer != QMessageBox.StandardButton.Yes:
            return
        pid = program.id
        if self.page.write(lambda: self.page.repo.delete(pid), "Cannot delete the program"):
            self.detail.program = None
            self.page.reload()
