"""Document-level readability: the ARI grade and the share of sentences that start with "I".

ARI (Automated Readability Index, Smith & Senter 1967; the formula Hemingway uses):
``4.71 * characters/words + 0.5 * words/sentences - 21.43``, where characters are letters and
digits. It needs no syllable counting, so it is stable on medical words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workshop.core.checks.finding import Finding
from workshop.core.checks.rules.meta import RuleContext, make
from workshop.core.checks.textspans import Span, paragraphs, sentences

ARI_RULE = "clarity.readability"
I_RULE = "style.i_starts"
I_SHARE = 1 / 3
MIN_SENTENCES_FOR_SHARE = 6
_STARTS_WITH_I = re.compile(r"^[\"'“‘(]*I(?:['’](?:m|ve|d|ll))?\b")


_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=8)
def all_sentences(text: str) -> tuple[Span, ...]:
    """Sentences of every paragraph, in document order (cached: rules and stats share it)."""
    found: list[Span] = []
    for paragraph in paragraphs(text):
        found.extend(sentences(paragraph.text, paragraph.start))
    return tuple(found)


@lru_cache(maxsize=8)
def ari_grade(text: str) -> float:
    """ARI grade of ``text`` (0.0 for text without words)."""
    tokens = text.split()
    if not tokens:
        return 0.0
    chars = len(_NOT_ALNUM.sub("", text))
    count = max(len(all_sentences(text)), 1)
    return 4.71 * chars / len(tokens) + 0.5 * len(tokens) / count - 21.43


def check_readability(text: str, context: RuleContext) -> list[Finding]:
    """Advice when the ARI grade is above the target (only for texts of 100+ words)."""
    if len(text.split()) < 100:
        return []
    grade = ari_grade(text)
    if grade <= context.ari_target:
        return []
    detail = (
        f"Readability grade (ARI) is {grade:.1f}; the target is {context.ari_target:g} or lower."
    )
    return [make(ARI_RULE, 0, 0, detail)]


def check_i_starts(text: str) -> list[Finding]:
    """Advice, on each such sentence's "I", when over a third of sentences start with it."""
    found = all_sentences(text)
    if len(found) < MIN_SENTENCES_FOR_SHARE:
        return []
    starting = [s for s in found if _STARTS_WITH_I.match(s.text)]
    if len(starting) / len(found) <= I_SHARE:
        return []
    detail = f"{len(starting)} of {len(found)} sentences start with 'I'."
    findings = []
    for sentence in starting:
        at = sentence.start + sentence.text.index("I")
        findings.append(make(I_RULE, at, at + 1, detail))
    return findings
