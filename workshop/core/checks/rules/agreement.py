"""Agreement rules that need to know what a word can be: number and verb-form errors.

Harper catches agreement with pronouns right next to a verb; learners' commonest slips it
misses need a small lexicon (:mod:`lexicon`): a singular noun after "many" ("many company"),
a base verb after a singular subject ("the professor oppose", "she also need"), "to" after a
modal ("can't to do"), "who are" after a singular noun, plurals of mass nouns
("informations"), "a" before a plural ("a books") and "be" before a base verb ("would be
decrease"). Each rule fires only when every word is unambiguous in the lexicon, because a
false alarm in a personal statement costs the user's trust; the word classes are in
``resources/checks/agreement.json``. Measured on JFLEG dev (tests/benchmarks/jfleg_quality.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from workshop.core.checks.finding import Finding
from workshop.core.checks.rules import lexicon
from workshop.core.checks.rules.lexicon import Token
from workshop.core.checks.rules.meta import load_json, make
from workshop.core.checks.vocabulary import medical_words


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    data = load_json("agreement.json")
    return {
        key: (
            frozenset(value)
            if key != "plural_quantifier_phrases"
            else tuple(tuple(p) for p in value)
        )
        for key, value in data.items()
        if not key.startswith("_")
    }


@lru_cache(maxsize=1)
def _phrases_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _words()["plural_quantifier_phrases"]:
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in by_first.items()}


def _is_punct(token: Token) -> bool:
    return not token.lower[:1].isalnum()


def _name_like(toks: list[Token], i: int) -> bool:
    """Capitalised but not first in its sentence: probably a name, which rules leave alone."""
    return toks[i].capitalised and i > 0 and toks[i - 1].text not in (".", "!", "?")


def _skip_modifiers(toks: list[Token], j: int, kinds: frozenset[str]) -> int:
    """Index of the first token at or after ``j`` that is not an adjective/adverb modifier."""
    while (
        j < len(toks)
        and toks[j].is_word
        and lexicon.parts(toks[j].lower)
        and (lexicon.parts(toks[j].lower) <= kinds)
    ):
        j += 1
    return j


_ADJ = frozenset({"ADJ"})
_ADJ_ADV = frozenset({"ADJ", "ADV"})


def _ends_phrase(toks: list[Token], j: int) -> bool:
    """The noun at ``j`` ends its noun phrase (no second noun of a compound follows)."""
    if j + 1 >= len(toks):
        return True
    nxt = toks[j + 1]
    if nxt.lower in ("-", "'s", "’s"):
        return False
    if _is_punct(nxt):
        return True
    # "many car owners": a second word that can only be a noun makes a compound
    return lexicon.parts(nxt.lower) != {"NOUN"} or nxt.lower in _words()["prepositions"]


def _quantifier_end(toks: list[Token], k: int) -> int | None:
    """Index after a plural quantifier starting at ``k`` ("many", "a number of"), else None."""
    words = _words()
    low = toks[k].lower
    if low in words["plural_quantifiers"]:
        if low == "certain" and k > 0 and toks[k - 1].lower in ("a", "an"):
            return None
        return k + 1
    for phrase in _phrases_by_first_word().get(low, ()):
        end = k + len(phrase)
        if end <= len(toks) and tuple(t.lower for t in toks[k:end]) == phrase:
            return end
    return None


def find_quantifier_noun(toks: list[Token]) -> Iterator[Finding]:
    """'many company', 'one of the best thing': a plural quantifier before a singular noun."""
    for k in range(len(toks)):
        end = _quantifier_end(toks, k)
        if end is None:
            continue
        j = _skip_modifiers(toks, end, _ADJ_ADV)
        if j >= len(toks) or toks[j].capitalised:
            continue
        noun = toks[j].lower
        if noun in _words()["determiner_like"] or not _ends_phrase(toks, j):
            continue
        if not lexicon.is_singular_count_noun(noun):
            continue
        plural = lexicon.plural_of(noun)
        yield make(
            "grammar.quantifier_noun",
            toks[j].start,
            toks[j].end,
            f"After '{' '.join(t.text for t in toks[k:end])}' the noun is plural: "
            f"'{plural or noun + 's'}'.",
            (plural,) if plural else (),
        )


def _subject_end(toks: list[Token], k: int) -> int | None:
    """Index of the last token of a singular subject starting at ``k``, else None."""
    words = _words()
    low = toks[k].lower
    if low in words["subject_pronouns"]:
        return k
    if low == "this" and (k == 0 or _is_punct(toks[k - 1])):
        return k
    if low not in words["subject_determiners"]:
        return None
    if low in ("this", "that") and k > 0 and not _is_punct(toks[k - 1]):
        return None
    j = _skip_modifiers(toks, k + 1, _ADJ)
    if j >= len(toks) or toks[j].capitalised:
        return None
    noun = toks[j].lower
    if noun in words["collective_nouns"] or noun in words["determiner_like"]:
        return None
    return j if lexicon.is_count_noun_form(noun) else None


def _licensed(toks: list[Token], k: int) -> bool:
    """Something before the subject (in its clause) makes a bare verb correct."""
    words = _words()
    if k > 0 and toks[k - 1].lower in words["prepositions"]:
        return True
    for token in reversed(toks[max(0, k - 4) : k]):
        if _is_punct(token):
            break
        if token.lower in words["bare_verb_licensors"]:
            return True
    return False


def find_subject_verb(toks: list[Token]) -> Iterator[Finding]:
    """'the school try', 'she also need': a singular subject before a base-form verb."""
    words = _words()
    for k in range(len(toks)):
        end = _subject_end(toks, k)
        if end is None or _licensed(toks, k):
            continue
        j = end + 1
        while j < len(toks) and toks[j].lower in words["adverbs"]:
            j += 1
        if j >= len(toks) or toks[j].capitalised:
            continue
        verb = toks[j].lower
        nxt = toks[j + 1].lower if j + 1 < len(toks) else ""
        if verb in words["not_verbs"] or nxt == "not":
            continue  # "she need not come" is an old but correct modal use
        if not lexicon.is_base_verb_only(verb):
            ambiguous_verb = lexicon.is_base_verb(verb) and "ADJ" not in lexicon.parts(verb)
            object_follows = nxt in words["object_starts"] or "VBG" in lexicon.verb_tags(nxt)
            if not (ambiguous_verb and object_follows):
                continue
        third = lexicon.third_person(verb)
        yield make(
            "grammar.subject_verb",
            toks[j].start,
            toks[j].end,
            f"'{' '.join(t.text for t in toks[k : end + 1])}' is singular: "
            f"use '{third or verb + 's'}' (or a past form).",
            (third,) if third else (),
        )


def find_modal_to(toks: list[Token]) -> Iterator[Finding]:
    """'can't to do', 'must to go': a modal verb takes the bare infinitive."""
    words = _words()
    for k in range(len(toks) - 1):
        if toks[k].lower not in words["modals"]:
            continue
        if k > 0 and toks[k - 1].lower in words["subject_determiners"]:
            continue  # "the will to live" is a noun
        j = k + 1 + (toks[k + 1].lower == "not")
        if j < len(toks) and toks[j].lower == "to":
            yield make(
                "grammar.modal_to",
                toks[j].start,
                toks[j].end,
                f"After '{toks[k].text}' use the verb without 'to'.",
                ("",),
            )


