"""The cost planner: ERAS fee bands per specialty, the 30-program step and typed costs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.programs.conftest import FakeSettings
from workshop.core.errors import UserError
from workshop.core.programs.model import Program
from workshop.core.season.application_listing import costs_data, costs_listing
from workshop.core.season.fees import (
    FEE_AMOUNTS_KEY,
    load_amounts,
    load_fee_table,
    money,
    parse_money,
    plan_costs,
    set_amount,
)

TABLE = load_fee_table(2027)


def _programs(n: int, specialty: str = "Internal Medicine", status: str = "applied",
              start: int = 0) -> list[Program]:
    return [Program(name=f"P{start + i}", id=start + i, specialty=specialty,
                    status=status) for i in range(n)]  # type: ignore[arg-type]


def test_bands_from_the_facts() -> None:
    assert TABLE.fee(0) == 0
    assert TABLE.fee(1) == 1100
    assert TABLE.fee(30) == 33000
    assert TABLE.fee(31) == 30 * 1100 + 3000 == 36000  # 31 IM programs cost $360
    assert TABLE.fee(100) == 33000 + 70 * 3000
    assert TABLE.next_cost(29) == 1100 and TABLE.next_cost(30) == 3000
    assert TABLE.threshold == 30
    assert not TABLE.confirmed and "2027 fees not confirmed" in TABLE.note
    assert "Fees for 2026 ERAS Season" in TABLE.source


def test_plan_per_specialty_leaves_out_withdrawn() -> None:
    programs = (_programs(25) + _programs(6, status="researching", start=100)
                + _programs(3, status="withdrawn", start=200)
                + _programs(2, specialty="Family Medicine", start=300)
                + _programs(1, specialty="IM", status="interviewed", start=400))
    plan = plan_costs(programs, TABLE)
    by = {s.specialty: s for s in plan.specialties}
    im = by["Internal Medicine"]  # "IM" is the same specialty (the signal table's alias)
    assert (im.applied, im.planned, im.count) == (26, 6, 32)
    assert im.fee_cents == 33000 + 2 * 3000 and im.next_cents == 3000
    assert im.left_at_first_price == 0
    fm = by["Family Medicine"]
    assert fm.fee_cents == 2200 and fm.next_cents == 1100 and fm.left_at_first_price == 28
    assert plan.eras_cents == 39000 + 2200
    assert plan.missing == ["USMLE transcript", "NRMP registration", "NRMP extra ranks"]
    assert plan.total_cents == plan.eras_cents


def test_typed_amounts_are_added_and_kept(tmp_path: Path) -> None:
    settings = FakeSettings()
    set_amount(settings, "usmle-transcript", parse_money("$80"), TABLE)
    set_amount(settings, "nrmp-registration", parse_money("1,000.50"), TABLE)
    assert settings.data[FEE_AMOUNTS_KEY] == {"usmle-transcript": 8000,
                                              "nrmp-registration": 100050}
    plan = plan_costs(_programs(31), TABLE, load_amounts(settings))
    assert plan.total_cents == 36000 + 8000 + 100050
    assert money(plan.total_cents) == "$1,440.50"
    assert plan.missing == ["NRMP extra ranks"]
    set_amount(settings, "usmle-transcript", None, TABLE)
    assert load_amounts(settings) == {"nrmp-registration": 100050}
    with pytest.raises(UserError, match="unknown cost"):
        set_amount(settings, "parking", 100, TABLE)
    for bad in ("ten", "-5", "1.234", "99999999"):
        with pytest.raises(UserError):
            parse_money(bad)
    assert parse_money("  ") is None
    settings.data[FEE_AMOUNTS_KEY] = {"usmle-transcript": "lots", "nrmp-registration": True}
    assert load_amounts(settings) == {}
    settings.data[FEE_AMOUNTS_KEY] = "damaged"
    assert load_amounts(settings) == {}


def test_listing_says_where_numbers_come_from() -> None:
    plan = plan_costs(_programs(31), TABLE)
    text = costs_listing(plan)
    assert "Internal Medicine: 31 programs (31 applied, 0 planned) = $360" in text
    assert "next program $30" in text
    assert "USMLE transcript: amount not confirmed: see AAMC/NRMP" in text
    assert "2027 fees not confirmed" in text
    data = costs_data(plan)
    assert data["eras_total"] == 360 and data["other"][0]["amount"] is None
    assert data["specialties"][0]["next_program"] == 30
    assert costs_listing(plan_costs([], TABLE)).count("No programs") == 1


@pytest.mark.parametrize("text, message", [
    ("match_year = 2027\n", "\\[eras\\]"),
    ("match_year = 2027\n[eras]\nbasis='b'\nsource='s'\n", "without gaps"),
    ("match_year = 2027\n[eras]\nbasis='b'\nsource='s'\n[[eras.bands]]\nfrom=1\nto=30\n"
     "per_program=11\n[[eras.bands]]\nfrom=32\nper_program=30\n", "without gaps"),
    ("match_year = 2027\n[eras]\nbasis='b'\nsource='s'\n[[eras.bands]]\nfrom=1\n"
     "per_program=11\n[[other]]\nkey='k'\nlabel='l'\nnote='n'\nsource='s'\namount=80\n",
     "must come from a source"),
    ("[eras", "cannot be read"),
])
def test_broken_fee_files_are_user_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "fees-2030-2031.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        load_fee_table(path=path)


def test_a_match_without_fees_borrows_the_older_table_unconfirmed() -> None:
    later = load_fee_table(2030)
    assert later.match_year == 2030 and not later.confirmed and "2030 fees" in later.note
    assert later.fee(31) == 36000
