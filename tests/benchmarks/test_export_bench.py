"""Export speed. Targets (issue 3): a 2-page CV PDF in-process <= 40 ms with shaping available
(Typst takes 48 ms for RenderCV's 2-page sample here), an 8-page packet <= 300 ms.

No timing asserts: run with ``pytest tests/benchmarks/test_export_bench.py --benchmark-enable``.
The checks below only make sure each benchmark renders what it claims (page counts).
"""

from __future__ import annotations

import io

import pypdf
import pytest

from workshop.core.export import load_theme, render_docx, render_pdf
from workshop.core.export.samples import sample_document


def _pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    # Font files are parsed once per process (the app does it at start-up, off the GUI thread).
    render_pdf(sample_document("cv"), "cv-compact")


def test_bench_cv_two_pages(benchmark) -> None:  # type: ignore[no-untyped-def]
    doc, theme = sample_document("cv"), load_theme("cv-compact")
    data = benchmark(render_pdf, doc, theme)
    assert _pages(data) == 2


def test_bench_cv_three_pages_classic(benchmark) -> None:  # type: ignore[no-untyped-def]
    doc, theme = sample_document("cv"), load_theme("cv-classic")
    data = benchmark(render_pdf, doc, theme)
    assert _pages(data) == 3


def test_bench_packet(benchmark) -> None:  # type: ignore[no-untyped-def]
    doc, theme = sample_document("packet"), load_theme("packet")
    data = benchmark(render_pdf, doc, theme)
    assert 8 <= _pages(data) <= 10


def test_bench_cv_docx(benchmark) -> None:  # type: ignore[no-untyped-def]
    doc, theme = sample_document("cv"), load_theme("cv-classic")
    data = benchmark(render_docx, doc, theme)
    assert data.startswith(b"PK")
