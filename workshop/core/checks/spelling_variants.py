"""Telling a British spelling ("centre", "prioritise") from a real misspelling.

Applicants trained outside the U.S. often write British English; U.S. programs read American
English, so that is worth a note, but it is not a typo. A flagged word whose suggestion differs
from it only by the regular British/American patterns is re-labelled as advice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words whose British spelling ends in -our (colour, behaviour): a list, not a pattern, since
# "author", "tour", "hour" and "four" end in -our in both spellings.
_OUR_STEMS = "|".join(
    (
        "ard",
        "arm",
        "behavi",
        "cand",
        "clam",
        "col",
        "demean",
        "endeav",
        "fav",
        "ferv",
        "flav",
        "glam",
        "harb",
        "hon",
        "hum",
        "lab",
        "neighb",
        "od",
        "parl",
        "rig",
        "rum",
        "sav",
        "savi",
        "splend",
        "tum",
        "val",
        "vap",
        "vig",
    )
)
# Regular British → American correspondences (applied to both words before comparing).
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^((?:mis|dis)?(?:{_OUR_STEMS}))our"), r"\1or"),
    (re.compile(r"practis(e|ed|es|ing)$"), r"practic\1"),
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"tr(ed|ing)$"), r"ter\1"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe(?=[a-z])"), "e"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"ogue$"), "og"),
)


# Whole words no pattern covers and no dictionary suggests ("programme" → "programmed").
_WORDS = {"programme": "program", "programmes": "programs"}


def americanise(word: str) -> str:
    """``word`` (lower-cased) with the regular British patterns turned American."""
    out = word.lower().replace("’", "'")
    if out in _WORDS:
        return _WORDS[out]
    for pattern, replacement in _PATTERNS:
        out = pattern.sub(replacement, out)
    return out


def american_variant(word: str, suggestions: Iterable[str]) -> str | None:
    """The suggestion that is the American spelling of ``word``, if there is one."""
    target = americanise(word)
    if target == word.lower().replace("’", "'"):
        return None
    if word.lower() in _WORDS:
        return _same_case(target, word)
    for suggestion in suggestions:
        if suggestion.lower() != word.lower() and suggestion.lower() == target:
            return suggestion
    return None


def _same_case(target: str, word: str) -> str:
    return target[:1].upper() + target[1:] if word[:1].isupper() else target
