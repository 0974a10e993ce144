"""A small RFC 5545 reader for invitation files (Thalamus, the ERAS scheduler, mail clients).

Only what an invitation needs: VEVENTs with DTSTART/DTEND (or DURATION) as a date, a UTC time,
a time with TZID, or a floating time; SUMMARY, LOCATION, DESCRIPTION, UID. Lines are unfolded
(section 3.1), parameters may be quoted, TEXT values are unescaped (3.3.11). TZIDs are read as
IANA names; Outlook's Windows names and prefixed names (``/mozilla.org/.../America/Chicago``)
are mapped, and a VTIMEZONE's ``X-LIC-LOCATION`` is used when it names a zone.

A broken file is a :class:`UserError` that says what is wrong and where, never a traceback.
"""

from __future__ import annotations

import datetime as _dt
import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from workshop.core.errors import UserError
from workshop.core.interviews.zones import windows_zone

MAX_BYTES: Final = 1_000_000
_DATE_RE: Final = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATETIME_RE: Final = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(Z)?$")
_DURATION_RE: Final = re.compile(
    r"^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


@dataclass(frozen=True)
class Property:
    name: str
    params: dict[str, str]
    value: str
    line: int


@dataclass
class IcsEvent:
    """One VEVENT as read.

    ``start``/``end`` are aware datetimes (TZID or UTC), naive ones (floating: no zone given),
    or dates (all-day). ``zone_name`` is the IANA zone the file gave ('' when none).
    """

    summary: str = ""
    location: str = ""
    description: str = ""
    uid: str = ""
    start: _dt.datetime | _dt.date | None = None
    end: _dt.datetime | _dt.date | None = None
    zone_name: str = ""
    #: What the reader could not use, said plainly (an unknown zone, a missing end).
    warnings: list[str] = field(default_factory=list)

    @property
    def all_day(self) -> bool:
        return isinstance(self.start, _dt.date) and not isinstance(self.start, _dt.datetime)


def unescape(value: str) -> str:
    """TEXT value unescaped: ``\\n`` is a line break, ``\\,`` ``\\;`` ``\\\\`` literal."""
    out: list[str] = []
    i = 0
    while i < len(value):
        char = value[i]
        if char == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def unfold(text: str) -> list[tuple[int, str]]:
    """Content lines with their first physical line number (folds joined)."""
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if raw[:1] in (" ", "\t") and lines:
            first, current = lines[-1]
            lines[-1] = (first, current + raw[1:])
        elif raw.strip():
            lines.append((number, raw))
    return lines


def parse_line(line: str, number: int) -> Property:
    """``NAME;PARAM=VALUE;P2="quoted:value":the value``.

    Raises:
        UserError: a line without a colon.
    """
    i, in_quotes = 0, False
    while i < len(line):
        char = line[i]
        if char == '"':
            in_quotes = not in_quotes
        elif char == ":" and not in_quotes:
            break
        i += 1
    if i >= len(line):
        raise UserError(f"line {number} is not a calendar line (no ':'): {line[:60]!r}",
                        where="calendar file",
                        hint="The file is damaged; export the invitation from the calendar "
                             "again, or add the date by hand.")
    head, value = line[:i], line[i + 1:]
    parts = _split_params(head)
    params: dict[str, str] = {}
    for part in parts[1:]:
        key, _, raw = part.partition("=")
        params[key.strip().upper()] = raw.strip().strip('"')
    return Property(parts[0].strip().upper(), params, value, number)


def _split_params(head: str) -> list[str]:
    parts, current, in_quotes = [], "", False
    for char in head:
        if char == '"':
            in_quotes = not in_quotes
        if char == ";" and not in_quotes:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def iana_name(tzid: str, aliases: dict[str, str] | None = None) -> str:
    """The IANA zone a TZID means ('' when it names none this computer knows)."""
    clean = tzid.strip().strip('"')
    candidates = [clean, (aliases or {}).get(clean, ""), windows_zone(clean)]
    # "/mozilla.org/20050126_1/America/Chicago" and similar: try the trailing parts
    pieces = [p for p in clean.split("/") if p]
    candidates += ["/".join(pieces[-n:]) for n in (3, 2) if len(pieces) >= n]
    for candidate in candidates:
        if not candidate or candidate.startswith("/"):
            continue
        try:
            zoneinfo.ZoneInfo(candidate)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
        return candidate
    return ""


def _date_value(prop: Property, aliases: dict[str, str],
                event: IcsEvent) -> _dt.datetime | _dt.date:
    value = prop.value.strip()
    where = f"line {prop.line} ({prop.name})"
    hint = "Export the invitation again, or type the date and time by hand."
    if prop.params.get("VALUE", "").upper() == "DATE" or _DATE_RE.match(value):
        match = _DATE_RE.match(value)
        try:
            if match is None:
                raise ValueError(value)
            return _dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            raise UserError(f"the date {value!r} cannot be read", where=where,
                            hint=hint) from None
    match = _DATETIME_RE.match(value)
    if match is None:
        raise UserError(f"the date and time {value!r} cannot be read", where=where,
                        hint=hint)
    year, month, day, hour, minute, second, utc = match.groups()
    try:
        naive = _dt.datetime(int(year), int(month), int(day), int(hour), int(minute),
                             int(second or 0))
    except ValueError:
        raise UserError(f"the date and time {value!r} does not exist", where=where,
                        hint=hint) from None
    if utc:
        return naive.replace(tzinfo=_dt.UTC)
    tzid = prop.params.get("TZID", "")
    if not tzid:
        return naive  # floating: the caller asks which zone
    name = iana_name(tzid, aliases)
    if not name:
        event.warnings.append(f"The time zone {tzid!r} ({where}) is not one this app knows: "
                              "choose the program's time zone before saving.")
        return naive
    event.zone_name = event.zone_name or name
    return naive.replace(tzinfo=zoneinfo.ZoneInfo(name))


def _duration(text: str, where: str) -> _dt.timedelta:
    match = _DURATION_RE.match(text.strip())
    if match is None or not any(match.groups()):
        raise UserError(f"the duration {text!r} cannot be read", where=where,
                        hint="Export the invitation again, or type the end time by hand.")
    weeks, days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return _dt.timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)


