"""Dashboard numbers from attempts: practised, due, time against target, weekly trend, streak."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.drills.attempts import AnswerNotes, Attempt, Rubric
from workshop.core.drills.progress import compute_progress
from workshop.core.drills.scheduler import ReviewState
from workshop.core.errors import UserError

UTC = dt.UTC
TODAY = dt.date(2026, 11, 4)  # a Wednesday


def attempt(day: dt.date, qid: str = "intro-001", *, answer: float = 100, target: int = 120,
            category: str = "introduction", rubric: Rubric | None = None, skipped: bool = False,
            hour: int = 12, tz: dt.tzinfo = UTC) -> Attempt:
    return Attempt(qid, dt.datetime.combine(day, dt.time(hour), tzinfo=tz), 5, answer,
                   max(0.0, answer - target), 0 if skipped else 1, category, target,
                   rubric=rubric, skipped=skipped)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def test_counts_and_due() -> None:
    attempts = [attempt(TODAY), attempt(TODAY, "ethic-001", category="ethics"),
                attempt(days_ago(1)), attempt(days_ago(2), "fit-001", skipped=True)]
    states = [ReviewState("intro-001", due=TODAY), ReviewState("ethic-001", due=days_ago(3)),
              ReviewState("fit-001", due=TODAY + dt.timedelta(days=1))]
    p = compute_progress(attempts, today=TODAY, review_states=states, tz=UTC)
    assert p.questions_practised == 2
    assert p.attempts == 3 and p.skipped == 1
    assert p.practised_today == 2
    assert p.due_today == 2


def test_time_against_target_per_category() -> None:
    good = Rubric(3, 3, 3, 3)
    attempts = [attempt(TODAY, answer=100, rubric=good), attempt(TODAY, answer=140, rubric=good),
                attempt(TODAY, "ethic-001", answer=45, target=90, category="ethics",
                        rubric=good)]
    p = compute_progress(attempts, today=TODAY, tz=UTC)
    by_cat = {c.category: c for c in p.time_by_category}
    intro = by_cat["introduction"]
    assert (intro.attempts, intro.mean_answer_seconds, intro.over_target) == (2, 120, 1)
    assert intro.ratio == pytest.approx(1.0)
    assert by_cat["ethics"].ratio == pytest.approx(0.5)
    assert [c.category for c in p.time_by_category] == ["ethics", "introduction"]


def test_rubric_trend_by_monday_week_and_unrated_ignored() -> None:
    monday = dt.date(2026, 11, 2)
    attempts = [
        attempt(monday, rubric=Rubric(2, 2, 2, 2)),
        attempt(monday + dt.timedelta(days=2), rubric=Rubric(4, 4, 4, 4)),
        attempt(monday + dt.timedelta(days=1)),  # unrated
        attempt(monday - dt.timedelta(days=1), rubric=Rubric(1, 2, 3, 4)),  # Sunday: week before
    ]
    p = compute_progress(attempts, today=TODAY, tz=UTC)
    assert [w.week_start for w in p.rubric_trend] == [dt.date(2026, 10, 26), monday]
    last = p.rubric_trend[-1]
    assert last.rated == 2 and last.structure == 3 and last.overall == 3
    assert p.rubric_trend[0].overall == pytest.approx(2.5)


def test_streaks() -> None:
    attempts = [attempt(days_ago(n)) for n in (0, 1, 2, 5, 6, 7, 8)]
    p = compute_progress(attempts, today=TODAY, tz=UTC)
    assert (p.current_streak, p.longest_streak) == (3, 4)


def test_streak_alive_until_today_is_over() -> None:
    p = compute_progress([attempt(days_ago(n)) for n in (1, 2)], today=TODAY, tz=UTC)
    assert p.current_streak == 2
    p = compute_progress([attempt(days_ago(n)) for n in (2, 3)], today=TODAY, tz=UTC)
    assert p.current_streak == 0 and p.longest_streak == 2


def test_streak_uses_local_days() -> None:
    cairo = dt.timezone(dt.timedelta(hours=2))
    # 23:30 UTC on the 3rd is already the 4th in Cairo.
    late = attempt(days_ago(1), hour=23, tz=UTC)
    late = Attempt(late.question_id, late.started_at.replace(minute=30), 0, 60, 0, 1,
                   "introduction", 120)
    assert compute_progress([late], today=TODAY, tz=cairo).practised_today == 1
    assert compute_progress([late], today=TODAY, tz=UTC).practised_today == 0


def test_skipped_only_and_empty() -> None:
    p = compute_progress([], today=TODAY, tz=UTC)
    assert (p.attempts, p.questions_practised, p.current_streak, p.time_by_category) == (
        0, 0, 0, ())
    p = compute_progress([attempt(TODAY, skipped=True)], today=TODAY, tz=UTC)
    assert p.current_streak == 0 and p.skipped == 1


@given(offsets=st.sets(st.integers(min_value=0, max_value=60), max_size=40))
def test_streak_properties(offsets: set[int]) -> None:
    p = compute_progress([attempt(days_ago(n)) for n in offsets], today=TODAY, tz=UTC)
    assert 0 <= p.current_streak <= p.longest_streak <= len(offsets)
    if 0 in offsets:
        assert p.current_streak >= 1
    expected = 0
    start = 0 if 0 in offsets else 1
    while start + expected in offsets:
        expected += 1
    assert p.current_streak == expected


def test_attempt_validation() -> None:
    base = attempt(TODAY)
    with pytest.raises(UserError, match="time zone"):
        Attempt("q", dt.datetime(2026, 1, 1), 0, 1, 0, 1, "c", 60)
    with pytest.raises(UserError, match="answer_seconds"):
        Attempt("q", base.started_at, 0, -1, 0, 1, "c", 60)
    with pytest.raises(UserError, match="takes"):
        Attempt("q", base.started_at, 0, 1, 0, 0, "c", 60)
    with pytest.raises(UserError, match="drill mode"):
        Attempt("q", base.started_at, 0, 1, 0, 1, "c", 60, mode="karaoke")
    with pytest.raises(UserError, match="Rubric 'delivery'"):
        Rubric(3, 3, 3, 6)
    with pytest.raises(UserError, match="Rubric 'structure'"):
        Rubric(True, 3, 3, 3)  # type: ignore[arg-type]
    with pytest.raises(UserError, match="'action'"):
        AnswerNotes("q", action="x" * 20_001)
    assert AnswerNotes("q").is_empty and not AnswerNotes("q", result="r").is_empty


def test_skipped_and_unrated_answers_are_not_timed() -> None:
    good = Rubric(4, 4, 4, 4)
    attempts = [attempt(TODAY, answer=110, rubric=good),
                attempt(TODAY, answer=2),  # Esc two seconds in, kept but never rated
                attempt(TODAY, answer=0, skipped=True)]
    p = compute_progress(attempts, today=TODAY, tz=UTC)
    (intro,) = p.time_by_category
    assert (intro.attempts, intro.mean_answer_seconds) == (1, 110)
    assert (p.attempts, p.unrated, p.skipped) == (2, 1, 1)
    assert p.practised_today == 2  # unrated practice still counts as practice
    assert [w.rated for w in p.rubric_trend] == [1]
