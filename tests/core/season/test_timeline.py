from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.errors import UserError
from workshop.core.programs.model import Program
from workshop.core.season.events import event_status, status_label
from workshop.core.season.season_file import season_path
from workshop.core.season.timeline import (
    UserDate,
    available_seasons,
    countdown,
    group_by_month,
    load_season,
    merge_timeline,
    next_events,
    rebase_season,
    timeline_text,
    user_dates_from_programs,
    with_countdowns,
)

TODAY = dt.date(2026, 9, 1)
INTERVIEW_SEASON = dt.date(2026, 12, 2)
EXPECTED_KEYS = {
    "myeras-opens", "eras-submission-opens", "nrmp-registration-opens", "programs-review",
    "nrmp-registration-deadline", "ranking-opens", "rank-order-list-deadline",
    "img-exam-reporting", "match-week-results", "soap-rounds", "match-day",
    "eras-season-ends"}


def _by_key() -> dict:
    return {e.key: e for e in load_season().events}


def test_season_file_has_every_date_of_the_2027_match() -> None:
    season = load_season()
    by_key = _by_key()
    assert set(by_key) == EXPECTED_KEYS
    assert season.match_year == 2027
    assert all(e.source and e.status in ("published", "estimated", "not-confirmed")
               for e in season.events)
    assert by_key["myeras-opens"].date == dt.date(2026, 6, 3)
    assert by_key["nrmp-registration-deadline"].date == dt.date(2027, 1, 31)
    assert "late fee" in by_key["nrmp-registration-deadline"].note
    assert by_key["ranking-opens"].date == dt.date(2027, 2, 1)
    assert by_key["eras-season-ends"].date == dt.date(2027, 5, 31)
    assert "2026-2027" in available_seasons()


def test_rol_deadline_is_not_confirmed_and_carries_the_img_exam_rule() -> None:
    by_key = _by_key()
    rol = by_key["rank-order-list-deadline"]
    assert rol.status == "not-confirmed" and rol.source == "NRMP calendars"
    assert "9 p.m. ET" in rol.title and "not confirmed" in rol.when
    assert "register late" in rol.note and "withdraw" in rol.note
    rule = by_key["img-exam-reporting"]
    assert rule.date == rol.date and rule.category == "ecfmg"
    assert rule.source == "NRMP FAQ" and "withdrawn" in rule.note
    assert "Step 1" in rule.title and "Step 2 CK" in rule.title
    assert rule.remind_days and rol.remind_days == (7, 1)
    assert status_label(rol, INTERVIEW_SEASON) == "not confirmed"


def test_match_week_dates() -> None:
    by_key = _by_key()
    results, soap, match = (by_key[k] for k in ("match-week-results", "soap-rounds",
                                                 "match-day"))
    assert results.date == dt.date(2027, 3, 15) and results.date.weekday() == 0
    assert "10 a.m. ET" in results.title
    assert (soap.date, soap.end) == (dt.date(2027, 3, 15), dt.date(2027, 3, 18))
    assert soap.end is not None and soap.end.weekday() == 3  # Thursday
    assert match.date == dt.date(2027, 3, 19) and match.date.weekday() == 4
    assert all(e.status == "not-confirmed" and "NRMP" in e.source
               for e in (results, soap, match))


def test_eras_sets_no_application_deadline() -> None:
    season = load_season()
    assert any("no application deadline" in n.text and n.source for n in season.notes)
    assert "not a deadline" in _by_key()["programs-review"].note.lower()
    assert not any("ERAS deadline" in e.title for e in season.events)


def test_past_is_derived_from_today() -> None:
    by_key = _by_key()
    myeras = by_key["myeras-opens"]
    assert myeras.status == "estimated"  # the file keeps what the source says
    assert event_status(myeras, dt.date(2026, 6, 1)) == "estimated"
    assert event_status(myeras, dt.date(2026, 6, 3)) == "estimated"  # the day itself
    assert event_status(myeras, INTERVIEW_SEASON) == "past"
    soap = by_key["soap-rounds"]
    assert event_status(soap, dt.date(2027, 3, 17)) == "not-confirmed"  # running
    assert event_status(soap, dt.date(2027, 3, 19)) == "past"
    items = {i.event.key: i for i in with_countdowns(load_season().events, INTERVIEW_SEASON)}
    assert items["programs-review"].status_label == "past"
    assert items["programs-review"].label == "Programs may start reviewing applications"
    assert items["nrmp-registration-deadline"].label.endswith("(estimated)")
    assert items["match-day"].label == "Match Day (not confirmed)"
    assert countdown(soap.date, dt.date(2027, 3, 16), soap.end) == "now, until March 18"


