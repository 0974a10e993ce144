"""Strict Office Open XML (ISO/IEC 29500 Strict) read as Transitional.

Word's "Strict Open XML Document" and LibreOffice's "Office Open XML Text" write the same parts
as an ordinary .docx under other namespace URIs (``http://purl.oclc.org/ooxml/...``) and
relationship types. python-docx knows only Transitional and calls such a file "not a Word
document". The names map one to one (ECMA-376 Part 1, Annex A), so the package is rewritten in
memory before it is opened; the zip has already been bounded
(:mod:`workshop.core.textio.bounded_zip`), so the rewrite is bounded too.
"""

from __future__ import annotations

import io
import zipfile
from typing import Final

_STRICT: Final = b"http://purl.oclc.org/ooxml/"
_T: Final = "http://schemas.openxmlformats.org/"
#: Strict URI -> Transitional URI, most specific first (relationship types before their prefix).
MAPPING: Final[tuple[tuple[bytes, bytes], ...]] = tuple(
    (strict.encode(), transitional.encode()) for strict, transitional in (
        ("http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
         _T + "officeDocument/2006/relationships/extended-properties"),
        ("http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties",
         _T + "officeDocument/2006/relationships/custom-properties"),
        ("http://purl.oclc.org/ooxml/officeDocument/relationships",
         _T + "officeDocument/2006/relationships"),
        ("http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
         _T + "officeDocument/2006/extended-properties"),
        ("http://purl.oclc.org/ooxml/officeDocument/customProperties",
         _T + "officeDocument/2006/custom-properties"),
        ("http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
         _T + "officeDocument/2006/docPropsVTypes"),
        ("http://purl.oclc.org/ooxml/officeDocument/math", _T + "officeDocument/2006/math"),
        ("http://purl.oclc.org/ooxml/officeDocument/bibliography",
         _T + "officeDocument/2006/bibliography"),
        ("http://purl.oclc.org/ooxml/wordprocessingml/main", _T + "wordprocessingml/2006/main"),
        ("http://purl.oclc.org/ooxml/spreadsheetml/main", _T + "spreadsheetml/2006/main"),
        ("http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
         _T + "drawingml/2006/wordprocessingDrawing"),
        ("http://purl.oclc.org/ooxml/drawingml/picture", _T + "drawingml/2006/picture"),
        ("http://purl.oclc.org/ooxml/drawingml/chart", _T + "drawingml/2006/chart"),
        ("http://purl.oclc.org/ooxml/drawingml/diagram", _T + "drawingml/2006/diagram"),
        ("http://purl.oclc.org/ooxml/drawingml/main", _T + "drawingml/2006/main"),
        ("http://purl.oclc.org/ooxml/schemaLibrary/main", _T + "schemaLibrary/2006/main"),
    ))
#: Strict values python-docx reads under other names.
_VALUES: Final = ((b'w:jc w:val="start"', b'w:jc w:val="left"'),
                  (b'w:jc w:val="end"', b'w:jc w:val="right"'),
                  (b' w:conformance="strict"', b""))


def is_strict(data: bytes) -> bool:
    """True when the package's relationships or main part use Strict names."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            for part in ("_rels/.rels", "word/document.xml", "xl/workbook.xml"):
                if part in names:
                    with archive.open(part) as handle:
                        if _STRICT in handle.read(8192):
                            return True
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False
    return False


def to_transitional(data: bytes) -> bytes:
    """The same package with Strict namespace URIs and relationship types renamed.

    Only XML parts (``.xml``, ``.rels``) are touched; images and other binary parts are copied.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename.lower().endswith((".xml", ".rels")) and _STRICT in body:
                for strict, transitional in MAPPING:
                    body = body.replace(strict, transitional)
                for strict, transitional in _VALUES:
                    body = body.replace(strict, transitional)
            target.writestr(info.filename, body)
    return out.getvalue()
