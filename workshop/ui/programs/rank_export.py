"""The rank list as a report Document (PDF) and as CSV, without Qt.

The PDF is built from :func:`workshop.core.programs.ranking.rank_list_report` with the shared
report builder and rendered with the "report" theme, like the other reports in the app.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from workshop.core.export.builders import report_document
from workshop.core.export.document import Document
from workshop.core.programs.model import Program
from workshop.core.programs.ranking import RankSheet, rank_list_report

THEME: Final = "report"
PAPER: Final = "letter"
SAMPLE_NOTICE: Final = "SAMPLE \u2014 fictional applicant for demonstration"
#: Printed headers for the report's columns (short, so narrow columns do not break words).
HEADERS: Final[dict[str, str]] = {"Rank": "Rank", "Suggested rank": "Sugg.",
                                  "Reasons": "Why (your ratings)"}
#: Column widths (fractions) for Rank, Program, NRMP code, Location, Score, Suggested, Reasons.
WIDTHS: Final = (0.08, 0.25, 0.12, 0.13, 0.08, 0.08, 0.26)
#: Rank, advanced program, NRMP code, its supplemental list.
ADVANCED_WIDTHS: Final = (0.08, 0.32, 0.14, 0.46)


def rank_list_document(programs: Sequence[Program], sheet: RankSheet, today: _dt.date, *,
                       applicant: str = "", is_sample: bool = False) -> Document:
    """The draft rank-order list: the NRMP note first, then the order, then the weights."""
    report = rank_list_report(programs, sheet, today)
    columns = list(report["columns"])
    rows = [[row.get(c, "") for c in columns] for row in report["rows"]]
    weights = [[w["factor"], f"{w['weight']:g}"] for w in report["weights"]]
    sections = [
        {"heading": "Rank in true order of preference", "text": report["note"]},
        {"heading": "Your order",
         "table": {"header": [HEADERS.get(c, c) for c in columns], "rows": rows,
                   "widths": list(WIDTHS)}}
        if rows else {"heading": "Your order", "text": "No interviewed programs yet."},
        *_advanced_sections(report),
        {"heading": "Your weights (0 = ignored)", "rows": weights},
        {"heading": "About the suggested rank",
         "text": "The score is the weighted average of your own 1–5 ratings, shown as 0–100. "
                 "It mirrors your ratings; the final order is yours."},
    ]
    return report_document(str(report["title"]), sections, applicant=applicant,
                           subtitle=f"{applicant} \u2014 {report['date']}" if applicant
                           else str(report["date"]),
                           notice=SAMPLE_NOTICE if is_sample else "",
                           keywords=("rank order list", "NRMP Match", "residency application"))


def _advanced_sections(report: dict[str, object]) -> list[dict[str, object]]:
    """Advanced (PGY-2) programs with their supplemental lists, and what is missing."""
    advanced = report.get("advanced") or []
    if not isinstance(advanced, list) or not advanced:
        return []
    rows = []
    for entry in advanced:
        first_years = "; ".join(f"{i}. {name}" for i, name in
                                enumerate(entry["supplemental"], 1)) or "none yet"
        rows.append([str(entry["rank"]), entry["program"], entry["code"], first_years])
    sections: list[dict[str, object]] = [
        {"heading": "Advanced (PGY-2) programs and their supplemental lists",
         "text": str(report.get("supplemental_note", ""))},
        {"heading": "Advanced order",
         "table": {"header": ["Rank", "Advanced program", "NRMP code",
                              "Supplemental list (first year)"],
                   "rows": rows, "widths": list(ADVANCED_WIDTHS)}},
    ]
    warnings = report.get("warnings") or []
    if isinstance(warnings, list) and warnings:
        sections.append({"heading": "Still missing", "bullets": [str(w) for w in warnings]})
    return sections


def export_rank_pdf(doc: Document, out: Path | str) -> Path:
    """Render and write atomically (runs on a worker thread)."""
    from workshop.core.export.api import export  # the PDF engine loads on the first export

    return export(doc, THEME, PAPER, out)
