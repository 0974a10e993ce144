"""Spaced repetition for interview answers: Leitner boxes, driven by the self-review rubric.

Why Leitner and not SM-2: SM-2 (SuperMemo, Anki's ancestor) tunes a per-item ease factor from
many precise recall grades over months or years. Interview practice has neither: the rating is a
coarse self-assessment (the 1-5 rubric, averaged), an applicant rehearses perhaps 30-80
questions, and the whole season lasts about four months, so an ease factor never has time to
settle and its drift is hard to explain on screen. Leitner boxes are transparent ("this answer
is in box 4 of 6, back in 7 days"), monotone by construction, and need no tuning.

The rules, from the overall rating ``r`` (1-5) and the current box ``b`` (1-6):

* ``r <= 2`` (weak): back to box 1 and counted as a lapse;
* ``r == 3`` (fair): down one box (never below 1), so a merely adequate answer is not parked;
* ``r == 4`` (strong): up one box;
* ``r == 5`` (excellent): up two boxes (capped at 6).

The next due date is ``today + INTERVAL_DAYS[box]``. The intervals (1, 2, 4, 7, 14, 21 days)
roughly double and stop at three weeks, because an answer unrehearsed for longer than that is
rusty by interview day. A question never rated behaves as if it sat in box 1. Since the new box
never decreases as the rating rises and the intervals never shrink as the box rises, an item
rated weak is never due later than the same item rated strong (tested with hypothesis).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from workshop.core.errors import UserError

INTERVAL_DAYS: tuple[int, ...] = (1, 2, 4, 7, 14, 21)
BOXES = len(INTERVAL_DAYS)
MIN_RATING = 1
MAX_RATING = 5
WEAK_AT_MOST = 2


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Where one question stands in the schedule.

    Attributes:
        question_id: bank or user question id.
        box: Leitner box, 1 (every day) to 6 (every three weeks).
        due: the first day the question is due again.
        last_reviewed: the day of the last rating, None before the first.
        reviews: how many ratings so far.
        lapses: how many of those were weak.
    """

    question_id: str
    box: int = 1
    due: dt.date | None = None
    last_reviewed: dt.date | None = None
    reviews: int = 0
    lapses: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.box <= BOXES:
            raise ValueError(f"box {self.box} is outside 1-{BOXES}")

    @property
    def interval_days(self) -> int:
        """Days between reviews at this box."""
        return INTERVAL_DAYS[self.box - 1]

    def is_due(self, today: dt.date) -> bool:
        """A question never scheduled is due; otherwise when its date has come."""
        return self.due is None or self.due <= today


def next_box(box: int, rating: int) -> int:
    """The box after a rating; see the module docstring for the rules."""
    _check_rating(rating)
    if rating <= WEAK_AT_MOST:
        return 1
    if rating == 3:
        return max(1, box - 1)
    step = 1 if rating == 4 else 2
    return min(BOXES, box + step)


def review(state: ReviewState | None, question_id: str, rating: int,
           today: dt.date) -> ReviewState:
    """Apply one rating given on ``today``; return the new state.

    Args:
        state: the question's current state, or None if it was never rated.
        question_id: the question (used when ``state`` is None).
        rating: overall rubric rating 1-5 (see :func:`overall_rating`).
        today: the day of the rating (injected, so tests pick the date).

    Raises:
        UserError: the rating is outside 1-5.
    """
    current = state or ReviewState(question_id)
    box = next_box(current.box, rating)
    return ReviewState(
        question_id=current.question_id,
        box=box,
        due=today + dt.timedelta(days=INTERVAL_DAYS[box - 1]),
        last_reviewed=today,
        reviews=current.reviews + 1,
        lapses=current.lapses + (1 if rating <= WEAK_AT_MOST else 0),
    )


def overall_rating(scores: Iterable[int]) -> int:
    """One 1-5 rating from rubric scores: their mean, rounded half up.

    Half up, so a 3-3-4-4 answer counts as strong (4): the applicant has earned the longer
    interval and the weakest dimension still shows in the rubric trend.
    """
    values = list(scores)
    if not values:
        raise UserError("A rating needs at least one rubric score.")
    for value in values:
        _check_rating(value)
    return int(sum(values) / len(values) + 0.5)


def due_order(states: Iterable[ReviewState], today: dt.date) -> list[ReviewState]:
    """Due states, most overdue first, then lowest box (the shakiest answers)."""
    due = [s for s in states if s.is_due(today)]
    return sorted(due, key=lambda s: (s.due or dt.date.min, s.box, s.question_id))


def _check_rating(rating: int) -> None:
    if isinstance(rating, bool) or not isinstance(rating, int):
        raise UserError(f"A rating must be a whole number from {MIN_RATING} to {MAX_RATING}.")
    if not MIN_RATING <= rating <= MAX_RATING:
        raise UserError(
            f"A rating of {rating} is outside {MIN_RATING}-{MAX_RATING}.",
            hint="Rate each rubric line from 1 (weak) to 5 (excellent).",
        )
