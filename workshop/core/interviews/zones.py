"""Time zones: IANA names checked with a clear message, wall times shown in two zones.

Python's :mod:`zoneinfo` reads the system's tz database, or the ``tzdata`` package where the
system has none (Windows). A zone that cannot be found is a :class:`UserError` saying which
name and what to do, never a traceback.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import tomllib
import zoneinfo
from typing import Any, Final

from workshop.core.errors import UserError
from workshop.core.resources import resource

_DATE: Final = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TIME: Final = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?\s*$")


@functools.cache
def _zone_data() -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads(resource("interviews", "zones.toml").read_text("utf-8"))
    return data


def offered_zones() -> list[str]:
    """Zones the pickers list first (U.S. zones, then common home-country zones)."""
    return list(_zone_data()["offered"])


def zone_for_state(state: str) -> str:
    """A first guess of a program's zone from its U.S. state ('' when unknown)."""
    found: str = _zone_data()["states"].get(state.strip().upper(), "")
    return found


def windows_zone(name: str) -> str:
    """The IANA name for a Windows/Outlook zone name ('' when not known)."""
    found: str = _zone_data()["windows"].get(name.strip(), "")
    return found


def zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone called ``name``.

    Raises:
        UserError: empty, malformed or unknown name (or no tz database installed).
    """
    clean = name.strip()
    if not clean:
        raise UserError("no time zone is set", where="time zone",
                        hint="Choose the program's time zone, e.g. America/Chicago.")
    try:
        return zoneinfo.ZoneInfo(clean)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        if not zoneinfo.available_timezones():
            raise UserError(
                f"time zone {clean!r} cannot be read: this computer has no time zone database",
                where="time zone",
                hint="Install the 'tzdata' package (pip install tzdata) and restart the app.",
            ) from None
        raise UserError(f"unknown time zone {clean!r}", where="time zone",
                        hint="Use an IANA name such as America/New_York, America/Chicago, "
                             "America/Denver or America/Los_Angeles.") from None


def check_zone(name: str) -> str:
    """``name`` trimmed, once it is known to exist (UserError otherwise)."""
    zone(name)
    return name.strip()


def parse_date(text: str, what: str = "date") -> _dt.date | None:
    """A typed ``YYYY-MM-DD`` (None for an empty field).

    Raises:
        UserError: saying which field and the shape to type.
    """
    if not text.strip():
        return None
    match = _DATE.match(text)
    if match:
        try:
            return _dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    raise UserError(f"the {what} {text.strip()!r} is not a date", where=what,
                    hint="Type it as YYYY-MM-DD, e.g. 2026-12-14.")


def parse_time(text: str, what: str = "time") -> _dt.time | None:
    """A typed ``HH:MM`` (24-hour) or ``9:30 am`` (None for an empty field).

    Raises:
        UserError: saying which field and the shape to type.
    """
    if not text.strip():
        return None
    match = _TIME.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        meridiem = (match.group(3) or "").lower().replace(".", "")
        if meridiem:
            if not 1 <= hour <= 12:
                hour = 99
            elif meridiem == "pm" and hour != 12:
                hour += 12
            elif meridiem == "am" and hour == 12:
                hour = 0
        if 0 <= hour <= 23 and 0 <= minute <= 59:
            return _dt.time(hour, minute)
    raise UserError(f"the {what} {text.strip()!r} is not a time of day", where=what,
                    hint="Type it as HH:MM (24-hour, e.g. 14:30) or like 2:30 pm.")


def aware(day: _dt.date, time: _dt.time, zone_name: str) -> _dt.datetime:
    """The instant of a wall-clock time in a zone."""
    return _dt.datetime.combine(day, time, tzinfo=zone(zone_name))


def in_zone(moment: _dt.datetime, zone_name: str) -> _dt.datetime:
    return moment.astimezone(zone(zone_name))


def short_name(moment: _dt.datetime) -> str:
    """ "CST", "EST"...; an offset such as "+02" where the zone has no abbreviation."""
    return moment.tzname() or moment.strftime("%z")


def clock(moment: _dt.datetime) -> str:
    """ "9:00 AM" (U.S. style, no leading zero)."""
    return moment.strftime("%I:%M %p").lstrip("0")


def city_label(zone_name: str) -> str:
    """ "America/Los_Angeles" -> "Los Angeles"."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")
