"""The import dialog and report on the messy 28-row sheet: every row not imported is listed,
and rows with errors come in only after a confirmation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from tests.core.programs.conftest import FIXTURES
from workshop.core.app_settings import AppSettings
from workshop.core.programs.tabular import read_table
from workshop.core.services import init_workspace
from workshop.core.storage.workspace import Workspace
from workshop.ui.context import UiContext
from workshop.ui.programs.import_dialog import ImportDialog
from workshop.ui.programs.page import ProgramsPage

TODAY = dt.date(2026, 12, 2)
SHEET = FIXTURES / "messy28.csv"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = init_workspace(tmp_path / "w.workshop", sample=False)
    yield ws
    if not ws.closed:
        ws.close()


def _dialog(qtbot) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(read_table(SHEET), today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_dialog_lists_every_row_not_imported(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    listed = [dialog.skipped.item(i).text() for i in range(dialog.skipped.count())]
    rows = sorted(int(t.split(":")[0].split()[1]) for t in listed)
    assert rows == [1, 8, 13, 14, 17, 18, 22, 31]  # 6 with errors, a title, a repeated header
    assert any("row 31: Step 2 CK minimum 400" in t for t in listed)  # past the first 20
    assert any("row 14: no program name (cannot be imported" in t for t in listed)
    assert "6 of the 28 rows" in dialog.status.text()
    assert dialog.anyway.isVisibleTo(dialog)
    assert dialog.mapping[3] == "visa_sponsorship"


def test_mapping_fix_clears_the_errors_it_caused(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    dialog.set_field(5, "")  # the Step 2 CK column ignored: its two errors go away
    listed = [dialog.skipped.item(i).text() for i in range(dialog.skipped.count())]
    assert not any("row 8:" in t or "row 31:" in t for t in listed)
    assert "4 of the 28 rows" in dialog.status.text()


def test_import_anyway_needs_a_confirmation(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    asked: list[str] = []
    no = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text) or no)
    dialog.anyway.setChecked(True)
    dialog.accept()
    assert asked and "5 rows with errors" in asked[0] and "row 8:" in asked[0]
    assert dialog.result() != QDialog.DialogCode.Accepted and not dialog.with_errors
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.Yes)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.with_errors


def test_report_lists_rows_not_imported_and_those_imported_anyway(
        qtbot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    page = ProgramsPage(UiContext(workspace, AppSettings()), today=TODAY)
    qtbot.addWidget(page)

    def fake_exec(dialog: ImportDialog) -> int:
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ImportDialog, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(SHEET), ""))
    with qtbot.waitSignal(page.import_tab.imported, timeout=30_000):
        page.import_tab.import_button.click()
    report = page.import_tab.last_report
    assert report is not None and report.accounted()
    text = page.import_tab.report.toPlainText()
    assert "22 added" in text and "6 not imported (errors)" in text
    for row in (8, 13, 14, 18, 22, 31):
        assert f"row {row}:" in text
    assert "row 1: above the header" in text and "row 17: repeats the header row" in text
    assert "'Oct 1' has no year: read as October 1, 2026" in text
    fir = next(p for p in page.data.programs if p.name.startswith("Fir Grove"))
    assert fir.program_deadline == dt.date(2027, 1, 10)  # the page's clock, not the machine's
