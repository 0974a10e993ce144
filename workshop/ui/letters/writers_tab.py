"""Writers & requests: the writers list on the left, the selected writer on the right.

The right side has three tabs: the writer's letter requests (what is used most), their
details, and the cases worked together. Both the details form and the cases table save the
same writer record, so each passes the stored writer to the other after saving: neither may
write back an older copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.core.letters.model import LetterWriter
from workshop.ui.letters.cases import CasesEditor
from workshop.ui.letters.common import button, refuse, wrapped
from workshop.ui.letters.requests_panel import RequestsPanel
from workshop.ui.letters.store import LettersStore
from workshop.ui.letters.writer_form import WriterForm
from workshop.ui.widgets import scrolling

NEW_WRITER_NAME = "New letter writer"
COLUMNS = ("Name", "Title", "Institution", "Country", "U.S.", "Letters")


#: The column of the writers table that counts their letter requests.
REQUESTS_COLUMN = 5


class WritersTab(QWidget):
    """Writers list with add/delete, and the selected writer's requests, details and cases."""

    message = Signal(str)

    def __init__(self, store: LettersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.writers: list[LetterWriter] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Letter writers")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.add_button = button("Add writer", self.add_writer)
        self.delete_button = button("Delete writer…", self.delete_writer)
        self.intro = wrapped("Programs look for a letter in their specialty and at least two "
                             "from U.S. physicians.", "About letter writers")
        self.intro.setStyleSheet("color: #5d6d7e;")
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.delete_button)
        side.addWidget(self.intro)
        side.addStretch(1)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(210)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        side_scroll = scrolling(side_box, "Writer actions")  # a short window: the hint scrolls
        side_scroll.setFixedWidth(side_scroll.sizeHint().width())
        top_layout.addWidget(side_scroll)

        self.form = WriterForm(store)
        self.cases = CasesEditor(store)
        self.requests = RequestsPanel(store)
        self.requests.message.connect(self.message)
        self.form.saved.connect(self._on_writer_saved)
        self.cases.saved.connect(self._on_writer_saved)
        self.detail = QTabWidget()
        self.detail.setAccessibleName("Selected writer")
        self.detail.addTab(self.requests, "Letter requests")
        self.requests.counted.connect(
            lambda n: self.detail.setTabText(0, f"Letter requests ({n})" if self.current()
                                             else "Letter requests"))
        self.form_scroll = scrolling(self.form, "Writer details")
        self.detail.addTab(self.form_scroll, "Writer details")
        self.detail.addTab(self.cases, "Cases worked together")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([118, 440])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.reload()

    # -- list -----------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Re-read the writers, keeping the selection (or selecting ``select``)."""
        keep = select if select is not None else self.current_id()
        self.writers = self.store.writers()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.writers))
        for row, writer in enumerate(self.writers):
            self._fill_row(row, writer)
        ids = [w.id for w in self.writers]
        row = ids.index(keep) if keep in ids else (0 if self.writers else -1)
        if row >= 0:
            self.table.selectRow(row)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        editable = not self.store.read_only
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and bool(self.writers))
        self._on_selected()

    def refresh_counts(self) -> None:
        """After any letters edit: the requests column follows at once (selection kept)."""
        for row, writer in enumerate(self.writers):
            count = len(self.store.requests(writer.id)) if writer.id is not None else 0
            item = self.table.item(row, REQUESTS_COLUMN)
            if item is not None and item.text() != str(count):
                item.setText(str(count))
                item.setToolTip(str(count))

    def _fill_row(self, row: int, writer: LetterWriter) -> None:
        count = len(self.store.requests(writer.id)) if writer.id is not None else 0
        cells = (writer.display_name, writer.title, writer.institution, writer.country,
                 "U.S." if writer.is_us else "—", str(count))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, writer.id)
            item.setToolTip(text)
            self.table.setItem(row, column, item)

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        if selected:
            row = selected[0].row()
        if 0 <= row < len(self.writers):
            return self.writers[row].id
        return None

    def current(self) -> LetterWriter | None:
        wid = self.current_id()
        return next((w for w in self.writers if w.id == wid), None)

    def _on_selected(self) -> None:
        writer = self.current()
        self.form.load(writer)
        self.cases.load(writer)
        self.requests.load(writer)
        count = len(self.requests.requests)
        self.detail.setTabText(0, f"Letter requests ({count})" if writer else "Letter requests")
        self.detail.setTabText(2, f"Cases worked together ({len(writer.cases)})" if writer
                               else "Cases worked together")
        self.detail.setEnabled(writer is not None)

    def select_request(self, writer_id: int, request_id: int) -> None:
        """Show one request (used by the Due tab's "Show request")."""
        self.reload(select=writer_id)
        self.requests.load(self.current(), select=request_id)
        self.detail.setCurrentWidget(self.requests)

    def _on_writer_saved(self, writer: LetterWriter) -> None:
        self.form.writer = writer
        self.cases.writer = writer
        self.requests.writer = writer
        for row, old in enumerate(self.writers):
            if old.id == writer.id:
                self.writers[row] = writer
                self.table.blockSignals(True)
                self._fill_row(row, writer)
                self.table.blockSignals(False)
        self.detail.setTabText(2, f"Cases worked together ({len(writer.cases)})")
        self.requests.packet.load(writer, self.requests.current())

    # -- actions --------------------------------------------------------------------------
    def add_writer(self) -> bool:
        outcome = self.store.add_writer(LetterWriter(name=NEW_WRITER_NAME))
        if not outcome:
            refuse(self, "Writer not added", outcome.error)
            return False
        self.reload(select=outcome.value.id)
        self.detail.setCurrentWidget(self.form_scroll)
        name = self.form.edits["name"]
        name.setFocus()
        name.selectAll()
        return True

    def delete_writer(self) -> bool:
        writer = self.current()
        if writer is None or writer.id is None:
            return False
        count = len(self.store.requests(writer.id))
        also = (f" and their {count} letter request{'s' if count != 1 else ''} (with status "
                "history, assignments and packet history)" if count else "")
        answer = QMessageBox.question(self, "Delete writer",
                                      f"Delete {writer.display_name}{also}?")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        outcome = self.store.delete_writer(writer.id, with_requests=bool(count))
        if not outcome:
            refuse(self, "Writer not deleted", outcome.error)
            return False
        self.reload()
        return True

    def flush(self) -> bool:
        results = [self.form.save(), self.cases.save(), self.requests.flush()]
        return all(results)
