"""Export the timeline as an iCalendar file (RFC 5545) that any calendar app imports.

Written by hand rather than with a library: the subset needed is small (all-day VEVENTs with
display alarms), and the rules that matter are explicit here: CRLF line ends, lines folded at
75 octets without splitting a UTF-8 character, TEXT values escaped, a stable UID per event so
re-importing the file updates events instead of duplicating them, and a DTSTAMP in UTC.

Reminders are VALARMs relative to the all-day start, set for 9 a.m. local time on the day
(``N`` days before), since a reminder at midnight is one nobody sees. Reminders whose day has
already gone by at export time are left out, so an old deadline does not ring at once.

Interview notes (the applicant's impressions of a program) stay out of the file unless the
caller asks for them: a calendar is often shared or synced, and those notes are private.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from workshop import APP_NAME, __version__
from workshop.core.atomic import atomic_write_bytes
from workshop.core.season.events import STATUS_LABELS, TimelineEvent
from workshop.core.textio.bidi import strip_bidi_controls

CRLF: Final = "\r\n"
MAX_OCTETS: Final = 75
UID_DOMAIN: Final = "residency-workshop.invalid"
REMIND_HOUR: Final = 9  # local time on the reminder's day
#: Kinds of date whose note is private: an interview's note is the applicant's impressions of
#: the program (from the program's interview notes), not a reminder meant for a calendar.
PRIVATE_NOTE_KINDS: Final = frozenset({"interview"})


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11), bidi controls removed (a calendar shows
    them raw, and an override can disguise a title) without gluing words."""
    value = strip_bidi_controls(value)
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets (section 3.1).

    Continuation lines start with one space, which counts toward their 75 octets; a multi-byte
    UTF-8 character is never split.
    """
    out: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, MAX_OCTETS
        current += char
        size += width
    out.append(current)
    return CRLF.join(out)


def event_uid(event: TimelineEvent) -> str:
    """Stable UID: the same event exported twice keeps its UID."""
    digest = hashlib.sha256(event.key.encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _description(event: TimelineEvent, include_private: bool = False) -> str:
    parts = []
    if event.status in ("estimated", "not-confirmed"):
        label = "Estimated date" if event.status == "estimated" else (
            "Date not confirmed: check it with the source")
        parts.append(f"{label}. Known: {event.when}" if event.when else f"{label}.")
    elif event.when:
        parts.append(event.when)
    if event.note and (include_private or event.kind not in PRIVATE_NOTE_KINDS):
        parts.append(event.note)
    if event.source:
        parts.append(f"Source: {event.source}")
    return "\n".join(parts)


def _summary(event: TimelineEvent) -> str:
    if event.status in ("estimated", "not-confirmed"):
        return f"{event.title} ({STATUS_LABELS[event.status]})"
    return event.title


def alarm_trigger(days_before: int) -> str:
    """The TRIGGER duration for a reminder at :data:`REMIND_HOUR` ``days_before`` days ahead.

    Relative to an all-day event's start (midnight), e.g. 7 days -> ``-P6DT15H`` (9 a.m., seven
    days before); 0 days -> ``PT9H`` (9 a.m. on the day).
    """
    if days_before == 0:
        return f"PT{REMIND_HOUR}H"
    minus_hours = 24 - REMIND_HOUR
    days = days_before - 1
    return f"-P{days}DT{minus_hours}H" if days else f"-PT{minus_hours}H"


def _alarm_text(event: TimelineEvent, days_before: int) -> str:
    when = {0: "Today", 1: "Tomorrow"}.get(days_before, f"In {days_before} days")
    return f"{when}: {_summary(event)}"


def _alarms(event: TimelineEvent, today: _dt.date) -> list[str]:
    lines: list[str] = []
    for days in event.remind_days:
        if event.date - _dt.timedelta(days=days) < today:
            continue
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(_alarm_text(event, days))}",
            f"TRIGGER:{alarm_trigger(days)}",
            "END:VALARM",
        ]
    return lines


def timeline_to_ics(events: Iterable[TimelineEvent], *, now: _dt.datetime,
                    name: str = "Residency application season",
                    today: _dt.date | None = None, include_private: bool = False) -> str:
    """The calendar as text with CRLF line ends; every event is all-day, spans included.

    Args:
        events: timeline entries (see :func:`workshop.core.season.timeline.merge_timeline`).
        now: the DTSTAMP; a naive value is taken as UTC.
        name: the calendar's display name (X-WR-CALNAME, which most apps show).
        today: reminders whose day is before it are left out (default: ``now``'s day).
        include_private: also write the notes of :data:`PRIVATE_NOTE_KINDS` dates (interview
            notes). Off by default: a calendar file is often shared or synced to a server,
            and those notes are private.
    """
    utc = now.replace(tzinfo=_dt.UTC) if now.tzinfo is None else now.astimezone(_dt.UTC)
    stamp = utc.strftime("%Y%m%dT%H%M%SZ")
    day = today or now.date()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{APP_NAME}//{__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event_uid(event)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.date.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(event.last_day + _dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(_summary(event))}",
        ]
        description = _description(event, include_private)
        if description:
            lines.append(f"DESCRIPTION:{escape_text(description)}")
        lines += [
            f"CATEGORIES:{escape_text(event.kind_label)}",
            f"STATUS:{'TENTATIVE' if event.estimated else 'CONFIRMED'}",
            "TRANSP:TRANSPARENT",
            *_alarms(event, day),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def export_timeline_ics(events: Iterable[TimelineEvent], path: Path | str, *,
                        now: _dt.datetime | None = None,
                        today: _dt.date | None = None,
                        include_private: bool = False) -> Path:
    """Write the timeline to ``path`` as .ics, atomically.

    Args:
        now: the DTSTAMP (default: the clock, as the moment the file is made).
        today: the day that decides which reminders are still ahead (default: ``now``'s).
        include_private: see :func:`timeline_to_ics` (private notes are left out by default).

    Raises:
        WriteFailed: the previous file is unchanged.
    """
    moment = now or _dt.datetime.now(_dt.UTC)
    text = timeline_to_ics(events, now=moment, today=today, include_private=include_private)
    return atomic_write_bytes(path, text.encode("utf-8"), mode=0o644)
