"""What an import kept, converted and left out, in words an applicant can act on.

A statement pasted into ERAS is plain text, so a Word file always loses something on the way
in (images, footnotes, the header with the applicant's name). Losing it silently is the bug
this report fixes: the numbers are gathered while the file is read (:class:`ContentCounts`),
and :meth:`ImportReport.lines` turns them into sentences the GUI dialog and the CLI both show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

TABLE_SEPARATOR = " | "
"""Between the cells of a table row: ERAS is plain text and turns tabs into single spaces, so a
tab-separated row would run its cells together; a spaced bar reads as a column rule and is
plain ASCII, safe in every field."""

BULLET = "•"
PREVIEW_CHARS = 60


class TitleSource(Enum):
    """Where the statement's title came from; the report says so, so a wrong one is noticed."""

    GIVEN = "given"
    PROPERTIES = "document properties"
    HEADING = "first heading"
    MARKDOWN = "first line"
    FILE_NAME = "file name"


class LineKind(Enum):
    """How the dialog groups the report's sentences (the CLI prints them in this order)."""

    KEPT = "Kept"
    CONVERTED = "Converted"
    LEFT_OUT = "Left out"
    NOTE = "Note"


@dataclass(frozen=True)
class ReportLine:
    kind: LineKind
    text: str


@dataclass
class ContentCounts:
    """Tallies filled in while one file is read, and only read after that."""

    paragraphs: int = 0
    headings: int = 0
    bullets: int = 0
    numbered: int = 0
    nested_items: int = 0
    tables: int = 0
    table_rows: int = 0
    frame_tables: int = 0
    line_breaks: int = 0
    page_breaks: int = 0
    images: int = 0
    text_boxes: list[str] = field(default_factory=list)
    text_boxes_imported: bool = False
    footnote_texts: list[str] = field(default_factory=list)
    headers_footers: list[str] = field(default_factory=list)
    footnotes: int = 0
    endnotes: int = 0
    comments: int = 0
    insertions: int = 0
    deletions: int = 0
    hidden_runs: int = 0
    equations: int = 0


@dataclass(frozen=True)
class ImportReport:
    """Everything the import did to one file, for the dialog and the CLI.

    Attributes:
        file_name: the file's name (not its path: the report is shown, not logged).
        file_kind: "Word document", "text file" or "Markdown file".
        title: the title the statement got; ``title_source`` says where it came from.
        encoding: how a text file was decoded ("" for Word files).
        counts: what was found while reading.
        words, characters: of the imported text, as ERAS counts characters (spaces included).
    """

    file_name: str
    file_kind: str
    title: str
    title_source: TitleSource
    counts: ContentCounts
    encoding: str = ""
    words: int = 0
    characters: int = 0

    @property
    def left_out_anything(self) -> bool:
        """True when something in the file is not in the statement (worth a look)."""
        return any(line.kind is LineKind.LEFT_OUT for line in self.lines())

    def summary(self) -> str:
        return f"{_n(self.words, 'word')}, {_n(self.characters, 'character')} from {self.file_name}"

    def title_line(self) -> str:
        """Where the title came from, so a wrong one is noticed and renamed at once."""
        return {
            TitleSource.GIVEN: "Title as given.",
            TitleSource.PROPERTIES: "Title from the document properties (File > Info).",
            TitleSource.HEADING: "Title from the first heading (not repeated in the text).",
            TitleSource.MARKDOWN: "Title from the “#” heading on the first line (not repeated "
                                  "in the text).",
            TitleSource.FILE_NAME: "Title from the file name: the file has no title of its "
                                   "own.",
        }[self.title_source]

    def lines(self) -> tuple[ReportLine, ...]:
        """The report as sentences: kept first, then converted, left out, notes.

        The title is not among them (see :meth:`title_line`): both shells show it first.
        """
        c = self.counts
        out = [*_kept(c), *_converted(c), *_left_out(c)]
        if self.encoding:
            out.append(ReportLine(LineKind.NOTE, f"Read as {self.encoding} text."))
        if c.bullets:
            out.append(ReportLine(LineKind.NOTE, f"ERAS may not show “{BULLET}”: Make "
                                  "ERAS-safe turns bullets into “-” before you paste."))
        return tuple(out)


