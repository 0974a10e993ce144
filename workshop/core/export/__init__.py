"""Export engine: one document description rendered to PDF (reportlab) and .docx (python-docx).

Typical use::

    from workshop.core.export import cv_document, export
    export(cv_document(cv), "cv-classic", "letter", "cv.pdf")
"""

from workshop.core.export.api import export, render_docx, render_pdf
from workshop.core.export.builders import packet_document, report_document, statement_document
from workshop.core.export.cv_document import cv_document
from workshop.core.export.document import Document
from workshop.core.export.themes import Theme, ThemeInfo, list_themes, load_theme

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
