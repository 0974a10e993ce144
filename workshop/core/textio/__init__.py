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
        MAX_DOCX_BYTES as MAX_DOCX_BYTES,
    )
    from workshop.core.textio.reader import (
        MAX_TEXT_BYTES as MAX_TEXT_BYTES,
    )
    from workshop.core.textio.reader import (
        SUPPORTED_SUFFIXES as SUPPORTED_SUFFIXES,
    )
    from workshop.core.textio.reader import (
        read_statement as read_statement,
    )
    from workshop.core.textio.reader import (
        read_statement_file as read_statement_file,
    )
    from workshop.core.textio.report import (
        ImportReport as ImportReport,
    )
    from workshop.core.textio.report import (
        LineKind as LineKind,
    )
    from workshop.core.textio.report import (
        ReportLine as ReportLine,
    )
    from workshop.core.textio.report import (
        StatementImport as StatementImport,
    )
    from workshop.core.textio.report import (
        TitleSource as TitleSource,
    )

_HOME = {
    "MAX_DOCX_BYTES": "reader",
    "MAX_TEXT_BYTES": "reader",
    "SUPPORTED_SUFFIXES": "reader",
    "read_statement": "reader",
    "read_statement_file": "reader",
    "ImportReport": "report",
    "LineKind": "report",
    "ReportLine": "report",
    "StatementImport": "report",
    "TitleSource": "report",
}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
