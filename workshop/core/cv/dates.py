"""Month/year dates, the only precision a CV (and ERAS) asks for.

A CV date is a month and a year, sometimes only a year (an applicant who does not remember the
month: the checks flag it), or "present" for something still going on. Keeping the three cases in
one small value type means sorting, gap finding and display never special-case strings.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)})
_MONTHS["sept"] = 9

_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_SLASH = re.compile(r"^(\d{1,2})\s*/\s*(\d{4})$")
_NAMED = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_PRESENT_WORDS = {"present", "current", "now", "ongoing", "today"}

MIN_YEAR = 1900
MAX_YEAR = 2200


class DateParseError(ValueError):
    """Text that is not a month/year; the message says which forms are accepted."""


@dataclass(frozen=True, slots=True)
class MonthYear:
    """A month and year, a bare year (``month`` is None), or "present".

    Attributes:
        year: four-digit year; 0 when ``present`` is set.
        month: 1-12, or None when only the year is known.
        present: the entry is ongoing; resolved against an injected "today" when compared.
    """

    year: int = 0
    month: int | None = None
    present: bool = False

    def __post_init__(self) -> None:
        if self.present:
            if self.year or self.month is not None:
                raise DateParseError("'present' carries no year or month")
            return
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise DateParseError(f"year {self.year} is out of range {MIN_YEAR}-{MAX_YEAR}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateParseError(f"month {self.month} is not between 1 and 12")

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> MonthYear:
        """Read "2021-07", "2021-07-15", "Jul 2021", "July 2021", "07/2021", "2021" or "present".

        Raises:
            DateParseError: with the accepted forms in the message.
        """
        raw = text.strip()
        if raw.lower() in _PRESENT_WORDS:
            return PRESENT
        try:
            if m := _ISO.match(raw):
                return cls(int(m.group(1)), int(m.group(2)))
            if m := _SLASH.match(raw):
                return cls(int(m.group(2)), int(m.group(1)))
            if m := _NAMED.match(raw):
                month = _MONTHS.get(m.group(1).lower())
                if month is None:
                    raise DateParseError(f"'{m.group(1)}' is not a month name")
                return cls(int(m.group(2)), month)
            if m := _YEAR.match(raw):
                return cls(int(m.group(1)))
        except DateParseError as exc:
            raise DateParseError(f"{exc} in '{text}'") from None
        raise DateParseError(
            f"expected YYYY-MM (or 'Jul 2021', '07/2021', a year, 'present'), got '{text}'"
        )

    @classmethod
    def from_date(cls, day: _dt.date) -> MonthYear:
        """The month containing ``day`` (used for an injected "today")."""
        return cls(day.year, day.month)

    # -- queries --------------------------------------------------------------------------------

    @property
    def has_month(self) -> bool:
        """False for a bare year (never for "present")."""
        return self.present or self.month is not None

    def first_index(self, today: MonthYear | None = None) -> int:
        """Month number (year*12 + month-1) of the earliest month this date may mean.

        A bare year counts from January; "present" is ``today`` (or a far-future sentinel).
        """
        if self.present:
            return today.first_index() if today is not None else MAX_YEAR * 12
        return self.year * 12 + ((self.month or 1) - 1)

    def last_index(self, today: MonthYear | None = None) -> int:
        """Month number of the latest month this date may mean (a bare year runs to December)."""
        if self.present:
            return today.last_index() if today is not None else MAX_YEAR * 12
        return self.year * 12 + ((self.month or 12) - 1)

    def sort_key(self) -> tuple[int, int]:
        """Ascending order key; "present" sorts after every real date."""
        if self.present:
            return (MAX_YEAR + 1, 0)
        return (self.year, self.month or 0)

    # -- output ---------------------------------------------------------------------------------

    def to_str(self) -> str:
        """Canonical storage form: "2021-07", "2021" or "present"."""
        if self.present:
            return "present"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def display(self, *, long: bool = False) -> str:
        """Human form for a CV: "Jul 2021" (or "July 2021"), "2021", "Present"."""
        if self.present:
            return "Present"
        if self.month is None:
            return str(self.year)
        name = MONTH_NAMES[self.month - 1]
        return f"{name if long else name[:3]} {self.year}"

    def __str__(self) -> str:
        return self.to_str()


PRESENT = MonthYear(present=True)


def month_from_index(index: int) -> MonthYear:
    """Inverse of :meth:`MonthYear.first_index` for a full month."""
    return MonthYear(index // 12, index % 12 + 1)


def format_range(start: MonthYear | None, end: MonthYear | None) -> str:
    """"Jul 2021 – Present" style range for CV display (an en dash, as CVs print it)."""
    left = start.display() if start else ""
    right = end.display() if end else ""
    if left and right and left != right:
        return f"{left} \u2013 {right}"
    return left or right
