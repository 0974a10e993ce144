"""What to do with a spelling finding once the whole text is known.

The engines flag every word their dictionary lacks, and offer the nearest word they know. A
statement is full of words a general dictionary lacks and that are right: clinical terms,
abbreviations, names and places. For those the nearest known word is a *different* word
(pathophysiology → psychophysiology, piperacillin → penicillin, Öztürk → Stark), and one click
would damage the statement. So, per finding:

- a word the vocabulary knows (shipped clinical lists, user dictionary, with plurals and
  possessives) is dropped, and so is any language finding inside a code such as H-1B or PGY-1;
- a known word in the wrong case ("nstemi") gets its listed spelling as the one fix;
- a British spelling of a known word ("haemoptysis") is advice with the American spelling;
- a probable name or place (a capital inside a sentence, letters outside ASCII, a word written
  with a capital mid-sentence elsewhere in the text) is advice with no suggestion, unless it
  is a long ASCII word one typing slip from a dictionary word ("Goverments"): that stays;
- an abbreviation or code (NSTEMI, HbA1c, eGFR) the lists lack is advice with no suggestion
  (not inside a sentence written all in capitals, where every word looks like one);
- a clinical-looking word (-itis, -ectomy, -cillin, -mab …) keeps only fixes one typing slip
  away (a listed clinical word, or the engine's own) and is otherwise advice;
- any other unknown word keeps the engine's finding, with a listed clinical word one slip away
  offered first ("troponn" → "troponin"), and a common word one edit away first when the
  engine offers only a split ("aplying" → "applying", not "a plying": :mod:`single_word_fix`).
Listed names, brands and codes are never offered as the fix of a different word: the engine
knows them once imported and would offer "Warangal" for "barangay".
The check service calls :func:`review` on every result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from workshop.core.checks import spelling_context, word_shapes
from workshop.core.checks.finding import LANGUAGE_CATEGORIES, Finding
from workshop.core.checks.near_words import osa_distance
from workshop.core.checks.single_word_fix import Frequency, prefer_single_word
from workshop.core.checks.spelling_context import SpellingContext
from workshop.core.checks.spelling_variants import american_variant, americanise
from workshop.core.checks.vocabulary import Vocabulary

NAME_MESSAGE = "Probable name or place: add it to the dictionary if it is spelled right."
ABBREVIATION_MESSAGE = (
    "Abbreviation not in the dictionary: check it, and add it if it is right "
    "(spell out an uncommon one at first use)."
)
UNKNOWN_TERM_MESSAGE = "Not in the dictionary: check the spelling or add it."
_MAX_SUGGESTIONS = 5
# A capitalised word this long one slip from a dictionary word is a typo, not a name.
_MIN_NAME_SLIP_LENGTH = 7
# British forms of listed words the engine does not know are long (haemoptysis, oesophagitis).
_MIN_BRITISH_LENGTH = 7
_NOWHERE = spelling_context.read("")


def review(
    findings: Iterable[Finding],
    text: str,
    vocabulary: Vocabulary,
    frequency: Frequency | None = None,
) -> list[Finding]:
    """The findings to show, with spelling findings judged against the whole ``text``.

    ``frequency`` (a language model's unigram log10 probability, when one is loaded) tells a
    common word from a rare one, for one-word fixes of typos the engine would split.
    """
    context = spelling_context.read(text)
    kept: list[Finding] = []
    for finding in findings:
        judged = _judge(finding, text, context, vocabulary, frequency)
        if judged is not None:
            kept.append(judged)
    return kept


def _judge(
    finding: Finding,
    text: str,
    context: SpellingContext,
    vocabulary: Vocabulary,
    frequency: Frequency | None = None,
) -> Finding | None:
    if finding.category not in LANGUAGE_CATEGORIES or not finding.excerpt.strip():
        return finding
    if text[finding.start : finding.end] != finding.excerpt:
        context = _NOWHERE  # a finding from another text: judge the word alone
        start, end = finding.start, finding.end
        word = finding.excerpt.strip()
    else:
        start, end = spelling_context.core_span(text, finding.start, finding.end)
        word = text[start:end] or finding.excerpt
    if end > start and context.in_code(start, end):
        return None
    if finding.category == "spelling":
        judged = _judge_spelling(finding, word, context, vocabulary)
        if judged is None or judged.severity == "advice":
            return judged
        return prefer_single_word(judged, word, frequency)
    if _case_lint_on_listed_form(finding, vocabulary):
        return None
    return finding


def _case_lint_on_listed_form(finding: Finding, vocabulary: Vocabulary) -> bool:
    """Harper's "canonical spelling is `sloes`" on "SLOEs": the listed form is right as written.

    Only a word with a capital after its first letter counts: "troponin" → "Troponin" at the
    start of a sentence is a real capitalisation finding and stays.
    """
    word = finding.excerpt.strip()
    if " " in word or not any(c.isupper() for c in word[1:]):
        return False
    if not all(s.casefold() == word.casefold() for s in finding.suggestions):
        return False
    return vocabulary.knows(word)


def _judge_spelling(
    finding: Finding, word: str, context: SpellingContext, vocabulary: Vocabulary
) -> Finding | None:
    if all(vocabulary.knows(w) for w in word.split()):
        return None
    if " " in word.strip():
        return finding
    if len(word) == 1 and word.isupper() and finding.excerpt.strip().endswith("."):
        return None  # an initial: "B. J. Medical College"
    listed = vocabulary.listed_spelling(word)
    if listed is not None:
        return replace(
            finding, severity="warning", message=f"Written '{listed}'.", suggestions=(listed,)
        )
    if american_variant(word, finding.suggestions) is not None:
        return finding  # already British-spelling advice (engines/harper_engine.map_lint)
    american = _american_of_known(word, vocabulary)
    if american is not None:
        return _british(finding, american)
    finding = _with_suggestions(finding, _without_other_names(word, finding, vocabulary))
    if _probable_name(word, finding.start, context):
        slips = _name_slips(word, finding.suggestions, vocabulary)
        if slips:
            return _with_suggestions(finding, slips)
        return _advice(finding, NAME_MESSAGE)
    if context.in_mixed_word(finding.start, finding.end) or (
        word_shapes.is_abbreviation(word) and not context.in_capitals(finding.start)
    ):
        return _advice(finding, ABBREVIATION_MESSAGE)
    near = vocabulary.near(word)
    if word_shapes.looks_clinical(word):
        slips = _same_case_all(
            [*near, *(s for s in finding.suggestions if _one_slip(word, s))], word, limit=3
        )
        if not slips:
            return _advice(finding, UNKNOWN_TERM_MESSAGE)
        return replace(_with_suggestions(finding, slips), severity="warning")
    if near:
        return _with_suggestions(finding, _same_case_all([*near, *finding.suggestions], word))
    return finding


def _with_suggestions(finding: Finding, suggestions: tuple[str, ...]) -> Finding:
    """``finding`` with other fixes; a message naming a fix no longer offered is rewritten."""
    if suggestions == finding.suggestions:
        return finding
    named = re.findall(r"`([^`]+)`", finding.message)
    if all(n == finding.excerpt or n in suggestions for n in named):
        return replace(finding, suggestions=suggestions)
    message = f"Did you mean '{suggestions[0]}'?" if suggestions else UNKNOWN_TERM_MESSAGE
    return replace(finding, suggestions=suggestions, message=message)


def _without_other_names(word: str, finding: Finding, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The engine's fixes minus listed names that are not ``word`` misspelled.

    "Tylenl" keeps "Tylenol" (one slip); "barangay" loses "Warangal", and "Sylheti" (the
    language of Sylhet) loses "Sylhet": a word that starts with a name is derived from it.
    """
    return tuple(
        s
        for s in finding.suggestions
        if not vocabulary.is_listed_name(s) or (_one_slip(word, s) and not word.startswith(s))
    )


def _probable_name(word: str, start: int, context: SpellingContext) -> bool:
    if word_shapes.has_foreign_letters(word):
        return True
    if not word_shapes.is_capitalized(word):
        return False
    return not context.capital_expected_at(start) or context.is_name_elsewhere(word)


def _name_slips(word: str, suggestions: Iterable[str], vocabulary: Vocabulary) -> tuple[str, ...]:
    """Fixes one slip away from a capitalised word that is then not a name after all.

    A listed name one slip away is that name misspelled ("Tylenl" → "Tylenol", "Lahroe" →
    "Lahore"). Otherwise only a long ASCII word counts ("Goverments", "Amricans"): a name one
    slip from a long dictionary word is rare, while short names have real words one letter
    away (Eze → Eve, Capiz → Cadiz) and get none.
    """
    long_ascii = len(word) >= _MIN_NAME_SLIP_LENGTH and word.isascii()
    slips = (
        s
        for s in suggestions
        if _one_slip(word, s) and (long_ascii or vocabulary.is_listed_name(s))
    )
    return _same_case_all(slips, word, limit=3)


def _american_of_known(word: str, vocabulary: Vocabulary) -> str | None:
    """The American spelling of ``word`` when that is a listed word ("haemoptysis")."""
    if len(word) < _MIN_BRITISH_LENGTH:
        return None  # "cours" → "cors": short words match the patterns by accident
    american = americanise(word)
    if american == word.lower().replace("’", "'") or not vocabulary.knows(american):
        return None
    return _same_case(american, word)


def _british(finding: Finding, american: str) -> Finding:
    return replace(
        finding,
        severity="advice",
        message=(
            f"British spelling: U.S. programs read American English ('{american}'). "
            "Keep one spelling throughout."
        ),
        suggestions=(american,),
    )


def _advice(finding: Finding, message: str) -> Finding:
    return replace(finding, severity="advice", message=message, suggestions=())


def _one_slip(word: str, suggestion: str) -> bool:
    """A fix that is clearly the same word: one letter added, dropped, changed or swapped."""
    if " " in suggestion or suggestion.casefold() == word.casefold():
        return False
    return osa_distance(word.casefold(), suggestion.casefold()) == 1


def _same_case(suggestion: str, word: str) -> str:
    if word[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _same_case_all(
    suggestions: Iterable[str], word: str, limit: int = _MAX_SUGGESTIONS
) -> tuple[str, ...]:
    out: list[str] = []
    for suggestion in suggestions:
        cased = _same_case(suggestion, word)
        if cased not in out and cased != word:
            out.append(cased)
    return tuple(out[:limit])
