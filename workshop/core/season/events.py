"""A dated entry of the season and what the app may say about its date.

A season file states, for each date, what its source says about *this* season: published,
estimated, or not confirmed. Whether a date is past depends on the day the app runs, so it is
never stored: :func:`event_status` derives it from an injected ``today``. A date months ago
is "past", not "estimated", whatever the file says.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Final, Literal

DataStatus = Literal["published", "estimated", "not-confirmed"]
#: What a season file may say about a date, in order of confidence.
DATA_STATUSES: Final[tuple[DataStatus, ...]] = ("published", "estimated", "not-confirmed")
#: Every status shown to the user: the file's, plus "past" (derived) and "own" (a user date).
STATUS_LABELS: Final[dict[str, str]] = {
    "published": "published",
    "estimated": "estimated",
    "not-confirmed": "not confirmed",
    "past": "past",
    "own": "your date",
}
STATUS_EXPLANATIONS: Final[dict[str, str]] = {
    "published": "The source has published this season's date.",
    "estimated": "Estimated: the source has not published this season's date; it follows what "
                 "is known.",
    "not-confirmed": "Not confirmed: this season's date follows the source's usual rule but "
                     "is not confirmed; check it with the source before relying on it.",
    "past": "This date has passed.",
    "own": "A date of your own, from this workspace.",
}
KIND_LABELS: Final[dict[str, str]] = {
    "season": "Season",
    "letter-due": "Letter due",
    "program-deadline": "Deadline",
    "interview": "Interview",
    "custom": "My date",
}
#: Who sets a season date: shown instead of the generic "Season" kind.
CATEGORY_LABELS: Final[dict[str, str]] = {"eras": "ERAS", "nrmp": "NRMP", "ecfmg": "ECFMG"}
#: Days before a user date at which the .ics export reminds (a season date says its own).
DEFAULT_REMINDERS: Final[dict[str, tuple[int, ...]]] = {
    "letter-due": (7, 1),
    "program-deadline": (7, 1),
    "interview": (7, 1),
}


@dataclass(frozen=True)
class TimelineEvent:
    """One dated entry; ``key`` is stable across exports (it makes the .ics UID).

    Attributes:
        status: for a season date, what its source says ("published", "estimated",
            "not-confirmed"); empty for the applicant's own dates.
        end: the last day of a date that spans several days (inclusive), else ``None``.
        remind_days: days before ``date`` at which a calendar should remind.
    """

    key: str
    title: str
    date: _dt.date
    kind: str = "season"
    status: str = ""
    when: str = ""
    source: str = ""
    note: str = ""
    ref: str = ""
    category: str = ""
    end: _dt.date | None = None
    remind_days: tuple[int, ...] = field(default=())

    @property
    def estimated(self) -> bool:
        """The date is not (yet) published by its source: estimated or not confirmed."""
        return self.status in ("estimated", "not-confirmed")

    @property
    def last_day(self) -> _dt.date:
        """The day the entry is over (its only day unless it spans several)."""
        return self.end or self.date

    @property
    def kind_label(self) -> str:
        """ "NRMP", "ERAS", "ECFMG" for a season date, else the kind of user date."""
        if self.kind == "season" and self.category in CATEGORY_LABELS:
            return CATEGORY_LABELS[self.category]
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class SeasonNote:
    """A rule of the season that is not a date (e.g. "ERAS sets no application deadline")."""

    text: str
    source: str


def event_status(event: TimelineEvent, today: _dt.date) -> str:
    """ "past" once the entry's last day is before ``today``, else what the data says.

    An applicant's own date has no data status: it is "own" until it is past.
    """
    if event.last_day < today:
        return "past"
    return event.status or "own"


def status_label(event: TimelineEvent, today: _dt.date) -> str:
    """The status as shown: "published", "estimated", "not confirmed", "past", "your date"."""
    return STATUS_LABELS[event_status(event, today)]

