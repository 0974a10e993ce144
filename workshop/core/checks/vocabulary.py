"""Words that are right even when a general dictionary does not know them.

Medical and residency terms (USMLE, observership, ketoacidosis) come from a word list in
``resources/wordlists/``; the user's own "Add to dictionary" words are passed in by the caller
(the workspace stores them), never kept in a global.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from workshop.core.resources import resource

MEDICAL_LIST = "medical.txt"


def read_word_list(path: Path) -> list[str]:
    """Words of a list file: separated by white space, ``#`` starts a comment."""
    words: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        words.extend(raw.split("#", 1)[0].split())
    return words


def read_phrase_list(path: Path) -> list[str]:
    """Phrases of a list file: one a line, lower-cased, ``#`` comment lines skipped."""
    phrases: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = " ".join(raw.split("#", 1)[0].split()).lower()
        if line:
            phrases.append(line)
    return phrases


@lru_cache(maxsize=4)
def _shipped(name: str) -> tuple[str, ...]:
    return tuple(read_word_list(resource("wordlists", name)))


def shipped_words(name: str) -> tuple[str, ...]:
    """A word list from ``resources/wordlists/`` (cached; the files do not change at run time)."""
    return _shipped(name)


def medical_words() -> tuple[str, ...]:
    """The shipped medical/residency vocabulary, as written in the list."""
    return _shipped(MEDICAL_LIST)


@dataclass(frozen=True)
class Vocabulary:
    """Known words: the shipped lists plus a user dictionary, matched case-insensitively."""

    words: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def build(cls, user_words: Iterable[str] = ()) -> Vocabulary:
        """Shipped medical words plus ``user_words`` (the workspace dictionary)."""
        folded = {w.casefold() for w in medical_words()}
        folded.update(w.strip().casefold() for w in user_words if w.strip())
        return cls(frozenset(folded))

    def knows(self, word: str) -> bool:
        """Whether ``word`` (or its possessive / plural-s form) is a known word."""
        folded = word.strip().casefold().replace("’", "'")
        if folded in self.words:
            return True
        for suffix in ("'s", "s'", "s"):
            if folded.endswith(suffix) and folded[: -len(suffix)] in self.words:
                return True
        return False