def test_season_is_picked_by_today_from_the_data_files(tmp_path: Path) -> None:
    current = season_path("2026-2027")
    (tmp_path / "2026-2027.toml").write_text(current.read_text(encoding="utf-8"),
                                             encoding="utf-8")
    (tmp_path / "2027-2028.toml").write_text(
        'season = "2027-2028"\nmatch_year = 2028\ntitle = "2027-28"\n'
        '[[events]]\nkey = "match-day"\ntitle = "Match Day"\ndate = 2028-03-17\n'
        'status = "not-confirmed"\nsource = "NRMP practice"\n', encoding="utf-8")
    assert available_seasons(tmp_path) == ["2026-2027", "2027-2028"]
    assert load_season(today=INTERVIEW_SEASON, folder=tmp_path).season == "2026-2027"
    assert load_season(today=dt.date(2027, 5, 31), folder=tmp_path).season == "2026-2027"
    assert load_season(today=dt.date(2027, 6, 1), folder=tmp_path).match_year == 2028
    assert load_season(today=dt.date(2030, 1, 1), folder=tmp_path).season == "2027-2028"
    assert load_season(folder=tmp_path).season == "2027-2028"  # no day: the newest
    with pytest.raises(UserError, match="no season file"):
        load_season(today=INTERVIEW_SEASON, folder=tmp_path / "empty")


def test_broken_season_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    cases = {
        "[[events]]\nkey = 'x'\ntitle = 'X'\nsource = 'me'\n": "needs a date",
        "[[events]\n": "cannot be read",
        "[[events]]\nkey = 'x'\ntitle = 'X'\ndate = 2026-01-01\n": "'source'",
        "[[events]]\nkey='x'\ntitle='X'\nsource='s'\ndate=2026-01-01\nstatus='past'\n":
            "status must be one of",
        "[[events]]\nkey='x'\ntitle='X'\nsource='s'\ndate=2026-01-02\nstatus='estimated'\n"
        "end=2026-01-01\n": "end must be",
        "[[events]]\nkey='x'\ntitle='X'\nsource='s'\ndate=2026-01-02\nstatus='estimated'\n"
        "remind=['soon']\n": "remind must",
        "[[events]]\nkey='x'\ntitle='X'\nsource='s'\ndate=2026-01-02\nstatus='estimated'\n"
        "[[events]]\nkey='x'\ntitle='Y'\nsource='s'\ndate=2026-01-03\nstatus='estimated'\n":
            "share the key",
        "[[notes]]\ntext=''\nsource='s'\n": "note needs",
    }
    for text, message in cases.items():
        bad.write_text("match_year = 2027\n" + text, encoding="utf-8")
        with pytest.raises(UserError, match=message):
            load_season(bad)
    bad.write_text("[[events]]\nkey='x'\ntitle='X'\nsource='s'\ndate=2026-01-01\n"
                   "status='published'\n", encoding="utf-8")
    with pytest.raises(UserError, match="match_year"):
        load_season(bad)


