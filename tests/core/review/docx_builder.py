"""Builds reviewed .docx files the way Word writes them: python-docx plus raw XML.

python-docx 1.2 can add comments (``Document.add_comment``) but not tracked changes, so
insertions and deletions are written as ``w:ins`` / ``w:del`` elements with ``w:delText``,
exactly as Word stores them.

A paragraph is a list of segments:
    ("text", "plain text")
    ("ins", "inserted text")                 tracked insertion by REVIEWER
    ("del", "deleted text")                  tracked deletion by REVIEWER
    ("comment", "commented text", "comment body")
    ("comment_del", "text deleted under a comment", "comment body")
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

REVIEWER = "Dr. Ananya Iyer"
DATE = "2026-05-20T10:00:00Z"
Segment = tuple[str, ...]


def _run(text: str, *, deleted: bool = False) -> Any:
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


_change_id = [100]


def _change(tag: str, text: str, author: str) -> Any:
    element = OxmlElement(tag)
    _change_id[0] += 1
    element.set(qn("w:id"), str(_change_id[0]))
    element.set(qn("w:author"), author)
    element.set(qn("w:date"), DATE)
    element.append(_run(text, deleted=tag == "w:del"))
    return element


def reviewed_docx(paragraphs: Sequence[Sequence[Segment]], *, author: str = REVIEWER) -> bytes:
    """The .docx bytes of ``paragraphs`` (see the module docstring for segments)."""
    document = docx.Document()
    for segments in paragraphs:
        paragraph = document.add_paragraph()
        p = paragraph._p
        for kind, text, *rest in segments:
            if kind == "text":
                paragraph.add_run(text)
            elif kind == "ins":
                p.append(_change("w:ins", text, author))
            elif kind == "del":
                p.append(_change("w:del", text, author))
            elif kind == "comment":
                run = paragraph.add_run(text)
                document.add_comment(run, text=rest[0], author=author, initials="AI")
            elif kind == "comment_del":
                run = paragraph.add_run("")
                document.add_comment(run, text=rest[0], author=author, initials="AI")
                run._r.addprevious(_change("w:del", text, author))
                start = p.find(qn("w:commentRangeStart"))
                p.remove(start)
                p.insert(list(p).index(run._r) - 1, start)
            else:
                raise ValueError(kind)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plain_docx(paragraphs: Sequence[str]) -> bytes:
    """A .docx with no comments or changes."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
