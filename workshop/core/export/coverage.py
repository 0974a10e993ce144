"""Which characters of a document no font can draw: the export says so instead of dropping them.

Walks every string of a document description (the same tree :mod:`text_safety` cleans) and
asks :func:`workshop.core.export.fonts.missing` about each. The PDF keeps such a character as
an empty box; the .docx keeps it as text (Word may find a system font for it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from workshop.core.export import fonts


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def missing_characters(value: Any) -> list[str]:
    """Characters of any string in ``value`` (a document, a dict of texts) no font draws."""
    found: list[str] = []
    for text in _strings(value):
        for char in fonts.missing(text):
            if char not in found:
                found.append(char)
    return found


def font_warnings(value: Any, where: str = "") -> list[str]:
    """One clear line per character no font draws, naming the character and its script."""
    return [fonts.missing_warning(char, where) for char in missing_characters(value)]
