"""The SQL-summed dashboard equals the per-attempt one, in any zone, across DST changes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sqlite3
from zoneinfo import ZoneInfo

import pytest

from workshop.core.drills import repository as repo
from workshop.core.drills.attempts import Attempt, Rubric
from workshop.core.drills.progress import Progress, compute_progress
from workshop.core.drills.progress_sql import offset_spans, sql_progress
from workshop.core.drills.schema import DRILLS_SCHEMA_SQL

ZONES = ["UTC", "Asia/Kathmandu", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati",
         "America/St_Johns"]
CATEGORIES = ["introduction", "ethics", "fit", "clinical"]


def _conn() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.executescript(DRILLS_SCHEMA_SQL)
    return conn


def _history(conn: sqlite3.Connection, count: int, seed: int) -> list[Attempt]:
    """Attempts over Sept 2026 – Apr 2027 (both DST changes), bunched near midnights."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
    saved: list[Attempt] = []
    conn.execute("BEGIN")
    for _ in range(count):
        moment = start + dt.timedelta(days=rng.randint(0, 220), hours=rng.choice(
            [0, 1, 4, 5, 10, 13, 18, 23]), minutes=rng.randint(0, 59), seconds=rng.random() * 60)
        answer = rng.uniform(20, 200)
        skipped = rng.random() < 0.1
        rated = not skipped and rng.random() < 0.7
        attempt = Attempt(
            f"q-{rng.randint(1, 40):03d}", moment, rng.uniform(0, 10),
            0.0 if skipped else answer, 0.0, 0 if skipped else 1, rng.choice(CATEGORIES),
            rng.choice([60, 90, 120]), skipped=skipped,
            rubric=Rubric(*(rng.randint(1, 5) for _ in range(4))) if rated else None)
        saved.append(repo.add_attempt(conn, attempt))
    conn.execute("COMMIT")
    return saved


def _assert_same(got: Progress, want: Progress) -> None:
    for field in dataclasses.fields(Progress):
        a, b = getattr(got, field.name), getattr(want, field.name)
        if field.name in ("time_by_category", "rubric_trend"):
            assert len(a) == len(b), field.name
            for x, y in zip(a, b, strict=True):
                for sub in dataclasses.fields(x):
                    xv, yv = getattr(x, sub.name), getattr(y, sub.name)
                    assert xv == (pytest.approx(yv) if isinstance(yv, float) else yv), \
                        (field.name, sub.name)
        else:
            assert a == b, field.name


@pytest.mark.parametrize("zone", ZONES)
def test_equals_the_per_attempt_summary(zone: str) -> None:
    conn = _conn()
    attempts = _history(conn, 1500, seed=len(zone))
    tz = ZoneInfo(zone)
    for today in (dt.date(2026, 11, 1), dt.date(2027, 3, 14), dt.date(2027, 4, 9)):
        want = compute_progress(attempts, today=today, tz=tz)
        got = sql_progress(conn, today=today, tz=tz)
        assert got is not None
        _assert_same(got, want)
        assert got.attempts > 1000 and got.rubric_trend  # a real history, not an empty one


def test_load_progress_uses_it_and_falls_back_on_an_odd_stamp() -> None:
    conn = _conn()
    attempts = _history(conn, 300, seed=7)
    tz = ZoneInfo("Asia/Kathmandu")
    today = dt.date(2027, 1, 5)
    _assert_same(repo.load_progress(conn, today=today, tz=tz),
                 compute_progress(attempts, today=today, tz=tz))
    conn.execute("UPDATE attempts SET started_at = '2027-01-05T09:30:00+05:45' WHERE id = 1")
    assert sql_progress(conn, today=today, tz=tz) is None
    fixed = [dataclasses.replace(a, started_at=dt.datetime(2027, 1, 5, 9, 30, tzinfo=tz))
             if a.id == 1 else a for a in attempts]
    _assert_same(repo.load_progress(conn, today=today, tz=tz),
                 compute_progress(fixed, today=today, tz=tz))


def test_an_empty_history() -> None:
    progress = sql_progress(_conn(), today=dt.date(2027, 1, 5), tz=dt.UTC)
    assert progress is not None
    assert (progress.attempts, progress.questions_practised, progress.current_streak) == (0, 0, 0)
    assert progress.time_by_category == () and progress.rubric_trend == ()


def test_offset_spans_find_both_new_york_changes_to_the_second() -> None:
    tz = ZoneInfo("America/New_York")
    spans = offset_spans(dt.datetime(2026, 9, 1, tzinfo=dt.UTC),
                         dt.datetime(2027, 4, 1, tzinfo=dt.UTC), tz)
    assert [(start.isoformat(), offset) for start, offset in spans] == [
        ("2026-09-01T00:00:00+00:00", -4 * 3600),
        ("2026-11-01T06:00:00+00:00", -5 * 3600),  # 2:00 EDT -> 1:00 EST
        ("2027-03-14T07:00:00+00:00", -4 * 3600),  # 2:00 EST -> 3:00 EDT
    ]