def find_relative_agreement(toks: list[Token]) -> Iterator[Finding]:
    """'a person who are', 'companies that has': the verb agrees with the noun before 'who'."""
    words = _words()
    for k in range(1, len(toks) - 1):
        if toks[k].lower not in words["relative_pronouns"] or _name_like(toks, k - 1):
            continue
        noun, verb = toks[k - 1].lower, toks[k + 1].lower
        singular = lexicon.is_singular_count_noun(noun) and noun not in words["collective_nouns"]
        if singular and verb in words["plural_verbs"]:
            number = "singular"
        elif lexicon.is_plural_noun(noun) and verb in words["singular_verbs"]:
            number = "plural"
        else:
            continue
        yield make(
            "grammar.relative_agreement",
            toks[k + 1].start,
            toks[k + 1].end,
            f"'{toks[k].text}' refers to '{toks[k - 1].text}', which is {number}.",
        )


@lru_cache(maxsize=1)
def _medical() -> frozenset[str]:
    return frozenset(word.lower() for word in medical_words())


def find_mass_plural(toks: list[Token]) -> Iterator[Finding]:
    """'informations', 'advices': mass nouns have no plural (medical plurals like
    'attendings' are in the vocabulary and left alone)."""
    for token in toks:
        if token.capitalised or not token.is_word or token.lower in _medical():
            continue
        singular = lexicon.mass_singular(token.lower)
        if singular:
            yield make(
                "grammar.mass_plural",
                token.start,
                token.end,
                f"'{singular}' is usually uncountable: write '{singular}'.",
                (singular,),
            )


