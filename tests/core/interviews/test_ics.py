"""The .ics reader (files made here, in the shapes Thalamus, Outlook and mail clients write) and
the export with TZID, VTIMEZONE and VALARM reminders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from workshop.core.errors import UserError
from workshop.core.interviews.ics_read import read_ics, read_ics_text
from workshop.core.interviews.ics_write import ExportItem, interviews_to_ics
from workshop.core.interviews.model import Invitation, Slot

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "interviews"
NOW = dt.datetime(2026, 12, 2, 15, 0, tzinfo=dt.UTC)


def test_thalamus_file_with_tzid_folding_and_escapes() -> None:
    [event] = read_ics(FIXTURES / "thalamus_riverside.ics")
    assert event.summary == ("Interview Day - Riverside Community Medical Center Internal "
                             "Medicine (9990140C0)")
    assert event.description == ("Your interview with Riverside IM, Riverside, CA.\nJoin from "
                                 "Thalamus 15 minutes early.")
    assert event.zone_name == "America/Los_Angeles"
    assert event.start == dt.datetime(2026, 12, 16, 9, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert event.end == dt.datetime(2026, 12, 16, 13, 0,
                                    tzinfo=ZoneInfo("America/Los_Angeles"))
    assert event.uid == "thalamus-12345@example.org"


def test_outlook_windows_zone_name_and_duration() -> None:
    [event] = read_ics(FIXTURES / "outlook_lakeview.ics")
    assert event.zone_name == "America/Chicago"
    assert event.start == dt.datetime(2027, 1, 6, 8, 0, tzinfo=ZoneInfo("America/Chicago"))
    assert event.end == dt.datetime(2027, 1, 6, 12, 30, tzinfo=ZoneInfo("America/Chicago"))


def test_utc_floating_and_all_day() -> None:
    utc, floating, all_day = read_ics(FIXTURES / "mixed_forms.ics")
    assert utc.start == dt.datetime(2026, 12, 14, 15, 0, tzinfo=dt.UTC)
    assert isinstance(floating.start, dt.datetime) and floating.start.tzinfo is None
    assert floating.zone_name == ""
    assert all_day.all_day and all_day.start == dt.date(2027, 1, 7)


def test_unknown_tzid_is_a_warning_not_a_crash() -> None:
    text = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=Mars Standard Time:20261209T090000\n"
            "SUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n")
    [event] = read_ics_text(text)
    assert event.zone_name == "" and "Mars Standard Time" in event.warnings[0]


@pytest.mark.parametrize(("text", "says"), [
    ("", "not a calendar"),
    ("Hello, this is an e-mail", "not a calendar"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261209T090000\n", "cut short"),
    ("BEGIN:VCALENDAR\nEND:VCALENDAR\n", "no event"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026-12-09\nEND:VEVENT\nEND:VCALENDAR\n",
     "cannot be read"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261332T090000\nEND:VEVENT\nEND:VCALENDAR\n",
     "does not exist"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n", "no start"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nthis line has no colon\nEND:VEVENT\nEND:VCALENDAR\n",
     "no ':'"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261209\nDURATION:forever\nEND:VEVENT\n"
     "END:VCALENDAR\n", "duration"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n", "is open"),
])
def test_broken_files_say_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(UserError) as info:
        read_ics_text(text)
    assert says in str(info.value)


def test_unreadable_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot be read"):
        read_ics(tmp_path / "missing.ics")
    big = tmp_path / "big.ics"
    big.write_bytes(b"x" * 1_100_000)
    with pytest.raises(UserError, match="kB"):
        read_ics(big)
    binary = tmp_path / "photo.ics"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UserError):
        read_ics(binary)


def _items() -> list[ExportItem]:
    la = Invitation(1, status="scheduled", mode="virtual", platform="thalamus",
                    location="Zoom; link, in Thalamus")
    la.slots = [Slot(dt.date(2026, 12, 9), "America/Los_Angeles", dt.time(9), dt.time(13),
                     chosen=True)]
    day_only = Invitation(2, status="scheduled")
    day_only.slots = [Slot(dt.date(2027, 1, 7), "America/Denver", chosen=True)]
    return [ExportItem(1, "Riverside (SAMPLE)", la, la.slots[0]),
            ExportItem(2, "Summit Valley (SAMPLE)", day_only, day_only.slots[0])]


def test_export_has_tzid_vtimezone_and_valarm() -> None:
    text = interviews_to_ics(_items(), now=NOW, applicant_zone="America/Chicago")
    assert "DTSTART;TZID=America/Los_Angeles:20261209T090000\r\n" in text
    assert "DTEND;TZID=America/Los_Angeles:20261209T130000\r\n" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\n" in text
    assert text.count("BEGIN:VALARM") == 3  # day before and an hour before; day-only: one
    assert "TRIGGER:-PT1H" in text and "TRIGGER:-P1D" in text
    assert "DTSTART;VALUE=DATE:20270107" in text
    assert "LOCATION:Zoom\\; link\\, in Thalamus" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "11:00 AM CST for you" in text.replace("\r\n ", "")


def test_export_reads_back_with_our_reader_and_icalendar() -> None:
    text = interviews_to_ics(_items(), now=NOW, applicant_zone="America/Chicago")
    first, second = read_ics_text(text)
    la = ZoneInfo("America/Los_Angeles")
    assert first.start == dt.datetime(2026, 12, 9, 9, tzinfo=la)
    assert first.start.astimezone(ZoneInfo("America/Chicago")).hour == 11
    assert second.all_day
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(text)
    events = [c for c in calendar.walk("VEVENT")]
    start = events[0].decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=-8)
    assert [c.name for c in events[0].subcomponents] == ["VALARM", "VALARM"]
    zones = [c for c in calendar.walk("VTIMEZONE")]
    assert [str(z["TZID"]) for z in zones] == ["America/Los_Angeles"]


def test_vtimezone_offsets_match_the_tz_database() -> None:
    from workshop.core.interviews.ics_write import vtimezone

    lines = vtimezone("America/Chicago", [2027])
    text = "\n".join(lines)
    assert "BEGIN:DAYLIGHT\nDTSTART:20270314T020000\nTZOFFSETFROM:-0600\nTZOFFSETTO:-0500" in text
    assert "BEGIN:STANDARD\nDTSTART:20271107T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0600" in text
    phoenix = "\n".join(vtimezone("America/Phoenix", [2027]))
    assert "TZOFFSETFROM:-0700\nTZOFFSETTO:-0700" in phoenix
