"""Census divisions: the nine divisions, every state and DC in exactly one, lookups by code or
name; territories are outside every division."""

from __future__ import annotations

import tomllib

import pytest

from workshop.core.resources import resource
from workshop.core.season import geography
from workshop.core.season.geography import (
    DIVISIONS,
    division_of,
    division_of_location,
    is_territory,
    outside_chosen,
)

STATES_AND_DC = 51


def test_nine_divisions_in_census_order() -> None:
    assert DIVISIONS == (
        "New England", "Middle Atlantic", "East North Central", "West North Central",
        "South Atlantic", "East South Central", "West South Central", "Mountain", "Pacific")


def test_every_state_and_dc_in_exactly_one_division() -> None:
    with resource("season", "census_divisions.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    codes = [code for d in raw["division"] for code in d["states"]]
    assert len(codes) == len(set(codes)) == STATES_AND_DC
    assert "Census Bureau" in raw["source"] and "Census Bureau" in geography.SOURCE


@pytest.mark.parametrize(("state", "division"), [
    ("IL", "East North Central"), ("Illinois", "East North Central"),
    ("illinois", "East North Central"), (" il ", "East North Central"),
    ("NY", "Middle Atlantic"), ("New  York", "Middle Atlantic"), ("CA", "Pacific"),
    ("DC", "South Atlantic"), ("D.C.", "South Atlantic"),
    ("District of Columbia", "South Atlantic"), ("Washington DC", "South Atlantic"),
    ("TX", "West South Central"), ("ME", "New England"), ("WY", "Mountain"),
    ("MO", "West North Central"), ("KY", "East South Central"),
])
def test_division_of_code_or_name(state: str, division: str) -> None:
    assert division_of(state) == division


@pytest.mark.parametrize("state", ["", "PR", "Puerto Rico", "Guam", "Ontario", "XX", "Chicago"])
def test_no_division(state: str) -> None:
    assert division_of(state) is None


def test_territories_are_recognised() -> None:
    assert is_territory("PR") and is_territory("puerto rico") and not is_territory("IL")


def test_location_text() -> None:
    assert division_of_location("Chicago, IL") == "East North Central"
    assert division_of_location("Boston, Massachusetts") == "New England"
    assert division_of_location("Paris, France") is None


def test_outside_chosen() -> None:
    chosen = ["East North Central", "Middle Atlantic"]
    assert outside_chosen("CA", chosen) is True
    assert outside_chosen("Illinois", chosen) is False
    assert outside_chosen("CA", []) is None  # nothing chosen: nothing to warn about
    assert outside_chosen("Ontario", chosen) is None  # unknown: say nothing
    assert outside_chosen("PR", chosen) is True  # a territory is outside every division
