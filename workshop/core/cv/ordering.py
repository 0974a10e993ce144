"""Reverse-chronological order, the order U.S. programs expect in every CV section.

Newest first: ongoing ("present") entries on top, then by end date, then by start date. Entries
with no date at all sink to the bottom and otherwise keep the user's order (the sort is stable).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from workshop.core.cv.dates import MonthYear
from workshop.core.cv.model import CV

T = TypeVar("T")

_UNDATED = (-1, -1)


def _key(date: MonthYear | None) -> tuple[int, int]:
    return date.sort_key() if date is not None else _UNDATED


def chrono_key(item: Any) -> tuple[tuple[int, int], tuple[int, int]]:
    """Ascending key of one entry: (end-or-date, start); publications use their year."""
    start = getattr(item, "start", None)
    end = getattr(item, "end", None)
    date = getattr(item, "date", None)
    year = getattr(item, "year", None)
    if isinstance(year, int):
        date = MonthYear(year)
    primary = end if end is not None else (date if date is not None else start)
    return (_key(primary), _key(start))


def sort_reverse_chronological(items: Sequence[T]) -> list[T]:
    """A new list, newest first (stable for ties and undated entries)."""
    return sorted(items, key=chrono_key, reverse=True)


def first_out_of_order(items: Sequence[Any]) -> int | None:
    """Index of the first entry that is newer than the one before it, or None if in order."""
    keys = [chrono_key(item) for item in items]
    for i in range(1, len(keys)):
        if keys[i] > keys[i - 1]:
            return i
    return None


#: The CV lists that are shown newest first (experience is sorted within each section).
ORDERED_LISTS = (
    "education", "exams", "experience", "publications", "presentations", "awards",
    "certifications",
)


def sort_cv(cv: CV) -> list[str]:
    """Sort every dated list of ``cv`` newest first, in place.

    ``experience`` keeps its sections in their first-seen order and sorts within each one.

    Returns:
        Names of the lists whose order changed (what the editor must refresh).
    """
    changed: list[str] = []
    for name in ORDERED_LISTS:
        items = getattr(cv, name)
        if name == "experience":
            sections: dict[str, list[Any]] = {}
            for item in items:
                sections.setdefault(item.section, []).append(item)
            new = [e for group in sections.values() for e in sort_reverse_chronological(group)]
        else:
            new = sort_reverse_chronological(items)
        if [id(x) for x in new] != [id(x) for x in items]:
            setattr(cv, name, new)
            changed.append(name)
    for section in cv.custom_sections:
        new_items = sort_reverse_chronological(section.items)
        if [id(x) for x in new_items] != [id(x) for x in section.items]:
            section.items = new_items
            changed.append(f"custom_sections[{section.id or section.title}]")
    return changed
