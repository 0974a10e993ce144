"""The visible text of a .docx: paragraphs in order, tables included, tracked changes resolved.

Safety comes before parsing, in the one opener every .docx goes through
(:mod:`workshop.core.textio.safe_docx`: encrypted, PDF, damaged and zip-bomb files are refused
from their first bytes and the zip directory). The XML is read with python-docx (lxml, entities
not resolved).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop.core.textio.safe_docx import open_document

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
    document, _ = open_document(
        path, what="statement",
        pick="Pick the statement saved as .docx from Word, Pages or Google Docs.")
    return "\n\n".join(body_paragraphs(document.element.body))


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
