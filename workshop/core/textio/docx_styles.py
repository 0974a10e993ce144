"""Which paragraphs of a .docx are headings, and which are list items by their style.

Word keeps both facts on the paragraph style more often than on the paragraph: a "Heading 1"
paragraph has no outline level of its own, and a "List Bullet" paragraph has no numbering of
its own; both come from ``styles.xml``, through ``w:basedOn`` chains. Style *ids* are
translated in localized Word (German Word writes ``berschrift1``) but the built-in style
*names* are always English ("heading 1"), so headings are recognised by name or outline level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"heading\s*([1-9])")
_LIST_DEPTH = re.compile(r"list (?:bullet|number|continue)\s+([2-9])")
_MAX_CHAIN = 20  # a basedOn loop in a damaged file must not hang the import


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str
    outline_level: int | None
    num_id: str | None
    ilvl: int | None


@dataclass(frozen=True)
class ListRef:
    """A paragraph's numbering: which list (``num_id``) and which level of it (0 = top)."""

    num_id: str
    ilvl: int
    depth: int
    """Nesting shown as indentation: ``ilvl``, or the "List Bullet 2" style's level."""


class StyleSheet:
    """The paragraph styles of one document, read once."""

    def __init__(self, styles_element: Any | None) -> None:
        self._styles: dict[str, _Style] = {}
        self._default = ""
        if styles_element is None:
            return
        for style in styles_element.iterchildren(f"{W}style"):
            if style.get(f"{W}type") != "paragraph":
                continue
            style_id = style.get(f"{W}styleId") or ""
            if style.get(f"{W}default") in ("1", "true", "on"):
                self._default = style_id
            ppr = style.find(f"{W}pPr")
            num_id, ilvl = _num_pr(ppr)
            self._styles[style_id] = _Style(
                name=(_val(style.find(f"{W}name")) or style_id).lower(),
                based_on=_val(style.find(f"{W}basedOn")),
                outline_level=_outline(ppr),
                num_id=num_id, ilvl=ilvl)

    def _chain(self, paragraph: Any) -> list[_Style]:
        style_id = _val(paragraph.find(f"{W}pPr/{W}pStyle")) or self._default
        chain: list[_Style] = []
        while style_id and style_id in self._styles and len(chain) < _MAX_CHAIN:
            style = self._styles[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def heading_level(self, paragraph: Any) -> int:
        """1 for Title and Heading 1, 2 for Subtitle and Heading 2, …; 0 for body text."""
        own = _outline(paragraph.find(f"{W}pPr"))
        if own is not None:
            return own + 1 if own < 9 else 0
        for style in self._chain(paragraph):
            if style.name == "title":
                return 1
            if style.name == "subtitle":
                return 2
            match = _HEADING.fullmatch(style.name)
            if match:
                return int(match.group(1))
            if style.outline_level is not None:
                return style.outline_level + 1 if style.outline_level < 9 else 0
        return 0

    def list_ref(self, paragraph: Any) -> ListRef | None:
        """The paragraph's numbering, its own or its style's; None when it is not a list item.

        ``numId`` 0 means "numbering removed" (a style's list switched off on one paragraph).
        """
        num_id, ilvl = _num_pr(paragraph.find(f"{W}pPr"))
        chain = self._chain(paragraph)
        for style in chain:
            if num_id is not None and ilvl is not None:
                break
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
        if num_id is None or num_id == "0":
            return None
        level = max(0, min(ilvl or 0, 8))
        depth = level
        for style in chain[:1]:
            match = _LIST_DEPTH.fullmatch(style.name)
            if match and level == 0:
                depth = int(match.group(1)) - 1
        return ListRef(num_id=num_id, ilvl=level, depth=max(0, min(depth, 8)))


def _val(element: Any | None) -> str:
    return "" if element is None else str(element.get(f"{W}val") or "")


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _outline(ppr: Any | None) -> int | None:
    return None if ppr is None else _int(_val(ppr.find(f"{W}outlineLvl")))


def _num_pr(ppr: Any | None) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    num_pr = ppr.find(f"{W}numPr")
    if num_pr is None:
        return None, None
    num = num_pr.find(f"{W}numId")
    level = num_pr.find(f"{W}ilvl")
    return (_val(num) if num is not None else None,
            _int(_val(level)) if level is not None else None)
