"""The page counter's cost after every edit (issue 15). Target: well under 30 ms for an
850-word statement once reportlab is loaded (the first call imports it: ``warm()``).

Each round changes the text by one character, as an edit does, so the cache never answers.
No timing asserts: run with
``pytest tests/benchmarks/test_page_estimate_bench.py --benchmark-enable``. The checks below
only make sure each benchmark measures what it claims.
"""

from __future__ import annotations

import itertools
import math

import pytest

from tests.core.export.statements_data import long_text, text
from workshop.core.checks.textspans import word_count
from workshop.core.export import page_estimate


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    page_estimate.warm()


def _edited(body: str):  # type: ignore[no-untyped-def]
    counter = itertools.count()
    return lambda: page_estimate.estimate(f"{body} {next(counter)}")


@pytest.mark.parametrize("name", ["fm_bangladesh.txt", "neuro_ukraine.txt", "im_nigeria.txt"])
def test_bench_estimate_one_page_statement(benchmark, name: str) -> None:  # type: ignore[no-untyped-def]
    """850 words with single line breaks (fitted), 782 long words (fitted), 746 words."""
    result = benchmark(_edited(text(name)))
    assert result.page_count == 1 and 650 <= word_count(text(name)) <= 850


@pytest.mark.parametrize("words", [1500, 2500])
def test_bench_estimate_long_text(benchmark, words: int) -> None:  # type: ignore[no-untyped-def]
    result = benchmark(_edited(long_text(words)))
    assert result.page_count >= 2 and math.ceil(result.pages) == result.page_count


def test_bench_estimate_cached(benchmark) -> None:  # type: ignore[no-untyped-def]
    body = text("fm_bangladesh.txt")
    page_estimate.estimate(body)
    assert benchmark(page_estimate.estimate, body).page_count == 1
