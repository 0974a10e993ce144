"""The dashboard's numbers summed by SQLite, per local day and category, not per attempt.

:func:`~workshop.core.drills.progress.compute_progress` reads every attempt into an object and
converts each time stamp to a local date: 0.5–0.9 s for 20,000 attempts (issue 20), and
growing with the history. Everything the dashboard shows is a sum over local days (streaks,
today, weekly rubric means) or over categories (time against target), so SQLite can group the
attempts by (local day, category) and hand back a few hundred rows.

The one subtle part is the local day. Stamps are stored in UTC (``2026-09-01T08:00:00.000Z``);
the applicant's offset from UTC changes only at daylight-saving transitions, so the time range
of the attempts is cut into spans of one constant offset (found by stepping a day at a time
and bisecting a change to the second), and SQLite shifts each stamp by its span's offset before
taking the date. Stamps in any other shape (none are written, but a file is a file) make the
whole summary fall back to the per-attempt computation, which parses what it can.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from workshop.core.drills.progress import Progress, assemble
from workshop.core.drills.scheduler import ReviewState

#: The shape every stored stamp has (``repository._stamp``), as an SQLite GLOB.
STAMP_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z"
_RATED = ("structure IS NOT NULL AND conciseness IS NOT NULL AND content IS NOT NULL "
          "AND delivery IS NOT NULL")


def _offset(moment: dt.datetime, tz: dt.tzinfo | None) -> int:
    """Seconds east of UTC at ``moment`` in ``tz`` (None: the system's zone)."""
    offset = moment.astimezone(tz).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def offset_spans(first: dt.datetime, last: dt.datetime,
                 tz: dt.tzinfo | None) -> list[tuple[dt.datetime, int]]:
    """(start, seconds east of UTC) for each span of one offset between two UTC moments.

    The first span starts at ``first``; a change is found by daily steps (zones change at
    most a few times a year, never twice a day) and bisected to the second.
    """
    spans = [(first, _offset(first, tz))]
    day = dt.timedelta(days=1)
    moment = first
    while moment < last:
        step = min(moment + day, last)
        if _offset(step, tz) != spans[-1][1]:
            low, high = moment, step  # offset(low) is the span's, offset(high) is new
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _offset(middle, tz) == spans[-1][1]:
                    low = middle
                else:
                    high = middle
            spans.append((high.replace(microsecond=0), _offset(high, tz)))
        moment = step
    return spans


def _stamp(moment: dt.datetime) -> str:
    return f"{moment.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%S}.000Z"


def _day_sql(spans: list[tuple[dt.datetime, int]]) -> tuple[str, list[object]]:
    """An SQL expression for a stamp's local date, and its arguments."""
    if len(spans) == 1:
        return "date(started_at, ? || ' seconds')", [f"{spans[0][1]:+d}"]
    cases: list[str] = []
    args: list[object] = []
    for (_start, offset), (following, _next) in zip(spans, spans[1:], strict=False):
        cases.append("WHEN started_at < ? THEN date(started_at, ? || ' seconds')")
        args += [_stamp(following), f"{offset:+d}"]
    args.append(f"{spans[-1][1]:+d}")
    return "CASE " + " ".join(cases) + " ELSE date(started_at, ? || ' seconds') END", args


def sql_progress(conn: sqlite3.Connection, *, today: dt.date,
                 review_states: Iterable[ReviewState] = (),
                 tz: dt.tzinfo | None = None) -> Progress | None:
    """The dashboard's numbers grouped in SQL; None when a stamp has another shape.

    Equal to ``compute_progress`` over the same attempts (the float sums up to rounding):
    ``tests/core/drills/test_progress_sql.py`` compares both in several zones.
    """
    # One scan for the count of skipped answers and stamps of another shape; the first and
    # last stamps and the distinct questions come from the indexes.
    skipped, odd = conn.execute("SELECT sum(skipped), sum(started_at NOT GLOB ?) FROM attempts",
                                (STAMP_GLOB,)).fetchone()
    if odd:
        return None
    first, last = conn.execute("SELECT min(started_at), max(started_at) FROM attempts").fetchone()
    questions = conn.execute("SELECT count(DISTINCT question_id) FROM attempts "
                             "WHERE skipped = 0").fetchone()[0]
    due = sum(1 for s in review_states if s.due is not None and s.due <= today)
    if first is None or not questions:
        return Progress(0, 0, int(skipped or 0), 0, due, (), (), 0, 0, 0)
    spans = offset_spans(dt.datetime.fromisoformat(first), dt.datetime.fromisoformat(last), tz)
    day_sql, args = _day_sql(spans)
    # r is 1 for a rated answer, 0 otherwise: the sums of r * x are the rated answers' sums.
    rows = conn.execute(
        "SELECT day, category, count(*), sum(r), sum(r * answer_seconds), "
        "sum(r * target_seconds), sum(r * (answer_seconds > target_seconds)), "
        "sum(r * structure), sum(r * conciseness), sum(r * content), sum(r * delivery) "
        f"FROM (SELECT {day_sql} AS day, category, ({_RATED}) AS r, answer_seconds, "
        "target_seconds, structure, conciseness, content, delivery "
        "FROM attempts WHERE skipped = 0) GROUP BY day, category", args).fetchall()
    days: set[dt.date] = set()
    answered = rated_total = today_count = 0
    cat_sum: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0])
    week_sum: dict[dt.date, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0, 0.0])
    for (day_text, category, count, rated, answer, target, over,
         structure, conciseness, content, delivery) in rows:
        day = dt.date.fromisoformat(day_text)
        days.add(day)
        answered += count
        if day == today:
            today_count += count
        if not rated:
            continue
        rated_total += rated
        c = cat_sum[category]
        c[0] += rated
        c[1] += answer
        c[2] += target
        c[3] += over
        w = week_sum[day - dt.timedelta(days=day.weekday())]
        w[0] += rated
        w[1] += structure
        w[2] += conciseness
        w[3] += content
        w[4] += delivery
    return assemble(int(questions), answered, int(skipped or 0), today_count, due,
                    answered - rated_total, cat_sum, week_sum, days, today)
