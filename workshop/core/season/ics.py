"""Export the timeline as an iCalendar file (RFC 5545) that any calendar app imports.

Written by hand rather than with a library: the subset needed is small (all-day VEVENTs), and
the rules that matter are explicit here: CRLF line ends, lines folded at 75 octets without
splitting a UTF-8 character, TEXT values escaped, a stable UID per event so re-importing the
file updates events instead of duplicating them, and a DTSTAMP in UTC.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from workshop import APP_NAME, __version__
from workshop.core.atomic import atomic_write_bytes
from workshop.core.season.timeline import KIND_LABELS, TimelineEvent

CRLF: Final = "\r\n"
MAX_OCTETS: Final = 75
UID_DOMAIN: Final = "residency-workshop.invalid"


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11)."""
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


def _description(event: TimelineEvent) -> str:
    parts = []
    if event.estimated:
        parts.append(f"Estimated date. Known: {event.when}" if event.when else "Estimated date.")
    elif event.when:
        parts.append(event.when)
    if event.note:
        parts.append(event.note)
    if event.source:
        parts.append(f"Source: {event.source}")
    return "\n".join(parts)


def timeline_to_ics(events: Iterable[TimelineEvent], *, now: _dt.datetime,
                    name: str = "Residency application season") -> str:
    """The calendar as text with CRLF line ends; every event is all-day.

    Args:
        events: timeline entries (see :func:`workshop.core.season.timeline.merge_timeline`).
        now: the DTSTAMP; a naive value is taken as UTC.
        name: the calendar's display name (X-WR-CALNAME, which most apps show).
    """
    stamp = (now if now.tzinfo is None else now.astimezone(_dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{APP_NAME}//{__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        title = f"{event.title} (estimated)" if event.estimated else event.title
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event_uid(event)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.date.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(event.date + _dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(title)}",
        ]
        description = _description(event)
        if description:
            lines.append(f"DESCRIPTION:{escape_text(description)}")
        lines += [
            f"CATEGORIES:{escape_text(KIND_LABELS.get(event.kind, event.kind))}",
            f"STATUS:{'TENTATIVE' if event.estimated else 'CONFIRMED'}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def export_timeline_ics(events: Iterable[TimelineEvent], path: Path | str, *,
                        now: _dt.datetime | None = None) -> Path:
    """Write the timeline to ``path`` as .ics, atomically.

    Raises:
        WriteFailed: the previous file is unchanged.
    """
    moment = now or _dt.datetime.now(_dt.UTC)
    return atomic_write_bytes(path, timeline_to_ics(events, now=moment).encode("utf-8"),
                              mode=0o644)
