"""Reading statements from .txt, .md and .docx files, with clear errors for bad input.

The names below load on first use (PEP 562): the checker imports ``textio.bidi`` at start-up,
and importing the package must not pull in the .docx reader with it (about 80 ms of imports
before the window could paint).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    if name in __all__:
        for part in ("report", "reader"):  # the light module first; reader brings the .docx code
            module = importlib.import_module(f"{__name__}.{part}")
            if hasattr(module, name):
                return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
