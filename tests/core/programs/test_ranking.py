from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from workshop.core.errors import UserError
from workshop.core.programs.model import Program
from workshop.core.programs.ranking import (
    NRMP_NOTE,
    RankSheet,
    export_rank_list_csv,
    final_order,
    rank_list_csv,
    rank_list_report,
    suggest_order,
)


def _programs() -> list[Program]:
    return [
        Program(name="Alpha (SAMPLE)", id=1, status="interviewed", program_code="9990140C0"),
        Program(name="Beta (SAMPLE)", id=2, status="interviewed"),
        Program(name="Gamma (SAMPLE)", id=3, status="ranked"),
        Program(name="Delta (SAMPLE)", id=4, status="applied"),  # not interviewed
        Program(name="Omega (SAMPLE)", id=5, status="withdrawn"),
    ]


def _sheet() -> RankSheet:
    sheet = RankSheet()
    sheet.set_weight("culture", 3)
    sheet.rate(1, "culture", 2)
    sheet.rate(1, "location", 5)
    sheet.rate(2, "culture", 5)
    sheet.rate(2, "location", 2)
    return sheet


def test_suggested_order_follows_weights_with_reasons() -> None:
    order = suggest_order(_programs(), _sheet())
    assert [s.program.name for s in order] == ["Beta (SAMPLE)", "Alpha (SAMPLE)",
                                               "Gamma (SAMPLE)"]
    assert order[0].reasons[0] == "Program culture 5/5 (weight 3)"
    assert order[2].score is None and "Program culture" in order[2].not_rated


def test_final_order_is_the_users() -> None:
    sheet = _sheet()
    sheet.move(1, 0)
    assert [p.name for p in final_order(_programs(), sheet)] == [
        "Alpha (SAMPLE)", "Beta (SAMPLE)", "Gamma (SAMPLE)"]
    rows = list(csv.DictReader(io.StringIO(rank_list_csv(_programs(), sheet))))
    assert rows[0]["Rank"] == "1" and rows[0]["Suggested rank"] == "2"
    assert rows[0]["NRMP code"] == "9990140C0"


def test_custom_factor_and_validation() -> None:
    sheet = RankSheet()
    key = sheet.add_factor("Near family", 4)
    sheet.rate(1, key, 5)
    assert sheet.factors[key] == "Near family"
    with pytest.raises(UserError, match="already"):
        sheet.add_factor("near family")
    with pytest.raises(UserError, match="between 1 and 5"):
        sheet.rate(1, "culture", 6)
    with pytest.raises(UserError, match="unknown factor"):
        sheet.rate(1, "salary", 3)
    with pytest.raises(UserError, match="weight 11"):
        sheet.set_weight("culture", 11)
    again = RankSheet.from_dict(sheet.to_dict())
    assert again == sheet
    with pytest.raises(UserError, match="damaged"):
        RankSheet.from_dict({"ratings": {"x": {"culture": 3}}})


def test_report_and_export(tmp_path: Path) -> None:
    report = rank_list_report(_programs(), _sheet(), dt.date(2027, 2, 20))
    assert report["note"] == NRMP_NOTE and "truly prefer" in NRMP_NOTE
    assert len(report["rows"]) == 3
    path = export_rank_list_csv(_programs(), _sheet(), tmp_path / "rank.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfRank,Program")


def test_reasons_name_every_rating_the_score_counts() -> None:
    """Five ratings away from the middle: all five are named, strongest effect first."""
    sheet = RankSheet()
    for factor, rating in (("culture", 5), ("faculty", 4), ("location", 5), ("education", 4),
                           ("wellness", 4), ("call", 3)):
        sheet.rate(1, factor, rating)
    [only] = [s for s in suggest_order(_programs(), sheet) if s.program.id == 1]
    assert only.reasons == ["Program culture 5/5 (weight 1)", "Location 5/5 (weight 1)",
                            "Faculty support 4/5 (weight 1)",
                            "Educational opportunities 4/5 (weight 1)", "Wellness 4/5 (weight 1)"]
    assert only.not_rated == ["Fellowship outcomes"]
    assert only.score == round(((5 + 4 + 5 + 4 + 4 + 3) / 6 - 1) / 4 * 100, 1)
