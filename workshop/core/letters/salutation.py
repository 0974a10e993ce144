"""Salutations derived from a writer's family name and title, aware of family-name-first orders.

"Dr. Zhang Wei" written family-first is "Dear Dr. Zhang", not "Dear Dr. Wei"; "Nagy Péter" of
Budapest is "Dear Dr. Nagy". The order comes from the writer's ``name_order`` (automatic by
default: family-first for a writer outside the U.S. whose country writes names that way, or
whose native name is in Han, Hangul or Kana). The title is the one typed before the name, else
a doctoral degree after it ("Ananya Iyer, MD"), else a position that implies it ("Professor of
Medicine", "Attending Physician"). The lists live in ``templates/letters/names.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from workshop.core.letters.facts import read_letters_toml
from workshop.core.letters.model import LetterWriter, NameOrder
from workshop.core.resources import template

_EAST_ASIAN = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
                         "\uac00-\ud7af\uf900-\ufaff]")


@cache
def _names() -> dict[str, Any]:
    return read_letters_toml(template("letters", "names.toml"))


@dataclass(frozen=True, slots=True)
class NameParts:
    """A writer's name read for a salutation."""

    honorific: str  # "Dr.", "Professor", "" when nothing says so
    given: str
    family: str
    family_first: bool


def _key(word: str) -> str:
    return word.lower().replace(".", "").strip(",")


def family_first(writer: LetterWriter) -> bool:
    """Whether the writer's name is read family name first (``name_order`` wins)."""
    if writer.name_order is NameOrder.FAMILY_FIRST:
        return True
    if writer.name_order is NameOrder.GIVEN_FIRST:
        return False
    if writer.is_us:
        return False
    country = writer.country.strip().casefold()
    countries = {c.casefold() for c in _names()["family_first_countries"]}
    return country in countries or bool(_EAST_ASIAN.search(writer.native_name))


def name_parts(writer: LetterWriter) -> NameParts:
    """Honorific, given and family name of ``writer`` as the salutation reads them."""
    data = _names()
    words = writer.name.replace(",", " , ").split()
    honorific = ""
    while words and _key(words[0]) in data["honorifics"]:
        honorific = honorific or data["honorifics"][_key(words[0])]
        words.pop(0)
    doctoral = set(data["suffixes"]["doctoral"])
    known_suffix = doctoral | set(data["suffixes"]["other"])
    degree = False
    while words and (words[-1] == "," or _key(words[-1]) in known_suffix):
        degree = degree or _key(words[-1]) in doctoral
        words.pop()
    words = [w for w in words if w != ","]
    if not honorific:
        honorific = "Dr." if degree else _title_honorific(writer.title)
    first = family_first(writer)
    if not words:
        return NameParts(honorific, "", "", first)
    if first or len(words) == 1:
        return NameParts(honorific, " ".join(words[1:]), words[0], first)
    particles = set(data["particles"])
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in particles:
        start -= 1
    return NameParts(honorific, " ".join(words[:start]), " ".join(words[start:]), first)


def _title_honorific(title: str) -> str:
    lowered = title.casefold()
    titles = _names()["titles"]
    if any(word in lowered for word in titles["professor"]):
        return "Professor"
    if any(word in lowered for word in titles["doctor"]):
        return "Dr."
    return ""


def derived_salutation(writer: LetterWriter) -> str:
    """"Dear Dr. Zhang" from the family name and title; "Dear Ananya Iyer" without a title."""
    parts = name_parts(writer)
    if parts.honorific and parts.family:
        return f"Dear {parts.honorific} {parts.family}"
    plain = " ".join(x for x in ((parts.family, parts.given) if parts.family_first
                                 else (parts.given, parts.family)) if x)
    return f"Dear {plain or writer.name}"


def salutation(writer: LetterWriter) -> str:
    """The salutation the texts use: the writer's own when typed, else the derived one."""
    typed = writer.salutation.strip().rstrip(",")
    if typed:
        return typed if typed.lower().startswith("dear") else f"Dear {typed}"
    return derived_salutation(writer)
