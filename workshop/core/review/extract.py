"""Comments and tracked changes of a reviewed .docx, placed in the text that was sent out.

python-docx 1.2 gives comment bodies (``document.comments``) but not what each comment is
attached to, and ``paragraph.text`` silently drops inserted text. So the body XML is walked once
in document order, building two texts: the *original* (deleted text kept, inserted text left
out: what the reviewer received) and the *revised* (every change accepted). Each comment and
change gets offsets in the original, which is what the current draft descends from.
Paragraphs are joined by a blank line, as statements are stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
PARAGRAPH_BREAK = "\n\n"
_SKIP = {f"{W}pPr", f"{W}rPr", f"{W}instrText", f"{W}delInstrText", f"{W}footnoteReference",
         f"{W}endnoteReference", MC_FALLBACK, f"{W}tblPr", f"{W}tcPr", f"{W}trPr",
         f"{W}sectPr"}
_INSERT_TAGS = {f"{W}ins", f"{W}moveTo"}
_DELETE_TAGS = {f"{W}del", f"{W}moveFrom"}
ChangeKind = Literal["insert", "delete", "replace"]


@dataclass(frozen=True, slots=True)
class ReviewComment:
    """A reviewer's comment and the original-text span it is attached to.

    Attributes:
        quoted: the commented text as the reviewer saw it (may include their insertions).
        start, end: offsets in :attr:`ReviewedDocument.original`; equal for a point comment.
    """

    comment_id: str
    author: str
    initials: str
    date: str
    text: str
    quoted: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TrackedChange:
    """One insertion, deletion or replacement (a deletion directly followed by an insertion).

    Attributes:
        old: the original text removed ("" for an insertion).
        new: the text added ("" for a deletion).
        start, end: the span of ``old`` in the original (equal for an insertion).
    """

    index: int
    kind: ChangeKind
    old: str
    new: str
    start: int
    end: int
    author: str
    date: str


@dataclass(slots=True)
class ReviewedDocument:
    """Everything read from the reviewed file."""

    original: str
    revised: str
    comments: list[ReviewComment] = field(default_factory=list)
    changes: list[TrackedChange] = field(default_factory=list)


# -- pass 1: a flat stream of segments in document order -------------------------------------

Segment = tuple[str, str, dict[str, str]]  # (kind, text or id, change attributes)


def _attrs(element: Any) -> dict[str, str]:
    return {"author": element.get(f"{W}author") or "", "date": element.get(f"{W}date") or ""}


def _walk(element: Any, mode: str, meta: dict[str, str]) -> Iterator[Segment]:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _INSERT_TAGS:
            yield from _walk(child, "ins", _attrs(child))
        elif tag in _DELETE_TAGS:
            yield from _walk(child, "del", _attrs(child))
        elif tag in (f"{W}t", f"{W}delText"):
            yield (mode, child.text or "", meta)
        elif tag == f"{W}tab":
            yield (mode, "\t", meta)
        elif tag in (f"{W}br", f"{W}cr"):
            yield (mode, "\n", meta)
        elif tag == f"{W}noBreakHyphen":
            yield (mode, "-", meta)
        elif tag == f"{W}commentRangeStart":
            yield ("cstart", child.get(f"{W}id") or "", {})
        elif tag == f"{W}commentRangeEnd":
            yield ("cend", child.get(f"{W}id") or "", {})
        elif tag == f"{W}commentReference":
            yield ("cref", child.get(f"{W}id") or "", {})
        elif tag == f"{W}p":
            yield from _walk(child, mode, meta)
            yield ("para", "", {})
        else:
            yield from _walk(child, mode, meta)


# -- pass 2: texts, offsets, merged changes --------------------------------------------------

@dataclass
class _Builder:
    original: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    o_len: int = 0
    r_len: int = 0
    changes: list[dict[str, Any]] = field(default_factory=list)
    starts: dict[str, tuple[int, int]] = field(default_factory=dict)
    ends: dict[str, tuple[int, int]] = field(default_factory=dict)
    refs: dict[str, tuple[int, int]] = field(default_factory=dict)
    last_was_change: bool = False

    def add(self, text: str, *, to_original: bool, to_revised: bool) -> None:
        if to_original:
            self.original.append(text)
            self.o_len += len(text)
        if to_revised:
            self.revised.append(text)
            self.r_len += len(text)

    def change(self, kind: str, text: str, meta: dict[str, str]) -> None:
        prev = self.changes[-1] if self.changes and self.last_was_change else None
        start = self.o_len
        if kind == "del":
            self.add(text, to_original=True, to_revised=False)
        else:
            self.add(text, to_original=False, to_revised=True)
        if prev is not None and prev["author"] == meta["author"]:
            prev["old" if kind == "del" else "new"] += text
            if kind == "del":
                prev["end"] = self.o_len
            self.last_was_change = True
            return
        self.changes.append({"old": text if kind == "del" else "",
                             "new": text if kind == "ins" else "", "start": start,
                             "end": self.o_len, **meta})
        self.last_was_change = True


def _paragraphs(segments: Iterator[Segment]) -> Iterator[list[Segment]]:
    current: list[Segment] = []
    for segment in segments:
        if segment[0] == "para":
            yield current
            current = []
        else:
            current.append(segment)
    if current:
        yield current


def extract(document: Any, comment_bodies: dict[str, tuple[str, str, str, str]]
            ) -> ReviewedDocument:
    """Walk the body of a python-docx ``Document``.

    Args:
        document: an opened python-docx Document.
        comment_bodies: comment id → (author, initials, date, text), from python-docx.
    """
    b = _Builder()
    for para in _paragraphs(_walk(document.element.body, "orig", {})):
        has_original = any(k in ("orig", "del") and t.strip() for k, t, _ in para)
        has_revised = any(k in ("orig", "ins") and t.strip() for k, t, _ in para)
        if has_original and b.o_len:
            b.add(PARAGRAPH_BREAK, to_original=True, to_revised=False)
        new_paragraph = not has_original and has_revised and b.o_len > 0
        if has_revised and b.r_len and not new_paragraph:
            b.add(PARAGRAPH_BREAK, to_original=False, to_revised=True)
        b.last_was_change = False
        first_insert = True
        for seg_kind, text, meta in para:
            if seg_kind == "orig":
                b.add(text, to_original=True, to_revised=True)
                b.last_was_change = False
            elif seg_kind in ("ins", "del"):
                if seg_kind == "ins" and new_paragraph and first_insert:
                    text = PARAGRAPH_BREAK + text  # a paragraph the reviewer added
                    first_insert = False
                b.change(seg_kind, text, meta)
            elif seg_kind == "cstart":
                b.starts.setdefault(text, (b.o_len, b.r_len))
            elif seg_kind == "cend":
                b.ends[text] = (b.o_len, b.r_len)
            elif seg_kind == "cref":
                b.refs.setdefault(text, (b.o_len, b.r_len))
    original, revised = "".join(b.original), "".join(b.revised)
    changes = []
    for i, c in enumerate(b.changes):
        kind: ChangeKind = "replace" if c["old"] and c["new"] else (
            "delete" if c["old"] else "insert")
        changes.append(TrackedChange(i, kind, c["old"], c["new"], c["start"], c["end"],
                                     c["author"], c["date"]))
    comments = []
    for comment_id, (author, initials, date, body) in comment_bodies.items():
        point = b.refs.get(comment_id)
        start = b.starts.get(comment_id, point)
        end = b.ends.get(comment_id, point or start)
        if start is None or end is None:
            continue  # a reply or an orphan: nothing in the body points at it
        o_start, o_end = _trim(original, start[0], max(start[0], end[0]))
        quoted = revised[start[1]:max(start[1], end[1])].strip() or original[o_start:o_end]
        comments.append(ReviewComment(comment_id, author, initials, date, body, quoted,
                                      o_start, o_end))
    comments.sort(key=lambda c: (c.start, c.end))
    return ReviewedDocument(original, revised, comments, [c for c in changes if c.old or c.new])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past the whitespace (paragraph breaks) at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
