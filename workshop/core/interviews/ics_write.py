"""Export scheduled interviews as an iCalendar file with reminders (RFC 5545).

Each interview keeps its own zone: ``DTSTART;TZID=America/Los_Angeles:20261209T090000`` with a
VTIMEZONE for every zone used (section 3.6.5 wants one per TZID), built from the tz database for
the years the interviews fall in. Two VALARMs remind the day before and an hour before (the
day before at 9 a.m. for a date without a time). Folding and TEXT escaping are the season
export's (:mod:`workshop.core.season.ics`), reused as they are.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from workshop import APP_NAME, __version__
from workshop.core.atomic import atomic_write_bytes
from workshop.core.interviews.model import MODE_LABELS, PLATFORM_LABELS, Invitation, Slot
from workshop.core.interviews.zones import aware, clock, in_zone, short_name, zone
from workshop.core.season.ics import CRLF, UID_DOMAIN, alarm_trigger, escape_text, fold

#: Reminders before a timed interview (ISO 8601 durations for TRIGGER).
TIMED_REMINDERS: Final = (("-P1D", "Tomorrow"), ("-PT1H", "In one hour"))


@dataclass(frozen=True)
class ExportItem:
    """One interview to export: the program's name and the chosen slot."""

    program_id: int
    name: str
    invitation: Invitation
    slot: Slot


def export_items(invitations: Iterable[Invitation], names: dict[int, str]) -> list[ExportItem]:
    """Scheduled interviews with a chosen date, in date order."""
    items = [ExportItem(i.program_id, names.get(i.program_id, f"program {i.program_id}"), i,
                        i.chosen)
             for i in invitations if i.status == "scheduled" and i.chosen is not None]
    return sorted(items, key=lambda x: (x.slot.day, x.slot.start_time or _dt.time(0)))


