"""Generators of hostile and broken files, shared by the importer tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

import docx


def valid_docx_bytes(text: str = "A real paragraph.") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_document_xml(xml: str | bytes) -> bytes:
    """A valid .docx whose word/document.xml is replaced."""
    source = zipfile.ZipFile(io.BytesIO(valid_docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = xml.encode("utf-8") if isinstance(xml, str) else xml
            target.writestr(item, data)
    return out.getvalue()


def zip_bomb_docx(path: Path, megabytes: int = 300) -> Path:
    """A small file whose document.xml inflates to ``megabytes`` MB."""
    source = zipfile.ZipFile(io.BytesIO(valid_docx_bytes()))
    chunk = b"<w:t>" + b"A" * (1 << 20) + b"</w:t>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == "word/document.xml":
                with target.open("word/document.xml", "w", force_zip64=True) as handle:
                    for _ in range(megabytes):
                        handle.write(chunk)
            else:
                target.writestr(item, source.read(item.filename))
    return path


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

XXE_FILE = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f'<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
)

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + f']><w:document {W}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>'
)


def huge_paragraph_docx(characters: int = 3_000_000) -> bytes:
    return docx_with_document_xml(
        f'<w:document {W}><w:body><w:p><w:r><w:t>{"word " * (characters // 5)}</w:t></w:r>'
        "</w:p></w:body></w:document>")


# -- workbooks -----------------------------------------------------------------------------------


def valid_xlsx_bytes(rows: int = 5) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Program", "NRMP code", "City"])
    for i in range(rows):
        sheet.append([f"Program {i}", f"1234140C{i}", "Boston"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_with_parts(parts: dict[str, bytes | Callable[[IO[bytes]], None]]) -> bytes:
    """A valid workbook whose named parts are replaced (or added); a callable part is written
    streaming into the zip entry, so a bomb never sits in memory whole."""
    source = zipfile.ZipFile(io.BytesIO(valid_xlsx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        names = [item.filename for item in source.infolist()]
        for name in [*names, *(n for n in parts if n not in names)]:
            part = parts.get(name)
            if part is None:
                target.writestr(name, source.read(name))
            elif isinstance(part, bytes):
                target.writestr(name, part)
            else:
                with target.open(name, "w", force_zip64=True) as handle:
                    part(handle)
    return out.getvalue()


SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b"<sheetData>")
SHEET_TAIL = b"</sheetData></worksheet>"


def wide_row_sheet(cells: int) -> Callable[[IO[bytes]], None]:
    """One row of ``cells`` numeric cells (the 157 KB / 3 M-cell bomb at cells=3_000_000)."""
    def write(handle: IO[bytes]) -> None:
        handle.write(SHEET_HEAD + b'<row r="1">')
        block = b'<c t="n"><v>1</v></c>' * 10_000
        for _ in range(cells // 10_000):
            handle.write(block)
        handle.write(b"</row>" + SHEET_TAIL)
    return write


def many_rows_sheet(rows: int, per_row: int = 10) -> Callable[[IO[bytes]], None]:
    def write(handle: IO[bytes]) -> None:
        handle.write(SHEET_HEAD)
        row = b"<row>" + b'<c t="n"><v>1</v></c>' * per_row + b"</row>"
        block = row * 1000
        for _ in range(rows // 1000):
            handle.write(block)
        handle.write(SHEET_TAIL)
    return write


def shared_strings(megabytes: int) -> Callable[[IO[bytes]], None]:
    """One shared string of ``megabytes`` MB (1,536 gives the 1.5 GiB bomb)."""
    def write(handle: IO[bytes]) -> None:
        handle.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>')
        chunk = b"A" * (1 << 20)
        for _ in range(megabytes):
            handle.write(chunk)
        handle.write(b"</t></si></sst>")
    return write


XLSX_BILLION_LAUGHS = BILLION_LAUGHS.replace("w:document", "worksheet").encode()


def strict_docx_bytes(text: str = "A real paragraph.") -> bytes:
    """A valid Strict OOXML .docx: a python-docx file with its names rewritten to Strict, as
    Word's 'Strict Open XML Document' writes them."""
    source = zipfile.ZipFile(io.BytesIO(valid_docx_bytes(text)))
    pairs = [
        (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         b"extended-properties",
         b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
        (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
         b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
        (b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
         b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
        (b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
         b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"),
        (b"http://schemas.openxmlformats.org/officeDocument/2006/math",
         b"http://purl.oclc.org/ooxml/officeDocument/math"),
        (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
         b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
        (b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
         b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
        (b"http://schemas.openxmlformats.org/drawingml/2006/main",
         b"http://purl.oclc.org/ooxml/drawingml/main"),
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith((".xml", ".rels")):
                for transitional, strict in pairs:
                    data = data.replace(transitional, strict)
                if item.filename == "word/document.xml":
                    data = data.replace(b"<w:document ", b'<w:document w:conformance="strict" ',
                                        1)
            target.writestr(item, data)
    return out.getvalue()
