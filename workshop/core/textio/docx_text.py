"""The visible text of a .docx as blocks a plain-text statement can hold, and a tally of the rest.

Safety comes before parsing, in the one opener every .docx goes through
(:mod:`workshop.core.textio.safe_docx`: encrypted, PDF, damaged and zip-bomb files are refused
from their first bytes and the zip directory). The XML is read with python-docx (lxml, entities
not resolved).

The statement editor separates paragraphs with a blank line and keeps a single newline as a
line break, so the structure Word draws is kept in those two terms: a heading is its own
paragraph, a list is one paragraph of "• item" or "1. item" lines, a table is one line per row
with its cells separated by :data:`~workshop.core.textio.report.TABLE_SEPARATOR`. What plain
text cannot hold (images, text boxes, footnotes, comments, the page header) is left out and
counted, so the import report can say so; a footnote's text is kept for the report. A document
whose only text is in text boxes (a layout template) is read from its boxes instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from workshop.core.textio.docx_numbering import ListNumbering
from workshop.core.textio.docx_styles import StyleSheet, W
from workshop.core.textio.report import TABLE_SEPARATOR, ContentCounts
from workshop.core.textio.safe_docx import open_document

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# Subtrees with no visible body text: field codes, properties (whose w:tab elements are tab
# stops, not tabs), ruby annotations, and the fallback copy of alternate content.
_SKIP = {f"{W}instrText", f"{W}pPr", f"{W}rPr", f"{W}sdtPr", f"{W}sdtEndPr", f"{W}rt",
         f"{MC}Fallback", f"{W}delInstrText"}
_DELETED = {f"{W}del", f"{W}moveFrom"}
_INSERTED = {f"{W}ins", f"{W}moveTo"}
_PAGE_BREAK = "\x0c"  # a marker while a paragraph is read; becomes a paragraph break
_OFF = ("0", "false", "off")
CELL_JOIN = " / "
_PAGE_NUMBER = re.compile(r"(?:page\s*)?\d+(?:\s*(?:of|/)\s*\d+)?", re.IGNORECASE)


class BlockKind(Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list item"
    TABLE_ROW = "table row"


@dataclass(frozen=True)
class Block:
    """One unit of the imported text; ``group`` tells two lists or two tables apart."""

    kind: BlockKind
    text: str
    level: int = 0
    group: int = 0


@dataclass(frozen=True)
class DocxContent:
    blocks: tuple[Block, ...]
    counts: ContentCounts
    properties_title: str


def read_docx(path: Path | str | bytes, where: str = "") -> DocxContent:
    """The blocks of a statement's .docx, what was left out, and its properties' title.

    Raises:
        UserError: encrypted, not a Word file, corrupt, or a zip bomb.
    """
    document, _ = open_document(
        path, where, what="statement",
        pick="Pick the statement saved as .docx from Word, Pages or Google Docs.")
    part = document.part
    reader = _BodyReader(StyleSheet(_related_element(part, "styles")),
                         ListNumbering(_related_element(part, "numbering")))
    reader.read(document.element.body)
    if not any(block.text.strip() for block in reader.blocks) and reader.boxes:
        reader.read_boxes()  # a layout of text boxes: the boxes are the statement
    reader.counts.headers_footers = _header_footer_texts(part)
    reader.counts.footnote_texts = _note_texts(part, "footnotes") + _note_texts(part, "endnotes")
    return DocxContent(tuple(reader.blocks), reader.counts, _properties_title(document))


def read_docx_text(path: Path) -> str:
    """The statement's text (blocks joined as the editor shows them).

    Raises:
        UserError: encrypted, not a Word file, corrupt, or a zip bomb.
    """
    return join_blocks(read_docx(path).blocks)


def join_blocks(blocks: tuple[Block, ...] | list[Block]) -> str:
    """Blank lines between blocks; single newlines between the lines of one list or table."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if previous is not None:
            together = (block.kind is previous.kind and block.group == previous.group
                        and block.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW))
            parts.append("\n" if together else "\n\n")
        parts.append(block.text)
        previous = block
    return "".join(parts)


