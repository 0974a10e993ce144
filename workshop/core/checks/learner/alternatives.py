"""Closed-class alternatives for one word: the confusion sets the language model chooses among.

Learners' commonest slips after spelling (JFLEG dev, ERRANT classes) are the article, the
preposition, the verb's form and the noun's number. Each has a small, closed set of
alternatives, so a trigram model can compare the sentence as written with each variant instead
of having to understand it: "a experience" against "an experience", "discuss about" against
"discuss", "he have" against "he has", "two patient" against "two patients". The sets live in
``resources/checks/learner_lm.json``; inflections come from the shipped table
(``rules/inflections.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from workshop.core.checks.rules import inflections, lexicon
from workshop.core.checks.rules.meta import load_json

CLASSES: tuple[str, ...] = ("article", "preposition", "verb-form", "noun-number")


@dataclass(frozen=True)
class Alternative:
    """Replace one word by ``words`` (empty: delete it), an error of class ``kind``."""

    kind: str
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    """The confusion sets, margins and messages (``resources/checks/learner_lm.json``)."""
    data: dict[str, Any] = load_json("learner_lm.json")
    return data


@lru_cache(maxsize=1)
def _sets() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    data = config()
    return (
        frozenset(data["articles"]),
        tuple(data["prepositions"]),
        frozenset(data["never_change"]),
    )


@lru_cache(maxsize=1)
def _gates() -> dict[str, frozenset[str]]:
    data = config()
    return {
        "verb-form": frozenset(data["verb_form_after"]),
        "noun-number": frozenset(data["noun_number_after"]),
    }


def allowed(kind: str, previous: str) -> bool:
    """Whether a variant of class ``kind`` is worth scoring after the word ``previous``.

    Articles and prepositions always are; a verb's form only after a word that decides it
    (pronoun, modal, auxiliary, "to"), a noun's number only after a numeral or quantifier.
    """
    gate = _gates().get(kind)
    return gate is None or previous in gate


def articles() -> frozenset[str]:
    """a, an, the."""
    return _sets()[0]


@lru_cache(maxsize=65536)
def alternatives(word: str) -> tuple[Alternative, ...]:
    """Every variant worth scoring in place of ``word`` (lowercase), by error class."""
    arts, preps, never = _sets()
    if word in never:
        return ()
    if word in arts:
        return tuple(Alternative("article", (a,)) for a in sorted(arts) if a != word) + (
            Alternative("article", ()),
        )
    if word in preps:
        return tuple(Alternative("preposition", (p,)) for p in preps if p != word) + (
            Alternative("preposition", ()),
        )
    if not lexicon.available():
        return ()
    found: list[Alternative] = []
    seen = {word}
    for kind, forms in (("verb-form", _verb_forms(word)), ("noun-number", _noun_forms(word))):
        for form in forms:
            if form not in seen:
                seen.add(form)
                found.append(Alternative(kind, (form,)))
    return tuple(found)


def _verb_forms(word: str) -> tuple[str, ...]:
    forms: list[str] = []
    for lemma in lexicon.lemmas(word).get("VERB", ()):
        for tag_forms in inflections.all_inflections(lemma, upos="VERB").values():
            forms.extend(f for f in tag_forms if f.isalpha())
    return tuple(dict.fromkeys(forms))


def _noun_forms(word: str) -> tuple[str, ...]:
    forms: list[str] = []
    for lemma in lexicon.lemmas(word).get("NOUN", ()):
        for tag_forms in inflections.all_inflections(lemma, upos="NOUN").values():
            forms.extend(f for f in tag_forms if f.isalpha())
    return tuple(dict.fromkeys(forms))
