"""Benchmark: the progress dashboard over 20,000 attempts read from a workspace database.

Runs as a plain test in the normal (``--benchmark-disable``) run; no timing is asserted.
Measure with ``.venv/bin/pytest tests/benchmarks/test_drills_bench.py --benchmark-enable``.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest

from workshop.core.drills import repository as repo
from workshop.core.drills.attempts import Attempt, Rubric
from workshop.core.drills.bank import load_bank
from workshop.core.drills.progress import Progress
from workshop.core.drills.schema import DRILLS_SCHEMA_SQL

ATTEMPTS = 20_000
TODAY = dt.date(2027, 2, 15)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("drills") / "workspace.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(DRILLS_SCHEMA_SQL)
    rng = random.Random(2027)
    questions = list(load_bank().answerable())
    start = dt.datetime(2026, 9, 1, 8, tzinfo=dt.UTC)
    conn.execute("BEGIN")
    for i in range(ATTEMPTS):
        q = rng.choice(questions)
        answer = rng.uniform(30, 180)
        rated = rng.random() < 0.8
        attempt = Attempt(
            q.id, start + dt.timedelta(minutes=i * 12 + rng.randint(0, 10)),
            rng.uniform(0, 10), answer, max(0.0, answer - q.answer_seconds), 1,
            q.category, q.answer_seconds,
            rubric=Rubric(*(rng.randint(1, 5) for _ in range(4))) if rated else None,
        )
        repo.add_attempt(conn, attempt, today=attempt.started_at.date())
    conn.execute("COMMIT")
    conn.close()
    return path


def dashboard(path: Path) -> Progress:
    conn = sqlite3.connect(path)
    try:
        return repo.load_progress(conn, today=TODAY, tz=dt.UTC)
    finally:
        conn.close()


def test_progress_over_20000_attempts(benchmark, database: Path) -> None:  # type: ignore[no-untyped-def]
    progress = benchmark(dashboard, database)
    assert progress.attempts == ATTEMPTS
    assert progress.questions_practised > 100
    assert progress.rubric_trend and progress.time_by_category
    assert progress.longest_streak >= 7
