"""Facts about the whole text that a spelling decision needs: codes, sentence starts, names.

An engine sees one paragraph and flags a word; whether that word is a name depends on where it
stands (a capital inside a sentence is a name, at its start it is only a capital) and on the
rest of the text (a word written with a capital mid-sentence elsewhere is a name everywhere).
Visa, training-year and exam codes (H-1B, J-1, PGY-1, COVID-19, Step 2 CK, H&P) are one token to
a reader, but engines split them and flag a piece: Harper read the "B" of "H-1B" as a byte and
"B." as a misspelling, so findings inside such a code are dropped.
"""

from __future__ import annotations

import re
from functools import cached_property

from workshop.core.checks.textspans import sentences, words

# Codes a reader sees as one token. Letters, a hyphen, digits and maybe letters: H-1B, J-1,
# PGY-1, COVID-19, DS-2019, CURB-65, PHQ-9, SARS-CoV-2; "Step 1", "Step 2 CK", "Step 3";
# capitals joined by "&": H&P, L&D, M&M, PM&R.
_CODE = re.compile(
    r"\b[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d+[A-Za-z]*(?:-\d+)?\b"
    r"|\bStep\s+[123](?:\s+C[KS])?\b"
    r"|\b[A-Z]+&[A-Z]+(?:s|'s)?\b"
)
# Words mixing letters and digits (SpO2, B12, CD4, T2DM, HbA1c): not English words at all.
_MIXED = re.compile(r"\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]+\b")
_CAPITALS_WORDS = 3
_OPENERS = "\"'“‘([{*-•–—"


class SpellingContext:
    """What one text tells about the words in it (offsets are code points into it).

    Codes are found at once (one regular expression); sentence starts and names need a pass
    over every word, so they are worked out the first time a finding asks.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self.codes = tuple((m.start(), m.end()) for m in _CODE.finditer(text))
        self.mixed = tuple((m.start(), m.end()) for m in _MIXED.finditer(text))

    def in_code(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies inside a code like H-1B."""
        return any(s <= start and end <= e for s, e in self.codes)

    def in_mixed_word(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies inside a word mixing letters and digits (SpO2)."""
        return any(s <= start and end <= e for s, e in self.mixed)

    def capital_expected_at(self, start: int) -> bool:
        """Whether a word at ``start`` has a capital anyway: it starts a sentence, or a quote
        or the text after a colon."""
        return start in self._sentences[0]

    def is_name_elsewhere(self, word: str) -> bool:
        """Whether ``word`` is written, as here, with a capital inside a sentence somewhere."""
        return word in self._sentences[1]

    def in_capitals(self, start: int) -> bool:
        """Whether ``start`` is inside a sentence written all in capitals ("SOME LUCE POINTS")."""
        return any(s <= start < e for s, e in self._sentences[2])

    @cached_property
    def _sentences(
        self,
    ) -> tuple[frozenset[int], frozenset[str], tuple[tuple[int, int], ...]]:
        expected: set[int] = set()
        names: set[str] = set()
        capitals: list[tuple[int, int]] = []
        for sentence in sentences(self._text):
            if _in_capitals(sentence.text):
                capitals.append((sentence.start, sentence.end))
            first = True
            for word in words(sentence.text, sentence.start):
                if first or _after_colon_or_quote(self._text, word.start):
                    expected.add(word.start)
                elif word.text[:1].isupper():
                    names.add(word.text)
                first = False
        return frozenset(expected), frozenset(names), tuple(capitals)


def read(text: str) -> SpellingContext:
    """The context of ``text`` for :mod:`spelling_policy`."""
    return SpellingContext(text)


def _in_capitals(sentence: str) -> bool:
    """Three or more words and no lower-case letter: shouting or a heading, not abbreviations."""
    return len(sentence.split()) >= _CAPITALS_WORDS and not any(c.islower() for c in sentence)


def _after_colon_or_quote(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip()
    return bool(before) and (before[-1] in ":;" or before[-1] in _OPENERS)


def core_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without trailing punctuation ("B." → "B"), for containment tests."""
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end
