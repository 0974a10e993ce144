"""Progress numbers for the dashboard, computed from attempts in one pass.

Everything is derived from the attempts (which carry their category and target) and the review
states, so the dashboard needs no other query and 20,000 attempts stay fast
(``tests/benchmarks/test_drills_bench.py``). "Today" and the time zone are injected: a streak
is counted in the applicant's local days, and tests fix both.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from workshop.core.drills.attempts import RUBRIC_FIELDS, Attempt
from workshop.core.drills.scheduler import ReviewState


@dataclass(frozen=True, slots=True)
class CategoryTime:
    """Answer length against target for one category.

    Attributes:
        category: category id.
        attempts: timed answers (answered and rated; see :attr:`Attempt.timed`).
        mean_answer_seconds: average answer length, overtime included.
        mean_target_seconds: average target.
        over_target: how many answers ran past their target.
    """

    category: str
    attempts: int
    mean_answer_seconds: float
    mean_target_seconds: float
    over_target: int

    @property
    def ratio(self) -> float:
        """Mean answer / mean target: 1.0 is on time, above 1 runs long."""
        return self.mean_answer_seconds / self.mean_target_seconds if self.mean_target_seconds \
            else 0.0


@dataclass(frozen=True, slots=True)
class WeekTrend:
    """Mean rubric scores of the rated attempts of one week (starting Monday)."""

    week_start: dt.date
    rated: int
    structure: float
    conciseness: float
    content: float
    delivery: float

    @property
    def overall(self) -> float:
        """Mean of the four dimensions."""
        return (self.structure + self.conciseness + self.content + self.delivery) / 4


@dataclass(frozen=True, slots=True)
class Progress:
    """What the dashboard shows."""

    questions_practised: int
    attempts: int
    skipped: int
    practised_today: int
    due_today: int
    time_by_category: tuple[CategoryTime, ...]
    rubric_trend: tuple[WeekTrend, ...]
    current_streak: int
    longest_streak: int
    unrated: int = 0


def compute_progress(attempts: Iterable[Attempt], *, today: dt.date,
                     review_states: Iterable[ReviewState] = (),
                     tz: dt.tzinfo | None = None) -> Progress:
    """Summarise attempts for the dashboard.

    Args:
        attempts: any order; skipped ones count only in ``skipped``. Unrated answers count as
            practice (questions, today, streaks) and in ``unrated``, but never in the time
            against target: only timed answers (:attr:`Attempt.timed`) are averaged.
        today: the applicant's current local date (injected).
        review_states: scheduler states, for "due today".
        tz: the applicant's time zone; None uses the system's local zone.
    """
    questions: set[str] = set()
    days: set[dt.date] = set()
    answered = skipped = unrated = today_count = 0
    cat_sum: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0])
    week_sum: dict[dt.date, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0, 0.0])
    day_cache: dict[tuple[object, ...], dt.date] = {}
    for a in attempts:
        if a.skipped:
            skipped += 1
            continue
        answered += 1
        questions.add(a.question_id)
        stamp = a.started_at
        # Zone offsets are whole quarter hours, so a quarter-hour key maps to one local date;
        # caching it saves most of the astimezone() calls on a large history.
        key = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute // 15,
               stamp.utcoffset())
        day = day_cache.get(key)
        if day is None:
            day = day_cache[key] = stamp.astimezone(tz).date()
        days.add(day)
        if day == today:
            today_count += 1
        if a.rubric is None:
            unrated += 1
            continue
        c = cat_sum[a.category]
        c[0] += 1
        c[1] += a.answer_seconds
        c[2] += a.target_seconds
        c[3] += a.answer_seconds > a.target_seconds
        w = week_sum[day - dt.timedelta(days=day.weekday())]
        w[0] += 1
        w[1] += a.rubric.structure
        w[2] += a.rubric.conciseness
        w[3] += a.rubric.content
        w[4] += a.rubric.delivery
    due = sum(1 for s in review_states if s.due is not None and s.due <= today)
    return assemble(len(questions), answered, skipped, today_count, due, unrated,
                    cat_sum, week_sum, days, today)


def assemble(questions: int, answered: int, skipped: int, today_count: int, due: int,
             unrated: int, cat_sum: dict[str, list[float]],
             week_sum: dict[dt.date, list[float]], days: set[dt.date],
             today: dt.date) -> Progress:
    """The dashboard from its sums (per category: rated, answer and target seconds, over
    target; per week: rated and the four rubric sums), here and in ``progress_sql``."""
    current, longest = streaks(days, today)
    return Progress(
        questions_practised=questions,
        attempts=answered,
        skipped=skipped,
        practised_today=today_count,
        due_today=due,
        time_by_category=tuple(
            CategoryTime(cat, int(n), total / n, target / n, int(over))
            for cat, (n, total, target, over) in sorted(cat_sum.items())
        ),
        rubric_trend=tuple(
            WeekTrend(week, int(w[0]), *(w[i] / w[0] for i in range(1, len(RUBRIC_FIELDS) + 1)))
            for week, w in sorted(week_sum.items())
        ),
        current_streak=current,
        longest_streak=longest,
        unrated=unrated,
    )


def streaks(days: set[dt.date], today: dt.date) -> tuple[int, int]:
    """Current streak (alive if practised today or yesterday) and longest run of days."""
    longest = run = 0
    previous: dt.date | None = None
    for day in sorted(d for d in days if d <= today):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    start = today if today in days else today - dt.timedelta(days=1)
    current = 0
    while start in days:
        current += 1
        start -= dt.timedelta(days=1)
    return current, longest
