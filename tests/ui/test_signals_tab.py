"""The Programs page's "Signals & costs" tab: allowances with sources, the signal picker
(refusals are messages, never tracebacks), costs per specialty and typed costs kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.programs_fixtures import open_programs_page, program_id
from workshop.core.changes import Changes
from workshop.core.programs.model import Program
from workshop.core.programs.repository import ProgramRepository
from workshop.core.season import fees
from workshop.core.services import init_workspace
from workshop.core.storage.workspace import Workspace
from workshop.ui.programs.page import ProgramsPage

TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _t, text, *a: shown.append(text)
                        or QMessageBox.StandardButton.Ok)
    return shown


def make_page(qtbot, ws: Workspace) -> ProgramsPage:  # type: ignore[no-untyped-def]
    return open_programs_page(qtbot, ws, TODAY, (1280, 650), "application")



def _pick(page: ProgramsPage, pid: int, signal: str) -> None:
    picker = page.application_tab.pickers[pid]
    picker.setCurrentIndex(picker.findData(signal))


def test_allowances_show_sources_and_unconfirmed(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    tab = make_page(qtbot, workspace).application_tab
    assert tab.stack.currentIndex() == 1
    cells = {tab.signal_table.item(r, 0).text(): tab.signal_table.item(r, 1)
             for r in range(tab.signal_table.rowCount())}
    im = cells["Internal Medicine"]
    assert im.text() == "3 gold + 12 silver (2025 numbers, unconfirmed for 2027)"
    assert "AAMC program signaling pages" in im.toolTip()
    assert "unconfirmed for the 2027 Match" in tab.signal_source.text()
    used = {tab.signal_table.item(r, 0).text(): tab.signal_table.item(r, 2).text()
            for r in range(tab.signal_table.rowCount())}
    assert used["Internal Medicine"] == "gold 1 of 3, silver 3 of 12"
    # An IM program offers gold and silver only; FM a plain signal.
    page = tab.page
    im_picker = tab.pickers[program_id(page, "Riverside")]
    assert [im_picker.itemData(i) for i in range(im_picker.count())] == ["", "gold", "silver"]
    fm_picker = tab.pickers[program_id(page, "Oakridge")]
    assert [fm_picker.itemData(i) for i in range(fm_picker.count())] == ["", "signal"]


def test_giving_signals_saves_and_the_fourth_gold_is_refused(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace, warnings: list[str]) -> None:
    page = make_page(qtbot, workspace)
    broadcast: list[Changes] = []
    page.changed.connect(broadcast.append)
    repo = ProgramRepository(workspace.conn)
    northgate, summit = program_id(page, "Northgate"), program_id(page, "Summit")
    crescent = program_id(page, "Crescent")
    _pick(page, northgate, "gold")
    _pick(page, summit, "gold")
    assert repo.get(northgate).signal == "gold" and repo.get(summit).signal == "gold"
    assert broadcast and broadcast[-1].programs
    assert warnings == []
    _pick(page, crescent, "gold")  # the fourth
    assert len(warnings) == 1 and "allows 3 gold signals" in warnings[0]
    assert "Traceback" not in warnings[0]
    assert repo.get(crescent).signal == ""
    assert page.application_tab.pickers[crescent].currentData() == ""  # went back
    _pick(page, crescent, "silver")
    assert repo.get(crescent).signal == "silver"
    used = {page.application_tab.signal_table.item(r, 0).text():
            page.application_tab.signal_table.item(r, 2).text()
            for r in range(page.application_tab.signal_table.rowCount())}
    assert used["Internal Medicine"] == "gold 3 of 3, silver 4 of 12"


def test_second_signal_to_one_institution_is_refused(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace, warnings: list[str]) -> None:
    repo = ProgramRepository(workspace.conn)
    repo.add(Program(name="Lakeview Medical Center Internal Medicine (SAMPLE) Preliminary",
                     program_code="9991140P0", specialty="Internal Medicine",
                     track="preliminary", city="Chicago", state="IL"))
    page = make_page(qtbot, workspace)
    prelim = program_id(page, "Lakeview Medical Center Internal Medicine (SAMPLE) Preliminary")
    _pick(page, prelim, "silver")
    assert len(warnings) == 1 and "covers all its tracks" in warnings[0]
    assert repo.get(prelim).signal == ""


def test_costs_per_specialty_and_typed_amounts_persist(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace, warnings: list[str]) -> None:
    repo = ProgramRepository(workspace.conn)
    for n in range(22):  # 9 sample IM programs + 22 = 31: past the 30-program step
        repo.add(Program(name=f"Extra IM {n} (SAMPLE)", specialty="Internal Medicine"))
    page = make_page(qtbot, workspace)
    tab = page.application_tab
    rows = {tab.cost_table.item(r, 0).text(): [tab.cost_table.item(r, c).text()
                                                for c in range(tab.cost_table.columnCount())]
            for r in range(tab.cost_table.rowCount())}
    assert rows["Internal Medicine"][3:] == ["$360", "$30", "past 30: $30 each"]
    assert rows["Family Medicine"][3:] == ["$11", "$11", "29 more at $11"]
    assert "$371" in tab.eras_total.text()
    edit = tab.amount_edits["usmle-transcript"]
    assert edit.placeholderText() == "amount not confirmed: see AAMC/NRMP"
    edit.setText("80")
    edit.editingFinished.emit()
    assert fees.load_amounts(workspace.settings) == {"usmle-transcript": 8000}
    assert "$451" in tab.total.text() and "NRMP registration" in tab.total.text()
    edit.setText("eighty")
    edit.editingFinished.emit()
    assert len(warnings) == 1 and "not an amount" in warnings[0]
    assert fees.load_amounts(workspace.settings) == {"usmle-transcript": 8000}
    again = make_page(qtbot, workspace).application_tab
    assert again.amount_edits["usmle-transcript"].text() == "$80"


def test_empty_state_without_programs(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "empty.workshop")
    try:
        tab = make_page(qtbot, ws).application_tab
        assert tab.stack.currentWidget() is tab.empty
    finally:
        ws.close()


def test_read_only_disables_the_pickers(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    page.read_only = True
    page.application_tab.refresh(page.data)
    assert not any(p.isEnabled() for p in page.application_tab.pickers.values())
