"""Document-length rules: the ERAS character limit and the usual word range.

How characters are counted (the choice, explained): MyERAS counts "letters, digits, spaces and
punctuation" (FACTS.md) and does not publish how it counts line breaks or emoji. A web form
submits each line break as CR LF (two characters) and JavaScript measures strings in UTF-16
units (an emoji is two). We count the same way, so our number is never below the one ERAS can
compute: a statement we call "under 28,000" cannot be rejected for length. Both choices live in
``resources/checks/eras.json`` (``newline_counts_as``, ``count_utf16_units``).
"""

from __future__ import annotations

import re

from workshop.core.checks.finding import Finding
from workshop.core.checks.rules.meta import eras_config, make
from workshop.core.checks.textspans import word_count

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
CHARS_RULE = "eras.length.chars"
WORDS_RULE = "eras.length.words"


def eras_char_count(text: str) -> int:
    """Characters as ERAS may count them: every character, spaces and line breaks included."""
    config = eras_config()
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    count = len(normalised)
    if config.get("count_utf16_units", True):
        count += 0 if normalised.isascii() else len(_ASTRAL.findall(normalised))
    count += (int(config.get("newline_counts_as", 2)) - 1) * normalised.count("\n")
    return count


def check_chars(text: str) -> list[Finding]:
    """Error when the statement is over the ERAS limit; the span marks the overflow."""
    limit = int(eras_config()["statement_char_limit"])
    count = eras_char_count(text)
    if count <= limit:
        return []
    # Walk back from the end until what remains fits, so the overflow is highlighted.
    overflow_start = len(text)
    excess = count - limit
    removed = 0
    while overflow_start > 0 and removed < excess:
        overflow_start -= 1
        removed += eras_char_count(text[overflow_start])
    detail = (
        f"The statement has {count:,} characters as ERAS counts them, "
        f"{excess:,} over the {limit:,} limit."
    )
    return [make(CHARS_RULE, overflow_start, len(text), detail)]


def check_words(text: str) -> list[Finding]:
    """Advice when the word count is outside the usual one-page range."""
    config = eras_config()
    low, high = int(config["words_min"]), int(config["words_max"])
    count = word_count(text)
    if count == 0 or low <= count <= high:
        return []
    side = "short" if count < low else "long"
    detail = f"The statement has {count} words: {side} for the usual {low}-{high}."
    return [make(WORDS_RULE, 0, 0, detail)]
