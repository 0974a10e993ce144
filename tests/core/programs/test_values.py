from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.programs import values as v


@pytest.mark.parametrize("text", ["2026-09-24", "09/24/2026", "9/24/26", "24/09/2026",
                                  "24.09.2026", "Sep 24 2026", "Sept. 24, 2026",
                                  "September 24, 2026", "24 Sep 2026", "24-Sep-2026",
                                  "2026/09/24", "2026-09-24 00:00:00", " 24th September 2026 "])
def test_date_forms(text: str) -> None:
    assert v.parse_date(text) == dt.date(2026, 9, 24)


@pytest.mark.parametrize("text", ["", "N/A", "tbd", "-"])
def test_blank_dates(text: str) -> None:
    assert v.parse_date(text) is None


@pytest.mark.parametrize(("text", "message"), [
    ("2026-13-01", "not a valid date"), ("soon", "'soon' is not a date"),
    ("Foo 3 2026", "not a month name"), ("31.02.2026", "not a valid date"),
])
def test_bad_dates(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        v.parse_date(text)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_written_form_reads_back(day: dt.date) -> None:
    forms = [day.isoformat(), day.strftime("%m/%d/%Y"), day.strftime("%d.%m.%Y"),
             day.strftime("%b %d %Y"), day.strftime("%d %B %Y")]
    assert {v.parse_date(f) for f in forms} == {day}


def test_ints_and_messages() -> None:
    assert v.parse_int("≥ 240", "Step 2 CK minimum", low=1, high=300) == 240
    assert v.parse_int("240+", "x", low=1, high=300) == 240
    assert v.parse_int("240.0", "x", low=1, high=300) == 240
    assert v.parse_int("12 positions", "size", low=0, high=10_000) == 12
    assert v.parse_int("no minimum", "x", low=1, high=300) is None
    with pytest.raises(ValueError, match="Step 2 CK minimum 'abc' is not a number"):
        v.parse_int("abc", "Step 2 CK minimum", low=1, high=300)
    with pytest.raises(ValueError, match="not between"):
        v.parse_int("2400", "Step 2 CK minimum", low=1, high=300)


def test_percent() -> None:
    warnings: list[str] = []
    assert v.parse_percent("35 %", "IMG share", warnings.append) == 35
    assert v.parse_percent("62,5", "IMG share", warnings.append) == 62.5
    assert not warnings
    assert v.parse_percent("0.35", "IMG share", warnings.append) == 35
    assert "fraction" in warnings[0]
    with pytest.raises(ValueError, match="not a percentage"):
        v.parse_percent("many", "IMG share", warnings.append)
    with pytest.raises(ValueError, match="between 0 and 100"):
        v.parse_percent("140", "IMG share", warnings.append)


@pytest.mark.parametrize(("text", "expected"), [
    ("J-1", {"J-1"}), ("J1/H1B", {"J-1", "H-1B"}), ("h-1b only", {"H-1B"}),
    ("Both", {"J-1", "H-1B"}), ("none", set()), ("No", set()), ("", None), ("?", None),
])
def test_visas(text: str, expected: set[str] | None) -> None:
    result = v.parse_visas(text, lambda _m: None)
    assert result == (None if expected is None else frozenset(expected))


def test_visa_yes_is_not_guessed() -> None:
    warnings: list[str] = []
    assert v.parse_visas("Yes", warnings.append) is None
    assert "does not say which visa" in warnings[0]
    with pytest.raises(ValueError, match="not J-1, H-1B"):
        v.parse_visas("F-1", warnings.append)


def test_choices_and_cutoffs() -> None:
    assert v.parse_track("Prelim.") == "preliminary"
    assert v.parse_track("TY") == "transitional"
    assert v.parse_hospital_type("University-affiliated community") == \
        "community-based university"
    assert v.parse_hospital_type("University") == "academic"
    assert v.parse_grad_cutoff("within 5 yrs") == (5, None)
    assert v.parse_grad_cutoff(">= 2019") == (None, 2019)
    assert v.parse_grad_cutoff("no cutoff") == (None, None)
    assert v.parse_usce_months("3 months within 2 years", lambda _m: None) == (3, 2)
    assert v.parse_usce_months("not required", lambda _m: None) == (0, None)
    assert v.parse_attempts("first attempt only") == 1
    assert v.parse_attempts("no more than 2") == 2
    assert v.parse_status("II") == "interview-invited"
    assert v.parse_fit_label("Ineligible") == "not eligible"
    assert v.parse_track("Advanced (PGY-2)") == "advanced" and v.parse_track("R") == "reserved"
    assert v.parse_fit_label("Safety") == "strong fit"  # the old label, renamed
    assert v.parse_signal("Gold") == "gold" and v.parse_signal("yes") == "signal"
    for func, text in ((v.parse_track, "fellowship"), (v.parse_hospital_type, "private"),
                       (v.parse_status, "pending"), (v.parse_attempts, "lots")):
        with pytest.raises(ValueError, match=f"'{text}'"):
            func(text)
    with pytest.raises(ValueError, match="graduation cutoff"):
        v.parse_grad_cutoff("2015-2019")