def _local(moment: _dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _offset(delta: _dt.timedelta | None) -> str:
    minutes = int((delta or _dt.timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def _transitions(zone_name: str, years: Sequence[int]) -> list[tuple[_dt.datetime, bool]]:
    """(UTC instant, is daylight after it) of every offset change in ``years``."""
    tz = zone(zone_name)
    found: list[tuple[_dt.datetime, bool]] = []
    for year in years:
        moment = _dt.datetime(year, 1, 1, tzinfo=_dt.UTC)
        end = _dt.datetime(year + 1, 1, 1, tzinfo=_dt.UTC)
        while moment < end:
            nxt = moment + _dt.timedelta(days=1)
            if moment.astimezone(tz).utcoffset() != nxt.astimezone(tz).utcoffset():
                hour = moment
                while hour.astimezone(tz).utcoffset() == moment.astimezone(tz).utcoffset():
                    hour += _dt.timedelta(minutes=15)
                found.append((hour, bool(hour.astimezone(tz).dst())))
            moment = nxt
    return found


def vtimezone(zone_name: str, years: Sequence[int]) -> list[str]:
    """A VTIMEZONE for ``zone_name`` covering ``years`` (one observance per change)."""
    tz = zone(zone_name)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone_name}", f"X-LIC-LOCATION:{zone_name}"]
    changes = _transitions(zone_name, years)
    if not changes:
        sample = _dt.datetime(min(years), 1, 1, tzinfo=_dt.UTC).astimezone(tz)
        lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000",
                  f"TZOFFSETFROM:{_offset(sample.utcoffset())}",
                  f"TZOFFSETTO:{_offset(sample.utcoffset())}",
                  f"TZNAME:{short_name(sample)}", "END:STANDARD"]
    for instant, daylight in changes:
        before = (instant - _dt.timedelta(minutes=1)).astimezone(tz)
        after = instant.astimezone(tz)
        kind = "DAYLIGHT" if daylight else "STANDARD"
        start = (instant + (before.utcoffset() or _dt.timedelta())).replace(tzinfo=None)
        lines += [f"BEGIN:{kind}", f"DTSTART:{_local(start)}",
                  f"TZOFFSETFROM:{_offset(before.utcoffset())}",
                  f"TZOFFSETTO:{_offset(after.utcoffset())}",
                  f"TZNAME:{short_name(after)}", f"END:{kind}"]
    lines.append("END:VTIMEZONE")
    return lines


def interview_uid(item: ExportItem) -> str:
    digest = hashlib.sha256(f"interview:{item.program_id}:{item.name}".encode()).hexdigest()
    return f"{digest[:32]}@{UID_DOMAIN}"


def _description(item: ExportItem, applicant_zone: str) -> str:
    inv = item.invitation
    parts: list[str] = []
    how = " · ".join(p for p in (MODE_LABELS[inv.mode] if inv.mode else "",
                                 PLATFORM_LABELS[inv.platform] if inv.platform else "",
                                 inv.platform_note) if p)
    if how:
        parts.append(how)
    if item.slot.start_time is not None:
        start = aware(item.slot.day, item.slot.start_time, item.slot.time_zone)
        text = f"{clock(start)} {short_name(start)} ({item.slot.time_zone})"
        if applicant_zone and applicant_zone != item.slot.time_zone:
            mine = in_zone(start, applicant_zone)
            text += f"; {clock(mine)} {short_name(mine)} for you ({applicant_zone})"
        parts.append(text)
    if inv.location:
        parts.append(inv.location)
    parts.append("Programs may not ask where they rank on your list or where else you "
                 "interview (NRMP).")
    return "\n".join(parts)


def interviews_to_ics(items: Sequence[ExportItem], *, now: _dt.datetime,
                      applicant_zone: str = "",
                      name: str = "Residency interviews") -> str:
    """The interviews as calendar text (CRLF line ends, folded lines).

    Raises:
        UserError: an interview's zone is unknown (the message names it).
    """
    utc = now.replace(tzinfo=_dt.UTC) if now.tzinfo is None else now.astimezone(_dt.UTC)
    stamp = utc.strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//{APP_NAME}//{__version__}//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}"]
    zones = sorted({i.slot.time_zone for i in items if i.slot.start_time is not None})
    years = sorted({i.slot.day.year for i in items} | {i.slot.day.year - 1 for i in items})
    for zone_name in zones:
        lines += vtimezone(zone_name, years)
    for item in items:
        slot = item.slot
        summary = f"Interview: {item.name}"
        lines += ["BEGIN:VEVENT", f"UID:{interview_uid(item)}", f"DTSTAMP:{stamp}"]
        if slot.start_time is None:
            lines += [f"DTSTART;VALUE=DATE:{slot.day.strftime('%Y%m%d')}",
                      f"DTEND;VALUE=DATE:{(slot.day + _dt.timedelta(days=1)).strftime('%Y%m%d')}"]
        else:
            start = aware(slot.day, slot.start_time, slot.time_zone)
            end = (aware(slot.day, slot.end_time, slot.time_zone) if slot.end_time
                   else start + _dt.timedelta(hours=4))
            lines += [f"DTSTART;TZID={slot.time_zone}:{_local(start)}",
                      f"DTEND;TZID={slot.time_zone}:{_local(end)}"]
        lines += [f"SUMMARY:{escape_text(summary)}",
                  f"DESCRIPTION:{escape_text(_description(item, applicant_zone))}"]
        if item.invitation.location:
            lines.append(f"LOCATION:{escape_text(item.invitation.location)}")
        lines += ["CATEGORIES:Interview", "STATUS:CONFIRMED"]
        if slot.start_time is None:
            reminders = [(alarm_trigger(1), "Tomorrow")]
        else:
            reminders = list(TIMED_REMINDERS)
        for trigger, when in reminders:
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY",
                      f"DESCRIPTION:{escape_text(f'{when}: {summary}')}",
                      f"TRIGGER:{trigger}", "END:VALARM"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def export_interviews_ics(items: Sequence[ExportItem], path: Path | str, *,
                          now: _dt.datetime, applicant_zone: str = "") -> Path:
    """Write the file atomically (the previous file is unchanged on failure)."""
    text = interviews_to_ics(items, now=now, applicant_zone=applicant_zone)
    return atomic_write_bytes(path, text.encode("utf-8"), mode=0o644)
