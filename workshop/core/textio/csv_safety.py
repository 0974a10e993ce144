"""CSV cells a spreadsheet will not run as formulas, and the exact way back.

OWASP's advice for CSV injection: a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is prefixed with a single quote, which Excel, LibreOffice and Google Sheets show
as text and do not evaluate. Every CSV the app writes goes through :func:`escape_cell`, and
every CSV it reads goes through :func:`unescape_cell`, which removes exactly that one quote and
only where :func:`escape_cell` would have put it, so a round trip returns the original text:
``unescape_cell(escape_cell(s)) == s`` for every string ``s``.

A cell that genuinely begins with a quote followed by a trigger (``'=x``) is escaped as
``''=x`` so it too survives the trip.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

TRIGGERS: Final = frozenset("=+-@\t\r")
QUOTE: Final = "'"


def _needs_escape(text: str) -> bool:
    """A trigger first, or quotes then a trigger (so the quotes we add can be told apart)."""
    body = text.lstrip(QUOTE)
    return bool(body) and body[0] in TRIGGERS


def escape_cell(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet evaluates (a quote prefixed where needed)."""
    return QUOTE + text if _needs_escape(text) else text


def unescape_cell(text: str) -> str:
    """Undo :func:`escape_cell`: one leading quote removed where it was added, nothing else."""
    if text.startswith(QUOTE) and _needs_escape(text[1:]):
        return text[1:]
    return text


def escape_row(cells: Iterable[object]) -> list[str]:
    """Each cell as text (``None`` as empty), escaped."""
    return [escape_cell("" if cell is None else str(cell)) for cell in cells]
