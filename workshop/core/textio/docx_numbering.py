"""The number or bullet Word draws in front of a list paragraph, as plain text.

Word does not store "3." in the text: a list paragraph names a list (``w:numId``) and a level
(``w:ilvl``), and ``numbering.xml`` says how that level is drawn (``w:numFmt`` decimal, letter,
roman or bullet; ``w:lvlText`` such as ``%1.`` or ``%1.%2)``) and where it starts. The
counters are replayed here in reading order, as Word does: lists that share an abstract
definition continue each other's numbering unless one restarts it (``w:startOverride``), and a
level restarts whenever a higher level appears. When the definition is missing or uses a
format we cannot reproduce, the item gets a bullet rather than a wrong number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from workshop.core.textio.docx_styles import ListRef, W
from workshop.core.textio.report import BULLET

_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_LEVELS = 9


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


@dataclass(frozen=True)
class _Num:
    abstract_id: str
    starts: dict[int, int]
    levels: dict[int, _Level]


@dataclass(frozen=True)
class ListLabel:
    text: str
    numbered: bool


class ListNumbering:
    """The numbering definitions of one document and the counters of one reading of it."""

    def __init__(self, numbering_element: Any | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if numbering_element is None:
            return
        for abstract in numbering_element.iterchildren(f"{W}abstractNum"):
            self._abstract[abstract.get(f"{W}abstractNumId") or ""] = _levels(abstract)
        for num in numbering_element.iterchildren(f"{W}num"):
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for override in num.iterchildren(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), -1)
                start = override.find(f"{W}startOverride")
                if start is not None:
                    starts[ilvl] = _int(start.get(f"{W}val"), 1)
                levels.update(_levels(override))
            self._nums[num.get(f"{W}numId") or ""] = _Num(
                abstract_id=_val(num.find(f"{W}abstractNumId")), starts=starts, levels=levels)

    def label(self, ref: ListRef) -> ListLabel | None:
        """The label of the next item of ``ref``'s list; None when Word draws none there."""
        num = self._nums.get(ref.num_id)
        if num is None:
            return ListLabel(BULLET, numbered=False)  # a list we cannot read: a bullet
        levels = {**self._abstract.get(num.abstract_id, {}), **num.levels}
        level = levels.get(ref.ilvl)
        if level is None:
            return ListLabel(BULLET, numbered=False)
        counters = self._advance(ref.num_id, num, ref.ilvl, levels)
        if level.fmt == "bullet":
            return ListLabel(BULLET, numbered=False)
        if level.fmt != "none" and _format(1, level.fmt) is None:
            return ListLabel(BULLET, numbered=False)  # a numbering style we cannot draw

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index, level)
            value = counters[index] if counters[index] is not None else shown.start
            return _format(value or 0, shown.fmt) or ""

        text = _PLACEHOLDER.sub(number, level.text).strip()
        return ListLabel(text, numbered=True) if text else None

    def _advance(self, num_id: str, num: _Num, ilvl: int,
                 levels: dict[int, _Level]) -> list[int | None]:
        counters = self._counters.setdefault(num.abstract_id, [None] * _LEVELS)
        if num.starts and num_id not in self._started:
            self._started.add(num_id)
            for index, start in num.starts.items():
                if 0 <= index < _LEVELS:
                    counters[index] = start - 1
        current = counters[ilvl]
        counters[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            counters[deeper] = None
        return counters


def _levels(parent: Any) -> dict[int, _Level]:
    out: dict[int, _Level] = {}
    for lvl in parent.iterchildren(f"{W}lvl"):
        ilvl = _int(lvl.get(f"{W}ilvl"), -1)
        if 0 <= ilvl < _LEVELS:
            out[ilvl] = _Level(fmt=_val(lvl.find(f"{W}numFmt")) or "decimal",
                               text=_val(lvl.find(f"{W}lvlText")),
                               start=_int(_val(lvl.find(f"{W}start")), 1))
    return out


def _format(value: int, fmt: str) -> str | None:
    """``value`` drawn in Word's ``fmt``; None for formats not reproduced (then: a bullet)."""
    if fmt.startswith("decimal") and fmt != "decimalZero":
        return str(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "none":
        return ""
    return None


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    out = []
    for amount, digits in _ROMAN:
        while value >= amount:
            out.append(digits)
            value -= amount
    return "".join(out)


def _val(element: Any | None) -> str:
    return "" if element is None else str(element.get(f"{W}val") or "")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text or "")
    except ValueError:
        return default
