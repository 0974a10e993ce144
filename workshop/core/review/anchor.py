"""Placing reviewed spans on the CURRENT draft, which may have changed since the export.

Two signals, strongest first: the span's own text found verbatim in the draft (with the text
around it deciding between repeats), and a word-level diff of the reviewed original against the
draft, which carries offsets across unrelated edits. What neither can place is reported as lost
rather than guessed.

Statuses: ``exact`` (same text where the diff expects it), ``moved`` (same text, elsewhere),
``changed`` (the text was edited since the review: the anchor is approximate) and ``lost``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

AnchorStatus = Literal["exact", "moved", "changed", "lost"]
CONTEXT = 40
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_MAX_CANDIDATES = 200


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a comment or change sits in the current draft (``start == end`` for a point)."""

    start: int
    end: int
    status: AnchorStatus
    score: float
    note: str = ""

    @property
    def lost(self) -> bool:
        return self.status == "lost"


def _tokens(text: str) -> tuple[list[str], list[int]]:
    words, starts = [], []
    for match in _TOKEN.finditer(text):
        token = match.group()
        words.append(" " if token.isspace() else token.casefold())
        starts.append(match.start())
    return words, starts


def ratio(a: str, b: str) -> float:
    """Similarity 0..1 of two short strings (1.0 for two empty strings)."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


class DraftMapper:
    """Maps offsets in the reviewed original to offsets in the current draft."""

    def __init__(self, original: str, draft: str) -> None:
        self.original, self.draft = original, draft
        self._o_words, self._o_starts = _tokens(original)
        self._d_words, self._d_starts = _tokens(draft)
        matcher = SequenceMatcher(None, self._o_words, self._d_words, autojunk=False)
        self._blocks = [b for b in matcher.get_matching_blocks() if b.size]
        self._block_starts = [b.a for b in self._blocks]

    def _d_offset(self, token: int) -> int:
        return self._d_starts[token] if token < len(self._d_starts) else len(self.draft)

    def map(self, pos: int) -> tuple[int, bool]:
        """(draft offset, True when ``pos`` lies in text the draft kept unchanged)."""
        if not self._o_starts:
            return 0, False
        if pos >= len(self.original):
            last = self._blocks[-1] if self._blocks else None
            at_end = (last is not None and last.a + last.size == len(self._o_words)
                      and last.b + last.size == len(self._d_words))
            return len(self.draft), at_end
        token = max(0, bisect.bisect_right(self._o_starts, pos) - 1)
        within = pos - self._o_starts[token]
        i = bisect.bisect_right(self._block_starts, token) - 1
        if i >= 0:
            block = self._blocks[i]
            if block.a <= token < block.a + block.size:
                return self._d_offset(block.b + token - block.a) + within, True
            # in a gap after block i: the draft position right after that block
            return self._d_offset(block.b + block.size), False
        return 0, False


def _context_score(original: str, start: int, end: int, draft: str, d_start: int,
                   d_end: int) -> float:
    before = original[max(0, start - CONTEXT):start]
    after = original[end:end + CONTEXT]
    d_before = draft[max(0, d_start - len(before)):d_start]
    d_after = draft[d_end:d_end + len(after)]
    return (ratio(before, d_before) + ratio(after, d_after)) / 2


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    at = text.find(needle)
    while at != -1 and len(found) < _MAX_CANDIDATES:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def anchor_span(mapper: DraftMapper, start: int, end: int) -> Anchor:
    """Anchor ``original[start:end]`` (a point when equal) in the current draft."""
    original, draft = mapper.original, mapper.draft
    target = original[start:end]
    mapped, kept = mapper.map(start)
    if target.strip():
        hits = _occurrences(draft, target)
        if hits:
            best = max(hits, key=lambda h: (
                _context_score(original, start, end, draft, h, h + len(target)),
                -abs(h - mapped)))
            score = _context_score(original, start, end, draft, best, best + len(target))
            status: AnchorStatus = "exact" if kept and best == mapped else "moved"
            note = "" if status == "exact" else "The text moved since the review."
            return Anchor(best, best + len(target), status, round(score, 3), note)
        mapped_end, _ = mapper.map(end)
        mapped_end = max(mapped, mapped_end)
        similar = ratio(target, draft[mapped:mapped_end])
        if similar >= 0.5:
            return Anchor(mapped, mapped_end, "changed", round(similar, 3),
                          "The text was edited since the review; the place is approximate.")
        return Anchor(mapped, mapped, "lost", round(similar, 3),
                      f'"{_short(target)}" is no longer in the draft.')
    return _anchor_point(mapper, start, end, mapped, kept)


def _anchor_point(mapper: DraftMapper, start: int, end: int, mapped: int,
                  kept: bool) -> Anchor:
    original, draft = mapper.original, mapper.draft
    before, after = original[max(0, start - CONTEXT):start], original[end:end + CONTEXT]
    for size in (CONTEXT, 20, 10):
        left, right = before[-size:], after[:size]
        if not (left + right).strip():
            continue
        hits = _occurrences(draft, left + right)
        if hits:
            best = min(hits, key=lambda h: abs(h + len(left) - mapped))
            pos = best + len(left)
            status: AnchorStatus = "exact" if kept and pos == mapped else "moved"
            return Anchor(pos, pos, status, 1.0 if size == CONTEXT else size / CONTEXT,
                          "" if status == "exact" else "The text moved since the review.")
    score = _context_score(original, start, end, draft, mapped, mapped)
    if score >= 0.5:
        return Anchor(mapped, mapped, "changed", round(score, 3),
                      "The text around this point was edited since the review.")
    return Anchor(mapped, mapped, "lost", round(score, 3),
                  f'The place after "{_short(before[-20:])}" is no longer in the draft.')


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "\u2026"


def text_similarity(reviewed: str, draft: str, size: int = 3) -> float:
    """Share (0..1) of the reviewed text's word 3-grams still found in the draft.

    Robust to reordering and local edits, and near zero for an unrelated statement (shared
    function words do not make shared 3-grams). Texts under a dozen words compare single
    words instead.
    """
    left_words = re.findall(r"\w+", reviewed.casefold())
    right_words = re.findall(r"\w+", draft.casefold())
    if not left_words:
        return 1.0 if not right_words else 0.0
    if len(left_words) < 12:
        present = set(right_words)
        return sum(1 for w in left_words if w in present) / len(left_words)

    def grams(words: list[str]) -> set[tuple[str, ...]]:
        return {tuple(words[i:i + size]) for i in range(max(0, len(words) - size + 1))}

    left = grams(left_words)
    return len(left & grams(right_words)) / len(left)
