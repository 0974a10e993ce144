"""The visible text of a .docx: paragraphs in order, tables included, tracked changes resolved.

Safety comes before parsing: the file must be a zip (an encrypted Word file is an OLE compound
file instead, signature ``D0CF11E0``), and the total uncompressed size is bounded from the zip
directory before anything is inflated, so a zip bomb is refused without being expanded.
The XML is read with python-docx (lxml, entities not resolved).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from workshop.core.errors import UserError

MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # compressed → uncompressed; real Word XML compresses ~10-20x
_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees with no visible body text: deletions, field codes, properties (whose w:tab elements
# are tab stops, not tabs), and the fallback copy of alternate content.
_SKIP = {
    f"{W}del",
    f"{W}delText",
    f"{W}instrText",
    f"{W}moveFrom",
    MC_FALLBACK,
    f"{W}footnoteReference",
    f"{W}commentReference",
    f"{W}pPr",
    f"{W}rPr",
}


def read_docx_text(path: Path) -> str:
    """Paragraph texts of the document body joined by blank lines.

    Raises:
        UserError: encrypted, not a Word file, corrupt, or a zip bomb.
    """
    where = str(path)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(_OLE_SIGNATURE):
        raise UserError(
            "This Word file is password-protected (encrypted), or is an old .doc saved as .docx.",
            hint="Open it in Word, remove the password (File > Info > Protect Document) or "
            "save as .docx, then try again.",
            where=where,
        )
    if not head.startswith(b"PK"):
        raise UserError(
            "This is not a .docx file: its content is not a Word document.",
            hint="Open it in Word or a text editor and save it as .docx or .txt.",
            where=where,
        )
    _check_zip(path, where)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise UserError(
            "This .docx file is damaged or is not a Word document.",
            hint="Open it in Word (it may offer to repair it) and save it again.",
            where=where,
        ) from exc
    except Exception as exc:  # lxml syntax errors and the like: the file is damaged
        raise UserError(
            f"This .docx file is damaged ({type(exc).__name__}).",
            hint="Open it in Word (it may offer to repair it) and save it again.",
            where=where,
        ) from exc
    return "\n\n".join(body_paragraphs(document.element.body))


def _check_zip(path: Path, where: str) -> None:
    damaged = UserError(
        "This .docx file is damaged (the zip container cannot be read).",
        hint="Open it in Word (it may offer to repair it) and save it again.",
        where=where,
    )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise damaged from exc
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise UserError(
            "This is a zip file but not a Word document (no word/document.xml).",
            hint="Pick the statement saved as .docx from Word, Pages or Google Docs.",
            where=where,
        )
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if total > MAX_UNCOMPRESSED_BYTES or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise UserError(
            f"This .docx would expand to {total / 1e6:.0f} MB, far beyond any statement; it "
            "was not opened (it may be a 'zip bomb').",
            hint="Save the statement again from Word and use that file.",
            where=where,
        )


def body_paragraphs(body: Any) -> list[str]:
    """Non-empty paragraph texts in reading order; table cells are read row by row."""
    out: list[str] = []
    for child in body.iterchildren():
        tag = child.tag
        if tag == f"{W}p":
            text = paragraph_text(child)
            if text.strip():
                out.append(text)
        elif tag == f"{W}tbl":
            for cell_paragraph in child.iter(f"{W}p"):
                if _inside_skipped(cell_paragraph, child):
                    continue
                text = paragraph_text(cell_paragraph)
                if text.strip():
                    out.append(text)
        elif tag == f"{W}sdt":
            out.extend(body_paragraphs_of(child))
    return out


def body_paragraphs_of(element: Any) -> list[str]:
    """Paragraphs inside a content control (``w:sdt``): its content holds ordinary blocks."""
    content = element.find(f"{W}sdtContent")
    return body_paragraphs(content) if content is not None else []


def _inside_skipped(element: Any, stop: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIP:
            return True
        parent = parent.getparent()
    return False


def paragraph_text(paragraph: Any) -> str:
    """Visible text of one ``w:p``: inserted text kept, deleted text and field codes dropped."""
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: Any, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}p":
            continue  # text boxes nested in a run are separate paragraphs: skip
        else:
            _collect(child, parts)
