"""U.S. Census divisions: the geography MyERAS uses for geographic preferences.

An applicant may choose up to 3 Census divisions (or "no preference"); programs outside the
chosen divisions are told nothing (FACTS.md, "Geographic preferences"). To warn "this program
is outside your chosen divisions", a program's state must map to its division, so the nine
divisions and their states live in ``resources/season/census_divisions.toml`` with the Census
Bureau as their source, and this module only reads them.

Public API (the Programs side calls it): :data:`DIVISIONS`, :func:`division_of`,
:func:`division_of_location` and :func:`outside_chosen`.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from workshop.core.resources import resource

DATA_FILE: Final = ("season", "census_divisions.toml")


@dataclass(frozen=True)
class CensusData:
    """The divisions in the Census Bureau's order and every spelling that names a state."""

    divisions: tuple[str, ...]
    #: casefolded code or name -> division ("il" and "illinois" -> "East North Central")
    by_key: dict[str, str]
    #: casefolded code or name of a territory outside every division
    outside: frozenset[str]
    source: str


@functools.cache
def census_data() -> CensusData:
    """Read the data file once (it ships with the app; a broken one is a packaging bug)."""
    with resource(*DATA_FILE).open("rb") as handle:
        raw: dict[str, Any] = tomllib.load(handle)
    divisions: list[str] = []
    by_key: dict[str, str] = {}
    for entry in raw["division"]:
        name = str(entry["name"])
        divisions.append(name)
        for code, state in dict(entry["states"]).items():
            by_key[str(code).casefold()] = name
            by_key[str(state).casefold()] = name
    outside = frozenset(
        key.casefold() for code, name in dict(raw.get("outside", {})).items()
        for key in (str(code), str(name)))
    return CensusData(tuple(divisions), by_key, outside, str(raw.get("source", "")))


#: The nine U.S. Census divisions, New England first (the Census Bureau's numbering).
DIVISIONS: Final[tuple[str, ...]] = census_data().divisions
#: Where the divisions come from, for a caption or tooltip next to them.
SOURCE: Final[str] = census_data().source


def _key(text: str) -> str:
    return " ".join(text.replace(".", " ").split()).casefold()


def division_of(state: str) -> str | None:
    """The Census division of a state, by postal code or name ("IL", "illinois", "D.C.").

    Returns None for a territory (Puerto Rico, Guam...: outside every division), for an empty
    value and for anything that is not a U.S. state or DC, so a caller can say "division not
    known" instead of guessing.
    """
    key = _key(state)
    if not key:
        return None
    data = census_data()
    if key in data.by_key:
        return data.by_key[key]
    compact = key.replace(" ", "")
    if compact in data.by_key:  # "d c" -> "dc"
        return data.by_key[compact]
    if key in ("washington dc", "washington d c"):
        return data.by_key["dc"]
    return None


def is_territory(state: str) -> bool:
    """True for Puerto Rico, Guam and the other territories outside the Census divisions."""
    key = _key(state)
    return key in census_data().outside or key.replace(" ", "") in census_data().outside


def division_of_location(location: str) -> str | None:
    """The division of "Chicago, IL" or "Boston, Massachusetts" (the last part is the state)."""
    parts = [p.strip() for p in location.split(",") if p.strip()]
    for part in reversed(parts):
        found = division_of(part)
        if found is not None:
            return found
    return None


def outside_chosen(state: str, chosen: Iterable[str]) -> bool | None:
    """Whether a program in ``state`` is outside the applicant's chosen divisions.

    Args:
        state: the program's state (code or name).
        chosen: ``cv.preferences.divisions``; empty means "none chosen".

    Returns:
        None when nothing can be said (no divisions chosen, or the state's division is
        unknown); True when the program is outside every chosen division; False inside one.
    """
    picked = {c.casefold() for c in chosen}
    if not picked:
        return None
    division = division_of(state)
    if division is None:
        return None if not is_territory(state) else True
    return division.casefold() not in picked


__all__ = [
    "DIVISIONS", "SOURCE", "census_data", "division_of", "division_of_location", "is_territory",
    "outside_chosen",
]