def find_singular_det_plural(toks: list[Token]) -> Iterator[Finding]:
    """'a books', 'every students': a singular determiner before a plural noun."""
    words = _words()
    for k in range(len(toks) - 1):
        if toks[k].lower not in words["singular_determiners"]:
            continue
        j = _skip_modifiers(toks, k + 1, _ADJ)
        if j >= len(toks) or toks[j].capitalised or not lexicon.is_plural_noun(toks[j].lower):
            continue
        if not _ends_phrase(toks, j) or (j + 1 < len(toks) and toks[j + 1].lower == "of"):
            continue
        if any(t.lower in words["determiner_like"] for t in toks[k + 1 : j]):
            continue  # "a few days", "a hundred patients"
        singular = lexicon.singular_of(toks[j].lower)
        # The words as written with the noun made singular: "every days" -> "every day".
        fix = " ".join([toks[k].text, *(t.text for t in toks[k + 1 : j]), singular or ""])
        yield make(
            "grammar.singular_det_plural",
            toks[k].start,
            toks[j].end,
            f"'{toks[k].text}' needs a singular noun, but '{toks[j].text}' is plural.",
            (fix,) if singular else (),
        )


def find_be_base(toks: list[Token]) -> Iterator[Finding]:
    """'would be decrease', 'I am agree': a form of 'be' before a base-form verb."""
    words = _words()
    for k in range(len(toks) - 1):
        if toks[k].lower not in words["be_forms"] or _pseudo_cleft(toks, k):
            continue
        j = k + 1
        while j < len(toks) and (toks[j].lower in words["adverbs"] or toks[j].lower == "not"):
            j += 1
        if j < len(toks) and not toks[j].capitalised and lexicon.is_base_verb_only(toks[j].lower):
            yield make(
                "grammar.be_base",
                toks[k].start,
                toks[j].end,
                f"'{toks[k].text} {toks[j].text}': after 'be' use '-ing', a past participle "
                f"or an adjective, or drop '{toks[k].text}'.",
            )


def _pseudo_cleft(toks: list[Token], k: int) -> bool:
    """'What they did is reduce ...': a bare verb after 'is' is correct after do/did."""
    for token in reversed(toks[max(0, k - 6) : k]):
        if _is_punct(token):
            return False
        if token.lower in _words()["pseudo_cleft"]:
            return True
    return False


RULES: tuple[Callable[[list[Token]], Iterator[Finding]], ...] = (
    find_quantifier_noun,
    find_subject_verb,
    find_modal_to,
    find_relative_agreement,
    find_mass_plural,
    find_singular_det_plural,
    find_be_base,
)


def find_agreement(text: str) -> list[Finding]:
    """Every agreement rule on one paragraph (silent when the inflection table cannot be read)."""
    if not lexicon.available():
        return []
    toks = lexicon.tokens(text)
    found: list[Finding] = []
    for rule in RULES:
        found.extend(rule(toks))
    return found
