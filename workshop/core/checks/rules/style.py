"""Sentence-level style rules: long sentences, passive voice, adverb density, nearby repeats.

These are advice, never errors: they point at places worth a second look. Thresholds are named
constants here and explained in ``resources/checks/rules.json``; the word lists they use
(irregular participles, state-like participles, -ly words that are not adverbs, function words)
are in ``resources/wordlists/``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workshop.core.checks.finding import Finding
from workshop.core.checks.rules.meta import make
from workshop.core.checks.textspans import Span, sentences, words
from workshop.core.checks.vocabulary import shipped_words

LONG_RULE = "clarity.long_sentence"
PASSIVE_RULE = "style.passive"
ADVERB_RULE = "style.adverbs"
REPEAT_RULE = "style.repeated_word"

MAX_SENTENCE_WORDS = 35
ADVERB_SHARE = 0.04  # Hemingway's rule of thumb: about one adverb per 25 words at most
MIN_ADVERBS = 3
REPEAT_WINDOW = 10  # words
MIN_REPEAT_LENGTH = 4

_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)"


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    def folded(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in shipped_words(name))

    return (
        folded("irregular_participles.txt"),
        folded("passive_exceptions.txt"),
        folded("not_adverbs.txt"),
        folded("stopwords.txt"),
    )


@lru_cache(maxsize=1)
def _passive_re() -> re.Pattern[str]:
    irregular = "|".join(sorted(_lists()[0], key=len, reverse=True))
    return re.compile(
        rf"\b{_BE}\s+(?:(?:not|never|also|then|often|\w+ly)\s+)?"
        rf"(?P<verb>\w+ed|{irregular})\b(?!\s+(?:to|that|of|with|about|in|by\s+the\s+time))",
        re.IGNORECASE,
    )


def find_long_sentences(text: str) -> list[Finding]:
    """Advice on each sentence over :data:`MAX_SENTENCE_WORDS` words."""
    findings = []
    for sentence in sentences(text):
        count = len(sentence.text.split())
        if count > MAX_SENTENCE_WORDS:
            detail = f"This sentence has {count} words (over {MAX_SENTENCE_WORDS})."
            findings.append(make(LONG_RULE, sentence.start, sentence.end, detail))
    return findings


def find_passive(text: str) -> list[Finding]:
    """Advice on "be/get + past participle" unless the participle is a state ("interested")."""
    _, exceptions, _, _ = _lists()
    findings = []
    for match in _passive_re().finditer(text):
        if match.group("verb").lower() in exceptions:
            continue
        detail = f"'{match.group()}' is passive voice."
        findings.append(make(PASSIVE_RULE, match.start(), match.end(), detail))
    return findings


def find_adverbs(text: str) -> list[Finding]:
    """Advice on every -ly adverb of a paragraph whose adverb share is over the threshold."""
    _, _, not_adverbs, _ = _lists()
    all_words = list(words(text))
    adverbs = [
        w
        for w in all_words
        if len(w.text) > 4 and w.text.lower().endswith("ly") and w.text.lower() not in not_adverbs
    ]
    if len(adverbs) < MIN_ADVERBS or len(adverbs) / max(len(all_words), 1) <= ADVERB_SHARE:
        return []
    share = 100 * len(adverbs) / len(all_words)
    detail = (
        f"{len(adverbs)} adverbs in {len(all_words)} words ({share:.0f}%) in this paragraph; "
        f"'{{word}}' is one."
    )
    return [make(ADVERB_RULE, w.start, w.end, detail.format(word=w.text)) for w in adverbs]


def find_repeats(text: str) -> list[Finding]:
    """Advice on a content word used again within :data:`REPEAT_WINDOW` words (same sentence).

    Immediate doubles ("the the") are left to the grammar engine; names and function words are
    skipped because repeating them is normal.
    """
    _, _, _, stop = _lists()
    findings = []
    for sentence in sentences(text):
        recent: list[Span] = []
        for word in words(sentence.text, sentence.start):
            key = word.text.lower()
            if len(key) < MIN_REPEAT_LENGTH or key in stop or not key.isalpha():
                recent.append(Span(word.start, ""))
                continue
            window = recent[-REPEAT_WINDOW:]
            earlier = next((w for w in window if w.text.lower() == key), None)
            if earlier is not None and window and window[-1] is not earlier:
                detail = f"'{word.text}' is repeated within {REPEAT_WINDOW} words."
                findings.append(make(REPEAT_RULE, word.start, word.end, detail))
            recent.append(word)
    return findings
