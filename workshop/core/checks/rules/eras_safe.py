"""Characters that may not survive ERAS plain text, and the one-click fix.

ERAS takes the statement as plain text (FACTS.md: word-processor characters may arrive broken).
The replacement table and the emoji ranges live in ``resources/checks/eras_safe.json``.
Letters of any script (accents, Arabic, Greek names) are left alone: they are text, not
formatting, and removing them would damage names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from workshop.core.checks.finding import Finding
from workshop.core.checks.rules.meta import load_json, make
from workshop.core.textio.bidi import strip_bidi_controls

RULE = "eras.unsafe_char"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str], re.Pattern[str]]:
    data = load_json("eras_safe.json")
    replacements: dict[str, str] = dict(data["replacements"])
    names: dict[str, str] = dict(data["names"])
    ranges = "".join(
        f"\\U{int(lo, 16):08x}-\\U{int(hi, 16):08x}" for lo, hi in data["emoji_ranges"]
    )
    singles = "".join(re.escape(ch) for ch in replacements if len(ch) == 1)
    # Control characters other than newline are hidden and break plain text too.
    controls = "\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f"
    pattern = re.compile(f"[{singles}{controls}{ranges}]+")
    return replacements, names, pattern


def _describe(char: str) -> str:
    _, names, _ = _table()
    if char in names:
        return names[char]
    if unicodedata.category(char) == "Cc":
        return f"hidden control character U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{name.lower()} (emoji or symbol)" if name else f"character U+{ord(char):04X}"


def _replacement(run: str) -> str:
    replacements, _, _ = _table()
    out: list[str] = []
    for char in run:
        out.append(replacements.get(char, ""))
    return "".join(out)


def find_unsafe(text: str) -> list[Finding]:
    """One finding per run of unsafe characters, with the plain replacement as suggestion."""
    _, _, pattern = _table()
    findings: list[Finding] = []
    for match in pattern.finditer(text):
        run = match.group()
        kinds = sorted({_describe(c) for c in run})
        detail = f"Contains {', '.join(kinds)}, which may not survive ERAS plain text."
        replacement = _replacement(run)
        findings.append(make(RULE, match.start(), match.end(), detail, (replacement,)))
    return findings


def make_eras_safe(text: str) -> str:
    """``text`` with every character that may break in ERAS replaced by a plain equivalent.

    Smart quotes become straight quotes, en dashes ``-``, em dashes ``--``, the ellipsis ``...``,
    tabs and odd spaces a plain space, bullets ``-``; zero-width, control and emoji characters
    are removed (with a doubled space left behind collapsed). Idempotent.
    """
    replacements, _, pattern = _table()
    text = text.replace("\r\n", "\n")
    text = strip_bidi_controls(text)  # a control between words becomes a space, never glue
    cleaned = pattern.sub(lambda m: _replacement(m.group()), text)
    # Removing an emoji between two spaces leaves two; collapse only those, not indentation.
    cleaned = re.sub(r"(?<=\S)  +(?=\S)", " ", cleaned) if cleaned != text else cleaned
    return re.sub(r"[ ]+\n", "\n", cleaned) if cleaned != text else cleaned
