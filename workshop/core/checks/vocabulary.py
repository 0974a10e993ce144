"""Words that are right even when a general dictionary does not know them.

Medical and residency terms (USMLE, observership, piperacillin, eGFR) come from word lists in
``resources/wordlists/`` (``medical.txt``, the topic files under ``clinical/`` and the IMG
place names of ``places.txt``, all written for this project); the user's own "Add to
dictionary" words are passed in by the caller (the workspace stores them), never kept in a
global.

Case matters for the shipped lists the way it does in a printed dictionary: an entry written in
lower case ("troponin") matches in any case, one with capitals ("NSTEMI", "eGFR", "Tylenol")
only as written or in all capitals. Otherwise the abbreviation "IM" would hide the learner's
"im" for "I'm", and "LOS" the typo "los". User words match in any case, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from workshop.core.checks.near_words import NearIndex
from workshop.core.resources import resource

MEDICAL_LIST = "medical.txt"
#: Every shipped list of words that are right in a statement (paths under ``wordlists/``).
WORD_LISTS: tuple[str, ...] = (
    MEDICAL_LIST,
    "clinical/abbreviations.txt",
    "clinical/anatomy.txt",
    "clinical/diseases.txt",
    "clinical/drugs.txt",
    "clinical/labs.txt",
    "clinical/procedures.txt",
    "clinical/specialties.txt",
    "clinical/training.txt",
    "places.txt",
)
# Hyphen parts shorter than this are prefixes ("e-consult", "X-ray"), not words to accept.
_MIN_PART = 3
# A shorter word in the wrong case is as likely a different word ("im" is not "IM").
_MIN_RECASE = 4


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


@lru_cache(maxsize=16)
def _shipped(name: str) -> tuple[str, ...]:
    return tuple(read_word_list(resource("wordlists", *name.split("/"))))


def shipped_words(name: str) -> tuple[str, ...]:
    """A word list from ``resources/wordlists/`` (cached; the files do not change at run time)."""
    return _shipped(name)


@lru_cache(maxsize=1)
def medical_words() -> tuple[str, ...]:
    """Every shipped clinical/residency word as written, plus the parts of hyphenated entries.

    The parts are there because engines split at hyphens: Harper checks "Guillain" and "Barré"
    of "Guillain-Barré" one by one. This is also the list the service imports into Harper.
    """
    seen: dict[str, None] = {}
    for name in WORD_LISTS:
        for word in _shipped(name):
            seen.setdefault(word)
            if "-" in word:
                for part in word.split("-"):
                    if len(part) >= _MIN_PART and not part.isdigit():
                        seen.setdefault(part)
    return tuple(seen)


@dataclass(frozen=True)
class _Shipped:
    """The shipped words indexed for the three ways a word can match."""

    any_case: frozenset[str]  # lower-case entries, case-folded
    cased: frozenset[str]  # entries with capitals, as written
    upper: frozenset[str]  # those entries in all capitals ("HBA1C" for "HbA1c")
    by_fold: Mapping[str, str]  # case-folded → the listed spelling ("nstemi" → "NSTEMI")


@lru_cache(maxsize=1)
def _shipped_index() -> _Shipped:
    words = medical_words()
    lower = frozenset(w.casefold() for w in words if w == w.lower())
    cased = frozenset(w for w in words if w != w.lower())
    by_fold: dict[str, str] = {}
    for word in words:
        by_fold.setdefault(word.casefold(), word)
    return _Shipped(lower, cased, frozenset(w.upper() for w in cased), by_fold)


@lru_cache(maxsize=1)
def _near_index() -> NearIndex:
    # Whole lower-case entries only: a hyphen part ("maker" of "decision-maker") is an
    # everyday word, and offering it first would reorder the engine's fixes for no reason.
    entries = (w for name in WORD_LISTS for w in _shipped(name))
    return NearIndex(w for w in entries if w == w.lower() and w.isalpha())


def _empty() -> _Shipped:
    return _Shipped(frozenset(), frozenset(), frozenset(), {})


def _stems(word: str) -> Iterator[str]:
    """The word and what it may be the plural or possessive of ("comorbidities" → "comorbidity")."""
    yield word
    for suffix in ("'s", "s'", "'"):
        if word.endswith(suffix) and len(word) > len(suffix):
            word = word[: -len(suffix)]
            yield word
            break
    if len(word) > 3 and word.endswith("ies"):
        yield word[:-3] + "y"
    if len(word) > 3 and word.endswith("es"):
        yield word[:-2]
    if len(word) > 2 and word.endswith("s"):
        yield word[:-1]


@dataclass(frozen=True)
class Vocabulary:
    """Known words: the shipped lists plus a user dictionary.

    ``words`` are case-folded words matched in any case (the user's); the shipped lists are
    matched by their own case rule (see the module docstring).
    """

    words: frozenset[str] = field(default_factory=frozenset)
    shipped: _Shipped = field(default_factory=_empty, repr=False, compare=False)

    @classmethod
    def build(cls, user_words: Iterable[str] = ()) -> Vocabulary:
        """Shipped clinical words plus ``user_words`` (the workspace dictionary)."""
        folded = frozenset(w.strip().casefold() for w in user_words if w.strip())
        _near_index()  # built once, here, so the service's warm-up pays for it
        return cls(folded, _shipped_index())

    def knows(self, word: str) -> bool:
        """Whether ``word``, or the word it is a plural or possessive of, is a known word.

        A hyphenated word is known when each part is (a number counts as known).
        """
        clean = word.strip().replace("’", "'")
        if not clean:
            return False
        if any(self._known_form(stem) for stem in _stems(clean)):
            return True
        parts = clean.split("-")
        return len(parts) > 1 and all(
            p.isdigit() or any(self._known_form(s) for s in _stems(p)) for p in parts if p
        )

    def _known_form(self, word: str) -> bool:
        folded = word.casefold()
        if folded in self.words or folded in self.shipped.any_case:
            return True
        return word in self.shipped.cased or (word.isupper() and word in self.shipped.upper)

    def listed_spelling(self, word: str) -> str | None:
        """The listed spelling of a shipped word written in another case ("nstemi" → "NSTEMI").

        ``None`` when the word is known as written, is not a shipped word in any case, or is
        shorter than four letters ("im" is not "IM"). A plural keeps its ending
        ("Sloes" → "SLOEs").
        """
        clean = word.strip().replace("’", "'")
        if not clean or self.knows(clean):
            return None
        folded = clean.casefold()
        for ending in ("", "s", "'s"):
            stem = folded[: len(folded) - len(ending)]
            if not folded.endswith(ending) or len(stem) < _MIN_RECASE:
                continue
            listed = self.shipped.by_fold.get(stem)
            if listed is not None:
                return listed + clean[len(stem) :]
        return None

    def is_listed_name(self, word: str) -> bool:
        """Whether ``word`` is a shipped entry written with capitals (a place, brand, code).

        The engine knows them too once imported, and then offers them as fixes for unrelated
        words ("barangay" → "Warangal", "Sylheti" → "Sylhet"); the policy filters them out.
        """
        return word in self.shipped.cased

    def near(self, word: str) -> tuple[str, ...]:
        """Shipped lower-case words one edit (or one swap) away from ``word``: its likely fix."""
        return _near_index().near(word.casefold()) if self.shipped.any_case else ()
