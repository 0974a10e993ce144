"""The rank list's advanced (PGY-2) part: the advanced programs in the user's order, apart from
the primary list, and for the one selected its supplemental list of preliminary or transitional
programs, with a warning while an advanced program has none.

It edits the rank tab's :class:`RankSheet` and saves through the tab, so the whole sheet is one
settings value (see :mod:`workshop.core.programs.ranking_store`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.programs.model import Program
from workshop.core.programs.ranking import (
    SUPPLEMENTAL_NOTE,
    advanced_order,
    supplemental_candidates,
    supplemental_list,
    supplemental_warnings,
)
from workshop.ui.palette import muted
from workshop.ui.programs.common import show_error
from workshop.ui.widgets import button

if TYPE_CHECKING:
    from workshop.ui.programs.rank_tab import RankTab

ID_ROLE = Qt.ItemDataRole.UserRole


def _drag_list(name: str, on_drop: Callable[[], None]) -> tuple[QListWidget, QTimer]:
    """A list the user reorders by dragging; ``on_drop`` runs once the drop has settled."""
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    widget.setDefaultDropAction(Qt.DropAction.MoveAction)
    widget.setAlternatingRowColors(True)
    timer = QTimer(widget)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(on_drop)
    widget.model().rowsMoved.connect(lambda *_a: timer.start())
    return widget, timer


def _fit_height(widget: QListWidget, low: int = 2, high: int = 5) -> None:
    """As tall as its rows (``low`` to ``high`` of them): the panel scrolls, not the lists."""
    row = widget.sizeHintForRow(0) if widget.count() else widget.fontMetrics().height() + 4
    rows = max(low, min(high, widget.count()))
    widget.setFixedHeight(rows * row + 2 * widget.frameWidth() + 4)


def _ids(widget: QListWidget) -> list[int]:
    values = (widget.item(row).data(ID_ROLE) for row in range(widget.count()))
    return [int(v) for v in values if v is not None]


class SupplementalPanel(QScrollArea):
    """Advanced order on top; the selected program's supplemental list below (it scrolls
    rather than squeeze its lists on a short laptop screen)."""

    def __init__(self, tab: RankTab) -> None:
        super().__init__()
        self.tab = tab
        self.programs: list[Program] = []
        self._loading = False
        note = QLabel("Each takes a supplemental list of preliminary or transitional "
                      "programs for the first year (NRMP FAQ).")
        note.setToolTip(SUPPLEMENTAL_NOTE)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {muted()};")
        self.advanced, _t = _drag_list("Advanced (PGY-2) programs, drag to reorder",
                                       self._advanced_dropped)
        self.advanced.currentRowChanged.connect(lambda _row: self._show_supplemental())
        self.first_label = QLabel()
        self.first_label.setWordWrap(True)
        self.first_years, _t2 = _drag_list("Supplemental list, drag to reorder",
                                           self._first_years_dropped)
        self.candidates = QComboBox()
        self.candidates.setAccessibleName("Preliminary or transitional program to add")
        self.candidates.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.candidates.setMinimumContentsLength(14)
        self.candidates.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.add_button = button("Add", self.add_first_year,
                                 "Add this first-year program to the supplemental list")
        self.remove_button = button("Remove", self.remove_first_year,
                                    "Take the selected program off the supplemental list")
        self.share_button = button("Use for all advanced", self.share,
                                   "Give every advanced program a copy of this list")
        adding = QHBoxLayout()
        adding.addWidget(self.candidates, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        edits = QHBoxLayout()
        edits.addWidget(self.share_button)
        edits.addStretch(1)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Supplemental list warnings")
        self.warning.setStyleSheet("QLabel { color: #8a5a00; background: #fcefd4; "
                                   "border-radius: 4px; padding: 4px; }")
        inner = QWidget()
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(300)
        head = QLabel("<b>Advanced (PGY-2)</b>, apart from your list (drag to reorder)")
        head.setToolTip(SUPPLEMENTAL_NOTE)
        head.setWordWrap(True)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(head)
        layout.addWidget(note)
        layout.addWidget(self.advanced)
        layout.addWidget(self.first_label)
        layout.addWidget(self.first_years)
        layout.addLayout(adding)
        layout.addLayout(edits)
        layout.addWidget(self.warning)
        layout.addStretch(1)

    # -- showing ----------------------------------------------------------------------------
    def fill(self, programs: Sequence[Program]) -> bool:
        """Show the advanced programs of ``programs``; False (and hidden) when there are none."""
        self.programs = list(programs)
        order = advanced_order(self.programs, self.tab.sheet)
        self.setVisible(bool(order))
        if not order:
            return False
        current = self.selected_id()
        self._loading = True
        try:
            self.advanced.clear()
            for rank, program in enumerate(order, 1):
                item = QListWidgetItem(self._advanced_text(rank, program))
                item.setData(ID_ROLE, program.id)
                item.setToolTip(program.location or program.display_name)
                self.advanced.addItem(item)
            ids = _ids(self.advanced)
            self.advanced.setCurrentRow(ids.index(current) if current in ids else 0)
            _fit_height(self.advanced, 1, 4)
        finally:
            self._loading = False
        self._show_supplemental()
        return True

    def _advanced_text(self, rank: int, program: Program) -> str:
        first = supplemental_list(self.programs, self.tab.sheet, program.id or 0)
        mark = f"{len(first)} first-year" if first else "⚠ no supplemental list"
        return f"{rank}. {program.name} — {mark}"

    def selected_id(self) -> int | None:
        item = self.advanced.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return None if value is None else int(value)

    def _show_supplemental(self) -> None:
        if self._loading:
            return
        advanced_id = self.selected_id()
        sheet = self.tab.sheet
        chosen = supplemental_list(self.programs, sheet, advanced_id or 0)
        name = next((p.name for p in self.programs if p.id == advanced_id), "")
        self.first_label.setText(f"<b>Supplemental list for {name}</b>" if name else "")
        self.first_label.setToolTip("The first-year programs for it, in your order")
        self._loading = True
        try:
            self.first_years.clear()
            for rank, program in enumerate(chosen, 1):
                item = QListWidgetItem(f"{rank}. {program.display_name}")
                item.setData(ID_ROLE, program.id)
                self.first_years.addItem(item)
            _fit_height(self.first_years, 1, 5)
            self.candidates.clear()
            taken = {p.id for p in chosen}
            for program in supplemental_candidates(self.programs):
                if program.id not in taken:
                    self.candidates.addItem(program.display_name, program.id)
        finally:
            self._loading = False
        if not self.candidates.count():
            self.candidates.addItem("No other preliminary or transitional program", None)
        warnings = supplemental_warnings(self.programs, sheet)
        missing = [p.name for p in advanced_order(self.programs, sheet)
                   if not supplemental_list(self.programs, sheet, p.id or 0)]
        self.warning.setText(f"⚠ No first year yet for {', '.join(missing)}." if missing
                             else "")
        self.warning.setToolTip("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        self.set_editable(not self.tab.page.read_only)

    def set_editable(self, editable: bool) -> None:
        has_candidate = self.candidates.currentData() is not None
        self.add_button.setEnabled(editable and has_candidate)
        self.remove_button.setEnabled(editable and self.first_years.count() > 0)
        self.share_button.setEnabled(editable and self.advanced.count() > 1
                                     and self.first_years.count() > 0)
        self.advanced.setDragEnabled(editable)
        self.first_years.setDragEnabled(editable)

    # -- writing ----------------------------------------------------------------------------
    def _apply(self, change: Callable[[], None], title: str) -> None:
        try:
            change()
        except UserError as exc:
            show_error(self, title, exc)
            return
        if self.tab.save(title):
            self.fill(self.programs)

    def add_first_year(self) -> None:
        advanced_id, program_id = self.selected_id(), self.candidates.currentData()
        if advanced_id is None or program_id is None:
            return
        self._apply(lambda: self.tab.sheet.add_supplemental(advanced_id, int(program_id)),
                    "Cannot add to the supplemental list")

    def remove_first_year(self) -> None:
        advanced_id, item = self.selected_id(), self.first_years.currentItem()
        if advanced_id is None or item is None:
            return
        program_id = int(item.data(ID_ROLE))
        self._apply(lambda: self.tab.sheet.remove_supplemental(advanced_id, program_id),
                    "Cannot change the supplemental list")

    def share(self) -> None:
        advanced_id = self.selected_id()
        if advanced_id is None:
            return
        others = _ids(self.advanced)
        self._apply(lambda: self.tab.sheet.share_supplemental(advanced_id, others),
                    "Cannot copy the supplemental list")

    def _advanced_dropped(self) -> None:
        ids = _ids(self.advanced)
        if self._loading or not ids or len(set(ids)) != len(ids) \
                or ids == self.tab.sheet.advanced_order:
            return
        self.tab.sheet.advanced_order = ids
        if self.tab.save("Cannot save the advanced order"):
            self.fill(self.programs)

    def _first_years_dropped(self) -> None:
        advanced_id, ids = self.selected_id(), _ids(self.first_years)
        if self._loading or advanced_id is None or len(set(ids)) != len(ids) \
                or ids == self.tab.sheet.supplemental.get(advanced_id, []):
            return
        self._apply(lambda: self.tab.sheet.set_supplemental(advanced_id, ids),
                    "Cannot save the supplemental list")
