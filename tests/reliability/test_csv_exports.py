"""Every CSV the app writes is safe to open in a spreadsheet, and our importer gets back exactly
what was exported (OWASP CSV injection: a single quote before = + - @ tab CR)."""

from __future__ import annotations

import csv
import io

import pytest

from workshop.core.programs.columns import EXPORT_COLUMNS
from workshop.core.programs.csv_export import cell_text, programs_to_csv
from workshop.core.programs.model import Program
from workshop.core.programs.ranking import RankSheet, rank_list_csv
from workshop.core.textio.csv_safety import TRIGGERS, unescape_cell

PAYLOADS = ["=1+1", "+1+1", "-1+1", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1",
            "=HYPERLINK(\"http://x.invalid\",\"x\")"]


def _programs() -> list[Program]:
    return [Program(name=payload, id=i + 1, city=payload, notes=payload, status="interviewed",
                    program_code=f"12341400{i}", track="categorical")
            for i, payload in enumerate(PAYLOADS)] + [
        Program(name="Saint-Étienne Medical Center", id=99, notes="'quoted' and -dash",
                status="interviewed", track="categorical")]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def _no_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not (cell and cell[0] in TRIGGERS), cell


def test_programs_csv_neutralises_every_payload_and_round_trips() -> None:
    programs = _programs()
    rows = _cells(programs_to_csv(programs))
    _no_formula(rows)
    back = [[unescape_cell(cell) for cell in row] for row in rows[1:]]
    expected = [[cell_text(p, c.key) for c in EXPORT_COLUMNS] for p in programs]
    assert back == expected
    assert sum(cell.startswith("'") for row in rows for cell in row) >= 3 * len(PAYLOADS)


def test_rank_list_csv_neutralises_every_payload() -> None:
    rows = _cells(rank_list_csv(_programs(), RankSheet()))
    _no_formula(rows)
    names = [unescape_cell(row[1]) for row in rows[1:]]
    assert all(any(name.startswith(payload) for name in names) for payload in PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_import_side_strips_exactly_the_escape(payload: str) -> None:
    """What the programs importer must do with each cell it reads from a CSV."""
    escaped = _cells(programs_to_csv([Program(name=payload, id=1)]))[1][0]
    assert escaped == "'" + payload and unescape_cell(escaped) == payload