def test_merge_with_user_dates_and_programs() -> None:
    programs = [Program(name="Lakeview (SAMPLE)", id=3, program_deadline=dt.date(2026, 10, 1),
                        interview_date=dt.date(2026, 11, 12)),
                Program(name="Gone (SAMPLE)", id=4, status="withdrawn",
                        program_deadline=dt.date(2026, 10, 2))]
    letter = UserDate("Letter due: Dr. Ananya Iyer / अनन्या अय्यर", dt.date(2026, 9, 2),
                      "letter-due", ref="letter:1")
    own = user_dates_from_programs(programs)
    assert [d.kind for d in own] == ["program-deadline", "interview"]
    merged = merge_timeline(load_season(), [letter, letter, *own])
    titles = [e.title for e in merged]
    assert titles.count(letter.title) == 1
    assert "Deadline: Gone (SAMPLE)" not in titles
    same_day = [e for e in merged if e.date == dt.date(2026, 9, 2)]
    assert same_day[0].kind == "season" and same_day[1].kind == "letter-due"
    assert merged == sorted(merged, key=lambda e: e.date)
    deadline = next(e for e in merged if e.title == "Deadline: Lakeview (SAMPLE)")
    assert deadline.remind_days == (7, 1) and deadline.status == ""
    assert event_status(deadline, INTERVIEW_SEASON) == "past"
    assert event_status(deadline, TODAY) == "own"
    rol = [e.key for e in merged if e.date == dt.date(2027, 3, 3)]
    assert rol == ["rank-order-list-deadline", "img-exam-reporting"]  # the file's order
    with pytest.raises(UserError, match="unknown kind"):
        merge_timeline([], [UserDate("x", TODAY, "party")])
    with pytest.raises(UserError, match="unknown kind"):  # ERAS has no application deadline
        merge_timeline([], [UserDate("x", TODAY, "eras-deadline")])


def test_rebase_keeps_own_dates_and_swaps_the_season() -> None:
    own = [UserDate("Interview: Bayside", dt.date(2026, 12, 9), "interview", ref="program:1")]
    merged = merge_timeline(load_season(), own)
    other = load_season()
    other.events = other.events[:2]
    rebased = rebase_season(merged, other)
    assert [e.key for e in rebased if e.kind == "season"] == [e.key for e in other.events]
    assert [e.title for e in rebased if e.kind != "season"] == ["Interview: Bayside"]


def test_countdowns_and_months() -> None:
    assert countdown(TODAY, TODAY) == "today"
    assert countdown(dt.date(2026, 9, 2), TODAY) == "tomorrow"
    assert countdown(dt.date(2026, 8, 31), TODAY) == "yesterday"
    assert countdown(dt.date(2026, 9, 23), TODAY) == "in 22 days"
    assert countdown(dt.date(2026, 6, 3), TODAY) == "90 days ago"
    groups = group_by_month(load_season().events, TODAY)
    assert [g.label for g in groups] == ["June 2026", "September 2026", "January 2027",
                                         "February 2027", "March 2027", "May 2027"]
    assert groups[0].items[0].label == "MyERAS opens for applicants"  # past by Sept 1
    assert groups[0].items[0].status_label == "past"
    soon = next_events(load_season().events, TODAY, within_days=30)
    assert [i.event.key for i in soon] == ["eras-submission-opens", "nrmp-registration-opens",
                                           "programs-review"]
    text = timeline_text(load_season().events, TODAY)
    assert ("Match Day (not confirmed)  [in 199 days; not confirmed]  (source: NRMP practice; "
            "NRMP press release 2026)") in text
    assert "MyERAS opens for applicants  [90 days ago; past]" in text
    running = next_events(load_season().events, dt.date(2027, 3, 17), within_days=1)
    assert [i.event.key for i in running] == ["soap-rounds"]


@given(st.lists(st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 12, 31)),
                max_size=30))
def test_grouping_keeps_every_event_in_its_month(days: list[dt.date]) -> None:
    dates = [UserDate(f"d{i}", d, ref=str(i)) for i, d in enumerate(days)]
    groups = group_by_month(merge_timeline([], dates), TODAY)
    assert sum(len(g.items) for g in groups) == len(days)
    for group in groups:
        assert all((i.event.date.year, i.event.date.month) == (group.year, group.month)
                   for i in group.items)
    keys = [(g.year, g.month) for g in groups]
    assert keys == sorted(set(keys))


@given(st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2028, 1, 1)))
def test_a_date_is_past_exactly_when_its_last_day_is_before_today(today: dt.date) -> None:
    for event in load_season().events:
        status = event_status(event, today)
        assert (status == "past") == (event.last_day < today)
        if status != "past":
            assert status == event.status
