"""Programs × letters: tick which letters each program gets; see what each program lacks.

ERAS allows at most 4 letters per program (templates/letters/facts.toml). A tick beyond that
is refused by the core with the letters already assigned, and the box is unticked again. The
list beside the matrix carries the core's warnings: no letter in the program's specialty, or
fewer than two letters from U.S. physicians.

Programs already applied to are marked "applied — locked" and tinted: MyERAS locks their
letter assignments (``workshop.core.letters.lock``). The matrix still records the plan, and a
change to such a program says at once that MyERAS will not allow it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.core.letters import lock
from workshop.core.letters.facts import letter_facts
from workshop.core.letters.model import LetterRequest, LetterWriter, Status
from workshop.ui.letters.common import refuse, wrapped
from workshop.ui.letters.store import LettersStore

PROGRAM_ROLE = Qt.ItemDataRole.UserRole
REQUEST_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_COLOUR, WARNING_COLOUR = "#c0392b", "#9a7d0a"
LOCKED_TINT, LOCKED_TEXT = "#fdebd0", "#1b2631"


PROGRAM_WIDTH, LETTER_WIDTH = 240, 84


def short_specialty(name: str) -> str:
    """"IM" for "Internal Medicine", so a column stays narrow (the tooltip has it in full)."""
    words = name.split()
    return "".join(w[0].upper() for w in words) if len(words) > 1 else name[:10]


def column_title(writer: LetterWriter | None, request: LetterRequest) -> str:
    """Three short lines for a column header: surname; specialty and number; U.S. or not."""
    surname = writer.name.split()[-1] if writer and writer.name.split() else "?"
    if request.status is Status.DECLINED:
        third = "declined"
    else:
        third = "U.S." if writer and writer.is_us else "non-U.S."
    return f"{surname}\n{short_specialty(request.target_specialty)} #{request.id}\n{third}"


class AssignmentsTab(QWidget):
    """The matrix and the findings list."""

    changed = Signal()

    def __init__(self, store: LettersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.programs: list = []
        self.requests: list[LetterRequest] = []
        cap = letter_facts().max_letters_per_program
        self.intro = wrapped(f"Tick the letters each program should receive. ERAS allows at "
                             f"most {cap} letters per program; letters may be assigned before "
                             "they are uploaded.", "How assignment works")
        self.intro.setStyleSheet("color: #5d6d7e;")
        self.locked_ids: set[int] = set()
        self.lock_note = wrapped(lock.EXPLANATION, "Letter assignments locked after applying")
        self.lock_note.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.lock_note.setToolTip(lock.SOURCE)
        self.change_notice = wrapped("", "Locked assignment changed")
        self.change_notice.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: 600;")
        self.change_notice.hide()
        self.matrix = QTableWidget()
        self.matrix.setAccessibleName("Programs and letters")
        self.matrix.setAlternatingRowColors(True)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.verticalHeader().setVisible(False)
        self.matrix.itemChanged.connect(self._on_item_changed)
        self.findings = QListWidget()
        self.findings.setAccessibleName("Assignment warnings")
        self.findings.setWordWrap(True)
        self.findings.setSpacing(2)
        self.empty = wrapped("", "Nothing to assign yet")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(wrapped("<b>What each program lacks</b>", rich=True))
        right_layout.addWidget(self.findings, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.matrix)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([680, 250])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.lock_note)
        layout.addWidget(self.change_notice)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.reload()

    def reload(self) -> None:
        """Re-read programs, requests and assignments."""
        self.programs = [p for p in self.store.programs() if p.id is not None]
        self.locked_ids = {int(p.id) for p in self.programs if lock.is_locked(p.status)}
        writers = {w.id: w for w in self.store.writers()}
        self.requests = self.store.requests()
        pairs = set(self.store.assignments())
        self.matrix.blockSignals(True)
        self.matrix.clear()
        self.matrix.setRowCount(len(self.programs))
        self.matrix.setColumnCount(len(self.requests) + 1)
        self.matrix.setHorizontalHeaderItem(0, QTableWidgetItem("Program"))
        for column, request in enumerate(self.requests, start=1):
            writer = writers.get(request.writer_id)
            header = QTableWidgetItem(column_title(writer, request))
            header.setToolTip(f"{writer.display_name if writer else ''}\n"
                              f"{request.target_specialty} · {request.type_label} · "
                              f"{request.status.label}")
            self.matrix.setHorizontalHeaderItem(column, header)
        for row, program in enumerate(self.programs):
            locked = program.id in self.locked_ids
            label = QTableWidgetItem(f"{program.display_name}\n({lock.MARK})" if locked
                                     else program.display_name)
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            label.setToolTip(f"{program.display_name}\n{program.specialty}"
                             f"{' · ' + program.location if program.location else ''}"
                             + (f"\n\n{lock.EXPLANATION}" if locked else ""))
            self.matrix.setItem(row, 0, label)
            for column, request in enumerate(self.requests, start=1):
                self.matrix.setItem(row, column, self._cell(program.id, request, pairs))
            if locked:
                for column in range(self.matrix.columnCount()):
                    cell = self.matrix.item(row, column)
                    if cell is not None:  # dark text on the light tint, in dark mode too
                        cell.setBackground(QBrush(QColor(LOCKED_TINT)))
                        cell.setForeground(QBrush(QColor(LOCKED_TEXT)))
        self.matrix.blockSignals(False)
        self.lock_note.setVisible(bool(self.locked_ids))
        self.change_notice.hide()
        header = self.matrix.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.matrix.setColumnWidth(0, PROGRAM_WIDTH)
        for column in range(1, self.matrix.columnCount()):
            self.matrix.setColumnWidth(column, LETTER_WIDTH)
        if self.locked_ids:  # the "applied — locked" line needs its own row of text
            for row, program in enumerate(self.programs):
                if program.id in self.locked_ids:
                    self.matrix.resizeRowToContents(row)
        missing = []
        if not self.programs:
            missing.append("no programs yet (add them in the Programs section)")
        if not self.requests:
            missing.append("no letter requests yet")
        self.empty.setText("Nothing to assign: " + " and ".join(missing) + "." if missing
                           else "")
        self.empty.setVisible(bool(missing))
        self.show_findings()

    def _cell(self, program_id: int, request: LetterRequest,
              pairs: set[tuple[int, int]]) -> QTableWidgetItem:
        item = QTableWidgetItem()
        item.setData(PROGRAM_ROLE, program_id)
        item.setData(REQUEST_ROLE, request.id)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
        assigned = (program_id, request.id) in pairs
        declined = request.status is Status.DECLINED
        if self.store.read_only or (declined and not assigned):
            flags = Qt.ItemFlag.ItemIsUserCheckable  # visible, not clickable
        item.setFlags(flags)
        item.setCheckState(Qt.CheckState.Checked if assigned else Qt.CheckState.Unchecked)
        if declined:
            item.setToolTip("This letter was declined; it cannot be assigned.")
        elif program_id in self.locked_ids:
            item.setToolTip("Applied: MyERAS no longer lets this program's letters change.")
        return item

    def cell(self, program_id: int, request_id: int) -> QTableWidgetItem | None:
        """The checkbox item of one program and request (tests and keyboard users)."""
        rows = [p.id for p in self.programs]
        columns = [r.id for r in self.requests]
        if program_id not in rows or request_id not in columns:
            return None
        return self.matrix.item(rows.index(program_id), columns.index(request_id) + 1)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        program_id = item.data(PROGRAM_ROLE)
        request_id = item.data(REQUEST_ROLE)
        if program_id is None or request_id is None:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        if checked:
            outcome = self.store.assign(int(program_id), int(request_id))
        else:
            outcome = self.store.unassign(int(program_id), int(request_id))
        if not outcome:
            self.matrix.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            self.matrix.blockSignals(False)
            refuse(self, "Letter not assigned" if checked else "Letter not unassigned",
                   outcome.error)
            return
        if int(program_id) in self.locked_ids:
            name = next((p.display_name for p in self.programs if p.id == int(program_id)), "")
            self.change_notice.setText(lock.change_warning(name, checked))
            self.change_notice.show()
        self.show_findings()
        self.changed.emit()

    def show_findings(self) -> None:
        """One entry per program with problems: its name, then each finding on its own line."""
        self.findings.clear()
        findings = self.store.findings() if self.programs else []
        by_program: dict[int, list] = {}
        for finding in findings:
            by_program.setdefault(finding.program_id, []).append(finding)
        for program_findings in by_program.values():
            name = program_findings[0].program_name
            error = any(f.severity == "error" for f in program_findings)
            lines = [name]
            for finding in program_findings:
                message = finding.message
                if message.startswith(name + " "):
                    message = message[len(name) + 1:]
                lines.append(("  ✕ " if finding.severity == "error" else "  ⚠ ") + message)
            entry = QListWidgetItem("\n".join(lines))
            entry.setForeground(QBrush(QColor(ERROR_COLOUR if error else WARNING_COLOUR)))
            entry.setData(Qt.ItemDataRole.UserRole, [f.code for f in program_findings])
            self.findings.addItem(entry)
        if self.programs and not findings:
            self.findings.addItem("✓ Every program has a letter in its specialty and enough "
                                  "letters from U.S. physicians.")
