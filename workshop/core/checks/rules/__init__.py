"""Residency and style rules of our own, split by how they can be cached.

Paragraph rules look at one paragraph at a time (offsets into it) and are cached by paragraph
text and context; document rules need the whole text (length, readability, sentence openers).
"""

from __future__ import annotations

from collections.abc import Callable

from workshop.core.checks.finding import Finding
from workshop.core.checks.rules import (
    agreement,
    eras_safe,
    grammar,
    length,
    outdated,
    phrases,
    readability,
    style,
    tailoring,
)
from workshop.core.checks.rules.meta import RuleContext, RuleMeta, all_rules

ParagraphRule = Callable[[str, RuleContext], list[Finding]]
DocumentRule = Callable[[str, RuleContext], list[Finding]]

PARAGRAPH_RULES: tuple[ParagraphRule, ...] = (
    lambda text, ctx: eras_safe.find_unsafe(text),
    lambda text, ctx: phrases.find_cliches(text),
    lambda text, ctx: phrases.find_negative_talk(text),
    tailoring.find_other_programs,
    tailoring.find_other_specialty,
    lambda text, ctx: outdated.find_outdated(text),
    lambda text, ctx: style.find_long_sentences(text),
    lambda text, ctx: style.find_passive(text),
    lambda text, ctx: style.find_adverbs(text),
    lambda text, ctx: style.find_repeats(text),
    lambda text, ctx: grammar.find_grammar(text),
    lambda text, ctx: agreement.find_agreement(text),
)

DOCUMENT_RULES: tuple[DocumentRule, ...] = (
    lambda text, ctx: length.check_chars(text),
    lambda text, ctx: length.check_words(text),
    readability.check_readability,
    lambda text, ctx: readability.check_i_starts(text),
)


def run_paragraph_rules(text: str, context: RuleContext) -> list[Finding]:
    """Every paragraph rule on one paragraph (offsets into ``text``)."""
    found: list[Finding] = []
    for rule in PARAGRAPH_RULES:
        found.extend(rule(text, context))
    return found


def run_document_rules(text: str, context: RuleContext) -> list[Finding]:
    """Every document rule on the whole text."""
    found: list[Finding] = []
    for rule in DOCUMENT_RULES:
        found.extend(rule(text, context))
    return found


__all__ = [
    "DOCUMENT_RULES",
    "PARAGRAPH_RULES",
    "RuleContext",
    "RuleMeta",
    "all_rules",
    "run_document_rules",
    "run_paragraph_rules",
]
