"""Time zones (shown in two zones, clear messages) and conflict detection."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.core.errors import UserError
from workshop.core.interviews.conflicts import find_conflicts
from workshop.core.interviews.in_workspace import slot_times
from workshop.core.interviews.model import Invitation, Slot, StatusEvent
from workshop.core.interviews.zones import parse_date, parse_time, zone
from workshop.core.season.events import TimelineEvent
from workshop.core.season.timeline import UserDate

T = dt.time


def scheduled(pid: int, day: dt.date, start: T | None, end: T | None, tz: str) -> Invitation:
    return Invitation(pid, status="scheduled", time_zone=tz,
                      slots=[Slot(day, tz, start, end, chosen=True)],
                      events=[StatusEvent("scheduled", day)])


def test_a_9am_los_angeles_interview_shows_as_11am_in_chicago() -> None:
    slot = Slot(dt.date(2026, 12, 9), "America/Los_Angeles", T(9, 0), T(13, 0))
    program_time, your_time = slot_times(slot, "America/Chicago")
    assert program_time == "Wed Dec 9, 9:00 AM–1:00 PM PST"
    assert your_time == "11:00 AM–3:00 PM CST"
    assert slot_times(slot, "America/Chicago", always_date=True)[1] == \
        "Wed Dec 9, 11:00 AM–3:00 PM CST"  # for a list that shows it alone


def test_a_time_that_lands_on_another_day_says_the_day() -> None:
    slot = Slot(dt.date(2026, 12, 9), "America/Los_Angeles", T(20, 0), None)
    _program, yours = slot_times(slot, "Africa/Cairo")
    assert yours.startswith("Thu Dec 10, 6:00 AM")


def test_unknown_zone_is_a_clear_message_not_a_traceback() -> None:
    with pytest.raises(UserError) as info:
        zone("America/Chicgo")
    assert "unknown time zone 'America/Chicgo'" in str(info.value)
    assert "America/Chicago" in info.value.hint
    with pytest.raises(UserError):
        zone("../../etc/passwd")
    slot = Slot(dt.date(2026, 12, 9), "Mars/Olympus", T(9, 0))
    program_time, _ = slot_times(slot, "America/Chicago")
    assert "unknown time zone" in program_time


@pytest.mark.parametrize("text", ["2026-13-01", "12/09/2026", "tomorrow", "2026-02-30"])
def test_dates_that_cannot_be_read_say_the_shape(text: str) -> None:
    with pytest.raises(UserError) as info:
        parse_date(text, "respond-by date")
    assert "YYYY-MM-DD" in info.value.hint and "respond-by date" in str(info.value)


def test_times_in_both_styles() -> None:
    assert parse_time("9:30 am") == T(9, 30)
    assert parse_time("12 pm") == T(12, 0)
    assert parse_time("12:15 a.m.") == T(0, 15)
    assert parse_time("14:05") == T(14, 5)
    assert parse_time("") is None
    for bad in ("25:00", "13 pm", "noon"):
        with pytest.raises(UserError):
            parse_time(bad)


def test_overlap_across_zones_is_a_problem() -> None:
    day = dt.date(2026, 12, 9)
    # 9:00-13:00 Los Angeles = 11:00-15:00 Chicago; 14:00 Chicago is inside it
    invitations = [scheduled(1, day, T(9, 0), T(13, 0), "America/Los_Angeles"),
                   scheduled(2, day, T(14, 0), T(16, 0), "America/Chicago")]
    found = find_conflicts(invitations, {1: "West", 2: "Midwest"},
                           applicant_zone="America/Chicago")
    assert [c.kind for c in found] == ["overlap"]
    assert found[0].severity == "problem"
    assert "West" in found[0].text and "Midwest" in found[0].text


def test_same_day_without_overlap_is_a_warning() -> None:
    day = dt.date(2026, 12, 9)
    invitations = [scheduled(1, day, T(8, 0), T(11, 0), "America/New_York"),
                   scheduled(2, day, T(9, 0), T(13, 0), "America/Los_Angeles")]
    found = find_conflicts(invitations, {1: "East", 2: "West"}, applicant_zone="America/Chicago")
    assert [c.kind for c in found] == ["same-day"]


def test_same_day_is_the_applicants_day() -> None:
    # 20:00 Los Angeles on Dec 9 is Dec 10 in Cairo; a Dec 10 Cairo-morning interview shares it
    invitations = [scheduled(1, dt.date(2026, 12, 9), T(20, 0), T(21, 0), "America/Los_Angeles"),
                   scheduled(2, dt.date(2026, 12, 10), T(9, 0), T(10, 0), "America/New_York")]
    in_cairo = find_conflicts(invitations, {1: "A", 2: "B"}, applicant_zone="Africa/Cairo")
    assert [c.kind for c in in_cairo] == ["same-day"]
    assert find_conflicts(invitations, {1: "A", 2: "B"}) == []


def test_an_offered_date_that_clashes_is_noted() -> None:
    day = dt.date(2026, 12, 9)
    invited = Invitation(3, status="invited", slots=[Slot(day, "America/Denver", T(10, 0))])
    found = find_conflicts([scheduled(1, day, T(9, 0), T(13, 0), "America/Denver"), invited],
                           {1: "A", 3: "C"})
    assert [c.kind for c in found] == ["offered-clash"]


def test_missing_end_time_is_assumed_and_said() -> None:
    day = dt.date(2026, 12, 9)
    found = find_conflicts([scheduled(1, day, T(9, 0), None, "America/Chicago"),
                            scheduled(2, day, T(12, 0), T(13, 0), "America/Chicago")],
                           {1: "A", 2: "B"})
    assert found[0].kind == "overlap" and "assumed 4 hours" in found[0].text


def test_letters_season_and_rol_deadline() -> None:
    day = dt.date(2027, 3, 15)
    rol = TimelineEvent("rank-order-list-deadline", "ROL deadline", dt.date(2027, 3, 3),
                        status="not-confirmed", when="Early March")
    soap = TimelineEvent("soap-rounds", "SOAP rounds", dt.date(2027, 3, 15),
                         end=dt.date(2027, 3, 18))
    letter = UserDate("Letter due: Dr. Iyer", day, "letter-due")
    found = find_conflicts([scheduled(1, day, T(9, 0), T(10, 0), "America/Chicago")], {1: "A"},
                           letter_dates=[letter], season=[rol, soap])
    assert {c.kind for c in found} == {"letter-due", "season", "after-rol"}


def test_respond_by_soon_and_past() -> None:
    today = dt.date(2026, 12, 2)
    soon = Invitation(1, respond_by=dt.date(2026, 12, 4))
    late = Invitation(2, respond_by=dt.date(2026, 11, 30))
    found = find_conflicts([soon, late], {1: "Soon", 2: "Late"}, today=today)
    texts = " ".join(c.text for c in found)
    assert "in 2 days" in texts and "was due 2026-11-30" in texts


def test_no_tz_database_says_install_tzdata(monkeypatch: pytest.MonkeyPatch) -> None:
    import zoneinfo

    def missing(_name: str) -> None:
        raise zoneinfo.ZoneInfoNotFoundError("No time zone found with key America/Chicago")

    monkeypatch.setattr(zoneinfo, "ZoneInfo", missing)
    monkeypatch.setattr(zoneinfo, "available_timezones", lambda: set())
    with pytest.raises(UserError) as info:
        zone("America/Chicago")
    assert "no time zone database" in str(info.value) and "tzdata" in info.value.hint
