"""Advanced (PGY-2) programs on the rank list: apart from the primary list, with a
supplemental list of preliminary/transitional programs each, and a warning without one."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from tests.core.programs.conftest import FakeSettings
from workshop.core.errors import UserError
from workshop.core.programs.model import Program
from workshop.core.programs.ranking import (
    SUPPLEMENTAL_NOTE,
    RankSheet,
    advanced_order,
    final_order,
    rank_list_csv,
    rank_list_report,
    suggest_order,
    supplemental_candidates,
    supplemental_list,
    supplemental_warnings,
)


def _programs() -> list[Program]:
    return [
        Program(name="Cat IM (SAMPLE)", id=1, status="interviewed", track="categorical"),
        Program(name="Neuro A (SAMPLE)", id=2, status="interviewed", track="advanced",
                specialty="Neurology", program_code="9980180A0"),
        Program(name="Neuro B (SAMPLE)", id=3, status="ranked", track="advanced",
                specialty="Neurology"),
        Program(name="Prelim Med (SAMPLE)", id=4, status="interviewed", track="preliminary"),
        Program(name="TY (SAMPLE)", id=5, status="applied", track="transitional"),
        Program(name="Old prelim (SAMPLE)", id=6, status="withdrawn", track="preliminary"),
    ]


def test_advanced_programs_are_kept_apart_from_the_primary_list() -> None:
    sheet = RankSheet()
    primary = [p.id for p in final_order(_programs(), sheet)]
    assert primary == [1, 4]  # the prelim may be on the primary list too; no advanced here
    assert [p.id for p in advanced_order(_programs(), sheet)] == [2, 3]
    sheet.move_advanced(3, 0)
    assert [p.id for p in advanced_order(_programs(), sheet)] == [3, 2]
    assert [s.program.id for s in suggest_order(_programs(), sheet, advanced=True)] == [2, 3]
    assert sheet.final_order == []  # the primary order is untouched


def test_warning_until_each_advanced_program_has_a_first_year() -> None:
    sheet = RankSheet()
    warnings = supplemental_warnings(_programs(), sheet)
    assert len(warnings) == 2 and "Neuro A (SAMPLE)" in warnings[0]
    assert "no supplemental list" in warnings[0]
    sheet.add_supplemental(2, 4)
    assert len(supplemental_warnings(_programs(), sheet)) == 1
    sheet.share_supplemental(2, [2, 3])
    assert supplemental_warnings(_programs(), sheet) == []
    assert [p.id for p in supplemental_list(_programs(), sheet, 3)] == [4]


def test_a_withdrawn_first_year_does_not_count() -> None:
    sheet = RankSheet()
    sheet.add_supplemental(2, 6)
    sheet.add_supplemental(3, 5)
    assert supplemental_list(_programs(), sheet, 2) == []
    assert [w.split(" is ")[0] for w in supplemental_warnings(_programs(), sheet)] == [
        "Neuro A (SAMPLE)"]
    assert [p.id for p in supplemental_candidates(_programs())] == [4, 5]


def test_supplemental_edits_are_checked_and_survive_a_round_trip() -> None:
    sheet = RankSheet()
    sheet.add_supplemental(2, 5)
    sheet.add_supplemental(2, 4, index=0)
    assert sheet.supplemental[2] == [4, 5]
    with pytest.raises(UserError, match="already"):
        sheet.add_supplemental(2, 4)
    with pytest.raises(UserError, match="twice"):
        sheet.set_supplemental(2, [4, 4])
    with pytest.raises(UserError, match="its own"):
        sheet.set_supplemental(2, [2])
    sheet.move_advanced(3, 0)
    again = RankSheet.from_dict(sheet.to_dict())
    assert again == sheet and again.supplemental == {2: [4, 5]}
    sheet.remove_supplemental(2, 4)
    sheet.remove_supplemental(2, 5)
    assert 2 not in sheet.supplemental
    with pytest.raises(UserError, match="damaged"):
        RankSheet.from_dict({"supplemental": {"2": ["x"]}})
    with pytest.raises(UserError, match="twice"):
        RankSheet.from_dict({"supplemental": {"2": [4, 4]}})  # the store says "damaged"
    # A sheet saved before supplemental lists existed still loads.
    assert RankSheet.from_dict({"final_order": [1]}).supplemental == {}


def test_exports_carry_the_advanced_and_supplemental_lists() -> None:
    sheet = RankSheet()
    sheet.add_supplemental(2, 4)
    rows = list(csv.DictReader(io.StringIO(rank_list_csv(_programs(), sheet))))
    assert [(r["List"], r["Rank"], r["Program"]) for r in rows] == [
        ("Primary", "1", "Cat IM (SAMPLE) (Categorical)"),
        ("Primary", "2", "Prelim Med (SAMPLE) (Preliminary)"),
        ("Advanced (PGY-2)", "1", "Neuro A (SAMPLE) (Advanced (PGY-2))"),
        ("Supplemental for Neuro A (SAMPLE) (Advanced (PGY-2))", "1",
         "Prelim Med (SAMPLE) (Preliminary)"),
        ("Advanced (PGY-2)", "2", "Neuro B (SAMPLE) (Advanced (PGY-2))"),
    ]
    report = rank_list_report(_programs(), sheet, dt.date(2027, 2, 20))
    assert report["supplemental_note"] == SUPPLEMENTAL_NOTE
    assert report["advanced"][0]["supplemental"] == ["Prelim Med (SAMPLE) (Preliminary)"]
    assert len(report["warnings"]) == 1 and "Neuro B" in report["warnings"][0]


def test_without_advanced_programs_the_csv_is_as_before() -> None:
    programs = [p for p in _programs() if p.track != "advanced"]
    header = rank_list_csv(programs, RankSheet()).splitlines()[0]
    assert header == "Rank,Program,NRMP code,Location,Score,Suggested rank,Reasons"


def test_supplemental_lists_round_trip_through_the_store() -> None:
    from workshop.core.programs import ranking_store

    settings = FakeSettings()
    sheet = RankSheet()
    sheet.add_supplemental(2, 4)
    sheet.move_advanced(3, 0)
    ranking_store.save_rank_sheet(settings, sheet)
    assert ranking_store.load_rank_sheet(settings) == sheet
    settings.data[ranking_store.RANK_SHEET_KEY]["supplemental"] = {"2": [4, 4]}
    with pytest.raises(UserError, match="damaged"):
        ranking_store.load_rank_sheet(settings)


def test_interview_impressions_fill_ratings_never_override_them() -> None:
    from workshop.core.programs.ranking import RankSheet, seed_from_impressions

    sheet = RankSheet()
    sheet.ratings[1] = {"culture": 2}
    touched = seed_from_impressions(sheet, {1: {"culture": 5, "faculty": 4},
                                            2: {"faculty": 3, "unknown-factor": 5},
                                            3: {"faculty": 9}})
    assert sheet.ratings[1] == {"culture": 2, "faculty": 4}  # the rank list's rating wins
    assert sheet.ratings[2] == {"faculty": 3}
    assert 3 not in sheet.ratings and touched == {1, 2}
