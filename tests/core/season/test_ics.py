from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.season.ics import escape_text, export_timeline_ics, fold, timeline_to_ics
from workshop.core.season.timeline import UserDate, load_season, merge_timeline

NOW = dt.datetime(2026, 9, 1, 12, 30, tzinfo=dt.UTC)
LONG = "Interview: Hospital Universitario del Caribe — Medicina Interna, Mayagüez; " * 3


def _events() -> list:
    return merge_timeline(load_season(), [
        UserDate("Letter due: Dr. Νίκος Παπαδάκης, Lakeview", dt.date(2026, 9, 10), "letter-due",
                 note="Letter ID pending;\nsend packet", ref="letter:2"),
        UserDate(LONG, dt.date(2026, 11, 12), "interview", ref="program:1"),
    ])


def test_parses_back_with_icalendar(tmp_path: Path) -> None:
    path = export_timeline_ics(_events(), tmp_path / "season.ics", now=NOW)
    data = path.read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 8
    by_summary = {str(e["SUMMARY"]): e for e in events}
    match = by_summary["Match Day (estimated)"]
    assert match.decoded("DTSTART") == dt.date(2027, 3, 19)
    assert match.decoded("DTEND") == dt.date(2027, 3, 20)
    assert "Source: NRMP practice" in str(match["DESCRIPTION"])
    assert str(match["STATUS"]) == "TENTATIVE"
    letter = by_summary["Letter due: Dr. Νίκος Παπαδάκης, Lakeview"]
    assert str(letter["DESCRIPTION"]) == "Letter ID pending;\nsend packet"
    assert LONG in by_summary
    assert len({str(e["UID"]) for e in events}) == 8
    assert all(e.decoded("DTSTAMP") == NOW for e in events)


def test_rfc5545_line_rules() -> None:
    text = timeline_to_ics(_events(), now=NOW)
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")


def test_uids_are_stable() -> None:
    first = timeline_to_ics(_events(), now=NOW)
    later = timeline_to_ics(_events(), now=NOW + dt.timedelta(days=3))
    uids = [ln for ln in first.splitlines() if ln.startswith("UID:")]
    assert uids == [ln for ln in later.splitlines() if ln.startswith("UID:")]


def test_escape() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


@given(st.text(max_size=300))
def test_folding_never_splits_characters(text: str) -> None:
    line = "SUMMARY:" + escape_text(text)
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line
