"""Import a spreadsheet: map its columns, preview the first rows with their errors, then import.

The mapping starts from :func:`guess_mapping`; the user changes any column with its combo and
the preview re-parses at once (no database involved). Rows with errors are tinted and list
their problems, and every row of the sheet that would not be imported (not only the first
ones shown) is listed below with its reason, with the rows not read as programs (a title above
the header, a repeated header). The user fixes the mapping here, or the sheet and imports again
(which updates, never duplicates), or ticks "import them anyway": after a confirmation, those
rows come in with the fields in error left empty.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
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

    def __init__(self, table: Table, parent: QWidget | None = None, *,
                 today: _dt.date | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.today = today
        #: The user confirmed importing rows with errors (bad fields left empty).
        self.with_errors = False
        self.setWindowTitle(f"Import programs from {table.source or 'spreadsheet'}")
        self.setAccessibleName("Import programs")
        self.resize(1000, 660)
        self.mapping: dict[int, str] = guess_mapping(table.headers)
        self.preview: ImportPreview | None = None
        intro = QLabel(
            f"<b>{len(table.rows)} rows</b> found under the header on row {table.header_row}. "
            "Check which field each of your columns holds (columns set to “ignore” are not "
            "imported), then look at the preview. Rows with errors are listed below with the "
            "reason: fix the mapping here, or fix your spreadsheet and import again (programs "
            "already here are updated, not duplicated, and fields your sheet has no column for "
            "are left as they are), or import them anyway with the bad fields left empty.")
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
        self.skipped = QListWidget()
        self.skipped.setAccessibleName("Rows not imported")
        self.skipped.setMaximumHeight(110)
        self.anyway = QCheckBox("Import rows with errors anyway (the fields in error are left "
                                "empty)")
        self.anyway.setAccessibleName("Import rows with errors anyway")
        self.anyway.setToolTip("You are asked to confirm before they are imported. A row "
                               "without a program name cannot be imported.")
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
        layout.addWidget(self.skipped)
        layout.addWidget(self.anyway)
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
        self.preview = preview_import(self.table, self.mapping, limit=PREVIEW_ROWS,
                                      today=self.today)
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
        bad = len(preview.not_importable)
        mapping_problems = check_mapping(self.mapping, self.table.width)
        lines = []
        if mapping_problems:
            lines.append("<span style='color:#c0392b'><b>Cannot import yet:</b> "
                         + "; ".join(mapping_problems) + "</span>")
        elif bad:
            lines.append(f"<span style='color:#922b21'>{bad} of the {preview.total_rows} rows "
                         "have errors and will not be imported as they are (listed below); "
                         f"{preview.total_rows - bad} read cleanly.</span>")
        else:
            lines.append(f"All {preview.total_rows} rows read cleanly.")
        lines += [f"<span style='color:#8a5a00'>{w}</span>" for w in self.table.warnings]
        self.status.setText("<br>".join(lines))
        self.skipped.clear()
        for result in preview.not_importable:
            anyway = "" if result.partial is not None else " (cannot be imported without one)"
            self.skipped.addItem(f"row {result.row}: {result.reason}{anyway}")
        for row, why in preview.ignored:
            self.skipped.addItem(f"row {row}: {why}")
        self.skipped.setVisible(self.skipped.count() > 0 and not mapping_problems)
        self.anyway.setVisible(preview.importable_anyway > 0 and not mapping_problems)
        self.ok.setEnabled(not mapping_problems)

    def accept(self) -> None:
        """Import; rows with errors come in only after the user confirms it."""
        preview = self.preview
        self.with_errors = False
        if (preview is not None and not self.anyway.isHidden() and self.anyway.isChecked()
                and preview.importable_anyway):
            rows = [r for r in preview.not_importable if r.partial is not None]
            listed = "\n".join(f"row {r.row}: {r.reason}" for r in rows[:8])
            more = f"\n… and {len(rows) - 8} more" if len(rows) > 8 else ""
            answer = QMessageBox.question(
                self, "Import rows with errors?",
                f"{len(rows)} row{'s' * (len(rows) != 1)} with errors will be imported with "
                f"the fields in error left empty:\n\n{listed}{more}\n\nImport them?")
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.with_errors = True
        super().accept()
