"""Leitner scheduling: properties over any state and rating (hypothesis), plus the rules."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.drills.scheduler import (
    BOXES,
    INTERVAL_DAYS,
    ReviewState,
    due_order,
    next_box,
    overall_rating,
    review,
)
from workshop.core.errors import UserError

TODAY = dt.date(2026, 11, 2)

days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31))
ratings = st.integers(min_value=1, max_value=5)


@st.composite
def states(draw: st.DrawFn) -> ReviewState | None:
    if draw(st.booleans()):
        return None
    reviews = draw(st.integers(min_value=0, max_value=200))
    return ReviewState(
        "q-001",
        box=draw(st.integers(min_value=1, max_value=BOXES)),
        due=draw(st.none() | days),
        last_reviewed=draw(st.none() | days),
        reviews=reviews,
        lapses=draw(st.integers(min_value=0, max_value=reviews)),
    )


@given(state=states(), weak=ratings, strong=ratings, today=days)
def test_weaker_rating_is_never_scheduled_later(state: ReviewState | None, weak: int,
                                                strong: int, today: dt.date) -> None:
    weak, strong = min(weak, strong), max(weak, strong)
    weak_due = review(state, "q-001", weak, today).due
    strong_due = review(state, "q-001", strong, today).due
    assert weak_due is not None and strong_due is not None
    assert weak_due <= strong_due


@given(state=states(), rating=ratings, today=days)
def test_interval_is_positive_and_box_in_range(state: ReviewState | None, rating: int,
                                               today: dt.date) -> None:
    after = review(state, "q-001", rating, today)
    assert after.due is not None and after.due > today
    assert 1 <= after.box <= BOXES
    assert (after.due - today).days == INTERVAL_DAYS[after.box - 1]
    assert after.last_reviewed == today
    assert after.reviews == (state.reviews if state else 0) + 1
    assert after.lapses <= after.reviews


@given(state=states(), today=days)
def test_weak_always_comes_back_tomorrow(state: ReviewState | None, today: dt.date) -> None:
    for rating in (1, 2):
        after = review(state, "q-001", rating, today)
        assert after.box == 1 and after.due == today + dt.timedelta(days=1)
        assert after.lapses == (state.lapses if state else 0) + 1


@given(box=st.integers(min_value=1, max_value=BOXES), rating=ratings)
def test_box_moves_monotonically_with_rating(box: int, rating: int) -> None:
    if rating < 5:
        assert next_box(box, rating) <= next_box(box, rating + 1)
    if rating >= 4:
        assert next_box(box, rating) >= box


def test_repeated_strong_ratings_reach_the_top_box() -> None:
    state = None
    day = TODAY
    for _ in range(BOXES):
        state = review(state, "intro-001", 4, day)
        day = state.due or day
    assert state is not None and state.box == BOXES
    assert state.interval_days == INTERVAL_DAYS[-1]


def test_fair_rating_moves_down_one_box() -> None:
    state = ReviewState("intro-001", box=5, due=TODAY)
    assert review(state, "intro-001", 3, TODAY).box == 4
    assert review(ReviewState("intro-001"), "intro-001", 3, TODAY).box == 1


@pytest.mark.parametrize("scores, expected", [
    ((1, 1, 1, 1), 1), ((3, 3, 4, 4), 4), ((2, 3, 3, 3), 3), ((5, 5, 5, 4), 5), ((2, 2, 3, 2), 2),
])
def test_overall_rating_rounds_half_up(scores: tuple[int, ...], expected: int) -> None:
    assert overall_rating(scores) == expected


@pytest.mark.parametrize("bad", [0, 6, -1, True, 2.5])
def test_bad_ratings_are_user_errors(bad: object) -> None:
    with pytest.raises(UserError, match="rating"):
        review(None, "q", bad, TODAY)  # type: ignore[arg-type]


def test_overall_rating_needs_scores() -> None:
    with pytest.raises(UserError):
        overall_rating([])


def test_due_order_most_overdue_then_lowest_box() -> None:
    states = [
        ReviewState("a", box=3, due=TODAY),
        ReviewState("b", box=1, due=TODAY),
        ReviewState("c", box=6, due=TODAY - dt.timedelta(days=9)),
        ReviewState("d", box=1, due=TODAY + dt.timedelta(days=1)),
        ReviewState("e"),
    ]
    assert [s.question_id for s in due_order(states, TODAY)] == ["e", "c", "b", "a"]


def test_state_rejects_box_out_of_range() -> None:
    with pytest.raises(ValueError):
        ReviewState("q", box=7)
