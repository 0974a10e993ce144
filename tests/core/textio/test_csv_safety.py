"""CSV injection: OWASP's single-quote escape out, exactly that escape stripped back in."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.textio.csv_safety import escape_cell, escape_row, unescape_cell

PAYLOADS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1",
            "=HYPERLINK(\"http://x.invalid\",\"click\")", "=cmd|' /C calc'!A0"]


def test_every_trigger_is_neutralised() -> None:
    for payload in PAYLOADS:
        assert escape_cell(payload) == "'" + payload


def test_ordinary_text_is_untouched() -> None:
    for text in ["", "Saint-Étienne", "O'Brien", "J-1; H-1B", "2026-12-02", "'quoted'", "a=b"]:
        assert escape_cell(text) == text
        assert unescape_cell(text) == text


def test_a_quote_before_a_trigger_survives() -> None:
    assert escape_cell("'=x") == "''=x"
    assert unescape_cell("''=x") == "'=x"
    assert unescape_cell("'=x") == "=x"


@given(st.text())
def test_round_trip_is_identity(text: str) -> None:
    assert unescape_cell(escape_cell(text)) == text


@given(st.lists(st.text(alphabet=st.sampled_from("=+-@\t\r'ab ,\"\n")), max_size=6))
def test_round_trip_through_the_csv_module(cells: list[str]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(escape_row(cells))
    back = next(csv.reader(io.StringIO(out.getvalue(), newline="")), [])
    assert [unescape_cell(cell) for cell in back] == cells
    assert not any(cell and cell[0] in "=+-@\t\r" for cell in back)
