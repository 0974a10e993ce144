"""Reading statements from .txt, .md and .docx files, with clear errors for bad input."""

from workshop.core.textio.reader import (
    MAX_DOCX_BYTES,
    MAX_TEXT_BYTES,
    SUPPORTED_SUFFIXES,
    read_statement,
    read_statement_file,
)
from workshop.core.textio.report import (
    ImportReport,
    LineKind,
    ReportLine,
    StatementImport,
    TitleSource,
)

__all__ = [
    "MAX_DOCX_BYTES",
    "MAX_TEXT_BYTES",
    "SUPPORTED_SUFFIXES",
    "ImportReport",
    "LineKind",
    "ReportLine",
    "StatementImport",
    "TitleSource",
    "read_statement",
    "read_statement_file",
]
