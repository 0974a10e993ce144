"""Cost of the learner-English engine (issue 21): latency and memory, printed, never asserted.

Run: ``.venv/bin/pytest tests/benchmarks/test_learner_bench.py -s -p no:randomly``.
The machine is shared (2 cores, other jobs), so each number is a median of repeated runs and
is printed beside the same measurement without the learner engine. Budgets from the issue:
a full 850-word check ≤ 100 ms warm, a re-check after a one-paragraph edit ≤ 20 ms, memory
added ≤ 60 MB (RSS of a fresh process before and after loading the model).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import pytest

from tests.benchmarks.test_checks_bench import CONTEXT, statement_850
from workshop.core.checks.engines.base import Engine
from workshop.core.checks.engines.harper_engine import HarperEngine
from workshop.core.checks.engines.learner_engine import LearnerEngine
from workshop.core.checks.service import CheckService

ROUNDS = 9


@pytest.fixture(scope="module")
def engines() -> tuple[HarperEngine, LearnerEngine]:
    pytest.importorskip("pocketsphinx")
    harper, learner = HarperEngine(), LearnerEngine()
    CheckService([harper, learner]).warm()
    return harper, learner


def _median_ms(run: object, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_full_check_with_and_without_the_learner(
    engines: tuple[HarperEngine, LearnerEngine],
) -> None:
    """A whole 850-word statement, empty paragraph cache, warm engines."""
    text = statement_850()
    harper, learner = engines

    def full(chosen: list[Engine]) -> None:
        CheckService(chosen).check(text, CONTEXT)

    paragraphs = [p for p in text.split("\n") if p.strip()]
    alone = _median_ms(lambda: [learner.check(p) for p in paragraphs])
    full([harper, learner])  # fill the rules' word caches before timing either setting
    without, with_it = [], []
    for _ in range(3):  # interleaved: the shared machine's load drifts
        without.append(_median_ms(lambda: full([harper])))
        with_it.append(_median_ms(lambda: full([harper, learner])))
    ratio = statistics.median(w / o for w, o in zip(with_it, without, strict=True))
    print(
        f"\nfull 850-word check: {statistics.median(without):.1f} ms without, "
        f"{statistics.median(with_it):.1f} ms with the learner (median ratio {ratio:.2f}); "
        f"learner engine alone {alone:.1f} ms"
    )


def test_recheck_of_one_edited_paragraph(engines: tuple[HarperEngine, LearnerEngine]) -> None:
    """Type one character in a paragraph: only that paragraph goes to the engines again."""
    base = statement_850()
    results: dict[str, list[float]] = {}
    # Each setting twice, the first pass discarded: the first re-checks fill the rules' word
    # caches, which otherwise made whichever setting ran first look slower.
    order = [("warm-up", [engines[0]]), ("without", [engines[0]]), ("with", list(engines))]
    for label, chosen in order + [("without", [engines[0]]), ("with", list(engines))]:
        service = CheckService(chosen)
        service.check(base, CONTEXT)
        times = []
        text = base
        for i in range(25):
            pos = 100 + i * 37
            text = text[:pos] + "x" + text[pos:]
            start = time.perf_counter()
            service.check(text, CONTEXT)
            times.append((time.perf_counter() - start) * 1000)
        results.setdefault(label, []).append(statistics.median(times))
    print(
        f"\nre-check after a one-paragraph edit (median of 25, two passes each): "
        f"{' / '.join(f'{x:.1f}' for x in results['without'])} ms without, "
        f"{' / '.join(f'{x:.1f}' for x in results['with'])} ms with the learner"
    )


_RSS = """
import sys
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096 / 1e6
from workshop.core.checks.rules import RuleContext, run_paragraph_rules
from workshop.core.checks.engines.learner_engine import LearnerEngine
start = rss()
run_paragraph_rules("She have went to an clinic for two patient everyday.", RuleContext())
before = rss()  # LemmInflect's tables: loaded by our rules anyway
engine = LearnerEngine()
engine.warm()
engine.check("I am interested on cardiology and I saw two patient today. " * 20)
print(start, before, rss())
"""


def test_memory_added_by_the_model() -> None:
    """RSS of a fresh process before and after loading the model and checking a paragraph."""
    pytest.importorskip("pocketsphinx")
    out = subprocess.run(
        [sys.executable, "-c", _RSS], capture_output=True, text=True, check=True
    ).stdout.split()
    start, before, after = (float(x) for x in out)
    print(
        f"\nRSS: {start:.0f} MB at start, {before:.0f} MB with the rules' data, {after:.0f} MB "
        f"with the learner model: +{after - before:.0f} MB for the model"
    )