class _BodyReader:
    """Walks the body once, in reading order, appending blocks and counting the rest."""

    def __init__(self, styles: StyleSheet, numbering: ListNumbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.counts = ContentCounts()
        self.blocks: list[Block] = []
        self._comments: set[str] = set()
        self._lists = 0
        self._list_id = ""
        self.boxes: list[Any] = []

    def read(self, container: Any) -> None:
        for child in container.iterchildren():
            tag = child.tag
            if tag == f"{W}p":
                self._paragraph(child)
            elif tag == f"{W}tbl":
                self._table(child)
            elif tag in (f"{W}sdt", f"{W}customXml"):
                content = child.find(f"{W}sdtContent")
                self.read(content if content is not None else child)
        self.counts.comments = len(self._comments)

    def read_boxes(self) -> None:
        """Read the text boxes met in the body as body text, in the order they appeared."""
        boxes, self.boxes = self.boxes, []
        for box in boxes:
            self.read(box)
        self.counts.text_boxes_imported = True

    def _paragraph(self, paragraph: Any) -> None:
        text = self.text(paragraph)
        level = self.styles.heading_level(paragraph)
        if level:
            if text:
                self.blocks.append(Block(BlockKind.HEADING, text, level=level))
                self.counts.headings += 1
            return
        ref = self.styles.list_ref(paragraph)
        label = self.numbering.label(ref) if ref is not None else None
        if not text:
            return
        if ref is None or label is None:
            self.blocks.append(Block(BlockKind.PARAGRAPH, text))
            self.counts.paragraphs += 1
            return
        counts = self.counts
        if label.numbered:
            counts.numbered += 1
        else:
            counts.bullets += 1
        counts.nested_items += ref.depth > 0
        previous = self.blocks[-1] if self.blocks else None
        if previous is None or previous.kind is not BlockKind.LIST_ITEM or (
                ref.depth == 0 and ref.num_id != self._list_id):
            self._lists += 1  # a new list: its own paragraph block
        if ref.depth == 0:
            self._list_id = ref.num_id
        indent = "  " * ref.depth
        lines = text.replace("\n", "\n" + indent + "  ")  # a line break inside an item
        self.blocks.append(Block(BlockKind.LIST_ITEM, f"{indent}{label.text} {lines}",
                                 group=self._lists))

    def _table(self, table: Any) -> None:
        rows = list(_rows(table))
        if all(sum(1 for cell in cells if _has_text(cell)) <= 1 for cells in rows):
            if any(_has_text(cell) for cells in rows for cell in cells):
                self.counts.frame_tables += 1  # a border or layout box around ordinary text
                for cells in rows:
                    for cell in cells:
                        self.read(cell)
            return
        group = self.counts.tables + self.counts.frame_tables + 1
        self.counts.tables += 1
        for cells in rows:
            texts = [self._cell_text(cell) for cell in cells]
            row = TABLE_SEPARATOR.join(text for text in texts if text)
            if row:
                self.blocks.append(Block(BlockKind.TABLE_ROW, row, group=group))
                self.counts.table_rows += 1

    def _cell_text(self, cell: Any) -> str:
        parts = []
        for paragraph in cell.iter(f"{W}p"):
            if _nested_or_skipped(paragraph, cell):
                continue
            text = self.text(paragraph)
            if text:
                parts.append(" ".join(text.split()))
        return CELL_JOIN.join(parts)

    def text(self, paragraph: Any) -> str:
        """Visible text of one ``w:p``: inserted text kept, deleted text and field codes dropped;
        lines trimmed on the right, a page break turned into a paragraph break."""
        parts: list[str] = []
        self._collect(paragraph, parts)
        raw = "".join(parts).strip()
        lines = "\n".join(line.rstrip() for line in raw.split("\n"))
        self.counts.line_breaks += lines.count("\n")
        return "\n\n".join(chunk.strip() for chunk in lines.split(_PAGE_BREAK) if chunk.strip())

    def _collect(self, element: Any, parts: list[str]) -> None:
        counts = self.counts
        for child in element.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}r" and _hidden(child):
                counts.hidden_runs += bool("".join(child.itertext()).strip())
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                page = child.get(f"{W}type") in ("page", "column")
                counts.page_breaks += page
                parts.append(_PAGE_BREAK if page else "\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag in _DELETED:
                counts.deletions += 1
            elif tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
                self._picture(child)
            elif tag in (f"{M}oMath", f"{M}oMathPara"):
                counts.equations += 1
            elif tag == f"{W}footnoteReference":
                counts.footnotes += 1
            elif tag == f"{W}endnoteReference":
                counts.endnotes += 1
            elif tag == f"{W}commentReference":
                self._comments.add(child.get(f"{W}id") or str(len(self._comments)))
            elif tag == f"{W}p":
                continue  # a text box's paragraph reached outside a drawing: not body text
            else:
                counts.insertions += tag in _INSERTED
                self._collect(child, parts)

    def _picture(self, element: Any) -> None:
        boxes = list(element.iter(f"{W}txbxContent"))
        if not boxes:
            self.counts.images += 1
            return
        for box in boxes:
            lines = ("".join(t.text or "" for t in p.iter(f"{W}t")) for p in box.iter(f"{W}p"))
            text = " ".join(" ".join(lines).split())
            if text:
                self.counts.text_boxes.append(text)
                if not any(box is seen or _inside(box, seen) for seen in self.boxes):
                    self.boxes.append(box)


def _inside(element: Any, container: Any) -> bool:
    return any(parent is container for parent in element.iterancestors())


def _note_texts(part: Any, kind: str) -> list[str]:
    """The text of each footnote (or endnote), separators left out, so the report can show
    what the notes said."""
    from docx.oxml import parse_xml

    texts: list[str] = []
    for rel in part.rels.values():
        if rel.reltype != REL + kind or rel.is_external:
            continue
        element = getattr(rel.target_part, "element", None)
        if element is None:
            try:
                element = parse_xml(rel.target_part.blob)
            except Exception:  # noqa: BLE001 - a damaged notes part: the notes are only reported
                return texts
        note_tag = f"{W}{kind[:-1]}"
        for note in element.iter(note_tag):
            if note.get(f"{W}type") in ("separator", "continuationSeparator",
                                        "continuationNotice"):
                continue
            text = " ".join("".join(t.text or "" for t in note.iter(f"{W}t")).split())
            if text:
                texts.append(text)
    return texts


def _rows(table: Any) -> list[list[Any]]:
    """The cells of each row that is not a tracked deletion (content controls looked into)."""
    rows = []
    for row in _children(table, f"{W}tr"):
        if row.find(f"{W}trPr/{W}del") is not None:
            continue
        rows.append(list(_children(row, f"{W}tc")))
    return rows


def _children(element: Any, tag: str) -> list[Any]:
    out = []
    for child in element.iterchildren():
        if child.tag == tag:
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            out.extend(_children(content if content is not None else child, tag))
    return out


def _has_text(cell: Any) -> bool:
    return any((t.text or "").strip() for t in cell.iter(f"{W}t"))


def _nested_or_skipped(paragraph: Any, stop: Any) -> bool:
    """True for a paragraph inside a text box, a fallback copy or a deletion within ``stop``."""
    parent = paragraph.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIP or parent.tag in _DELETED or parent.tag == f"{W}p":
            return True
        parent = parent.getparent()
    return False


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val") not in _OFF


def _related_element(part: Any, kind: str) -> Any | None:
    """The XML of the document's ``styles`` or ``numbering`` part, or None (never created)."""
    for rel in part.rels.values():
        if rel.reltype == REL + kind and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


def _header_footer_texts(part: Any) -> list[str]:
    """Distinct header and footer texts, a page number ("Page 3 of 4") not counted as one.

    Headers are not imported on purpose: they hold the applicant's name and the date, which
    ERAS shows from the application itself.
    """
    found: list[tuple[bool, str, str]] = []
    for rel in part.rels.values():
        if rel.reltype in (REL + "header", REL + "footer") and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            if element is None:
                continue
            text = " ".join(" ".join("".join(t.text or "" for t in p.iter(f"{W}t"))
                                     for p in _top_paragraphs(element)).split())
            if any(char.isalpha() for char in text) and not _PAGE_NUMBER.fullmatch(text):
                found.append((rel.reltype.endswith("footer"), str(rel.target_part.partname),
                              text))
    texts: list[str] = []
    for _, _, text in sorted(found):  # headers first, then footers, each in part order
        if text not in texts:
            texts.append(text)
    return texts


def _top_paragraphs(element: Any) -> list[Any]:
    """Paragraphs not inside another paragraph (a text box's are read with their anchor's)."""
    return [p for p in element.iter(f"{W}p")
            if not any(a.tag == f"{W}p" for a in p.iterancestors())]


def _properties_title(document: Any) -> str:
    try:
        return str(document.core_properties.title or "")
    except Exception:  # noqa: BLE001 - damaged docProps/core.xml: the title is only a hint
        return ""
