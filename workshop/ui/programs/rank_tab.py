"""The rank-list helper: weights, ratings per interviewed program, a suggested order with its
reasons, and the final order the user drags into place (kept in the workspace), with exports.

The NRMP note is shown first and plainly: the Match favours a list in true order of preference,
so the suggestion is only a mirror of the user's own ratings and never reorders their list.
Advanced (PGY-2) programs are shown apart, each with its supplemental list
(:mod:`workshop.ui.programs.supplemental_view`).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.programs import ranking_store
from workshop.core.programs.ranking import (
    MAX_WEIGHT,
    NRMP_NOTE,
    RATING_MAX,
    RankSheet,
    export_rank_list_csv,
    final_order,
    rankable,
    seed_from_impressions,
    suggest_order,
)
from workshop.core.programs.snapshot import ProgramsData
from workshop.ui.empty_state import EmptyState
from workshop.ui.file_dialogs import save_file_name
from workshop.ui.programs.common import button, show_error
from workshop.ui.programs.rank_export import export_rank_pdf, rank_list_document
from workshop.ui.programs.reorder import move_buttons
from workshop.ui.programs.supplemental_view import SupplementalPanel

if TYPE_CHECKING:
    from workshop.ui.programs.page import ProgramsPage

NOT_RATED = "—"
NAME_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: Column headers short enough for a 1-5 spin box's width (the full label is the tooltip).
SHORT: dict[str, str] = {"culture": "Culture", "faculty": "Faculty", "location": "Location",
                         "education": "Education", "wellness": "Wellness",
                         "fellowship": "Fellowships", "call": "Call"}
RATING_WIDTH = 74


def _spin(name: str, high: int, special: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setAccessibleName(name)
    spin.setRange(0, high)
    spin.setKeyboardTracking(False)
    if special:
        spin.setSpecialValueText(special)
    return spin


class RankTab(QWidget):
    """Weights | ratings on top; suggested order | your order below."""

    def __init__(self, page: ProgramsPage) -> None:
        super().__init__()
        self.page = page
        self.sheet = RankSheet()
        self.programs: list[Any] = []
        self.all_programs: list[Any] = []
        self._loading = False
        note = QLabel(f"<b>How the Match reads your list:</b> {NRMP_NOTE}")
        note.setWordWrap(True)
        note.setAccessibleName("How the Match uses your list")
        note.setStyleSheet("QLabel { background: #eaf2f8; border: 1px solid #aed6f1; "
                           "border-radius: 4px; padding: 6px; }")
        self.stack = QStackedWidget()
        self.empty = EmptyState(
            "Rank list",
            "After your interviews, rate each program on what matters to you, see an order "
            "suggested from your own ratings, and drag programs into your final order.",
            ["In the Programs tab, select a program and add the step <i>Interviewed</i> "
             "(Status &amp; interview).",
             "Come back here: weight the factors, rate each program 1–5, and drag your final "
             "order."])
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(note)
        layout.addWidget(self.stack, 1)
        self.order_timer = QTimer(self)
        self.order_timer.setSingleShot(True)
        self.order_timer.setInterval(0)
        self.order_timer.timeout.connect(self._save_order)

    def _content(self) -> QWidget:
        self.weights_box = QWidget()
        self.weights_form = QFormLayout(self.weights_box)
        self.weights_form.setContentsMargins(0, 0, 0, 0)
        self.add_factor_button = button("Add factor…", self.add_factor,
                                        "Rate programs on something of your own")
        weights = QWidget()
        wl = QVBoxLayout(weights)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(QLabel("<b>Weights</b> (0 ignores)"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.weights_box)
        wl.addWidget(scroll, 1)
        wl.addWidget(self.add_factor_button)
        weights.setMinimumWidth(170)
        self.ratings = QTableWidget()
        self.ratings.setAccessibleName("Ratings per program, 1 to 5")
        self.ratings.verticalHeader().setDefaultSectionSize(26)
        self.ratings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ratings = QWidget()
        rl = QVBoxLayout(ratings)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(f"<b>Your ratings</b> (1 poor – {RATING_MAX} excellent; "
                            f"{NOT_RATED} not rated)"))
        rl.addWidget(self.ratings, 1)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(weights)
        top.addWidget(ratings)
        top.setSizes([180, 780])

        self.suggested = QListWidget()
        self.suggested.setAccessibleName("Suggested order with reasons")
        self.suggested.setWordWrap(True)
        self.suggested.setAlternatingRowColors(True)
        self.use_suggested = button("Use suggested order", self.use_suggested_order,
                                    "Replace your order with the suggested one")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel("<b>Suggested from your ratings</b>"))
        ll.addWidget(self.suggested, 1)
        ll.addWidget(self.use_suggested)
        self.final = QListWidget()
        self.final.setAccessibleName("Your final order (drag to reorder)")
        self.final.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.final.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.final.setAlternatingRowColors(True)
        self.final.setWordWrap(True)  # a long program name wraps instead of being cut
        self.move_up, self.move_down = move_buttons(self.final, self)
        model = self.final.model()
        model.rowsMoved.connect(lambda *_a: self._order_changed())
        model.rowsInserted.connect(lambda *_a: self._order_changed())
        model.rowsRemoved.connect(lambda *_a: self._order_changed())
        self.csv_button = button("Export CSV…", self.export_csv, "Your order as a spreadsheet")
        self.pdf_button = button("Export PDF…", self.export_pdf,
                                 "Your order with the reasons and weights, to print")
        exports = QHBoxLayout()
        exports.addWidget(self.move_up)
        exports.addWidget(self.move_down)
        exports.addWidget(self.csv_button)
        exports.addWidget(self.pdf_button)
        exports.addStretch(1)
        right = QWidget()
        rl2 = QVBoxLayout(right)
        rl2.setContentsMargins(0, 0, 0, 0)
        rl2.addWidget(QLabel("<b>Your order</b> — drag, or Alt+Up / Alt+Down; saved as you go"))
        rl2.addWidget(self.final, 1)
        rl2.addLayout(exports)
        self.supplemental = SupplementalPanel(self)
        self.supplemental.hide()
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(left)
        bottom.addWidget(right)
        bottom.addWidget(self.supplemental)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([300, 280])
        return split

    # -- showing ----------------------------------------------------------------------------
    def refresh(self, data: ProgramsData) -> None:
        try:
            self.sheet = ranking_store.load_rank_sheet(self.page.workspace.settings)
        except UserError as exc:
            show_error(self, "The saved rank list cannot be read", exc)
            if self.page.read_only:
                self.sheet = RankSheet()
            elif not self.page.write(lambda: self._reset(), "Cannot reset the rank list"):
                return
        from workshop.core.interviews.impressions import impressions

        seed_from_impressions(self.sheet, {pid: imp.ratings for pid, imp in
                                           impressions(self.page.workspace).items()})
        self.programs = rankable(data.programs, self.sheet)
        self.all_programs = list(data.programs)
        self.stack.setCurrentIndex(1 if self.programs else 0)
        if self.programs:
            self._fill_weights()
            self._fill_ratings()
            self._fill_orders()
            self.supplemental.fill(self.all_programs)

    def _reset(self) -> None:
        self.sheet = ranking_store.reset_rank_sheet(self.page.workspace.settings)

    def _fill_weights(self) -> None:
        while self.weights_form.rowCount():
            self.weights_form.removeRow(0)
        for key, label in self.sheet.factors.items():
            spin = _spin(f"Weight of {label}", int(MAX_WEIGHT))
            spin.setValue(round(self.sheet.weights.get(key, 0.0)))
            spin.setEnabled(not self.page.read_only)
            spin.valueChanged.connect(lambda value, k=key: self.set_weight(k, value))
            spin.setMinimumWidth(64)
            name = QLabel(f"{SHORT.get(key, label)}:")
            name.setToolTip(label)
            self.weights_form.addRow(name, spin)

    def _fill_ratings(self) -> None:
        factors = list(self.sheet.factors.items())
        self.ratings.clear()
        self.ratings.setRowCount(len(self.programs))
        self.ratings.setColumnCount(len(factors))
        for column, (key, label) in enumerate(factors):
            head = QTableWidgetItem(SHORT.get(key, label))
            head.setToolTip(label)
            self.ratings.setHorizontalHeaderItem(column, head)
            self.ratings.setColumnWidth(column, RATING_WIDTH)
        for row, program in enumerate(self.programs):
            head = QTableWidgetItem(program.name)
            head.setToolTip(program.name)  # the header is narrower than most program names
            self.ratings.setVerticalHeaderItem(row, head)
        self.ratings.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for row, program in enumerate(self.programs):
            mine = self.sheet.ratings.get(program.id, {})
            for column, (key, label) in enumerate(factors):
                spin = _spin(f"{label} rating for {program.name}", RATING_MAX, NOT_RATED)
                spin.setValue(mine.get(key, 0))
                spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
                spin.setEnabled(not self.page.read_only)
                spin.valueChanged.connect(
                    lambda value, pid=program.id, k=key: self.rate(pid, k, value))
                self.ratings.setCellWidget(row, column, spin)
        self.ratings.verticalHeader().setMaximumWidth(200)
        self.ratings.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)  # "…", not cut

    def _fill_orders(self) -> None:
        self._loading = True
        try:
            self.suggested.clear()
            for rank, s in enumerate(suggest_order(self.programs, self.sheet), 1):
                score = "not rated yet" if s.score is None else f"score {s.score:g}/100"
                why = "; ".join(s.reasons) or "no rating above or below 3 yet"
                missing = (f"\n   not rated: {', '.join(s.not_rated)}" if s.not_rated else "")
                item = QListWidgetItem(f"{rank}. {s.program.display_name} — {score}\n"
                                       f"   {why}{missing}")
                self.suggested.addItem(item)
            self.final.clear()
            for rank, program in enumerate(final_order(self.programs, self.sheet), 1):
                item = QListWidgetItem(program.display_name)
                item.setData(Qt.ItemDataRole.UserRole, program.id)
                item.setData(NAME_ROLE, program.display_name)
                item.setToolTip(f"Rank {rank}: {program.display_name}"
                                + (f" — {program.location}" if program.location else ""))
                self.final.addItem(item)
            self._number_final()
        finally:
            self._loading = False
        editable = not self.page.read_only
        self.final.setDragEnabled(editable)
        self.use_suggested.setEnabled(editable)
        for move in (self.move_up, self.move_down):
            move.setEnabled(editable)

    def _number_final(self) -> None:
        for row in range(self.final.count()):
            item = self.final.item(row)
            item.setText(f"{row + 1}. {item.data(NAME_ROLE)}")

    def final_ids(self) -> list[int]:
        ids = []
        for row in range(self.final.count()):
            value = self.final.item(row).data(Qt.ItemDataRole.UserRole)
            if value is not None:
                ids.append(int(value))
        return ids

    # -- writing ----------------------------------------------------------------------------
    def save(self, title: str) -> bool:
        """Store the whole sheet (the supplemental panel saves through this too)."""
        return self._save(title)

    def _save(self, title: str) -> bool:
        settings = self.page.workspace.settings
        sheet = self.sheet
        return self.page.write(lambda: ranking_store.save_rank_sheet(settings, sheet), title)

    def set_weight(self, key: str, value: int) -> None:
        try:
            self.sheet.set_weight(key, float(value))
        except UserError as exc:
            show_error(self, "Cannot set the weight", exc)
            return
        if self._save("Cannot save the weight"):
            self._fill_orders()
            self.supplemental.fill(self.all_programs)

    def rate(self, program_id: int, key: str, value: int) -> None:
        try:
            self.sheet.rate(program_id, key, value or None)
        except UserError as exc:
            show_error(self, "Cannot save the rating", exc)
            return
        if self._save("Cannot save the rating"):
            self._fill_orders()
            self.supplemental.fill(self.all_programs)

    def add_factor(self) -> None:
        label, ok = QInputDialog.getText(self, "Add factor", "What do you want to rate?")
        if not ok or not label.strip():
            return
        try:
            self.sheet.add_factor(label)
        except UserError as exc:
            show_error(self, "Cannot add the factor", exc)
            return
        if self._save("Cannot save the factor"):
            self.refresh(self.page.data)

    def use_suggested_order(self) -> None:
        self.sheet.final_order = [s.program.id or 0 for s in
                                  suggest_order(self.programs, self.sheet)]
        if self._save("Cannot save the order"):
            self._fill_orders()

    def _order_changed(self) -> None:
        if not self._loading:
            self.order_timer.start()  # after the drop has finished moving the row

    def _save_order(self) -> None:
        ids = self.final_ids()
        if not ids or ids == self.sheet.final_order or len(set(ids)) != len(ids):
            return  # nothing new, or a drop half done (copied, old row not yet removed)
        self.sheet.final_order = ids
        if self._save("Cannot save your order"):
            self._loading = True
            self._number_final()
            self._loading = False
            self.page.message.emit("Rank order saved.")

    def set_editable(self, editable: bool) -> None:
        self.add_factor_button.setEnabled(editable)
        self.use_suggested.setEnabled(editable)
        self.final.setDragEnabled(editable)
        for move in (self.move_up, self.move_down):
            move.setEnabled(editable)
        self.supplemental.set_editable(editable)

    # -- exports ----------------------------------------------------------------------------
    def export_csv(self) -> None:
        path, _ = save_file_name(self, "Export rank list", "rank-list.csv",
                                              "CSV (*.csv)")
        if not path:
            return
        programs, sheet = list(self.all_programs), copy.deepcopy(self.sheet)
        self.page.context.operations.run(
            lambda: export_rank_list_csv(programs, sheet, path),
            on_done=lambda written: self.page.message.emit(
                f"Rank list exported to {Path(str(written)).name}"),
            on_failed=lambda error: show_error(self, "Cannot export", UserError(error)),
            parent=self)

    def export_pdf(self) -> None:
        path, _ = save_file_name(self, "Export rank list", "rank-list.pdf",
                                              "PDF (*.pdf)")
        if not path:
            return
        out = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        profile = self.page.workspace.profile.get()
        doc = rank_list_document(self.all_programs, self.sheet, self.page.today,
                                 applicant=profile.full_name, is_sample=profile.is_sample)
        self.pdf_button.setEnabled(False)
        self.page.message.emit("Writing the rank list PDF…")
        self.page.context.operations.run(lambda: export_rank_pdf(doc, out),
                                         on_done=self._pdf_done, on_failed=self._pdf_failed,
                                         parent=self)

    def _pdf_done(self, written: object) -> None:
        self.pdf_button.setEnabled(True)
        self.page.message.emit(f"Rank list exported to {Path(str(written)).name}")

    def _pdf_failed(self, message: str) -> None:
        self.pdf_button.setEnabled(True)
        show_error(self, "Cannot export the PDF", UserError(message))

    def shutdown(self) -> None:
        self.page.context.operations.discard(self)
