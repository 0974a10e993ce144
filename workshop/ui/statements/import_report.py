"""The import report: what a file kept, converted and left out on its way into a statement.

A Word file always loses something on the way to ERAS plain text (a picture, a footnote, the
name in the page header), and an applicant who does not know will paste a statement that
silently lacks it. The dialog shows the core's :class:`~workshop.core.textio.ImportReport`
as it is; it reads nothing and writes nothing (the statement is already saved when it opens).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from workshop.core.textio import ImportReport, LineKind

SECTIONS = {  # headings that say what each list means for the statement
    LineKind.KEPT: "In the statement",
    LineKind.CONVERTED: "Changed on the way in",
    LineKind.LEFT_OUT: "Not in the statement: check these",
    LineKind.NOTE: "Good to know",
}
WIDTH, MIN_WIDTH = 600, 420
LEFT_OUT_COLOUR = "#8a4b00"  # a warm brown, readable on a light window background


class ImportReportDialog(QDialog):
    """Title and counts on top, then one list per kind of line; OK closes it."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("Import report")
        self.setAccessibleName("Import report")
        self.setMinimumWidth(MIN_WIDTH)
        layout = QVBoxLayout(self)
        layout.setSpacing(9)
        heading = self._label(f"<span style='font-size:13pt; font-weight:600'>Imported "
                              f"“{escape(report.title)}”</span>", "Imported statement")
        summary = self._label(f"{escape(report.summary())} ({escape(report.file_kind)}).<br>"
                              f"{escape(report.title_line())}", "Summary")
        layout.addWidget(heading)
        layout.addWidget(summary)
        self.sections: dict[LineKind, QLabel] = {}
        lines = report.lines()
        for kind, name in SECTIONS.items():
            texts = [line.text for line in lines if line.kind is kind]
            if not texts:
                continue
            colour = f" style='color:{LEFT_OUT_COLOUR}'" if kind is LineKind.LEFT_OUT else ""
            items = "".join(f"<li>{escape(text)}</li>" for text in texts)
            section = self._label(f"<p style='margin-top:8px; margin-bottom:2px'><b{colour}>"
                                  f"{name}</b></p><ul style='margin-top:0; margin-left:-18px; "
                                  f"-qt-list-indent:1'>{items}</ul>", name)
            self.sections[kind] = section
            layout.addWidget(section)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setAccessibleName("OK")
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        # Wrapped labels report their height for a narrower width than the dialog's; size the
        # dialog for the width it opens at, so no gap opens between the lists.
        self.resize(WIDTH, max(layout.heightForWidth(WIDTH), 200))

    def _label(self, html: str, name: str) -> QLabel:
        label = QLabel(html)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(name)
        return label

    def section_texts(self, kind: LineKind) -> list[str]:
        """The sentences shown under ``kind`` (for tests and screen readers' sake)."""
        return [line.text for line in self.report.lines() if line.kind is kind]


def show_import_report(parent: QWidget | None, report: ImportReport) -> ImportReportDialog:
    """Open the report over ``parent`` without blocking, and return the dialog.

    Window-modal and deleted on close, so the caller neither waits on it nor keeps it.
    """
    dialog = ImportReportDialog(report, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
