"""Time the progress dashboard's numbers on a tenth of the attempts and on all of them.

Run as ``python -m workshop.harness.dashboard_open SMALL LARGE ROUNDS``; prints one JSON line.
Two drills databases are filled with SMALL and LARGE attempts (one every ~12 minutes from
September, 80 % rated, as the pytest benchmark does), then ``load_progress`` (the SQL sums)
and the per-attempt ``compute_progress`` it replaced are timed alternately, ROUNDS times each:

- ``large_ms``/``small_ms``: medians of ``load_progress``; ``growth`` the median of the paired
  large/small ratios (1.0 would be flat in the number of attempts, 10.0 linear);
- ``per_attempt_ms`` and ``speedup``: the per-attempt path on LARGE, and the median of the
  paired ratios per-attempt / SQL, in the same loop.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

TODAY = dt.date(2027, 2, 15)
ZONE = ZoneInfo("America/New_York")


def fill(path: Path, count: int, span_minutes: int) -> None:
    """A drills database with ``count`` attempts spread over ``span_minutes``."""
    from workshop.core.drills import repository as repo
    from workshop.core.drills.attempts import Attempt, Rubric
    from workshop.core.drills.bank import load_bank
    from workshop.core.drills.schema import DRILLS_SCHEMA_SQL

    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(DRILLS_SCHEMA_SQL)
    rng = random.Random(2027)
    questions = list(load_bank().answerable())
    start = dt.datetime(2026, 9, 1, 8, tzinfo=dt.UTC)
    step = span_minutes / count
    conn.execute("BEGIN")
    for i in range(count):
        q = rng.choice(questions)
        answer = rng.uniform(30, 180)
        repo.add_attempt(conn, Attempt(
            q.id, start + dt.timedelta(minutes=i * step + rng.randint(0, 10)),
            rng.uniform(0, 10), answer, max(0.0, answer - q.answer_seconds), 1, q.category,
            q.answer_seconds,
            rubric=Rubric(*(rng.randint(1, 5) for _ in range(4))) if rng.random() < 0.8
            else None))
    conn.execute("COMMIT")
    conn.close()


def _time(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def main(small: int, large: int, rounds: int) -> dict[str, float]:
    from workshop.core.drills import repository as repo
    from workshop.core.drills.progress import compute_progress

    folder = Path(tempfile.mkdtemp(prefix="workshop-dashboard-"))
    span = large * 12  # the large history's span: the small one is as long, only sparser
    paths = {n: folder / f"{n}.sqlite" for n in (small, large)}
    for count, path in paths.items():
        fill(path, count, span)

    def sql(path: Path) -> None:
        with sqlite3.connect(path) as conn:
            repo.load_progress(conn, today=TODAY, tz=ZONE)

    def per_attempt(path: Path) -> None:
        with sqlite3.connect(path) as conn:
            compute_progress(repo.list_attempts(conn), today=TODAY,
                             review_states=repo.list_review_states(conn), tz=ZONE)

    smalls, larges, olds = [], [], []
    sql(paths[small])  # warm the imports and the file cache
    for _ in range(rounds):
        smalls.append(_time(lambda: sql(paths[small])))
        larges.append(_time(lambda: sql(paths[large])))
        olds.append(_time(lambda: per_attempt(paths[large])))
    return {
        "small": small, "large": large,
        "small_ms": round(statistics.median(smalls), 1),
        "large_ms": round(statistics.median(larges), 1),
        "growth": round(statistics.median(b / a for a, b in zip(smalls, larges, strict=True)), 2),
        "per_attempt_ms": round(statistics.median(olds), 1),
        "speedup": round(statistics.median(o / n for o, n in zip(olds, larges, strict=True)), 2),
    }


if __name__ == "__main__":
    small_n, large_n, rounds_n = (int(a) for a in (sys.argv[1:4] or ("2000", "20000", "5")))
    print(json.dumps(main(small_n, large_n, rounds_n)))
