"""Export engine: one document description rendered to PDF (reportlab) and .docx (python-docx).

Typical use::

    from workshop.core.export import cv_document, export
    export(cv_document(cv), "cv-classic", "letter", "cv.pdf")

The writers (``export``, ``render_pdf``, ``render_docx``) load on first use (PEP 562):
describing a document on the GUI thread must not import reportlab and python-docx; only writing
one does, on a worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop.core.export.builders import packet_document, report_document, statement_document
from workshop.core.export.cv_document import cv_document
from workshop.core.export.document import Document
from workshop.core.export.themes import Theme, ThemeInfo, list_themes, load_theme

if TYPE_CHECKING:
    from workshop.core.export.api import export, render_docx, render_pdf

_WRITERS = ("export", "render_docx", "render_pdf")

__all__ = [
    "Document",
    "Theme",
    "ThemeInfo",
    "cv_document",
    "export",
    "list_themes",
    "load_theme",
    "packet_document",
    "render_docx",
    "render_pdf",
    "report_document",
    "statement_document",
]


def __getattr__(name: str) -> Any:
    if name in _WRITERS:
        from workshop.core.export import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
