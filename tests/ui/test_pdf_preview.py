"""The PDF preview shows each new render, not the view's pictures of the one before."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from workshop.ui.pdf_preview import PdfPreview


def _pdf(text: str) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(300, 200))
    page.setFont("Helvetica", 28)
    page.drawString(20, 100, text)
    page.showPage()
    page.save()
    return out.getvalue()


def _shown(qtbot, preview: PdfPreview, text: str):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(preview.rendered, timeout=20_000):
        preview.request(lambda: _pdf(text))
    qtbot.wait(300)  # the view paints its pages after the document loads
    return preview.view.viewport().grab().toImage()


def test_a_new_render_with_as_many_pages_is_what_the_view_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(420, 320)
    preview.show()
    first = _shown(qtbot, preview, "First draft")
    old_document = preview.view.document()
    second = _shown(qtbot, preview, "Zanzibar wards")  # one page again, other words
    assert preview.page_count == 1 and first != second
    # Under X11 the view kept painting its cached pages when the same QPdfDocument was
    # reloaded with a render of as many pages (offscreen hides it): each render is a new one.
    assert preview.view.document() is not old_document
    assert _shown(qtbot, preview, "Zanzibar wards") == second
    preview.shutdown()
