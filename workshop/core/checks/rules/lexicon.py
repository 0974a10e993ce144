"""What our agreement rules need to know about English words, loaded lazily once.

Two sources, both offline and shipped in ``resources/wordlists/``: LemmInflect's lemmas and
inflections of about 64,000 English words, as a read-only table (``inflections.py``; it answers
"can 'oppose' be anything but a verb?" and "what is the plural of 'company'?"), and two word
lists that say which nouns are countable and which are mass nouns (built from general-English
frequencies by ``build_noun_number.py``). Both are opened when the checker warms up on its
worker thread, never at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workshop.core.checks.rules import inflections
from workshop.core.resources import resource

WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+|[^\w\s]")


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark with its offsets (code points) into the paragraph."""

    text: str
    lower: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """A word (letters), not a number or punctuation."""
        return self.lower[:1].isalpha()

    @property
    def capitalised(self) -> bool:
        """Starts with a capital: a name or a sentence start, which the rules leave alone."""
        return self.text[:1].isupper()


def tokens(text: str) -> list[Token]:
    """Words and punctuation marks of ``text`` with their offsets."""
    return [
        Token(m.group(0), m.group(0).lower().replace("’", "'"), m.start(), m.end())
        for m in WORD_RE.finditer(text)
    ]


def available() -> bool:
    """The inflection table can be read (the rules that need it stay silent without it)."""
    return inflections.available()


@lru_cache(maxsize=1)
def _noun_lists() -> tuple[frozenset[str], frozenset[str]]:
    def read(name: str) -> frozenset[str]:
        lines = resource("wordlists", name).read_text(encoding="utf-8").splitlines()
        return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")

    return read("count_nouns.txt"), read("mass_nouns.txt")


@lru_cache(maxsize=65536)
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Lemmas by universal part of speech ("NOUN", "VERB", "ADJ"...), empty if unknown."""
    return inflections.all_lemmas(word)


def parts(word: str) -> frozenset[str]:
    """Parts of speech the word can have."""
    return frozenset(lemmas(word))


@lru_cache(maxsize=65536)
def verb_tags(word: str) -> frozenset[str]:
    """Penn tags (VB, VBZ, VBD, VBN, VBG, VBP) the word has as a form of any verb."""
    tags: set[str] = set()
    for lemma in lemmas(word).get("VERB", ()):
        for tag, forms in inflections.all_inflections(lemma, upos="VERB").items():
            if word in forms:
                tags.add(tag)
    return frozenset(tags)


def is_adjective_only(word: str) -> bool:
    """Only ever an adjective ("young", "sad"): skipped inside a noun phrase."""
    return parts(word) == {"ADJ"}


def is_base_verb_only(word: str) -> bool:
    """A verb in its base form that is nothing else ("oppose", "learn"; not "found", "cut")."""
    if parts(word) != {"VERB"} or word not in lemmas(word)["VERB"]:
        return False
    return not verb_tags(word) & {"VBD", "VBN", "VBZ", "VBG"}


def is_base_verb(word: str) -> bool:
    """Base form of a verb that may also be a noun ("affect", "try"), not a past form."""
    if word not in lemmas(word).get("VERB", ()):
        return False
    return not verb_tags(word) & {"VBD", "VBN", "VBZ", "VBG"}


def is_singular_count_noun(word: str) -> bool:
    """A singular countable noun that is only a noun ("company", "thing"; not "work")."""
    count, _mass = _noun_lists()
    return word in count and lemmas(word).get("NOUN") == (word,) and parts(word) == {"NOUN"}


def is_count_noun_form(word: str) -> bool:
    """A singular countable noun that may also be a verb ("school", "plan"), never an adjective."""
    count, _mass = _noun_lists()
    return word in count and lemmas(word).get("NOUN") == (word,) and "ADJ" not in parts(word)


def is_plural_noun(word: str) -> bool:
    """A regular or irregular plural noun that is only a noun ("books", "children")."""
    nouns = lemmas(word).get("NOUN", ())
    return parts(word) == {"NOUN"} and bool(nouns) and all(n != word for n in nouns)


def mass_singular(word: str) -> str | None:
    """For a plural of a mass noun ("informations") its singular, else None."""
    _count, mass = _noun_lists()
    if not is_plural_noun(word) or not word.endswith("s"):
        return None
    singular = lemmas(word)["NOUN"][0]
    return singular if singular in mass else None


def singular_of(word: str) -> str | None:
    """The singular of a plural noun ("days" → "day", "children" → "child"), else None."""
    nouns = lemmas(word).get("NOUN", ())
    return nouns[0] if is_plural_noun(word) and nouns else None


def plural_of(word: str) -> str | None:
    """The usual plural of a noun ("company" → "companies")."""
    forms = inflections.all_inflections(word, upos="NOUN").get("NNS", ())
    others = [form for form in forms if form != word]
    return others[0] if others else None


def third_person(verb: str) -> str | None:
    """The -s form of a verb ("try" → "tries")."""
    forms = inflections.all_inflections(verb, upos="VERB").get("VBZ", ())
    return forms[0] if forms else None
