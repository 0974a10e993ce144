"""The season's dates (from a data file with sources) merged with the applicant's own dates.

Season dates live in ``resources/season/<season>.toml`` (read by
:mod:`workshop.core.season.season_file`) so a new season is a data change. The user's dates
(letter due dates, program deadlines, interviews) come in as plain :class:`UserDate` values; the
lead builds them from the letters and programs stores, or with :func:`user_dates_from_programs`.
Countdowns and statuses take an injected ``today``: "past" is derived, never stored.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from workshop.core.errors import UserError
from workshop.core.programs.model import Program
from workshop.core.season.events import (
    DEFAULT_REMINDERS,
    KIND_LABELS,
    STATUS_LABELS,
    SeasonNote,
    TimelineEvent,
    event_status,
)
from workshop.core.season.season_file import (
    Season,
    available_seasons,
    load_season,
    season_for,
    season_path,
)

__all__ = [
    "KIND_LABELS", "STATUS_LABELS", "MonthGroup", "Season", "SeasonNote", "TimelineEvent",
    "TimelineItem", "UserDate", "available_seasons", "countdown", "days_until",
    "event_status", "from_user_date", "group_by_month", "load_season", "merge_timeline",
    "next_events", "rebase_season", "season_for", "season_path", "timeline_text",
    "user_dates_from_programs", "with_countdowns",
]

_MONTH_NAMES: Final = ("January", "February", "March", "April", "May", "June", "July",
                       "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class UserDate:
    """A date of the applicant's own, as plain data (``ref`` e.g. "program:12", "letter:3")."""

    title: str
    date: _dt.date
    kind: str = "custom"
    note: str = ""
    ref: str = ""


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60] or "date"


def from_user_date(item: UserDate) -> TimelineEvent:
    """A user date as a timeline entry with a stable key and the kind's reminders."""
    if item.kind not in KIND_LABELS or item.kind == "season":
        raise UserError(f"unknown kind of date {item.kind!r}", where=item.title,
                        hint="Use letter-due, program-deadline, interview or custom.")
    ref = item.ref or _slug(item.title)
    return TimelineEvent(key=f"{item.kind}:{ref}:{item.date.isoformat()}", title=item.title,
                         date=item.date, kind=item.kind, note=item.note, ref=item.ref,
                         remind_days=DEFAULT_REMINDERS.get(item.kind, ()))


def user_dates_from_programs(programs: Iterable[Program]) -> list[UserDate]:
    """Program deadlines and interview dates recorded on programs (withdrawn ones left out).

    ERAS itself sets no application deadline (each program sets its own), so a program's own
    deadline is the only deadline read here.
    """
    out: list[UserDate] = []
    for p in programs:
        if p.status == "withdrawn":
            continue
        ref = f"program:{p.id}" if p.id is not None else f"program:{_slug(p.name)}"
        if p.program_deadline:
            out.append(UserDate(f"Deadline: {p.display_name}", p.program_deadline,
                                "program-deadline", ref=ref))
        if p.interview_date:
            out.append(UserDate(f"Interview: {p.display_name}", p.interview_date, "interview",
                                note=p.interview_notes, ref=ref))
    return out


def _order(event: TimelineEvent) -> tuple[_dt.date, bool, str]:
    # season dates first on a tie, in their file's order (the sort is stable); then by title
    return event.date, event.kind != "season", "" if event.kind == "season" else (
        event.title.casefold())


def merge_timeline(season: Sequence[TimelineEvent] | Season,
                   user_dates: Iterable[UserDate] = ()) -> list[TimelineEvent]:
    """Season events and the user's dates in one list by date (season events first on a tie).

    The same user date given twice (same kind, reference and day) appears once.
    """
    events = list(season.events if isinstance(season, Season) else season)
    seen = {e.key for e in events}
    for item in user_dates:
        event = from_user_date(item)
        if event.key not in seen:
            seen.add(event.key)
            events.append(event)
    return sorted(events, key=_order)


def rebase_season(events: Iterable[TimelineEvent], season: Season) -> list[TimelineEvent]:
    """The applicant's dates among ``events`` with ``season``'s dates instead of the old ones.

    For a caller handed a merged timeline built on another season file (e.g. the newest) that
    must show the season running today.
    """
    own = [e for e in events if e.kind != "season"]
    return sorted([*season.events, *own], key=_order)


def days_until(day: _dt.date, today: _dt.date) -> int:
    """Whole days from ``today`` to ``day`` (negative once past)."""
    return (day - today).days


def countdown(day: _dt.date, today: _dt.date, end: _dt.date | None = None) -> str:
    """ "today", "tomorrow", "in 12 days", "yesterday", "5 days ago"; "now, until March 18"
    while a date that spans several days is running."""
    if end is not None and day < today <= end:
        return f"now, until {_MONTH_NAMES[end.month - 1]} {end.day}"
    days = days_until(day, today)
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


@dataclass
class TimelineItem:
    """An event with its countdown and status for one ``today``."""

    event: TimelineEvent
    days: int
    countdown: str
    status: str = ""

    @property
    def label(self) -> str:
        """The title, with "(estimated)" or "(not confirmed)" while the date is ahead."""
        if self.status in ("estimated", "not-confirmed"):
            return f"{self.event.title} ({STATUS_LABELS[self.status]})"
        return self.event.title

    @property
    def status_label(self) -> str:
        """ "published", "estimated", "not confirmed", "past" or "your date"."""
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def past(self) -> bool:
        return self.status == "past"


@dataclass
class MonthGroup:
    """The events of one month, for the month view."""

    year: int
    month: int
    items: list[TimelineItem] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{_MONTH_NAMES[self.month - 1]} {self.year}"


def with_countdowns(events: Iterable[TimelineEvent], today: _dt.date) -> list[TimelineItem]:
    """Every event with its countdown and status, in date order."""
    return [TimelineItem(e, days_until(e.date, today), countdown(e.date, today, e.end),
                         event_status(e, today))
            for e in sorted(events, key=_order)]


def group_by_month(events: Iterable[TimelineEvent], today: _dt.date) -> list[MonthGroup]:
    """Events grouped by calendar month (of their first day), months in order."""
    groups: dict[tuple[int, int], MonthGroup] = {}
    for item in with_countdowns(events, today):
        ym = (item.event.date.year, item.event.date.month)
        groups.setdefault(ym, MonthGroup(*ym)).items.append(item)
    return [groups[k] for k in sorted(groups)]


def next_events(events: Iterable[TimelineEvent], today: _dt.date,
                within_days: int = 30) -> list[TimelineItem]:
    """What is coming in the next ``within_days`` days (today and running spans included)."""
    return [i for i in with_countdowns(events, today)
            if i.days <= within_days and i.event.last_day >= today]


def timeline_text(events: Iterable[TimelineEvent], today: _dt.date) -> str:
    """The month view as plain text (CLI and tests), with each date's status and source."""
    lines: list[str] = []
    for group in group_by_month(events, today):
        lines.append(group.label)
        for item in group.items:
            source = f"  (source: {item.event.source})" if item.event.source else ""
            lines.append(f"  {item.event.date.isoformat()}  {item.label}  [{item.countdown}; "
                         f"{item.status_label}]{source}")
    return "\n".join(lines)

