from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.errors import UserError
from workshop.core.programs.model import Program
from workshop.core.season.timeline import (
    UserDate,
    available_seasons,
    countdown,
    group_by_month,
    load_season,
    merge_timeline,
    next_events,
    timeline_text,
    user_dates_from_programs,
)

TODAY = dt.date(2026, 9, 1)


def test_season_file_matches_facts() -> None:
    season = load_season()
    by_key = {e.key: e for e in season.events}
    assert set(by_key) == {"myeras-opens", "eras-submission-opens", "nrmp-registration-opens",
                           "programs-review", "rank-order-list-deadline", "match-day"}
    assert by_key["myeras-opens"].date == dt.date(2026, 6, 3)
    assert by_key["match-day"].date == dt.date(2027, 3, 19)
    assert by_key["match-day"].date.weekday() == 4  # a Friday
    assert all(e.source and e.estimated for e in season.events)
    assert "2026-2027" in available_seasons()


def test_broken_season_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[events]]\nkey = 'x'\ntitle = 'X'\nsource = 'me'\n", encoding="utf-8")
    with pytest.raises(UserError, match="needs a date"):
        load_season(bad)
    bad.write_text("[[events]\n", encoding="utf-8")
    with pytest.raises(UserError, match="cannot be read"):
        load_season(bad)
    bad.write_text("[[events]]\nkey = 'x'\ntitle = 'X'\ndate = 2026-01-01\n", encoding="utf-8")
    with pytest.raises(UserError, match="'source'"):
        load_season(bad)


def test_merge_with_user_dates_and_programs() -> None:
    programs = [Program(name="Lakeview (SAMPLE)", id=3, program_deadline=dt.date(2026, 10, 1),
                        interview_date=dt.date(2026, 11, 12), eras_deadline=dt.date(2026, 9, 24)),
                Program(name="Gone (SAMPLE)", id=4, status="withdrawn",
                        program_deadline=dt.date(2026, 10, 2))]
    letter = UserDate("Letter due: Dr. Ananya Iyer / अनन्या अय्यर", dt.date(2026, 9, 2),
                      "letter-due", ref="letter:1")
    merged = merge_timeline(load_season(), [letter, letter, *user_dates_from_programs(programs)])
    titles = [e.title for e in merged]
    assert titles.count(letter.title) == 1
    assert "Deadline: Gone (SAMPLE)" not in titles
    same_day = [e for e in merged if e.date == dt.date(2026, 9, 2)]
    assert same_day[0].kind == "season" and same_day[1].kind == "letter-due"
    assert merged == sorted(merged, key=lambda e: e.date)
    with pytest.raises(UserError, match="unknown kind"):
        merge_timeline([], [UserDate("x", TODAY, "party")])


def test_countdowns_and_months() -> None:
    assert countdown(TODAY, TODAY) == "today"
    assert countdown(dt.date(2026, 9, 2), TODAY) == "tomorrow"
    assert countdown(dt.date(2026, 8, 31), TODAY) == "yesterday"
    assert countdown(dt.date(2026, 9, 23), TODAY) == "in 22 days"
    assert countdown(dt.date(2026, 6, 3), TODAY) == "90 days ago"
    groups = group_by_month(load_season().events, TODAY)
    assert [g.label for g in groups] == ["June 2026", "September 2026", "March 2027"]
    assert groups[0].items[0].label == "MyERAS opens for applicants (estimated)"
    soon = next_events(load_season().events, TODAY, within_days=30)
    assert [i.event.key for i in soon] == ["eras-submission-opens", "nrmp-registration-opens",
                                           "programs-review"]
    assert "Match Day (estimated)  [in 199 days]" in timeline_text(load_season().events, TODAY)


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
