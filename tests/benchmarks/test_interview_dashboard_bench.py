"""Benchmark: opening the Progress dashboard over 20,000 attempts, end to end.

Load (worker thread, read-only connection) + compute + build both QtCharts charts on the GUI
thread, measured from ``refresh()`` to the ``loaded`` signal. Runs as a plain test in the normal
(``--benchmark-disable``) run; no timing is asserted. Measure with
``.venv/bin/pytest tests/benchmarks/test_interview_dashboard_bench.py --benchmark-enable``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402
import random  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from workshop.core.drills import repository as repo  # noqa: E402
from workshop.core.drills.attempts import Attempt, Rubric  # noqa: E402
from workshop.core.drills.bank import load_bank  # noqa: E402
from workshop.core.services import init_workspace  # noqa: E402

ATTEMPTS = 20_000
TODAY = dt.date(2027, 2, 15)


@pytest.fixture(scope="module")
def workspace_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dash") / "big.workshop"
    ws = init_workspace(path)
    rng = random.Random(2027)
    questions = list(load_bank().answerable())
    start = dt.datetime(2026, 9, 1, 8, tzinfo=dt.UTC)
    with repo.transaction(ws.conn):
        for i in range(ATTEMPTS):
            q = rng.choice(questions)
            answer = rng.uniform(30, 180)
            attempt = Attempt(
                q.id, start + dt.timedelta(minutes=i * 12 + rng.randint(0, 10)),
                rng.uniform(0, 10), answer, max(0.0, answer - q.answer_seconds), 1,
                q.category, q.answer_seconds,
                rubric=Rubric(*(rng.randint(1, 5) for _ in range(4)))
                if rng.random() < 0.8 else None,
            )
            repo.add_attempt(ws.conn, attempt, today=attempt.started_at.date())
    ws.close()
    return path


def test_open_dashboard_with_20000_attempts(benchmark, qtbot, workspace_path: Path) -> None:  # type: ignore[no-untyped-def]
    from workshop.ui.interview.dashboard import Dashboard
    from workshop.ui.operations import Operations

    runner = Operations()
    titles = {c.id: c.title for c in load_bank().categories}
    opened: list[Dashboard] = []

    def open_dashboard() -> Dashboard:
        dashboard = Dashboard(runner, workspace_path, lambda: TODAY, titles)
        qtbot.addWidget(dashboard)
        with qtbot.waitSignal(dashboard.loaded, timeout=60_000):
            dashboard.refresh()
        opened.append(dashboard)
        return dashboard

    dashboard = benchmark.pedantic(open_dashboard, rounds=5, iterations=1)
    progress = dashboard.progress
    assert progress is not None and progress.attempts == ATTEMPTS
    assert dashboard.cards["practised"].number.text() == str(progress.questions_practised)
    trend, times = dashboard.charts
    assert len(trend.series()) == 5 and len(trend.series()[0].points()) == len(
        progress.rubric_trend)
    assert times.series()[0].barSets()[0].count() == len(progress.time_by_category)
    runner.wait()