def read_ics_text(text: str) -> list[IcsEvent]:
    """The events of a calendar file's text.

    Raises:
        UserError: not a calendar, no event in it, or a date that cannot be read.
    """
    lines = unfold(text.lstrip("\ufeff"))
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        raise UserError("this is not a calendar (.ics) file: it does not start with "
                        "BEGIN:VCALENDAR", where="calendar file",
                        hint="Save the invitation from the e-mail or the platform as .ics, or "
                             "add the date by hand.")
    stack: list[str] = []
    aliases: dict[str, str] = {}
    events: list[IcsEvent] = []
    current: list[Property] | None = None
    tz_id, tz_location = "", ""
    for number, line in lines:
        prop = parse_line(line, number)
        if prop.name == "BEGIN":
            stack.append(prop.value.strip().upper())
            if stack[-1] == "VEVENT" and len(stack) == 2:
                current = []
            if stack[-1] == "VTIMEZONE":
                tz_id, tz_location = "", ""
            continue
        if prop.name == "END":
            ended = prop.value.strip().upper()
            if not stack or stack[-1] != ended:
                open_now = stack[-1] if stack else "nothing"
                raise UserError(f"line {number} ends {ended} but {open_now} is open",
                                where="calendar file",
                                hint="The file is damaged; export the invitation again.")
            stack.pop()
            if ended == "VEVENT" and current is not None and len(stack) == 1:
                events.append(_event(current, aliases))
                current = None
            if ended == "VTIMEZONE" and tz_id and tz_location:
                aliases[tz_id] = tz_location
            continue
        if stack and stack[-1] == "VEVENT" and current is not None:
            current.append(prop)
        elif stack and stack[-1] == "VTIMEZONE":
            if prop.name == "TZID":
                tz_id = prop.value.strip()
            elif prop.name == "X-LIC-LOCATION":
                tz_location = prop.value.strip()
    if stack:
        raise UserError(f"the calendar file ends inside {stack[-1]} (it is cut short)",
                        where="calendar file", hint="Download or export the invitation again.")
    if not events:
        raise UserError("the calendar file holds no event (no VEVENT)", where="calendar file",
                        hint="Export the interview itself from the calendar, or add the date "
                             "by hand.")
    return events


def _event(props: list[Property], aliases: dict[str, str]) -> IcsEvent:
    event = IcsEvent()
    duration: _dt.timedelta | None = None
    for prop in props:
        if prop.name == "SUMMARY":
            event.summary = unescape(prop.value).strip()
        elif prop.name == "LOCATION":
            event.location = unescape(prop.value).strip()
        elif prop.name == "DESCRIPTION":
            event.description = unescape(prop.value).strip()
        elif prop.name == "UID":
            event.uid = prop.value.strip()
        elif prop.name == "DTSTART":
            event.start = _date_value(prop, aliases, event)
        elif prop.name == "DTEND":
            event.end = _date_value(prop, aliases, event)
        elif prop.name == "DURATION":
            duration = _duration(prop.value, f"line {prop.line} (DURATION)")
    if event.start is None:
        what = f" {event.summary!r}" if event.summary else ""
        raise UserError(f"the event{what} has no start (DTSTART)", where="calendar file",
                        hint="Add the date by hand.")
    if event.end is None and duration is not None:
        event.end = event.start + duration
    return event


def read_ics(path: Path | str) -> list[IcsEvent]:
    """The events of a calendar file.

    Raises:
        UserError: unreadable, too large, not text, or not a calendar.
    """
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise UserError(f"the calendar file is {size // 1000} kB; an invitation is a few kB",
                            where=str(target), hint="Choose the invitation's own .ics file.")
        data = target.read_bytes()
    except OSError as exc:
        raise UserError(f"the calendar file cannot be read ({exc.strerror or exc})",
                        where=str(target), hint="Check that the file exists and is "
                                                 "readable.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise UserError("the calendar file is not text", where=str(target),
                            hint="Choose the .ics file of the invitation.") from None
    try:
        return read_ics_text(text)
    except UserError as exc:
        raise UserError(exc.message, where=f"{target.name}, {exc.where}" if exc.where
                        else target.name, hint=exc.hint) from None
