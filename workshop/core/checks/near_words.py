"""Finding the listed words one typing slip away from an unknown word.

A clinical-looking word the dictionary lacks may be a new drug or a typo of a listed one
("troponn" for "troponin"). Only a listed word at optimal-string-alignment distance 1 (one
letter added, dropped, changed, or two neighbours swapped) is offered as a fix: at that
distance it is clearly the same word misspelled, and never a different word such as
"creatine" for "creatinine" (two letters apart). Lookup uses a delete index (the SymSpell
idea): every word is stored under itself and each string it gives with one letter removed.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Shorter words have too many neighbours one letter away to guess which was meant.
MIN_LENGTH = 5


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus swaps of neighbouring letters)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[len(a)][len(b)]


class NearIndex:
    """Words (case-folded) that can be looked up by a misspelling one edit away."""

    def __init__(self, words: Iterable[str]) -> None:
        self._index: dict[str, set[str]] = {}
        for word in words:
            folded = word.casefold()
            if len(folded) < MIN_LENGTH:
                continue
            for key in {folded} | _deletes(folded):
                self._index.setdefault(key, set()).add(folded)

    def near(self, word: str) -> tuple[str, ...]:
        """Listed words at distance exactly 1 from ``word``, sorted (none for short words)."""
        folded = word.casefold()
        if len(folded) < MIN_LENGTH:
            return ()
        candidates: set[str] = set()
        for key in {folded} | _deletes(folded):
            candidates |= self._index.get(key, set())
        return tuple(sorted(c for c in candidates if c != folded and osa_distance(c, folded) == 1))
