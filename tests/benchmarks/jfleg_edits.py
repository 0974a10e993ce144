"""Gold edits of JFLEG dev by error class, for per-class recall in ``jfleg_quality.py``.

A source sentence and a human correction are diffed token by token (difflib); each changed
stretch is one edit, classed like ERRANT's coarse classes we target: ``article`` (only a/an/the
change), ``preposition`` (only prepositions), ``noun-number`` (the same noun lemma in another
number), ``verb-form`` (the same verb lemma in another form, tense or agreement), else
``other``. Each edit keeps its character span in the detokenized source, so a finding can be
said to be *at* the edit (located recall), not just somewhere in the sentence.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

ARTICLES = frozenset({"a", "an", "the"})
PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "to",
        "for",
        "with",
        "on",
        "at",
        "from",
        "by",
        "about",
        "into",
        "over",
        "through",
        "during",
        "among",
        "between",
        "towards",
        "toward",
        "within",
        "without",
        "upon",
        "onto",
        "across",
        "against",
        "along",
        "around",
        "behind",
        "beyond",
        "under",
    ]
)
CLASSES = ("article", "preposition", "verb-form", "noun-number")


@dataclass(frozen=True)
class Edit:
    """One gold edit: its class and its character span in the detokenized source."""

    kind: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    from workshop.core.checks.rules import inflections

    return inflections.all_lemmas(word)


def _same_lemma(a: str, b: str, upos: tuple[str, ...]) -> bool:
    if a == b:
        return False
    la, lb = _lemmas(a), _lemmas(b)
    return any(set(la.get(p, ())) & set(lb.get(p, ())) for p in upos)


def classify(old: list[str], new: list[str]) -> str:
    """The class of the edit that turns tokens ``old`` into ``new`` (lowercase)."""
    both = old + new
    if both and all(w in ARTICLES for w in both):
        return "article"
    if both and all(w in PREPOSITIONS for w in both):
        return "preposition"
    if len(old) == len(new) and old:
        pairs = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        if pairs and all(_same_lemma(a, b, ("NOUN",)) for a, b in pairs):
            return "noun-number"
        if pairs and all(_same_lemma(a, b, ("VERB", "AUX")) for a, b in pairs):
            return "verb-form"
    return "other"


def token_offsets(tokens: list[str], text: str) -> list[tuple[int, int]]:
    """Where each JFLEG token sits in its detokenized text (tokens keep their order)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for token in tokens:
        found = text.find(token, cursor)
        if found < 0:  # a token the detokenizer changed: keep a zero-width span
            spans.append((cursor, cursor))
            continue
        spans.append((found, found + len(token)))
        cursor = found + len(token)
    return spans


def edits(source: str, correction: str, detok_source: str) -> list[Edit]:
    """Classed gold edits from ``source`` to ``correction`` (JFLEG tokenized lines)."""
    old = source.split()
    new = correction.split()
    spans = token_offsets(old, detok_source)
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in old], b=[w.lower() for w in new])
    found: list[Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        kind = classify([w.lower() for w in old[i1:i2]], [w.lower() for w in new[j1:j2]])
        if i1 < i2:
            start, end = spans[i1][0], spans[i2 - 1][1]
        else:  # an insertion: between the tokens around it
            start = spans[i1 - 1][1] if i1 > 0 else 0
            end = spans[i1][0] if i1 < len(spans) else len(detok_source)
        found.append(Edit(kind, start, end))
    return found


def located(edit: Edit, spans: list[tuple[int, int]]) -> bool:
    """A finding span touches the edit (one character of slack for spaces)."""
    return any(s <= edit.end + 1 and edit.start <= e + 1 for s, e in spans)
