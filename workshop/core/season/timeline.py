"""The season's dates (from a data file with sources) merged with the applicant's own dates.

Season dates live in ``resources/season/<season>.toml`` so a new season is a data change. The
user's dates (letter due dates, program and ERAS deadlines, interviews) come in as plain
:class:`UserDate` values; the lead builds them from the letters and programs stores, or with
:func:`user_dates_from_programs`. Countdowns take an injected ``today``.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from workshop.core.errors import UserError
from workshop.core.programs.model import Program
from workshop.core.resources import resource

DEFAULT_SEASON: Final = "2026-2027"
KIND_LABELS: Final[dict[str, str]] = {
    "season": "Season",
    "letter-due": "Letter due",
    "program-deadline": "Program deadline",
    "eras-deadline": "ERAS deadline",
    "interview": "Interview",
    "custom": "My date",
}
_MONTH_NAMES: Final = ("January", "February", "March", "April", "May", "June", "July",
                       "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class TimelineEvent:
    """One dated entry; ``key`` is stable across exports (it makes the .ics UID)."""

    key: str
    title: str
    date: _dt.date
    kind: str = "season"
    estimated: bool = False
    when: str = ""
    source: str = ""
    note: str = ""
    ref: str = ""


@dataclass(frozen=True)
class UserDate:
    """A date of the applicant's own, as plain data (``ref`` e.g. "program:12", "letter:3")."""

    title: str
    date: _dt.date
    kind: str = "custom"
    note: str = ""
    ref: str = ""


@dataclass
class Season:
    """A season file: its name, title and events with sources."""

    season: str
    title: str
    events: list[TimelineEvent] = field(default_factory=list)


def season_path(season: str = DEFAULT_SEASON) -> Path:
    """Where a season's data file lives."""
    return resource("season", f"{season}.toml")


def available_seasons() -> list[str]:
    """Season names with a data file, oldest first."""
    return sorted(p.stem for p in resource("season").glob("[0-9][0-9][0-9][0-9]-*.toml"))


def load_season(path: Path | str | None = None) -> Season:
    """Read a season file and check every event has a title, a date and a source.

    Raises:
        UserError: naming the file and the event that is wrong.
    """
    file = Path(path) if path is not None else season_path()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"season file {file.name} cannot be read: {exc}", where=str(file),
                        hint="Restore it from the app's installation.") from exc
    events = [_season_event(raw, i, file) for i, raw in enumerate(data.get("events", []))]
    return Season(season=str(data.get("season", file.stem)), title=str(data.get("title", "")),
                  events=sorted(events, key=lambda e: e.date))


def _season_event(raw: Any, index: int, file: Path) -> TimelineEvent:
    where = f"{file.name}, event {index + 1}"
    if not isinstance(raw, dict):
        raise UserError("an event must be a table", where=where)
    day = raw.get("date")
    if not isinstance(day, _dt.date) or isinstance(day, _dt.datetime):
        raise UserError("the event needs a date such as 2026-09-24", where=where)
    for name in ("key", "title", "source"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise UserError(f"the event needs a '{name}'", where=where)
    return TimelineEvent(key=raw["key"], title=raw["title"], date=day, kind="season",
                         estimated=bool(raw.get("estimated", False)),
                         when=str(raw.get("when", "")), source=raw["source"],
                         note=str(raw.get("note", "")))


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60] or "date"


def from_user_date(item: UserDate) -> TimelineEvent:
    """A user date as a timeline entry with a stable key."""
    if item.kind not in KIND_LABELS or item.kind == "season":
        raise UserError(f"unknown kind of date {item.kind!r}", where=item.title,
                        hint="Use letter-due, program-deadline, eras-deadline, interview "
                             "or custom.")
    ref = item.ref or _slug(item.title)
    return TimelineEvent(key=f"{item.kind}:{ref}:{item.date.isoformat()}", title=item.title,
                         date=item.date, kind=item.kind, note=item.note, ref=item.ref)


def user_dates_from_programs(programs: Iterable[Program]) -> list[UserDate]:
    """Deadlines and interview dates recorded on programs (withdrawn programs left out)."""
    out: list[UserDate] = []
    for p in programs:
        if p.status == "withdrawn":
            continue
        ref = f"program:{p.id}" if p.id is not None else f"program:{_slug(p.name)}"
        if p.program_deadline:
            out.append(UserDate(f"Deadline: {p.display_name}", p.program_deadline,
                                "program-deadline", ref=ref))
        if p.eras_deadline:
            out.append(UserDate(f"ERAS deadline: {p.display_name}", p.eras_deadline,
                                "eras-deadline", ref=ref))
        if p.interview_date:
            out.append(UserDate(f"Interview: {p.display_name}", p.interview_date, "interview",
                                note=p.interview_notes, ref=ref))
    return out


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
    return sorted(events, key=lambda e: (e.date, e.kind != "season", e.title.casefold()))


def days_until(day: _dt.date, today: _dt.date) -> int:
    """Whole days from ``today`` to ``day`` (negative once past)."""
    return (day - today).days


def countdown(day: _dt.date, today: _dt.date) -> str:
    """ "today", "tomorrow", "in 12 days", "yesterday", "5 days ago"."""
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
    """An event with its countdown for one ``today``."""

    event: TimelineEvent
    days: int
    countdown: str

    @property
    def label(self) -> str:
        """The title with "(estimated)" where the date is not yet published."""
        return f"{self.event.title} (estimated)" if self.event.estimated else self.event.title


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
    """Every event with its countdown, in date order."""
    return [TimelineItem(e, days_until(e.date, today), countdown(e.date, today))
            for e in sorted(events, key=lambda e: e.date)]


def group_by_month(events: Iterable[TimelineEvent], today: _dt.date) -> list[MonthGroup]:
    """Events grouped by calendar month, months in order, each with countdowns."""
    groups: dict[tuple[int, int], MonthGroup] = {}
    for item in with_countdowns(events, today):
        ym = (item.event.date.year, item.event.date.month)
        groups.setdefault(ym, MonthGroup(*ym)).items.append(item)
    return [groups[k] for k in sorted(groups)]


def next_events(events: Iterable[TimelineEvent], today: _dt.date,
                within_days: int = 30) -> list[TimelineItem]:
    """What is coming in the next ``within_days`` days (today included)."""
    return [i for i in with_countdowns(events, today) if 0 <= i.days <= within_days]


def timeline_text(events: Iterable[TimelineEvent], today: _dt.date) -> str:
    """The month view as plain text (CLI and tests)."""
    lines: list[str] = []
    for group in group_by_month(events, today):
        lines.append(group.label)
        for item in group.items:
            lines.append(f"  {item.event.date.isoformat()}  {item.label}  [{item.countdown}]")
    return "\n".join(lines)
