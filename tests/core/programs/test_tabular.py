from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from tests.core.programs.conftest import FIXTURES
from workshop.core.errors import UserError
from workshop.core.programs import tabular
from workshop.core.programs.columns import check_mapping, guess_mapping
from workshop.core.programs.tabular import build_table, read_table, read_table_bytes


def test_bom_and_semicolons() -> None:
    table = read_table(FIXTURES / "bom_semicolon.csv")
    assert table.headers[0] == "Program"  # the BOM is gone
    assert table.header_row == 1
    assert [n for n, _ in table.rows] == [2, 4, 6, 7]  # empty rows dropped, numbers kept
    assert table.rows[1][1][-1] == "quoted; with semicolon"


def test_title_and_merged_group_headers() -> None:
    table = read_table(FIXTURES / "merged_headers.csv")
    assert table.header_row == 4
    assert "USCE Months" in table.headers and "Deadlines Program" in table.headers
    assert table.headers[2] == "Location"  # merged down from the group row
    mapping = guess_mapping(table.headers)
    assert mapping[table.headers.index("Deadlines Program")] == "program_deadline"
    assert mapping[table.headers.index("Deadlines ERAS")] == "eras_deadline"
    assert mapping[table.headers.index("Min Step 2 CK")] == "min_step2ck"
    assert table.width == 12  # the empty trailing column is trimmed


def test_tab_separated_windows_1252() -> None:
    table = read_table(FIXTURES / "tab_cp1252.txt")
    assert table.rows[0][1][1] == "Mayagüez"


@pytest.mark.parametrize(("text", "delimiter"), [
    ("a,b,c\n1,2,3\n", ","), ("a;b;c\n1;2;3\n", ";"), ("a\tb\tc\n1\t2\t3\n", "\t"),
    ("sep=;\na;b\n", ";"),
])
def test_sniff(text: str, delimiter: str) -> None:
    assert tabular.sniff_delimiter(text) == delimiter


def test_excel_sep_line_is_skipped() -> None:
    table = read_table_bytes(b"sep=;\r\nProgram;City\r\nA (SAMPLE);Town\r\n", "x.csv")
    assert table.headers == ["Program", "City"] and table.rows == [(2, ["A (SAMPLE)", "Town"])]


def test_repeated_header_rows_are_skipped() -> None:
    table = build_table([["Program", "City"], ["A", "X"], ["program", "city"], ["B", "Y"]])
    assert [r[1][0] for r in table.rows] == ["A", "B"]


def test_hostile_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not a text spreadsheet"):
        read_table(FIXTURES / "binary.csv")
    with pytest.raises(UserError, match="has no rows"):
        read_table_bytes(b"\r\n,,,\r\n", "empty.csv")
    with pytest.raises(UserError, match="could not read"):
        read_table(tmp_path / "missing.csv")
    with pytest.raises(UserError, match="old Excel"):
        read_table_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "list.xls")
    with pytest.raises(UserError, match="not a readable .xlsx|not an Excel workbook"):
        read_table_bytes(b"PK\x03\x04broken", "list.xlsx")


def test_size_and_row_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_BYTES", 100)
    with pytest.raises(UserError, match="MB"):
        read_table_bytes(b"x" * 101, "big.csv")
    monkeypatch.setattr(tabular, "MAX_ROWS", 5)
    rows = "Program\n" + "".join(f"P{i}\n" for i in range(30))
    with pytest.raises(UserError, match="more than 5 rows"):
        read_table_bytes(rows.encode()[:99], "rows.csv")


def test_no_known_headers_is_reported() -> None:
    table = read_table(FIXTURES / "no_headers.csv")
    assert table.warnings and "by hand" in table.warnings[0]
    assert check_mapping({}, table.width) == [
        "no column is mapped to 'Program name'; map the column holding names"]
    assert "unknown field" in check_mapping({0: "name", 1: "colour"}, 2)[0]
    assert "keep one" in check_mapping({0: "name", 1: "name"}, 2)[0]


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["My programs (SAMPLE)"])
    ws.append(["Program", None, "Requirements", None])
    ws.append([None, "City", "Step 2 CK minimum", "Program deadline"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("C2:D2")
    ws.append(["Lakeview (SAMPLE)", "Chicago", 230.0, dt.datetime(2026, 10, 1)])
    ws.append([None, None, None, None])
    ws.append(["Harborview (SAMPLE)", "Newark", None, dt.date(2026, 10, 31)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_with_merged_cells_and_dates() -> None:
    table = read_table_bytes(_xlsx(), "programs.xlsx")
    assert table.headers == ["Program", "City", "Step 2 CK minimum", "Program deadline"]
    assert table.rows[0] == (4, ["Lakeview (SAMPLE)", "Chicago", "230", "2026-10-01"])
    assert table.rows[1][0] == 6


def test_xlsx_unknown_sheet() -> None:
    with pytest.raises(UserError, match="no sheet named"):
        read_table_bytes(_xlsx(), "programs.xlsx", sheet="Other")
