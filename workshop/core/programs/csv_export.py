"""Export programs back to CSV in the template's layout, so the file re-imports cleanly.

UTF-8 with a BOM, because Excel opens a BOM-less UTF-8 CSV as Windows-1252 and garbles names
such as "Saint-Étienne"; the importer accepts both. Cells that a spreadsheet would run as a
formula are escaped (:mod:`workshop.core.textio.csv_safety`), and the importer undoes exactly that.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from workshop.core.atomic import atomic_write_bytes
from workshop.core.programs.columns import EXPORT_COLUMNS
from workshop.core.programs.model import Program
from workshop.core.textio.csv_safety import escape_cell


def cell_text(program: Program, key: str) -> str:
    """A field as the spreadsheet shows it (dates ISO, visas "J-1; H-1B" or "none")."""
    value = getattr(program, key)
    if value is None:
        return ""
    if key == "visa_sponsorship":
        return "; ".join(sorted(value)) if value else "none"
    if key == "status":
        return str(value).replace("-", " ")
    if isinstance(value, float):
        return f"{value:g}"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def programs_to_csv(programs: Iterable[Program]) -> str:
    """CSV text (with a header row, CRLF line ends as RFC 4180 asks)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in EXPORT_COLUMNS])
    for program in programs:
        writer.writerow([escape_cell(cell_text(program, c.key)) for c in EXPORT_COLUMNS])
    return out.getvalue()


def export_programs_csv(programs: Iterable[Program], path: Path | str) -> Path:
    """Write the programs to ``path`` atomically.

    Raises:
        WriteFailed: the old file is unchanged.
    """
    return atomic_write_bytes(path, b"\xef\xbb\xbf" + programs_to_csv(programs).encode("utf-8"),
                              mode=0o644)


def blank_template() -> str:
    """The header row alone: what ``templates/programs_template.csv`` holds."""
    return programs_to_csv([])
