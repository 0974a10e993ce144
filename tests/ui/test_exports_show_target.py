"""Exports page: "Name the target program in the header" is off by default and reaches the PDF."""

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
PROGRAM = "Mayo Clinic Internal Medicine"


@pytest.fixture
def page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "e.workshop", sample=True)
    doc = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0]
    ws.documents.update(doc.id, target_programs=[PROGRAM])
    widget = ExportsPage(UiContext(ws, AppSettings()))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()
    ws.close()


def _text(data: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_off_by_default_and_only_for_statements(qtbot, page: ExportsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.preview.pending, timeout=RENDER_TIMEOUT)
    assert page.show_target.isVisible() and not page.show_target.isChecked()
    assert PROGRAM not in _text(page.preview.last_pdf)
    with qtbot.waitSignal(page.preview.rendered, timeout=RENDER_TIMEOUT) as blocker:
        page.show_target.setChecked(True)
    assert PROGRAM in _text(blocker.args[1])
    page.list.setCurrentRow([i.key for i in page.items].index("cv"))
    assert not page.show_target.isVisible()


def test_the_export_follows_the_checkbox(qtbot, page: ExportsPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for checked, name in ((False, "plain.pdf"), (True, "named.pdf")):
        page.show_target.setChecked(checked)
        with qtbot.waitSignal(page.exported, timeout=RENDER_TIMEOUT) as done:
            assert page.export_to(tmp_path / name) is not None
        assert (PROGRAM in _text(done.args[0].read_bytes())) is checked
