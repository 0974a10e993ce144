"""ERAS Letter IDs: a conservative format check and the canonical form used for uniqueness.

MyERAS creates a Letter ID when the applicant confirms a letter entry; the Letter Request Form
carries it, and each ID is used once (AAMC LoR chapter, FACTS.md). The AAMC pages we rely on do
not state the exact format, so instead of inventing one the check is deliberately loose and only
refuses what cannot be an ID: after removing spaces and hyphens (people paste IDs in groups) it
must be 6 to 20 letters or digits. Case does not matter; the canonical form is upper case.
The bounds live in ``templates/letters/facts.toml``.
"""

from __future__ import annotations

import re
import unicodedata

from workshop.core.errors import UserError
from workshop.core.letters.facts import letter_facts

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")
_ALNUM = re.compile(r"[A-Z0-9]+")


def normalize_letter_id(text: str) -> str:
    """Canonical form of a typed or pasted Letter ID ("" stays "": no ID yet).

    Full-width characters are folded (NFKC), separators dropped, letters upper-cased.

    Raises:
        UserError: not 6-20 ASCII letters/digits once separators are removed.
    """
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        return ""
    canonical = _SEPARATORS.sub("", raw).upper()
    facts = letter_facts()
    low, high = facts.letter_id_min_length, facts.letter_id_max_length
    shown = raw if len(raw) <= 40 else raw[:40] + "\u2026"
    if not _ALNUM.fullmatch(canonical):
        bad = sorted({c for c in canonical if not ("A" <= c <= "Z" or "0" <= c <= "9")})
        raise UserError(
            f'"{shown}" is not a Letter ID: it contains {", ".join(repr(c) for c in bad[:5])}.',
            hint="Copy the Letter ID from MyERAS or the Letter Request Form; it has only "
            "letters and digits.", where="Letter ID")
    if not low <= len(canonical) <= high:
        raise UserError(
            f'"{shown}" is not a Letter ID: it has {len(canonical)} letters and digits, '
            f"expected {low} to {high}.",
            hint="Copy the whole Letter ID from MyERAS or the Letter Request Form.",
            where="Letter ID")
    return canonical


def is_valid_letter_id(text: str) -> bool:
    """True for a non-empty ID that :func:`normalize_letter_id` accepts."""
    try:
        return bool(normalize_letter_id(text))
    except UserError:
        return False
