"""Import a spreadsheet: map its columns, preview the first rows with their errors, then import.

The mapping starts from :func:`guess_mapping`; the user changes any column with its combo and
the preview re-parses at once (no database involved). Rows with errors are tinted and list
their problems; they are skipped on import and named in the report, so the user can fix the
sheet and import again (which updates, never duplicates).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.core.programs.columns import COLUMNS, check_mapping, guess_mapping
from workshop.core.programs.importer import ImportPreview, preview_import
from workshop.core.programs.tabular import Table

PREVIEW_ROWS = 20
ERROR_TINT = QColor("#f9e0dd")
WARNING_TINT = QColor("#fcf3dc")
IGNORE = ""


class ImportDialog(QDialog):
    """Mapping on top, preview below; ``mapping`` holds the user's choice when accepted."""

    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setWindowTitle(f"Import programs from {table.source or 'spreadsheet'}")
        self.setAccessibleName("Import programs")
        self.resize(1000, 660)
        self.mapping: dict[int, str] = guess_mapping(table.headers)
        self.preview: ImportPreview | None = None
        intro = QLabel(
            f"<b>{len(table.rows)} rows</b> found under the header on row {table.header_row}. "
            "Check which field each of your columns holds (columns set to “ignore” are not "
            "imported), then look at the preview. Rows with errors are skipped; fix them in "
            "your spreadsheet and import again: programs already here are updated, not "
            "duplicated, and fields your sheet has no column for are left as they are.")
        intro.setWordWrap(True)
        self.columns = QTableWidget(table.width, 3)
        self.columns.setAccessibleName("Column mapping")
        self.columns.setHorizontalHeaderLabels(["Your column", "Example", "Imports as"])
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.columns.setColumnWidth(2, 240)
        self.combos: list[QComboBox] = []
        first = table.rows[0][1] if table.rows else []
        for index, name in enumerate(table.headers):
            self.columns.setItem(index, 0, QTableWidgetItem(name or f"(column {index + 1})"))
            example = first[index] if index < len(first) else ""
            self.columns.setItem(index, 1, QTableWidgetItem(example))
            combo = QComboBox()
            combo.setAccessibleName(f"Field for column {index + 1}: {name}")
            combo.addItem("ignore", IGNORE)
            for column in COLUMNS:
                combo.addItem(column.header, column.key)
            combo.setCurrentIndex(max(0, combo.findData(self.mapping.get(index, IGNORE))))
            combo.currentIndexChanged.connect(lambda _i, c=index: self._remap(c))
            self.columns.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.rows = QTableWidget()
        self.rows.setAccessibleName("Preview of the first rows")
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.verticalHeader().hide()
        self.rows.setWordWrap(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Import check")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Import")
        self.ok.setAccessibleName("Import")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel("<b>Columns</b>"))
        top_layout.addWidget(self.columns)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel(f"<b>Preview</b> (first {PREVIEW_ROWS} rows)"))
        bottom_layout.addWidget(self.rows)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([260, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.refresh_preview()

    def _remap(self, column: int) -> None:
        key = self.combos[column].currentData()
        if key:
            self.mapping[column] = key
        else:
            self.mapping.pop(column, None)
        self.refresh_preview()

    def set_field(self, column: int, key: str) -> None:
        """Map ``column`` to a field key ("" ignores it), as choosing in its combo does."""
        self.combos[column].setCurrentIndex(max(0, self.combos[column].findData(key)))

    def refresh_preview(self) -> None:
        """Re-parse the first rows with the current mapping and show them."""
        self.preview = preview_import(self.table, self.mapping, limit=PREVIEW_ROWS)
        preview = self.preview
        mapped = sorted(self.mapping.items())
        headers = ["Row", "Problems"] + [next(c.header for c in COLUMNS if c.key == key)
                                         for _i, key in mapped]
        self.rows.clear()
        self.rows.setColumnCount(len(headers))
        self.rows.setHorizontalHeaderLabels(headers)
        self.rows.setRowCount(len(preview.rows))
        for r, result in enumerate(preview.rows):
            problems = [*result.errors, *(f"warning: {w}" for w in result.warnings)]
            cells = [str(result.row), "; ".join(problems) or "OK"]
            raw = dict(self.table.rows).get(result.row, [])
            cells += [raw[i] if i < len(raw) else "" for i, _key in mapped]
            tint = ERROR_TINT if result.errors else WARNING_TINT if result.warnings else None
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if tint is not None:
                    item.setBackground(tint)
                if problems:
                    item.setToolTip("\n".join(problems))
                self.rows.setItem(r, c, item)
        self.rows.resizeColumnsToContents()
        for c in range(self.rows.columnCount()):
            self.rows.setColumnWidth(c, min(self.rows.columnWidth(c), 260))
        bad = sum(1 for row in preview.rows if row.errors)
        mapping_problems = check_mapping(self.mapping, self.table.width)
        lines = []
        if mapping_problems:
            lines.append("<span style='color:#c0392b'><b>Cannot import yet:</b> "
                         + "; ".join(mapping_problems) + "</span>")
        elif bad:
            lines.append(f"<span style='color:#922b21'>{bad} of the first {len(preview.rows)} "
                         "rows have errors and will be skipped (see the Problems column).</span>")
        else:
            lines.append(f"The first {len(preview.rows)} rows read cleanly.")
        lines += [f"<span style='color:#8a5a00'>{w}</span>" for w in self.table.warnings]
        self.status.setText("<br>".join(lines))
        self.ok.setEnabled(not mapping_problems)
