"""The page estimate under the editor: the PDF's own layout, cached, and never in the way.

Its agreement with real PDFs is tested in test_statement_pdf.py; its speed is a benchmark
(tests/benchmarks/test_page_estimate_bench.py), never asserted here.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.core.export.statements_data import text
from workshop.core.checks.stats import compute_stats
from workshop.core.errors import UserError
from workshop.core.export import page_estimate
from workshop.core.export.page_estimate import PageEstimate, estimate, estimate_pages

ROOT = Path(__file__).resolve().parents[3]


def test_an_empty_text_is_no_pages() -> None:
    assert estimate_pages("") == 0.0
    assert estimate("  \n\n ").page_count == 0


def test_a_short_text_is_a_fraction_of_a_page_at_full_size() -> None:
    result = estimate("A single short paragraph.\n\nAnd a second one.")
    assert 0 < result.pages < 0.2 and result.page_count == 1
    assert not result.fitted and result.font_size == result.theme_size == 10
    assert result.basis() == "Letter, statement theme, 10 pt"


def test_a_long_one_page_statement_is_set_smaller_and_says_so() -> None:
    result = estimate(text("psych_philippines.txt"))
    assert result.page_count == 1 and result.fitted
    assert result.basis().startswith("Letter, statement theme, 9")


def test_results_are_cached_by_text(monkeypatch: pytest.MonkeyPatch) -> None:
    body = text("im_nigeria.txt") + "\n\nA line only this test uses."
    first = estimate(body, paper="a4")
    monkeypatch.setattr(page_estimate, "_measure", lambda *a, **k: pytest.fail("not cached"))
    assert estimate(body, paper="a4") is first
    with pytest.raises(pytest.fail.Exception):
        estimate(body + " Changed.", paper="a4")


def test_the_cache_is_bounded() -> None:
    for i in range(page_estimate.CACHE_SIZE + 5):
        estimate(f"Text number {i}.")
    assert len(page_estimate._cache) <= page_estimate.CACHE_SIZE


def test_a4_and_letter_differ_and_an_unknown_paper_is_a_user_error() -> None:
    body = text("neuro_ukraine.txt")
    assert estimate(body, paper="a4").pages != estimate(body, paper="letter").pages
    with pytest.raises(UserError, match="paper"):
        estimate(body, paper="legal")


def test_stats_carry_the_estimate_and_keep_the_old_name() -> None:
    stats = compute_stats(text("fm_bangladesh.txt"))
    assert stats.page_count == 1 and 0.9 < stats.pages <= 1.0
    assert stats.pages_12pt == stats.pages
    assert stats.pages_basis.startswith("Letter, statement theme")
    data = stats.to_dict()
    assert data["pages"] == round(stats.pages, 2) and data["page_count"] == 1
    assert data["pages_12pt"] == round(stats.pages, 1)


def test_stats_fall_back_to_words_when_the_theme_cannot_be_used(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_a: object, **_k: object) -> PageEstimate:
        raise UserError("The font file NotoSerif-Regular.ttf is missing.")

    monkeypatch.setattr(page_estimate, "estimate", broken)
    stats = compute_stats(" ".join(["word"] * 1500))
    assert stats.pages == 2.0 and stats.page_count == 2
    assert stats.pages_basis.startswith("rough")


def test_importing_the_counters_does_not_import_reportlab() -> None:
    """The GUI thread imports the checks package; reportlab loads on the first estimate."""
    code = textwrap.dedent("""
        import sys
        import workshop.core.checks.stats, workshop.core.export.page_estimate
        print("reportlab" in sys.modules)
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "False"
