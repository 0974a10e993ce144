from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.cv.dates import (
    PRESENT,
    DateParseError,
    MonthYear,
    format_range,
    month_from_index,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-07", MonthYear(2021, 7)),
        ("2021-7", MonthYear(2021, 7)),
        ("2021-07-15", MonthYear(2021, 7)),
        ("Jul 2021", MonthYear(2021, 7)),
        ("July 2021", MonthYear(2021, 7)),
        ("Sept. 2019", MonthYear(2019, 9)),
        ("07/2021", MonthYear(2021, 7)),
        ("7/2021", MonthYear(2021, 7)),
        ("2021", MonthYear(2021)),
        ("present", PRESENT),
        (" Present ", PRESENT),
        ("current", PRESENT),
    ],
)
def test_parse_accepts_common_forms(text: str, expected: MonthYear) -> None:
    assert MonthYear.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["", "July", "2021-13", "13/2021", "Foo 2021", "21-07", "1850-01", "2021/07/01",
             "next year"],
)
def test_parse_rejects_with_clear_message(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        MonthYear.parse(text)
    assert text.strip() in str(info.value) or "month" in str(info.value) or "year" in str(
        info.value
    )


def test_bad_month_message_names_the_problem() -> None:
    with pytest.raises(DateParseError, match="month 13"):
        MonthYear.parse("2021-13")


def test_output_forms() -> None:
    assert MonthYear(2021, 7).to_str() == "2021-07"
    assert MonthYear(2021).to_str() == "2021"
    assert PRESENT.to_str() == "present"
    assert MonthYear(2021, 7).display() == "Jul 2021"
    assert MonthYear(2021, 7).display(long=True) == "July 2021"
    assert PRESENT.display() == "Present"
    assert format_range(MonthYear(2021, 7), PRESENT) == "Jul 2021 \u2013 Present"
    assert format_range(MonthYear(2021, 7), MonthYear(2021, 7)) == "Jul 2021"
    assert format_range(None, None) == ""


def test_indexes_and_present() -> None:
    today = MonthYear.from_date(dt.date(2026, 6, 15))
    assert PRESENT.first_index(today) == today.first_index()
    assert MonthYear(2021).first_index() == MonthYear(2021, 1).first_index()
    assert MonthYear(2021).last_index() == MonthYear(2021, 12).first_index()
    assert PRESENT.sort_key() > MonthYear(2200, 12).sort_key()
    assert not MonthYear(2021).has_month and PRESENT.has_month


@given(st.integers(1900, 2200), st.integers(1, 12))
def test_round_trip_every_month(year: int, month: int) -> None:
    date = MonthYear(year, month)
    assert MonthYear.parse(date.to_str()) == date
    assert MonthYear.parse(date.display()) == date
    assert MonthYear.parse(f"{month:02d}/{year}") == date
    assert month_from_index(date.first_index()) == date
