"""The rank list's advanced (PGY-2) panel: apart from the primary list, a supplemental list
built per advanced program, and a warning while one has no first year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.ui.programs_fixtures import open_programs_page
from workshop.core.programs import ranking_store
from workshop.core.programs.model import Program, ProgramEvent
from workshop.core.programs.repository import ProgramRepository
from workshop.core.services import init_workspace
from workshop.core.storage.workspace import Workspace
from workshop.ui.programs.page import ProgramsPage

TODAY = dt.date(2027, 2, 2)


@pytest.fixture
def workspace(workspace: Workspace) -> Workspace:
    """The sample workspace (tests/ui/conftest.py) with two interviewed advanced programs."""
    repo = ProgramRepository(workspace.conn)
    for name in ("Harbor Neurology (SAMPLE)", "Hillside Radiology (SAMPLE)"):
        pid = repo.add(Program(name=name, specialty="Neurology", track="advanced"))
        repo.add_event(pid, ProgramEvent("interviewed", dt.date(2026, 11, 20)))
    return workspace


def make_page(qtbot, ws: Workspace) -> ProgramsPage:  # type: ignore[no-untyped-def]
    return open_programs_page(qtbot, ws, TODAY, (1280, 650), "rank")


def test_advanced_programs_apart_with_warnings(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    tab = make_page(qtbot, workspace).rank_tab
    panel = tab.supplemental
    assert panel.isVisible()
    names = [tab.final.item(r).text() for r in range(tab.final.count())]
    assert not any("Neurology" in n or "Radiology" in n for n in names)
    advanced = [panel.advanced.item(r).text() for r in range(panel.advanced.count())]
    assert advanced == ["1. Harbor Neurology (SAMPLE) — ⚠ no supplemental list",
                        "2. Hillside Radiology (SAMPLE) — ⚠ no supplemental list"]
    assert panel.warning.isVisibleTo(panel) and "Harbor Neurology" in panel.warning.text()
    # The sample's preliminary program is offered for the first year (not yet interviewed).
    assert "Bayside Community Hospital (SAMPLE) (Preliminary)" in [
        panel.candidates.itemText(i) for i in range(panel.candidates.count())]


def test_building_and_sharing_a_supplemental_list_persists(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace) -> None:
    page = make_page(qtbot, workspace)
    panel = page.rank_tab.supplemental
    panel.advanced.setCurrentRow(0)
    panel.candidates.setCurrentIndex(panel.candidates.findText(
        "Bayside Community Hospital (SAMPLE) (Preliminary)"))
    panel.add_button.click()
    sheet = ranking_store.load_rank_sheet(workspace.settings)
    harbor = next(p.id for p in page.data.programs if p.name.startswith("Harbor"))
    bayside = next(p.id for p in page.data.programs if p.name.startswith("Bayside"))
    assert sheet.supplemental == {harbor: [bayside]}
    assert "Hillside" in panel.warning.text() and "Harbor" not in panel.warning.text()
    panel.advanced.setCurrentRow(0)
    panel.share_button.click()
    assert len(ranking_store.load_rank_sheet(workspace.settings).supplemental) == 2
    assert not panel.warning.isVisibleTo(panel)
    again = make_page(qtbot, workspace).rank_tab.supplemental
    assert again.advanced.item(0).text().endswith("1 first-year")


def test_without_advanced_programs_the_panel_is_hidden(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "plain.workshop", sample=True)
    try:
        repo = ProgramRepository(ws.conn)
        first = repo.list_programs()[0]
        repo.add_event(first.id or 0, ProgramEvent("interviewed", dt.date(2026, 11, 20)),
                       check=False)
        tab = make_page(qtbot, ws).rank_tab
        assert tab.stack.currentIndex() == 1 and not tab.supplemental.isVisible()
    finally:
        ws.close()
