from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.season.ics import (
    alarm_trigger,
    escape_text,
    export_timeline_ics,
    fold,
    timeline_to_ics,
)
from workshop.core.season.timeline import UserDate, load_season, merge_timeline

NOW = dt.datetime(2026, 9, 1, 12, 30, tzinfo=dt.UTC)
SEASON_EVENTS = 12
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
    assert len(events) == SEASON_EVENTS + 2
    by_summary = {str(e["SUMMARY"]): e for e in events}
    match = by_summary["Match Day (not confirmed)"]
    assert match.decoded("DTSTART") == dt.date(2027, 3, 19)
    assert match.decoded("DTEND") == dt.date(2027, 3, 20)
    assert "Source: NRMP practice" in str(match["DESCRIPTION"])
    assert str(match["DESCRIPTION"]).startswith(
        "Date not confirmed: check it with the source. Known: Third Friday")
    assert str(match["STATUS"]) == "TENTATIVE"
    assert str(match["CATEGORIES"].to_ical(), "utf-8") == "NRMP"
    soap = by_summary["SOAP rounds (Monday to Thursday of Match Week) (not confirmed)"]
    assert soap.decoded("DTEND") == dt.date(2027, 3, 19)  # exclusive: through Thursday
    rule = by_summary["IMGs: Step 1 and Step 2 CK passed and reported by ECFMG (not confirmed)"]
    assert "withdrawn" in str(rule["DESCRIPTION"]) and "Source: NRMP FAQ" in str(
        rule["DESCRIPTION"])
    letter = by_summary["Letter due: Dr. Νίκος Παπαδάκης, Lakeview"]
    assert str(letter["DESCRIPTION"]) == "Letter ID pending;\nsend packet"
    assert LONG in by_summary
    assert len({str(e["UID"]) for e in events}) == SEASON_EVENTS + 2
    assert all(e.decoded("DTSTAMP") == NOW for e in events)


def test_reminders_before_deadlines() -> None:
    calendar = icalendar.Calendar.from_ical(timeline_to_ics(_events(), now=NOW))
    by_summary = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    rol = by_summary["NRMP rank-order list deadline, 9 p.m. ET (not confirmed)"]
    alarms = rol.walk("VALARM")
    assert [a.decoded("TRIGGER") for a in alarms] == [-dt.timedelta(days=6, hours=15),
                                                      -dt.timedelta(hours=15)]
    assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)
    assert str(alarms[0]["DESCRIPTION"]).startswith("In 7 days: NRMP rank-order list")
    assert str(alarms[1]["DESCRIPTION"]).startswith("Tomorrow: ")
    registration = by_summary["NRMP standard registration deadline (estimated)"]
    assert len(registration.walk("VALARM")) == 2
    letter = by_summary["Letter due: Dr. Νίκος Παπαδάκης, Lakeview"]  # Sept 10, 9 days ahead
    assert [a.decoded("TRIGGER") for a in letter.walk("VALARM")] == [
        -dt.timedelta(days=6, hours=15), -dt.timedelta(hours=15)]
    assert not by_summary["Match Day (not confirmed)"].walk("VALARM")  # not a deadline
    # a reminder whose day has gone by is left out; so are all of a past date's
    later = icalendar.Calendar.from_ical(
        timeline_to_ics(_events(), now=dt.datetime(2026, 9, 5, 8, 0, tzinfo=dt.UTC)))
    letter = {str(e["SUMMARY"]): e for e in later.walk("VEVENT")}[
        "Letter due: Dr. Νίκος Παπαδάκης, Lakeview"]
    assert [a.decoded("TRIGGER") for a in letter.walk("VALARM")] == [-dt.timedelta(hours=15)]
    text = timeline_to_ics(_events(), now=dt.datetime(2027, 4, 1, tzinfo=dt.UTC))
    assert text.count("BEGIN:VALARM") == 0


def test_alarm_trigger_durations() -> None:
    assert alarm_trigger(0) == "PT9H"
    assert alarm_trigger(1) == "-PT15H"
    assert alarm_trigger(7) == "-P6DT15H"
    assert alarm_trigger(30) == "-P29DT15H"


def test_rfc5545_line_rules() -> None:
    text = timeline_to_ics(_events(), now=NOW)
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.count("BEGIN:VALARM") == text.count("END:VALARM") > 0
    assert text.count("BEGIN:VEVENT") == text.count("END:VEVENT") == SEASON_EVENTS + 2
    # every VALARM sits inside a VEVENT and has its three required properties
    for block in text.split("BEGIN:VALARM\r\n")[1:]:
        body = block.split("END:VALARM")[0]
        assert "ACTION:DISPLAY\r\n" in body and "TRIGGER:" in body and "DESCRIPTION:" in body
    assert "\r\nDTSTAMP:20260901T123000Z\r\n" in text


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


def test_naive_now_is_utc_and_today_can_be_injected() -> None:
    naive = timeline_to_ics(_events(), now=NOW.replace(tzinfo=None))
    assert naive == timeline_to_ics(_events(), now=NOW)
    # the day that decides which reminders are ahead is injectable apart from the DTSTAMP
    late = timeline_to_ics(_events(), now=NOW, today=dt.date(2027, 3, 2))
    assert "DTSTAMP:20260901T123000Z" in late
    assert late.count("BEGIN:VALARM") == 3  # ROL and IMG rule: tomorrow's; Match Week: 1 day
