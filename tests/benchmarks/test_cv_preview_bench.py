"""CV editor benchmarks: edit-to-preview latency and export time of 2- and 4-page CVs.

The normal run executes each once, untimed (``--benchmark-disable``); the assertions only check
that the work was really done (new text in the PDF, the expected page count), never the time.
Latency is measured without the 400 ms typing debounce: from the model change to the PDF bytes
arriving on the GUI thread.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pypdf  # noqa: E402
import pytest  # noqa: E402

from workshop.core.app_settings import AppSettings  # noqa: E402
from workshop.core.cv.in_workspace import load_sample_cv  # noqa: E402
from workshop.core.cv.model import CV  # noqa: E402
from workshop.core.cv.synthetic import large_cv  # noqa: E402
from workshop.core.export import cv_document, export  # noqa: E402
from workshop.core.services import init_workspace  # noqa: E402

TIMEOUT_MS = 30_000


def pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def cv_page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from workshop.ui.context import UiContext
    from workshop.ui.cv.page import CvPage

    ws = init_workspace(tmp_path / "bench.workshop", sample=False)
    load_sample_cv(ws)
    page = CvPage(UiContext(ws, AppSettings()))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.preview.busy, timeout=TIMEOUT_MS)
    yield page
    page.shutdown()
    ws.close()


def test_edit_to_preview_latency_sample_cv(benchmark, qtbot, cv_page) -> None:  # type: ignore[no-untyped-def]
    counter = iter(range(1_000_000))

    def edit_and_wait() -> bytes:
        cv_page.cv.experience[0].title = f"Extern {next(counter)} Quokka"
        with qtbot.waitSignal(cv_page.preview.rendered, timeout=TIMEOUT_MS) as blocker:
            cv_page.preview.render_now()
        return bytes(blocker.args[1])

    pdf = benchmark.pedantic(edit_and_wait, rounds=10, iterations=1, warmup_rounds=1)
    text = " ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Quokka" in text


@pytest.mark.parametrize(("entries", "expected_pages"), [(2, 2), (12, 4)])
def test_export_time(benchmark, tmp_path: Path, entries: int, expected_pages: int) -> None:  # type: ignore[no-untyped-def]
    cv: CV = large_cv(entries)
    data = cv.to_dict(include_private=False)
    out = tmp_path / "cv.pdf"

    def run() -> Path:
        return export(cv_document(data), "cv-classic", "letter", out)

    written = benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)
    assert pages(written.read_bytes()) == expected_pages


@pytest.mark.parametrize("entries", [2, 12])
def test_export_docx_time(benchmark, tmp_path: Path, entries: int) -> None:  # type: ignore[no-untyped-def]
    data = large_cv(entries).to_dict(include_private=False)
    out = tmp_path / "cv.docx"
    written = benchmark.pedantic(lambda: export(cv_document(data), "cv-classic", "letter", out),
                                 rounds=5, iterations=1, warmup_rounds=1)
    assert written.stat().st_size > 10_000
