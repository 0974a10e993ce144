"""The programs table: one row per program, sortable by every column, fit labels in colour.

Sorting uses a separate key per cell (``SORT_ROLE``) so numbers sort as numbers, dates as dates,
"not recorded" last, and fit labels from "not eligible" to "strong fit" rather than alphabetically.
"""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from workshop.core.programs.fit import FitResult, label_rank
from workshop.core.programs.model import (
    SIGNAL_LABELS,
    STATUS_LABELS,
    TRACK_LABELS,
    Program,
    status_rank,
)
from workshop.ui.programs.common import fit_colours

SORT_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1
ID_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 2
#: Fit and status first after the name: they are what the list is read for.
COLUMNS: Final[tuple[str, ...]] = (
    "Program", "Fit", "Signal", "Status", "Deadline", "City, state", "Visa", "IMG share",
    "Min Step 2 CK", "Specialty", "Track",
)
FIT_COLUMN: Final = COLUMNS.index("Fit")
_SHARE, _SCORE, _DEADLINE, _STATUS = (COLUMNS.index(c) for c in (
    "IMG share", "Min Step 2 CK", "Deadline", "Status"))
_LAST: Final = "\uffff"  # sorts "not recorded" after everything else

Index = QModelIndex | QPersistentModelIndex


def visa_text(program: Program) -> str:
    """ "J-1, H-1B", "none" or "?" (not recorded)."""
    if program.visa_sponsorship is None:
        return "?"
    return ", ".join(sorted(program.visa_sponsorship)) or "none"


def deadline(program: Program) -> Any:
    """The program's own deadline (ERAS sets none: each program sets its own)."""
    return program.program_deadline


def fit_cell(fit: FitResult | None) -> str:
    if fit is None:
        return ""
    return f"{fit.label} (yours)" if fit.overridden else fit.label


class ProgramsTableModel(QAbstractTableModel):
    """Programs with their fit results; reset by :meth:`set_rows`."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Program] = []
        self.fits: dict[int, FitResult] = {}

    def set_rows(self, programs: list[Program], fits: dict[int, FitResult]) -> None:
        self.beginResetModel()
        self.rows = list(programs)
        self.fits = dict(fits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def row_of(self, program_id: int) -> int:
        return next((i for i, p in enumerate(self.rows) if p.id == program_id), -1)

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if not index.isValid():
            return None
        program = self.rows[index.row()]
        column = index.column()
        fit = self.fits.get(program.id or 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(program, column, fit)
        if role == SORT_ROLE:
            return self._sort_key(program, column, fit)
        if role == ID_ROLE:
            return program.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FIT_COLUMN and fit is not None:
                return fit.describe() + (f"\nYour reason: {fit.override_reason}"
                                         if fit.override_reason else "")
            if column == 0:
                return program.display_name
        if column == FIT_COLUMN and fit is not None:
            fg, bg = fit_colours(fit.label)
            if role == Qt.ItemDataRole.ForegroundRole:
                return fg
            if role == Qt.ItemDataRole.BackgroundRole:
                return bg
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (_SHARE, _SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(p: Program, column: int, fit: FitResult | None) -> str:
        day = deadline(p)
        values = (
            p.name, fit_cell(fit), SIGNAL_LABELS.get(p.signal, p.signal),
            STATUS_LABELS.get(p.status, p.status),
            day.isoformat() if day else "", p.location, visa_text(p),
            "" if p.img_share is None else f"{p.img_share:g}%",
            "" if p.min_step2ck is None else str(p.min_step2ck),
            p.specialty, TRACK_LABELS.get(p.track, p.track),
        )
        return values[column]

    @staticmethod
    def _sort_key(p: Program, column: int, fit: FitResult | None) -> Any:
        if column == _SHARE:
            return -1.0 if p.img_share is None else p.img_share
        if column == _SCORE:
            return -1 if p.min_step2ck is None else p.min_step2ck
        if column == _DEADLINE:
            day = deadline(p)
            return day.isoformat() if day else _LAST
        if column == _STATUS:
            return status_rank(p.status)
        if column == FIT_COLUMN:
            return label_rank(fit.label) if fit else -1
        return ProgramsTableModel._text(p, column, fit).casefold() or _LAST
