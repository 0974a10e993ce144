"""Generators of hostile and broken files, shared by the importer tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

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
