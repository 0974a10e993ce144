"""Text that every writer can take: no XML-illegal control characters, Word's breaks as breaks.

Why: a statement pasted from Word carries its manual line break (U+000B, Shift+Enter) and
sometimes other C0 controls; python-docx refuses them ("All strings must be XML compatible")
and reportlab draws them as boxes. Cleaning the whole document description once, before any
writer sees it, covers every field (body, names, titles, notes) in one place.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

T = TypeVar("T")

#: Word's manual line break and page break (and a lone CR) become the line break we keep.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
#: Not allowed in XML 1.0 at all: C0 controls except tab and newline, and the non-characters.
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")
#: A run with no break opportunity this long is no word or link anyone reads: reportlab splits
#: it a character at a time (100,000 characters took 25 s). A zero-width space every
#: ``_CHUNK`` characters lets it wrap at once and changes nothing that is seen.
_LONG_RUN = re.compile(r"\S{200,}")
_CHUNK = 60
_ZWSP = "\u200b"


def _breakable(match: re.Match[str]) -> str:
    run = match.group(0)
    return _ZWSP.join(run[i:i + _CHUNK] for i in range(0, len(run), _CHUNK))


def xml_safe(text: str) -> str:
    """``text`` with breaks normalised, XML-illegal characters removed and very long unbroken
    runs made breakable."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    return _LONG_RUN.sub(_breakable, _ILLEGAL.sub("", text))


def clean_tree(value: T) -> T:
    """A copy of a document description (dataclasses, lists, tuples, dicts) with safe text."""
    return _clean(value)  # type: ignore[no-any-return]


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return xml_safe(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.init}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, tuple):
        return type(value)(*(_clean(item) for item in value)) if hasattr(value, "_fields") \
            else tuple(_clean(item) for item in value)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    return value
