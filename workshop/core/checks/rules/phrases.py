"""Phrase rules: cliches and stock openers, and negative talk about where you trained.

Both lists are data (``resources/checks/cliches.txt``, ``negative_talk.json``); matching ignores
case, curly vs straight apostrophes and extra spaces, and always respects word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from workshop.core.checks.finding import Finding
from workshop.core.checks.rules.meta import load_json, make
from workshop.core.checks.textspans import sentences
from workshop.core.checks.vocabulary import read_phrase_list
from workshop.core.resources import resource

CLICHE_RULE = "style.cliche"
NEGATIVE_RULE = "residency.negative_talk"


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any phrase, longest first, on word boundaries."""
    return _phrase_pattern(tuple(sorted(set(phrases), key=lambda p: (-len(p), p))))


@lru_cache(maxsize=256)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for phrase in phrases:
        words = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
        parts.append(r"\s+".join(words))
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w'’-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def cliche_phrases() -> tuple[str, ...]:
    """The shipped cliche list."""
    return tuple(read_phrase_list(resource("checks", "cliches.txt")))


@lru_cache(maxsize=1)
def _cliche_re() -> re.Pattern[str]:
    return phrase_pattern(cliche_phrases())


def find_cliches(text: str) -> list[Finding]:
    """Advice on each cliche or stock opener."""
    findings = []
    for match in _cliche_re().finditer(text):
        detail = f"'{match.group()}' is a stock phrase in personal statements."
        findings.append(make(CLICHE_RULE, match.start(), match.end(), detail))
    return findings


@lru_cache(maxsize=1)
def _negative_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_json("negative_talk.json")
    return phrase_pattern(data["negative"]), phrase_pattern(data["targets"])


def find_negative_talk(text: str) -> list[Finding]:
    """A warning on a sentence that pairs a harsh word with an institution or health system."""
    negative, targets = _negative_res()
    findings = []
    for sentence in sentences(text):
        harsh = negative.search(sentence.text)
        if harsh is None or targets.search(sentence.text) is None:
            continue
        detail = (
            f"'{harsh.group()}' in a sentence about an institution or health system may read "
            "as criticism of where you trained."
        )
        findings.append(make(NEGATIVE_RULE, sentence.start, sentence.end, detail))
    return findings