def _kept(c: ContentCounts) -> list[ReportLine]:
    out: list[str] = []
    blocks = [_n(c.paragraphs, "paragraph")]
    if c.headings:
        blocks.append(f"{_n(c.headings, 'heading')} (each its own paragraph)")
    out.append(f"Kept {_join(blocks)}.")
    if c.bullets:
        out.append(f"Kept {_n(c.bullets, 'bullet point')} as “{BULLET} ” lines.")
    if c.numbered:
        out.append(f"Kept {_n(c.numbered, 'numbered item')} with {_their(c.numbered)} "
                   "numbers.")
    if c.nested_items:
        out.append(f"Indented {_n(c.nested_items, 'item')} of nested lists by two spaces a "
                   "level.")
    if c.tables:
        out.append(f"Kept {_n(c.tables, 'table')} as {_n(c.table_rows, 'line')}, one per "
                   f"row, cells separated by “{TABLE_SEPARATOR.strip()}”.")
    if c.line_breaks:
        out.append(f"Kept {_n(c.line_breaks, 'manual line break')} (Shift+Enter) as "
                   f"{'a line break' if c.line_breaks == 1 else 'line breaks'}.")
    return [ReportLine(LineKind.KEPT, text) for text in out]


def _converted(c: ContentCounts) -> list[ReportLine]:
    out = []
    if c.frame_tables:
        out.append(f"{_n(c.frame_tables, 'one-column table')} (a text frame) read as "
                   "ordinary paragraphs.")
    if c.insertions or c.deletions:
        out.append("Tracked changes resolved as if accepted: "
                   f"{_n(c.insertions, 'insertion')} kept, {_n(c.deletions, 'deletion')} "
                   "dropped.")
    if c.page_breaks:
        out.append(f"{_n(c.page_breaks, 'page break')} became paragraph breaks.")
    if c.text_boxes_imported:
        count = len(c.text_boxes)
        out.append(f"The document's text is in {_n(count, 'text box', 'text boxes')}: "
                   f"{'its' if count == 1 else 'their'} text was imported as paragraphs, in "
                   "the order the boxes appear; check that order.")
    return [ReportLine(LineKind.CONVERTED, text) for text in out]


def _left_out(c: ContentCounts) -> list[ReportLine]:
    out: list[str] = []
    if c.images:
        out.append(f"{_n(c.images, 'image')} {_were(c.images)} left out (ERAS takes text "
                   "only).")
    if c.text_boxes and not c.text_boxes_imported:
        count = len(c.text_boxes)
        out.append(f"{_n(count, 'text box', 'text boxes')} {_were(count)} left out "
                   f"({_quoted(c.text_boxes)}): copy the text into the statement if it "
                   "belongs there.")
    if c.headers_footers:
        which = ("The page header or footer was" if len(c.headers_footers) == 1
                 else "Page headers and footers were")
        out.append(f"{which} not imported ({_quoted(c.headers_footers)}): ERAS shows only "
                   "the statement text.")
    notes = c.footnotes + c.endnotes
    if notes:
        kind = _join([_n(n, word) for n, word in ((c.footnotes, "footnote"),
                                                  (c.endnotes, "endnote")) if n])
        said = f" ({_quoted(c.footnote_texts)})" if c.footnote_texts else ""
        out.append(f"{kind} {_were(notes)} left out{said} (ERAS has none): work anything "
                   "important into the text.")
    if c.comments:
        out.append(f"{_n(c.comments, 'comment')} {_were(c.comments)} left out.")
    if c.hidden_runs:
        out.append(f"{_n(c.hidden_runs, 'piece')} of hidden text {_were(c.hidden_runs)} left "
                   "out.")
    if c.equations:
        out.append(f"{_n(c.equations, 'equation')} {_were(c.equations)} left out.")
    return [ReportLine(LineKind.LEFT_OUT, text) for text in out]


def _n(count: int, word: str, plural: str = "") -> str:
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _their(count: int) -> str:
    return "its" if count == 1 else "their"


def _were(count: int) -> str:
    return "was" if count == 1 else "were"


def _quoted(texts: list[str]) -> str:
    shown = "; ".join(f"“{_preview(text)}”" for text in texts[:2])
    return shown + (f"; {len(texts) - 2:,} more" if len(texts) > 2 else "")


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class StatementImport:
    """A file read for import: the statement's text and title, and the report of how."""

    text: str
    report: ImportReport

    @property
    def title(self) -> str:
        return self.report.title

    @property
    def title_source(self) -> TitleSource:
        return self.report.title_source
