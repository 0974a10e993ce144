"""Splitting a statement into paragraphs, sentences and words, with code-point offsets.

Everything here returns spans into the original string so findings can point back into it.
The splitting is deliberately simple (regular expressions, no model): statements are ordinary
prose and the rules only need sentence and word boundaries that a reader would agree with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A paragraph ends at a blank line (two newlines, optionally with spaces between): this is how
# ERAS plain text and the editor separate paragraphs. A single newline stays inside a paragraph.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*", re.UNICODE)
# Abbreviations after which a period does not end a sentence (Dr. Iyer, e.g. this).
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "no",
        "fig",
        "approx",
        "dept",
        "univ",
        "jr",
        "sr",
        "u.s",
        "u.k",
        "a.m",
        "p.m",
    ]
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n")


@dataclass(frozen=True)
class Span:
    """A piece of text and where it starts in the whole."""

    start: int
    text: str

    @property
    def end(self) -> int:
        """Offset just past the last code point."""
        return self.start + len(self.text)


def paragraphs(text: str) -> list[Span]:
    """Non-empty paragraphs in order, each with its offset in ``text``."""
    spans: list[Span] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _append_trimmed(spans, text, pos, match.start())
        pos = match.end()
    _append_trimmed(spans, text, pos, len(text))
    return spans


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    spans.append(Span(start + lead, stripped))


def sentences(text: str, offset: int = 0) -> list[Span]:
    """Sentences of ``text`` (a paragraph or a whole document), offsets shifted by ``offset``.

    A sentence ends at ``.``, ``!`` or ``?`` followed by white space, or at a line break; a period
    after a known abbreviation or a single capital initial does not end one.
    """
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group() != "\n" and _is_abbreviation(text, match.start()):
            continue
        _append_trimmed(spans, text, start, match.end())
        start = match.end()
    _append_trimmed(spans, text, start, len(text))
    return [Span(s.start + offset, s.text) for s in spans]


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    before = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if not before:
        return False
    word = before.group(1).lower()
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and text[dot - 1].isupper()


def words(text: str, offset: int = 0) -> Iterator[Span]:
    """Words (letters/digits, with inner apostrophes and hyphens), offsets shifted by ``offset``."""
    for match in _WORD.finditer(text):
        yield Span(match.start() + offset, match.group())


def word_count(text: str) -> int:
    """Words as a word processor counts them: runs separated by white space."""
    return len(text.split())


def utf16_to_codepoint_map(text: str) -> list[int]:
    """``m[u]`` is the code-point offset of UTF-16 unit ``u`` (length ``utf16_len + 1``).

    LanguageTool (Java) reports offsets in UTF-16 units; characters outside the Basic
    Multilingual Plane (emoji, some CJK) take two units but one Python code point.
    """
    mapping: list[int] = []
    for index, char in enumerate(text):
        mapping.append(index)
        if ord(char) > 0xFFFF:
            mapping.append(index)
    mapping.append(len(text))
    return mapping


def utf16_span_to_codepoints(text: str, offset: int, length: int) -> tuple[int, int]:
    """Convert a UTF-16 ``(offset, length)`` to a code-point ``(start, end)``, clamped."""
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text):
        start = min(max(offset, 0), len(text))
        return start, min(max(start + length, start), len(text))
    mapping = utf16_to_codepoint_map(text)
    last = len(mapping) - 1
    start_unit = min(max(offset, 0), last)
    end_unit = min(max(offset + length, start_unit), last)
    start = mapping[start_unit]
    end = mapping[end_unit]
    # An end inside a surrogate pair means the whole character.
    if end_unit < last and end_unit > 0 and mapping[end_unit] == mapping[end_unit - 1]:
        end += 1
    return start, max(end, start)
