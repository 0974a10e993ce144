"""Season data files: reading one, listing them, and picking the one that is running.

Each application season is ``resources/season/<first year>-<match year>.toml`` with its dates,
their sources and statuses. Next season is a new file, not a code change: :func:`season_for`
picks, for a given day, the earliest season whose last date has not passed, so the 2027-28
file takes over once the 2026-27 season (which ends May 31, 2027) is over.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop.core.errors import UserError
from workshop.core.resources import resource
from workshop.core.season.events import (
    CATEGORY_LABELS,
    DATA_STATUSES,
    SeasonNote,
    TimelineEvent,
)

_NAME = re.compile(r"^(\d{4})-(\d{4})$")


@dataclass
class Season:
    """A season file: its name, Match year, title, dates with sources, and rules without dates."""

    season: str
    title: str
    events: list[TimelineEvent] = field(default_factory=list)
    match_year: int = 0
    notes: list[SeasonNote] = field(default_factory=list)

    @property
    def last_day(self) -> _dt.date | None:
        """The season's last date (the ERAS season's end), or ``None`` without dates."""
        return max((e.last_day for e in self.events), default=None)


def season_folder() -> Path:
    """Where the season files are shipped."""
    return resource("season")


def available_seasons(folder: Path | None = None) -> list[str]:
    """Season names with a data file, oldest first."""
    where = folder if folder is not None else season_folder()
    return sorted(p.stem for p in where.glob("[0-9][0-9][0-9][0-9]-*.toml")
                  if _NAME.match(p.stem))


def tables_by_match_year(prefix: str, folder: Path | None = None) -> dict[int, Path]:
    """Shipped tables named ``<prefix>-YYYY-YYYY.toml`` (fees, signals), by Match year."""
    where = folder if folder is not None else season_folder()
    named = re.compile(rf"^{re.escape(prefix)}-(\d{{4}})-(\d{{4}})$")
    found = {int(m.group(2)): p for p in where.glob(f"{prefix}-*.toml")
             if (m := named.match(p.stem))}
    return dict(sorted(found.items()))


def nearest_match_year(years: Iterable[int], year: int) -> int:
    """``year`` when a table ships for it, else the newest older one (the oldest if none is)."""
    shipped = list(years)
    if year in shipped:
        return year
    return max([y for y in shipped if y < year] or [min(shipped)])


def season_path(season: str | None = None, folder: Path | None = None) -> Path:
    """Where a season's data file lives; without a name, the newest season's.

    Raises:
        UserError: there is no season file at all.
    """
    where = folder if folder is not None else season_folder()
    if season is None:
        names = available_seasons(where)
        if not names:
            raise UserError("no season file is installed", where=str(where),
                            hint="Reinstall the app; season dates ship with it.")
        season = names[-1]
    return where / f"{season}.toml"


def season_for(today: _dt.date, folder: Path | None = None) -> str:
    """The season running on ``today``: the earliest whose last date is today or later.

    After every known season has ended, the newest one (its dates are then all past, which
    the app says); before the first, the first.

    Raises:
        UserError: no season file, or one that cannot be read.
    """
    names = available_seasons(folder)
    if not names:
        season_path(None, folder)  # raises the "no season file" error
    seasons = sorted((load_season(season_path(n, folder)) for n in names),
                     key=lambda s: (s.match_year, s.season))
    for season in seasons:
        last = season.last_day
        if last is not None and last >= today:
            return season.season
    return seasons[-1].season


def load_season(path: Path | str | None = None, *, today: _dt.date | None = None,
                folder: Path | None = None) -> Season:
    """Read a season file and check every event has a title, a date, a source and a status.

    Args:
        path: the file; without it, the season running on ``today`` (see :func:`season_for`),
            or without ``today`` the newest season file.
        today: picks the season when no path is given.
        folder: where to look for season files (tests); the installed ones by default.

    Raises:
        UserError: naming the file and the event that is wrong.
    """
    if path is not None:
        file = Path(path)
    else:
        file = season_path(season_for(today, folder) if today is not None else None, folder)
    try:
        stamp = file.stat()
    except OSError:
        return _parse(file)  # raises the read error, naming the file
    # Pages, the anchor and season_for each ask for seasons on every refresh: parse a file once
    # per version of it, and hand out fresh lists so no caller can change another's copy.
    cached = _parse_once(file, stamp.st_mtime_ns, stamp.st_size, stamp.st_ino)
    return dataclasses.replace(cached, events=list(cached.events), notes=list(cached.notes))


@functools.lru_cache(maxsize=16)
def _parse_once(file: Path, _mtime_ns: int, _size: int, _inode: int) -> Season:
    return _parse(file)


def _parse(file: Path) -> Season:
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"season file {file.name} cannot be read: {exc}", where=str(file),
                        hint="Restore it from the app's installation.") from exc
    events = [_season_event(raw, i, file) for i, raw in enumerate(data.get("events", []))]
    _check_unique(events, file)
    notes = [_note(raw, i, file) for i, raw in enumerate(data.get("notes", []))]
    return Season(season=str(data.get("season", file.stem)), title=str(data.get("title", "")),
                  events=sorted(events, key=lambda e: e.date),
                  match_year=_match_year(data, file), notes=notes)


def _match_year(data: dict[str, Any], file: Path) -> int:
    value = data.get("match_year")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    named = _NAME.match(file.stem)
    if value is None and named:
        return int(named.group(2))
    raise UserError("the season needs a match_year such as 2027", where=file.name)


def _season_event(raw: Any, index: int, file: Path) -> TimelineEvent:
    where = f"{file.name}, event {index + 1}"
    if not isinstance(raw, dict):
        raise UserError("an event must be a table", where=where)
    day = _date(raw.get("date"))
    if day is None:
        raise UserError("the event needs a date such as 2026-09-24", where=where)
    for name in ("key", "title", "source"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise UserError(f"the event needs a '{name}'", where=where)
    status = raw.get("status", "estimated" if raw.get("estimated") else None)
    if status not in DATA_STATUSES:
        raise UserError(f"the event's status must be one of {', '.join(DATA_STATUSES)}",
                        where=where, hint="'past' is not written: the app works it out.")
    end = _date(raw.get("end")) if "end" in raw else None
    if "end" in raw and (end is None or end < day):
        raise UserError("the event's end must be a date on or after its date", where=where)
    category = str(raw.get("category", ""))
    if category and category not in CATEGORY_LABELS:
        raise UserError(f"unknown category {category!r}", where=where,
                        hint=f"Use {', '.join(CATEGORY_LABELS)}.")
    remind = raw.get("remind", [])
    if not isinstance(remind, list) or not all(
            isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 365 for d in remind):
        raise UserError("remind must list whole days before the date, e.g. [7, 1]", where=where)
    return TimelineEvent(key=raw["key"], title=raw["title"], date=day, kind="season",
                         status=str(status), when=str(raw.get("when", "")),
                         source=raw["source"], note=str(raw.get("note", "")),
                         category=category, end=end,
                         remind_days=tuple(sorted(set(remind), reverse=True)))


def _date(value: object) -> _dt.date | None:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    return None


def _check_unique(events: list[TimelineEvent], file: Path) -> None:
    seen: set[str] = set()
    for event in events:
        if event.key in seen:
            raise UserError(f"two events share the key {event.key!r}", where=file.name,
                            hint="Keys make the calendar UIDs; give each event its own.")
        seen.add(event.key)


def _note(raw: Any, index: int, file: Path) -> SeasonNote:
    if not isinstance(raw, dict) or not all(
            isinstance(raw.get(k), str) and raw[k].strip() for k in ("text", "source")):
        raise UserError("a note needs a text and a source", where=f"{file.name}, note {index + 1}")
    return SeasonNote(text=raw["text"], source=raw["source"])
