"""A canvas that knows the page count: "Page x of y" footers and the running header.

Pages are kept until the document ends, then written with their footers, the well-known
"numbered canvas" recipe from the reportlab community. That recipe breaks bookmarks (they would
all point at page 1 because no page has been written yet when they are made), so bookmarks are
queued with their page and set while the pages are written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

from workshop.core.export.document import Span
from workshop.core.export.pdf_styles import Styles, markup


@dataclass(frozen=True)
class Furniture:
    """What goes around the text on every page."""

    header_name: str
    header_title: str
    notice: str
    footer: str  # "page-x-of-y" | "page-x" | "none"; never on a one-page document
    running_header: bool
    page_width: float
    page_height: float
    margin_left: float
    margin_right: float
    margin_top: float
    margin_bottom: float


def canvas_class(styles: Styles, furniture: Furniture) -> type[canvas.Canvas]:
    """A Canvas subclass bound to one document's styles and page furniture."""

    class NumberedCanvas(canvas.Canvas):  # type: ignore[misc]  # reportlab has no types
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []
            self._pending_marks: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

        def bookmarkPage(self, *args: Any, **kwargs: Any) -> None:  # noqa: N802 (reportlab API)
            self._pending_marks.append((args, kwargs))

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._saved_pages.append(dict(self.__dict__))
            self._pending_marks = []
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                for args, kwargs in state["_pending_marks"]:
                    canvas.Canvas.bookmarkPage(self, *args, **kwargs)
                _draw_furniture(self, styles, furniture, self._pageNumber, total)
                canvas.Canvas.showPage(self)
            canvas.Canvas.save(self)

    return NumberedCanvas


def _draw_furniture(c: canvas.Canvas, styles: Styles, f: Furniture, page: int, total: int) -> None:
    c.saveState()
    width = f.page_width - f.margin_left - f.margin_right
    rule_color = styles.colors.rule
    if f.running_header and page > 1 and f.header_name:
        label = f.header_name + (f" \u2014 {f.header_title}" if f.header_title else "")
        text, complex_script = markup([Span(label)])  # a name in Tamil is shaped here too
        para = Paragraph(text, styles.for_text("header", complex_script))
        _, h = para.wrap(width, f.margin_top)
        y = f.page_height - f.margin_top + 14
        para.drawOn(c, f.margin_left, y)
        c.setStrokeColor(rule_color)
        c.setLineWidth(0.4)
        c.line(f.margin_left, y - 3, f.margin_left + width, y - 3)
    y_footer = f.margin_bottom - 24
    if f.footer != "none" and total > 1:  # "Page 1 of 1" is clutter
        label = f"Page {page} of {total}" if f.footer == "page-x-of-y" else f"{page}"
        style = styles["footer"]
        c.setFont(style.fontName, style.fontSize)
        c.setFillColor(style.textColor)
        c.drawRightString(f.margin_left + width, y_footer, label)
    if f.notice:
        para = Paragraph(markup([Span(f.notice)])[0], styles["footer"])
        para.wrap(width * 0.78, f.margin_bottom)
        para.drawOn(c, f.margin_left, y_footer - (para.height - styles["footer"].leading))
    c.restoreState()
