"""The import report dialog: what it lists, that nothing in it is clipped, that OK closes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from workshop.core.textio import LineKind, read_statement
from workshop.ui.statements.import_report import ImportReportDialog, show_import_report

FIXTURE = Path(__file__).parents[1] / "fixtures" / "textio" / "structured_statement.docx"


def test_report_lists_every_line_under_its_heading(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    report = read_statement(FIXTURE).report
    dialog = show_import_report(parent, report)
    qtbot.waitExposed(dialog)
    assert dialog.isVisible() and dialog.isModal()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert set(dialog.sections) == {LineKind.KEPT, LineKind.CONVERTED, LineKind.LEFT_OUT,
                                    LineKind.NOTE}
    left_out = dialog.sections[LineKind.LEFT_OUT].text()
    assert "1 image was left out (ERAS takes text only)." in left_out
    assert "Yasmin Haddad — ERAS 2026" in left_out
    assert any("Imported “Why Internal Medicine”" in label.text()
               for label in dialog.findChildren(QLabel))
    assert dialog.section_texts(LineKind.KEPT)[1] == "Kept 5 bullet points as “• ” lines."
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_nothing_is_clipped(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every wrapped label gets at least the height its text needs at the dialog's width."""
    dialog = ImportReportDialog(read_statement(FIXTURE).report)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok_top = dialog.ok.mapTo(dialog, QPoint(0, 0)).y()
    for label in dialog.findChildren(QLabel):
        assert label.height() >= label.heightForWidth(label.width()), label.accessibleName()
        assert label.geometry().bottom() < ok_top, label.accessibleName()
        assert label.geometry().right() < dialog.width()
    dialog.grab().save(str(tmp_path / "import_report.png"))


def test_escapes_markup_in_titles_and_previews(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "s.md"
    source.write_text("# <b>Bold</b> & <i>co</i>\n\nBody text.", "utf-8")
    dialog = ImportReportDialog(read_statement(source).report)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;" in texts
    assert LineKind.LEFT_OUT not in dialog.sections
