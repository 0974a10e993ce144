"""The rank sheet and checklist ticks survive in the workspace settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.core.programs.conftest import FakeSettings
from workshop.core.errors import UserError
from workshop.core.programs import ranking_store as store
from workshop.core.programs.ranking import RankSheet
from workshop.core.storage.workspace import create_workspace, open_workspace


def test_fresh_sheet_when_nothing_saved() -> None:
    sheet = store.load_rank_sheet(FakeSettings())
    assert sheet.final_order == []
    assert sheet.weights["culture"] == 1.0


def test_sheet_round_trips_through_a_real_workspace(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    ws = create_workspace(path)
    sheet = RankSheet()
    sheet.set_weight("culture", 3)
    key = sheet.add_factor("Near family")
    sheet.rate(7, "culture", 5)
    sheet.rate(7, key, 2)
    sheet.final_order = [7, 3]
    store.save_rank_sheet(ws.settings, sheet)
    ws.close()
    again = open_workspace(path)
    loaded = store.load_rank_sheet(again.settings)
    again.close()
    assert loaded.weights["culture"] == 3.0
    assert loaded.custom_factors == {key: "Near family"}
    assert loaded.ratings == {7: {"culture": 5, key: 2}}
    assert loaded.final_order == [7, 3]


@pytest.mark.parametrize("damaged", [
    [1, 2, 3],
    "text",
    {"weights": {"culture": 99}},
    {"ratings": {"x": {"culture": 3}}},
    {"ratings": {"1": {"culture": 9}}},
])
def test_damaged_sheet_is_a_user_error(damaged: Any) -> None:
    settings = FakeSettings({store.RANK_SHEET_KEY: damaged})
    with pytest.raises(UserError) as info:
        store.load_rank_sheet(settings)
    assert "rank list" in str(info.value)


def test_reset_replaces_a_damaged_sheet() -> None:
    settings = FakeSettings({store.RANK_SHEET_KEY: "broken"})
    fresh = store.reset_rank_sheet(settings)
    assert fresh.final_order == []
    assert store.load_rank_sheet(settings).ratings == {}


def test_ticks_persist_and_untick(tmp_path: Path) -> None:
    path = tmp_path / "t.workshop"
    ws = create_workspace(path)
    assert store.load_checklist_ticks(ws.settings) == {}
    store.set_checklist_tick(ws.settings, "mspe", True)
    store.set_checklist_tick(ws.settings, "photo", True)
    ticks = store.set_checklist_tick(ws.settings, "photo", False)
    ws.close()
    assert ticks == {"mspe": True}
    again = open_workspace(path)
    assert store.load_checklist_ticks(again.settings) == {"mspe": True}
    again.close()


def test_damaged_ticks_read_as_none_ticked() -> None:
    assert store.load_checklist_ticks(FakeSettings({store.CHECKLIST_TICKS_KEY: [1]})) == {}
    mixed = {store.CHECKLIST_TICKS_KEY: {"mspe": True, "photo": "yes"}}
    assert store.load_checklist_ticks(FakeSettings(mixed)) == {"mspe": True}


def test_empty_tick_key_is_refused() -> None:
    with pytest.raises(UserError, match="needs a key"):
        store.set_checklist_tick(FakeSettings(), " ", True)
