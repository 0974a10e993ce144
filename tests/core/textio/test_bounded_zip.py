"""Office zip containers bounded from their directory and by streaming, before any parser."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import IO

import pytest

from tests.reliability import hostile
from workshop.core.errors import UserError
from workshop.core.textio.bounded_zip import (
    SheetLimits,
    ZipLimits,
    check_xlsx,
    check_zip,
)


def distinct_row(cells: int) -> Callable[[IO[bytes]], None]:
    """A wide row that compresses like real data (distinct values), so only counting finds it."""
    def write(handle: IO[bytes]) -> None:
        handle.write(hostile.SHEET_HEAD + b'<row r="1">')
        for i in range(cells):
            handle.write(b'<c r="A1" t="n"><v>%d</v></c>' % (i * 7919 % 1_000_003))
        handle.write(b"</row>" + hostile.SHEET_TAIL)
    return write


def test_genuine_files_pass() -> None:
    check_xlsx(hostile.valid_xlsx_bytes(rows=2000), where="programs.xlsx")
    infos = check_zip(hostile.valid_docx_bytes(), kind="docx", where="statement.docx")
    assert any(info.filename == "word/document.xml" for info in infos)


def test_the_157_kb_three_million_cell_bomb_is_refused_from_the_directory() -> None:
    data = hostile.xlsx_with_parts({"xl/worksheets/sheet1.xml": hostile.wide_row_sheet(3_000_000)})
    assert len(data) < 200_000
    with pytest.raises(UserError, match="zip bomb") as info:
        check_xlsx(data, where="bomb.xlsx")
    assert "sheet1.xml" in str(info.value) and "Open it in Excel" in str(info.value)


def test_a_wide_row_of_real_looking_data_is_refused_by_counting() -> None:
    data = hostile.xlsx_with_parts({"xl/worksheets/sheet1.xml": distinct_row(2_000)})
    with pytest.raises(UserError, match="more than 500 cells"):
        check_xlsx(data, where="wide.xlsx")
    check_xlsx(data, sheets=SheetLimits(max_columns=5000))  # the same file within wider bounds


@pytest.mark.parametrize(("limits", "expected"), [
    (SheetLimits(max_rows=50), "more than 50 rows"),
    (SheetLimits(max_cells=300), "more than 300 cells"),
])
def test_rows_and_cells_are_counted(limits: SheetLimits, expected: str) -> None:
    data = hostile.xlsx_with_parts({"xl/worksheets/sheet1.xml": hostile.many_rows_sheet(1000)})
    with pytest.raises(UserError, match=expected):
        check_xlsx(data, sheets=limits)


def test_shared_strings_bounded_by_size_and_count() -> None:
    data = hostile.xlsx_with_parts({"xl/sharedStrings.xml": hostile.shared_strings(100)})
    with pytest.raises(UserError, match="inflate to 100 MB"):
        check_xlsx(data)
    many = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + b"<si><t>x</t></si>" * 2000 + b"</sst>")
    data = hostile.xlsx_with_parts({"xl/sharedStrings.xml": many})
    with pytest.raises(UserError, match="more than 1,000 distinct texts"):
        check_xlsx(data, sheets=SheetLimits(max_shared_strings=1000))


@pytest.mark.parametrize("attack", [hostile.XLSX_BILLION_LAUGHS,
                                    hostile.XXE_FILE.replace("w:document", "worksheet").encode()])
def test_entity_attacks_refused_before_parsing(attack: bytes) -> None:
    data = hostile.xlsx_with_parts({"xl/worksheets/sheet1.xml": attack})
    with pytest.raises(UserError, match="XML attack"):
        check_xlsx(data)


def test_utf16_prolog_is_looked_into() -> None:
    attack = hostile.XLSX_BILLION_LAUGHS.decode().encode("utf-16")
    data = hostile.xlsx_with_parts({"xl/worksheets/sheet1.xml": attack})
    with pytest.raises(UserError, match="XML attack"):
        check_xlsx(data)


def _zip(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_directory_limits() -> None:
    many = _zip({f"part{i}.bin": b"" for i in range(30)})
    with pytest.raises(UserError, match="holds 30 parts"):
        check_zip(many, kind="docx", limits=ZipLimits(max_entries=20))
    big = _zip({"a.bin": b"a" * 4000, "b.bin": b"b" * 4000}, zipfile.ZIP_STORED)
    with pytest.raises(UserError, match="would inflate"):
        check_zip(big, kind="docx", limits=ZipLimits(max_total_bytes=6000))
    with pytest.raises(UserError, match="a.bin would inflate"):
        check_zip(big, kind="docx", limits=ZipLimits(max_entry_bytes=3000))
    with pytest.raises(UserError, match="far larger"):
        check_zip(big, kind="xlsx", limits=ZipLimits(max_file_bytes=1000))


def test_not_a_zip_and_missing_workbook() -> None:
    with pytest.raises(UserError, match="not an Excel workbook"):
        check_xlsx(b"Program,City\nA,B\n", where="renamed.xlsx")
    with pytest.raises(UserError, match="no xl/workbook.xml"):
        check_xlsx(hostile.valid_docx_bytes(), where="a-docx.xlsx")


def test_missing_file_is_a_user_error() -> None:
    with pytest.raises(UserError, match="cannot be read"):
        check_zip("/nonexistent/file.xlsx", kind="xlsx")


def test_openpyxl_reads_what_passes_in_read_only_mode() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    data = hostile.valid_xlsx_bytes(rows=10)
    check_xlsx(data)
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert rows[0] == ("Program", "NRMP code", "City") and len(rows) == 11


@pytest.mark.parametrize(("body", "expected"), [
    (b'<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row>',
     "a declared size of A1:XFD1048576"),
    (b'<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>',
     "a cell at XFD1"),
    (b'<sheetData><row r="900000" spans="1:1"><c r="A900000"><v>1</v></c></row>',
     "a row numbered 900,000"),
])
def test_far_out_cells_that_a_reader_would_pad_are_refused(body: bytes, expected: str) -> None:
    sheet = (hostile.SHEET_HEAD.removesuffix(b"<sheetData>") + body + hostile.SHEET_TAIL)
    data = hostile.xlsx_with_parts({"xl/worksheets/sheet1.xml": sheet})
    assert len(data) < 10_000
    with pytest.raises(UserError, match=expected):
        check_xlsx(data)


def test_ordinary_references_and_dimension_pass() -> None:
    sheet = (hostile.SHEET_HEAD.removesuffix(b"<sheetData>")
             + b'<dimension ref="A1:C3"/><sheetData><row r="3"><c r="$C$3" s="1"><v>1</v></c>'
             + b"</row>" + hostile.SHEET_TAIL)
    check_xlsx(hostile.xlsx_with_parts({"xl/worksheets/sheet1.xml": sheet}))
