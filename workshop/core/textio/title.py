"""The title an imported statement gets: the document's own, its first heading, or its name.

A list of statements titled "draft_v3_FINAL" is hard to use, and Word files usually know their
title better: in the document properties (File > Info), or as a "Title" / "Heading 1" line at
the top. The properties title is only trusted when someone typed it: Word, python-docx and
printed-to-PDF files leave defaults such as "Document1", "Word Document" or
"Microsoft Word - draft.docx" there. A heading used as the title is taken out of the text, so
it is not counted twice against the ERAS limit (ERAS has its own title-less field).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from workshop.core.textio.docx_text import Block, BlockKind
from workshop.core.textio.report import TitleSource

MAX_TITLE_CHARS = 120  # longer than this, a "heading" is a paragraph someone styled big
_PLACEHOLDER = re.compile(
    r"(?:document|doc|untitled(?: document)?|word document|new document|new microsoft word "
    r"document|title|document title|click here to enter (?:a )?title\.?)\s*\d*", re.IGNORECASE)
_GENERATED = re.compile(r"^microsoft word\s*-|\.docx?$", re.IGNORECASE)
_MARKDOWN_H1 = re.compile(r"#[ \t]+(?P<title>[^\n]*?)[ \t]*#*[ \t]*")


@dataclass(frozen=True)
class TitleChoice:
    title: str
    source: TitleSource
    drop_first_block: bool = False


def clean(title: str) -> str:
    return " ".join(title.split())


def is_placeholder(title: str) -> bool:
    """True for an empty title or one a program filled in (never one a person typed)."""
    text = clean(title)
    return (not any(char.isalnum() for char in text) or bool(_PLACEHOLDER.fullmatch(text))
            or bool(_GENERATED.search(text)) or len(text) > MAX_TITLE_CHARS)


def from_file_name(path: Path) -> str:
    return clean(path.stem.replace("_", " ")) or "Imported statement"


def choose_docx_title(*, given: str, properties: str, blocks: tuple[Block, ...],
                      path: Path) -> TitleChoice:
    """Given > properties > a first-line Title or Heading 1 > the file name.

    The first block is dropped when it is the heading that became the title, or repeats the
    properties title word for word.
    """
    if given.strip():
        return TitleChoice(clean(given), TitleSource.GIVEN)
    heading = _first_heading(blocks)
    if not is_placeholder(properties):
        same = heading is not None and heading.casefold() == clean(properties).casefold()
        return TitleChoice(clean(properties), TitleSource.PROPERTIES, drop_first_block=same)
    if heading is not None:
        return TitleChoice(heading, TitleSource.HEADING, drop_first_block=True)
    return TitleChoice(from_file_name(path), TitleSource.FILE_NAME)


def _first_heading(blocks: tuple[Block, ...]) -> str | None:
    if not blocks or blocks[0].kind is not BlockKind.HEADING or blocks[0].level != 1:
        return None
    text = clean(blocks[0].text)
    return None if is_placeholder(text) else text


def split_markdown_title(text: str) -> tuple[str, str] | None:
    """``(title, rest)`` when the first non-blank line is a ``# Heading``; else None."""
    stripped = text.lstrip("\ufeff \t\n")
    first, _, rest = stripped.partition("\n")
    match = _MARKDOWN_H1.fullmatch(first.rstrip("\r"))
    if match is None or is_placeholder(match.group("title")):
        return None
    return clean(match.group("title")), rest.lstrip("\r\n")
