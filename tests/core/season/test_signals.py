"""Program signals: the season's table, usage per specialty and the refusals."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.core.programs.conftest import make_conn
from workshop.core.errors import UserError
from workshop.core.programs.model import Program
from workshop.core.programs.repository import ProgramRepository
from workshop.core.resources import resource
from workshop.core.season import signals
from workshop.core.season.application_listing import signals_data, signals_listing
from workshop.core.season.signals import (
    assign_signal,
    check_signal,
    load_signal_table,
    same_institution_specialty,
    usage,
)

TABLE = load_signal_table(2027)


def _im(n: int, signal: str = "", **kw: object) -> Program:
    return Program(name=f"Hospital {n} (SAMPLE)", id=n, specialty="Internal Medicine",
                   track="categorical", program_code=f"{1000 + n}140C0",
                   signal=signal, **kw)  # type: ignore[arg-type]


def test_table_has_the_2025_numbers_and_marks_them_unconfirmed() -> None:
    im = signals.allowance("internal medicine", TABLE)
    assert im is not None and (im.gold, im.silver, im.signals) == (3, 12, None)
    assert im.tiers == ("gold", "silver")
    assert im.status == "2025 numbers, unconfirmed for 2027"
    assert not im.confirmed and "AAMC" in im.source
    expected = {"Family Medicine": 5, "Psychiatry": 10, "Pediatrics": 5,
                "General Surgery": 15, "Neurology": 8, "Transitional Year": 12}
    for name, count in expected.items():
        row = TABLE.allowance(name)
        assert row is not None and row.signals == count and row.tiers == ("signal",), name
    assert TABLE.allowance("IM") is im and TABLE.allowance("Family Practice") is not None
    assert TABLE.allowance("", "transitional") is TABLE.allowance("Transitional Year")
    # Not in our facts: no number is invented.
    assert TABLE.allowance("Anesthesiology") is None
    assert "check the AAMC program signaling page" in TABLE.unknown_note
    assert "unconfirmed for the 2027 Match" in TABLE.unconfirmed_note


def test_a_match_without_a_table_borrows_the_older_one_unconfirmed() -> None:
    later = load_signal_table(2029)
    assert later.borrowed_from == "2026-2027" and later.match_year == 2029
    row = later.allowance("Internal Medicine")
    assert row is not None and row.status == "2025 numbers, unconfirmed for 2029"
    assert load_signal_table().match_year == max(signals.signal_files())


def test_fourth_gold_is_refused_with_the_count_and_status() -> None:
    programs = [_im(1, "gold"), _im(2, "gold"), _im(3, "gold"), _im(4)]
    with pytest.raises(UserError) as caught:
        check_signal(programs, programs[3], "gold", TABLE)
    assert caught.value.message == (
        "Internal Medicine allows 3 gold signals (2025 numbers, unconfirmed for 2027); "
        "you have given 3: take one back first.")
    check_signal(programs, programs[3], "silver", TABLE)  # silver is still free
    check_signal(programs, programs[0], "gold", TABLE)  # re-giving its own gold is no new one
    check_signal(programs, programs[0], "", TABLE)  # taking back is always fine


def test_thirteenth_silver_and_sixth_fm_signal_are_refused() -> None:
    silvers = [_im(n, "silver") for n in range(1, 13)] + [_im(13)]
    with pytest.raises(UserError, match="allows 12 silver signals"):
        check_signal(silvers, silvers[-1], "silver", TABLE)
    fm = [Program(name=f"FM {n}", id=n, specialty="Family Medicine", signal="signal",
                  program_code=f"{2000 + n}120C0") for n in range(1, 6)]
    fm.append(Program(name="FM 6", id=6, specialty="Family Medicine", program_code="2006120C0"))
    with pytest.raises(UserError, match=r"allows 5 signals .*given 5"):
        check_signal(fm, fm[-1], "signal", TABLE)


def test_wrong_tier_for_the_specialty_is_refused() -> None:
    with pytest.raises(UserError, match="uses gold and silver") as caught:
        check_signal([], _im(1), "signal", TABLE)
    assert "Gold signal or Silver signal" in caught.value.hint
    fm = Program(name="FM", id=1, specialty="Family Medicine")
    with pytest.raises(UserError, match="one kind of signal"):
        check_signal([], fm, "gold", TABLE)
    with pytest.raises(UserError, match="not a kind of signal"):
        check_signal([], fm, "platinum", TABLE)
    with pytest.raises(UserError, match="no specialty"):
        check_signal([], Program(name="Unknown", id=9), "signal", TABLE)


def test_one_signal_per_institution_specialty_covers_its_tracks() -> None:
    categorical = Program(name="Lakeview Medical Center Internal Medicine", id=1,
                          specialty="Internal Medicine", track="categorical", city="Chicago",
                          program_code="9991140C0", signal="gold")
    prelim = Program(name="Lakeview Medical Center Internal Medicine Preliminary", id=2,
                     specialty="Internal Medicine", track="preliminary", city="Chicago",
                     program_code="9991140P0")
    with pytest.raises(UserError, match="covers all its tracks") as caught:
        check_signal([categorical, prelim], prelim, "silver", TABLE)
    assert "Lakeview" in caught.value.message
    # Without codes: names without track and specialty words, and the city.
    no_code = Program(name="Lakeview Medical Center (preliminary)", id=3,
                      specialty="IM", track="preliminary", city="chicago")
    assert same_institution_specialty(replace(categorical, program_code=""), no_code, TABLE)
    elsewhere = Program(name="Lakeview Medical Center", id=4, specialty="Internal Medicine",
                        city="Springfield")
    assert not same_institution_specialty(no_code, elsewhere, TABLE)
    # Another specialty of the same institution is its own signal.
    fm = Program(name="Lakeview Family Medicine", id=5, specialty="Family Medicine",
                 program_code="9991120C0")
    check_signal([categorical, prelim, fm], fm, "signal", TABLE)
    # Another institution (other code) is fine.
    check_signal([categorical, _im(7)], _im(7), "gold", TABLE)


def test_unknown_specialty_allows_a_signal_but_says_not_known() -> None:
    anesth = Program(name="Gas Hospital", id=1, specialty="Anesthesiology", signal="signal")
    check_signal([anesth], Program(name="Other", id=2, specialty="Anesthesiology"), "signal",
                 TABLE)
    used = usage([anesth], TABLE)
    assert used[0].allowance is None and used[0].used == {"signal": 1}
    data = signals_data(used, TABLE, [anesth])
    assert data["specialties"][0]["allowed_text"].startswith("not known")
    assert data["specialties"][0]["allowed"] is None


def test_usage_counts_per_specialty_and_warns_on_doubles() -> None:
    twin = Program(name="Hospital 1 (SAMPLE) Preliminary", id=20,
                   specialty="Internal Medicine", track="preliminary",
                   program_code="1001140P0", signal="gold")
    programs = [_im(1, "gold"), _im(2, "silver"), twin,
                Program(name="Peds", id=30, specialty="Pediatrics")]
    by = {u.specialty: u for u in usage(programs, TABLE)}
    im = by["Internal Medicine"]
    assert im.used == {"gold": 1, "silver": 1} and im.programs == 3
    assert im.remaining("gold") == 2 and im.remaining("silver") == 11
    assert any("one signal covers both" in w for w in im.warnings)
    assert by["Pediatrics"].used == {} and by["Pediatrics"].remaining("signal") == 5
    text = signals_listing(list(by.values()), TABLE, programs)
    assert "gold 1 of 3" in text and "unconfirmed for 2027" in text


def test_over_allocation_from_an_import_is_flagged() -> None:
    programs = [_im(n, "gold") for n in range(1, 5)]
    (im,) = usage(programs, TABLE)
    assert im.over and im.remaining("gold") == -1


def test_assign_signal_saves_through_the_repository(tmp_path: Path) -> None:
    class FakeWorkspace:
        def __init__(self) -> None:
            self.conn = make_conn()
            self.read_only = False

    ws = FakeWorkspace()
    repo = ProgramRepository(ws.conn)
    ids = [repo.add(replace(_im(n), id=None)) for n in range(1, 5)]
    for pid in ids[:3]:
        assert assign_signal(ws, pid, "gold", TABLE).programs
    with pytest.raises(UserError, match="allows 3 gold"):
        assign_signal(ws, ids[3], "gold", TABLE)
    assert repo.get(ids[3]).signal == ""
    assert not assign_signal(ws, ids[0], "gold", TABLE).any  # nothing new
    assign_signal(ws, ids[0], "", TABLE)
    assign_signal(ws, ids[3], "gold", TABLE)
    assert [repo.get(i).signal for i in ids] == ["", "gold", "gold", "gold"]
    ws.read_only = True
    with pytest.raises(UserError, match="read-only"):
        assign_signal(ws, ids[0], "silver", TABLE)
    with pytest.raises(UserError, match="does not exist"):
        ws.read_only = False
        assign_signal(ws, 999, "silver", TABLE)


@pytest.mark.parametrize("text, message", [
    ("match_year = 'x'\nsource='s'\nbasis='b'\n", "match_year"),
    ("match_year = 2027\nbasis='b'\n", "'source'"),
    ("match_year = 2027\nsource='s'\nbasis='b'\n[[specialties]]\nname='X'\n", "either gold"),
    ("match_year = 2027\nsource='s'\nbasis='b'\n[[specialties]]\nname='X'\ngold=-1\n",
     "whole number"),
    ("match_year = 2027\nsource='s'\nbasis='b'\n[[specialties]]\nname='X'\ngold=1\nsignals=2\n",
     "either gold"),
    ("not toml [", "cannot be read"),
])
def test_broken_tables_are_user_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "signals-2030-2031.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        load_signal_table(path=path)


def test_shipped_table_cites_its_source_in_every_row() -> None:
    text = resource("season", "signals-2026-2027.toml").read_text(encoding="utf-8")
    assert "FACTS.md" in text and "unconfirmed" in text
    assert all(row.source and row.basis == "2025 numbers" for row in TABLE.specialties)
