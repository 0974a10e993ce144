"""Statement-check speed and memory on an 850-word statement (numbers printed, never asserted).

Run with timings:
``.venv/bin/pytest tests/benchmarks/test_checks_bench.py --benchmark-enable -s``.
The normal run (``--benchmark-disable``) still executes each body once as a plain test.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc

import pytest

from workshop.core.checks.engines.harper_engine import HarperEngine
from workshop.core.checks.rules.meta import RuleContext
from workshop.core.checks.service import CheckService
from workshop.core.resources import resource

CONTEXT = RuleContext(
    specialty="Internal Medicine",
    target_programs=("Rutgers NJMS Internal Medicine",),
    known_programs=("Rutgers NJMS Internal Medicine", "Mercy Chicago Internal Medicine"),
)


def statement_850() -> str:
    """The sample statement padded to 850 words with numbered sentences of its own."""
    base = resource("sample", "statement_internal_medicine.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in base.split("\n\n") if p.strip()]
    words = base.split()
    extra: list[str] = []
    index = 0
    while len(words) < 850:
        sentence = (
            f"In week {index + 2} " + paragraphs[index % len(paragraphs)].split(". ")[0] + "."
        )
        extra.append(sentence)
        words += sentence.split()
        index += 1
    text = base.rstrip() + "\n\n" + " ".join(extra)
    return " ".join(text.split(" ")[: len(text.split(" ")) - (len(words) - 850)])


@pytest.fixture(scope="module")
def engine() -> HarperEngine:
    warm = HarperEngine()
    warm.warm()
    return warm


def test_first_findings_after_start(benchmark: pytest.FixtureRequest) -> None:
    """App start to first findings: build the engine, warm it, check the statement."""
    text = statement_850()

    def cold() -> int:
        service = CheckService([HarperEngine()])
        service.warm()
        return len(service.check(text, CONTEXT).findings)

    assert benchmark.pedantic(cold, rounds=1, iterations=1) > 0  # type: ignore[attr-defined]


def test_whole_document_check(benchmark: pytest.FixtureRequest, engine: HarperEngine) -> None:
    """Full check of all paragraphs with an empty cache (warm engine)."""
    text = statement_850()
    assert len(text.split()) == 850

    def full() -> int:
        return len(CheckService([engine]).check(text, CONTEXT).findings)

    assert benchmark(full) > 0  # type: ignore[operator]


def test_recheck_after_one_character_edit(engine: HarperEngine) -> None:
    """p50/p95 of a re-check after typing one character (paragraph cache warm)."""
    text = statement_850()
    service = CheckService([engine])
    service.check(text, CONTEXT)
    times: list[float] = []
    positions = range(50, len(text) - 50, max(1, (len(text) - 100) // 60))
    for i, pos in enumerate(positions):
        text = text[:pos] + "abcdefghij"[i % 10] + text[pos:]
        start = time.perf_counter()
        result = service.check(text, CONTEXT)
        times.append((time.perf_counter() - start) * 1000)
        assert all(0 <= f.start <= f.end <= len(text) for f in result.findings)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"\nre-check after one-character edit: p50 {p50:.1f} ms, p95 {p95:.1f} ms, n={len(times)}"
    )


def test_memory_of_a_check(engine: HarperEngine) -> None:
    """Python-heap peak of a whole-document check plus the cache it leaves behind."""
    text = statement_850()
    tracemalloc.start()
    service = CheckService([engine])
    service.check(text, CONTEXT)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"\ncheck memory (Python heap): peak {peak / 1e6:.2f} MB, retained {current / 1e6:.2f} MB"
    )
    try:
        import psutil

        print(f"process RSS with Harper loaded: {psutil.Process().memory_info().rss / 1e6:.0f} MB")
    except ImportError:  # psutil is a test dependency; the number is optional
        pass
    assert peak > 0
