"""Telling a British spelling ("centre", "prioritise") from a real misspelling.

Applicants trained outside the U.S. often write British English; U.S. programs read American
English, so that is worth a note, but it is not a typo. A flagged word whose suggestion differs
from it only by the regular British/American patterns is re-labelled as advice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Regular British → American correspondences (applied to both words before comparing).
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"our(?=s?$|ed$|ing$|ite|able|ful|less)"), "or"),
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe(?=[a-z])"), "e"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"ogue$"), "og"),
)


def _americanise(word: str) -> str:
    out = word.lower().replace("’", "'")
    for pattern, replacement in _PATTERNS:
        out = pattern.sub(replacement, out)
    return out


def american_variant(word: str, suggestions: Iterable[str]) -> str | None:
    """The suggestion that is the American spelling of ``word``, if there is one."""
    target = _americanise(word)
    if target == word.lower():
        return None
    for suggestion in suggestions:
        if suggestion.lower() != word.lower() and suggestion.lower() == target:
            return suggestion
    return None
