"""Remove bidirectional control characters without gluing words together.

Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) mark where a run of the other
direction starts or ends, such as an Arabic name in an English sentence, and pasted text often has
them *instead of* a space: ``"at\\u2067مستشفى\\u2069today"`` shows as three words. Dropping them
would leave ``"atمستشفىtoday"``, so a control between two non-space characters becomes one space.
Marks (LRM, RLM, ALM) sit beside punctuation and digits inside a word and are simply removed.
An override can also disguise text (U+202E shows "exe.doc" as "cod.exe"), another reason no
export keeps them.
"""

from __future__ import annotations

import re
from typing import Final

RUN_CONTROLS: Final = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
MARKS: Final = "\u200e\u200f\u061c"
_RUNS: Final = re.compile(f"[{RUN_CONTROLS}{MARKS}]+")


def strip_bidi_controls(text: str) -> str:
    """``text`` without bidi controls; a run of them between two non-spaces becomes a space
    unless it held only marks."""
    if not _RUNS.search(text):
        return text

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        if not any(char in RUN_CONTROLS for char in match.group()):
            return ""
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        return "" if before.isspace() or after.isspace() else " "

    return _RUNS.sub(replace, text)
