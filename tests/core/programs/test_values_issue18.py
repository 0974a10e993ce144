"""Cell readers added for issue 18: season dates, visa words, yes/no forms, USCE 'yes'."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.core.programs import values as v
from workshop.core.programs.columns import match_score

DEC = dt.date(2026, 12, 2)


@pytest.mark.parametrize(("text", "expected"), [
    ("Oct 15", dt.date(2026, 10, 15)), ("15 Oct", dt.date(2026, 10, 15)),
    ("October 1st", dt.date(2026, 10, 1)), ("10/15", dt.date(2026, 10, 15)),
    ("Sept. 3", dt.date(2026, 9, 3)), ("Jan 10", dt.date(2027, 1, 10)),
    ("May 31", dt.date(2027, 5, 31)), ("June 1", dt.date(2026, 6, 1)),
    ("31/1", dt.date(2027, 1, 31)),
])
def test_dates_without_a_year_land_in_the_season(text: str, expected: dt.date) -> None:
    said: list[str] = []
    assert v.parse_date(text, today=DEC, warn=said.append) == expected
    assert said and "has no year" in said[0] and "2026-27 season" in said[0]


def test_a_date_without_a_year_and_no_today_is_an_error() -> None:
    with pytest.raises(ValueError, match="has no year"):
        v.parse_date("Oct 15")
    with pytest.raises(ValueError, match="not a valid date"):
        v.parse_date("Feb 30", today=DEC)


@pytest.mark.parametrize(("text", "expected"), [
    ("J-1/H-1B", {"J-1", "H-1B"}), ("J1 and H1B", {"J-1", "H-1B"}), ("both", {"J-1", "H-1B"}),
    ("Both (J1 & H1B)", {"J-1", "H-1B"}), ("J-1 only, no H-1B", {"J-1"}),
    ("no J1, H1B yes", {"H-1B"}), ("H-1B only", {"H-1B"}), ("none", set()),
])
def test_visa_words(text: str, expected: set[str]) -> None:
    assert v.parse_visas(text, lambda _m: None) == expected


@pytest.mark.parametrize("text", ["yes", "Y", "✓", "✔️", "x", "true", "1", "TRUE", "Yes."])
def test_yes_forms(text: str) -> None:
    assert v.parse_yes_no(text, "flag") is True


@pytest.mark.parametrize("text", ["no", "N", "✗", "✘", "false", "0", "❌"])
def test_no_forms(text: str) -> None:
    assert v.parse_yes_no(text, "flag") is False


def test_usce_yes_is_kept_as_a_requirement() -> None:
    said: list[str] = []
    assert v.parse_usce_months("Y", said.append) == (1, None)
    assert said and "recorded as required" in said[0]
    assert v.parse_usce_months("1", said.append) == (1, None)
    assert v.parse_usce_months("N", said.append) == (0, None)


@pytest.mark.parametrize("header", ["Visa (J-1/H-1B)", "J1 and H1B", "Sponsors J1/H1B?",
                                    "Visa: J-1 / H-1B"])
def test_combined_visa_header_maps_to_the_visa_set(header: str) -> None:
    assert match_score(header)[1] == "visa_sponsorship"


@pytest.mark.parametrize(("header", "key"), [("J-1", "visa_j1"), ("H-1B", "visa_h1b"),
                                             ("ERAS deadline", "eras_deadline")])
def test_single_visa_and_eras_headers_unchanged(header: str, key: str) -> None:
    assert match_score(header)[1] == key
