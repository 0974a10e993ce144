"""Exports page: live preview off the GUI thread, theme/paper choices, export to a file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop.core.app_settings import AppSettings
from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace
from workshop.ui.context import UiContext
from workshop.ui.exports.page import ExportsPage

RENDER_TIMEOUT = 30_000


@pytest.fixture
def page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "e.workshop", sample=True)
    widget = ExportsPage(UiContext(ws, AppSettings()))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()
    ws.close()


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_preview_renders_and_follows_paper(qtbot, page: ExportsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.preview.pending, timeout=RENDER_TIMEOUT)
    assert "bus driver" in pdf_text(page.preview.last_pdf)
    cv_row = [i.key for i in page.items].index("cv")
    with qtbot.waitSignal(page.preview.rendered, timeout=RENDER_TIMEOUT):
        page.list.setCurrentRow(cv_row)
    assert "MBBCh" in pdf_text(page.preview.last_pdf)
    assert page.theme.currentData() == "cv-classic"
    with qtbot.waitSignal(page.preview.rendered, timeout=RENDER_TIMEOUT) as blocker:
        page.paper.setCurrentIndex(page.paper.findData("a4"))
    reader = PdfReader(io.BytesIO(blocker.args[1]))
    assert round(float(reader.pages[0].mediabox.width)) == 595


def test_preview_follows_edits_made_elsewhere(qtbot, page: ExportsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.preview.pending, timeout=RENDER_TIMEOUT)
    doc = page.workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)[0]
    with qtbot.waitSignal(page.preview.rendered, timeout=RENDER_TIMEOUT) as blocker:
        page.workspace.documents.save_working_copy(doc.id, "A brand new opening line.\n")
    assert "A brand new opening line." in pdf_text(blocker.args[1])


def test_export_to_files(qtbot, page: ExportsPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for suffix in (".pdf", ".docx", ".txt"):
        assert page.export_to(tmp_path / f"statement{suffix}") is not None
    page.list.setCurrentRow([i.key for i in page.items].index("cv"))
    written = page.export_to(tmp_path / "cv.json")
    assert written is not None and '"basics"' in written.read_text("utf-8")


def test_theme_list_has_cv_themes(qtbot, page: ExportsPage) -> None:  # type: ignore[no-untyped-def]
    page.list.setCurrentRow([i.key for i in page.items].index("cv"))
    names = {page.theme.itemData(i) for i in range(page.theme.count())}
    assert {"cv-classic", "cv-modern", "cv-compact"} <= names
