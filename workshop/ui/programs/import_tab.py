"""Import & export: bring in the applicant's spreadsheet, export the list, save the template."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workshop.core.atomic import atomic_write_bytes
from workshop.core.changes import Changes
from workshop.core.errors import UserError
from workshop.core.programs.csv_export import export_programs_csv
from workshop.core.programs.importer import ImportReport, import_programs
from workshop.core.programs.snapshot import ProgramsData
from workshop.core.programs.tabular import read_table
from workshop.core.resources import template
from workshop.ui.file_dialogs import open_file_name, save_file_name
from workshop.ui.programs.common import button, show_error
from workshop.ui.programs.import_dialog import ImportDialog

if TYPE_CHECKING:
    from workshop.ui.programs.page import ProgramsPage

SHEET_FILTER = "Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)"


def _explain(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def report_text(report: ImportReport) -> str:
    """The report as the user reads it: the summary, then every row not imported (with the
    reason), rows imported with fields left empty, rows not read as programs, and warnings."""
    lines = [f"Import: {report.summary()}."]
    if report.not_imported:
        lines += ["", "Not imported (fix these rows and import again, or import them anyway):"]
        lines += [f"  • row {row}: {reason}" for row, reason in report.not_imported]
    if report.with_empty_fields:
        lines += ["", "Imported with fields left empty:"]
        lines += [f"  • row {row}: {what}" for row, what in report.with_empty_fields]
    if report.ignored:
        lines += ["", "Not read as programs:"]
        lines += [f"  • row {row}: {why}" for row, why in report.ignored]
    if report.warnings:
        lines += ["", "Warnings (imported as typed):"]
        lines += [f"  • {w}" for w in report.warnings]
    return "\n".join(lines)


class ImportTab(QWidget):
    """Three actions and the last import's report."""

    imported = Signal(object)  # the ImportReport

    def __init__(self, page: ProgramsPage) -> None:
        super().__init__()
        self.page = page
        self.last_report: ImportReport | None = None
        self.import_button = button("Import spreadsheet…", self.import_spreadsheet,
                                    "CSV or Excel .xlsx; you map the columns and see a preview")
        self.export_button = button("Export CSV…", self.export_csv,
                                    "Your list in the template's layout (re-imports cleanly)")
        self.template_button = button("Save blank template…", self.save_template,
                                      "An empty spreadsheet with every column this app reads")
        importing = QGroupBox("Import from your spreadsheet")
        box = QVBoxLayout(importing)
        box.addWidget(_explain(
            "Keep tracking programs in your own spreadsheet if you like. Import reads CSV and "
            "Excel (.xlsx) files, finds the header even under a title row, and accepts "
            "semicolons, dates in several formats and columns in any order. You check the "
            "column mapping and a preview before anything is saved. Importing the same sheet "
            "again updates programs (matched by NRMP code, else by name and city) instead of "
            "adding duplicates. Nothing is ever filled in for you: every value comes from "
            "your sheet."))
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.template_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(_explain(
            "<span style='color:#555'>No spreadsheet yet? <i>Save blank template…</i> gives you "
            "an empty CSV (templates/programs_template.csv) with every column the app reads; "
            "fill it in any spreadsheet app and import it.</span>"))
        exporting = QGroupBox("Export")
        ebox = QVBoxLayout(exporting)
        ebox.addWidget(_explain(
            "Export your list (with statuses, interview dates and your own labels) as CSV in "
            "the template's layout, UTF-8 so names such as “Saint-Étienne” survive Excel."))
        erow = QHBoxLayout()
        erow.addWidget(self.export_button)
        erow.addStretch(1)
        ebox.addLayout(erow)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName("Last import report")
        self.report.setPlaceholderText("The report of your last import appears here.")
        layout = QVBoxLayout(self)
        layout.addWidget(importing)
        layout.addWidget(exporting)
        layout.addWidget(QLabel("<b>Last import</b>"))
        layout.addWidget(self.report, 1)

    def refresh(self, data: ProgramsData) -> None:
        self.export_button.setEnabled(bool(data.programs))

    def set_editable(self, editable: bool) -> None:
        self.import_button.setEnabled(editable)

    def import_spreadsheet(self) -> None:
        if self.page.read_only:
            return
        path, _ = open_file_name(self, "Import programs", "", SHEET_FILTER)
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> int:
        """Read the sheet off the GUI thread (a large .xlsx takes a while), then map and import.

        ``imported(report)`` fires when programs were imported.
        """
        self.import_button.setEnabled(False)

        def failed(error: str) -> None:
            self.import_button.setEnabled(True)
            show_error(self, "Cannot read the spreadsheet", UserError(error))

        return self.page.context.operations.run(
            lambda: read_table(path), on_done=lambda table: self._map_and_import(path, table),
            on_failed=failed, on_cancel=lambda: self.import_button.setEnabled(True),
            parent=self, progress=f"Reading {path.name}…")

    def _map_and_import(self, path: Path, table: object) -> ImportReport | None:
        self.import_button.setEnabled(not self.page.read_only)
        today = self.page.today
        dialog = ImportDialog(table, self, today=today)  # type: ignore[arg-type]
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        mapping = dict(dialog.mapping)
        with_errors = dialog.with_errors
        outcome: list[ImportReport] = []

        def run() -> None:
            with self.page.workspace.transaction():
                outcome.append(import_programs(self.page.repo, table, mapping,  # type: ignore[arg-type]
                                               with_errors=with_errors, today=today))

        if not self.page.write(run, "Cannot import the programs"):
            return None
        report = outcome[0]
        self.last_report = report
        self.report.setPlainText(report_text(report))
        self.page.message.emit(f"Programs imported from {path.name}: {report.summary()}")
        self.page.reload()
        self.page.changed.emit(Changes(programs=True))
        self.imported.emit(report)
        return report

    def export_csv(self) -> None:
        path, _ = save_file_name(self, "Export programs", "programs.csv",
                                              "CSV (*.csv)")
        if not path:
            return
        programs = list(self.page.data.programs)

        def done(written: object) -> None:
            self.page.message.emit(f"Exported {len(programs)} programs to "
                                   f"{Path(str(written)).name}")

        self.page.context.operations.run(
            lambda: export_programs_csv(programs, path), on_done=done,
            on_failed=lambda error: show_error(self, "Cannot export", UserError(error)),
            parent=self)

    def save_template(self) -> None:
        path, _ = save_file_name(self, "Save blank template",
                                              "programs_template.csv", "CSV (*.csv)")
        if not path:
            return
        source = template("programs_template.csv")
        self.page.context.operations.run(
            lambda: atomic_write_bytes(path, source.read_bytes(), mode=0o644),
            on_done=lambda _written: self.page.message.emit(
                f"Saved the blank template as {Path(path).name}"),
            on_failed=lambda error: show_error(self, "Cannot save the template",
                                               UserError(error)),
            parent=self)
