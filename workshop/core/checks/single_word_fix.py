"""A one-word fix instead of a split: "aplying" → "applying", not Harper's only offer "a plying".

Harper's split-word rule offers the two words a typo can be cut into when both are in its
dictionary. For a learner's typo one letter from a common word that fix is the wrong one, and
as the only suggestion it is one click from damaging the sentence. When every suggestion is a
split, the words one edit away (letter added, dropped, changed or two swapped) that are common
English (log10 unigram probability ≥ :data:`MIN_LOG10`) are offered first, the commonest first;
the split stays after them. The frequencies ship in ``resources/wordlists/common_words.txt``
(19,000 words, built from the CMU Sphinx trigram model), so this needs no optional package.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from workshop.core.checks.finding import Finding
from workshop.core.resources import resource

#: log10 P(word) as a unigram: "applying" is -4.96, the rare "plying" -6.76.
MIN_LOG10 = -6.0
_MAX_SINGLE = 2
_LETTERS = string.ascii_lowercase

#: log10 unigram probability of a lowercase word, or None when the model does not know it.
Frequency = Callable[[str], float | None]


@lru_cache(maxsize=1)
def _common_words() -> dict[str, float]:
    table: dict[str, float] = {}
    text = resource("wordlists", "common_words.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _tab, value = line.partition("\t")
            table[word] = float(value)
    return table


def shipped_frequency(word: str) -> float | None:
    """log10 unigram probability of a common lowercase word from the shipped list, else None."""
    return _common_words().get(word)


def edits1(word: str) -> set[str]:
    """Every string one edit from ``word`` (Norvig's generator, lowercase letters)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changes = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | swaps | changes | inserts) - {word}


def common_neighbours(word: str, frequency: Frequency) -> tuple[str, ...]:
    """Common words one edit from ``word``, commonest first (at most two)."""
    scored = []
    for candidate in edits1(word.lower()):
        value = frequency(candidate)
        if value is not None and value >= MIN_LOG10:
            scored.append((-value, candidate))
    return tuple(c for _v, c in sorted(scored)[:_MAX_SINGLE])


def prefer_single_word(finding: Finding, word: str, frequency: Frequency | None) -> Finding:
    """``finding`` with one-word fixes first when all it offers are splits of ``word``."""
    if frequency is None or not finding.suggestions or " " in word or not word.isalpha():
        return finding
    if not all(" " in s for s in finding.suggestions):
        return finding
    singles = common_neighbours(word, frequency)
    if not singles:
        return finding
    if word[:1].isupper():
        singles = tuple(s[:1].upper() + s[1:] for s in singles)
    return replace(
        finding,
        suggestions=singles + finding.suggestions,
        message=f"Did you mean '{singles[0]}'?",
    )
