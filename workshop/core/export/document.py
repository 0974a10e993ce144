"""A neutral description of a document, written once and rendered to PDF and to .docx.

Builders (statement, CV, packet, report) produce these dataclasses from plain data; the PDF
writer and the .docx writer both walk them, so the two files of one document say the same thing.
Nothing here knows about fonts, page sizes or colours: that is the theme's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A piece of inline text; ``url`` makes it a clickable link (mailto:, https:, DOI)."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str = ""


Inline = tuple[Span, ...]

# The local part of an address is at most 64 characters (RFC 5321): bounded, the search stays
# linear on a long run of letters (unbounded, 100,000 of them took seconds).
_LINK_RE = re.compile(
    r"(?P<email>(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<doi>\bdoi:\s*10\.\d{4,9}/\S+|\b10\.\d{4,9}/[^\s,;]+)"
    r"|(?P<url>https?://[^\s<>()]+)"
)


def text(value: str | Span | Sequence[Span], *, bold: bool = False, italic: bool = False) -> Inline:
    """Normalise a string, a span or spans to an :data:`Inline` tuple."""
    if isinstance(value, str):
        return (Span(value, bold=bold, italic=italic),) if value else ()
    if isinstance(value, Span):
        return (value,)
    return tuple(value)


def link(label: str, url: str) -> Span:
    """A link span."""
    return Span(label, url=url)


def doi_url(doi: str) -> str:
    """``10.5555/x`` (or ``doi:10.5555/x``) as a resolvable https://doi.org/ URL."""
    bare = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", doi.strip(), flags=re.I)
    return f"https://doi.org/{bare}"


def autolink(value: str, *, bold: bool = False, italic: bool = False) -> Inline:
    """Split plain text into spans, turning e-mail addresses, DOIs and URLs into links.

    Trailing sentence punctuation is left outside a URL or DOI so "see https://x.org." links to
    https://x.org.
    """
    spans: list[Span] = []
    pos = 0
    for m in _LINK_RE.finditer(value):
        raw = m.group(0)
        trimmed = raw.rstrip(".,;:!?")
        end = m.start() + len(trimmed)
        if m.start() > pos:
            spans.append(Span(value[pos : m.start()], bold, italic))
        if m.lastgroup == "email":
            url = f"mailto:{trimmed}"
        elif m.lastgroup == "doi":
            url = doi_url(trimmed)
        else:
            url = trimmed
        spans.append(Span(trimmed, bold, italic, url))
        pos = end
    if pos < len(value):
        spans.append(Span(value[pos:], bold, italic))
    return tuple(spans)


def plain(inline: Iterable[Span]) -> str:
    """The text of spans without formatting (for bookmarks, metadata and tests)."""
    return "".join(s.text for s in inline)


@dataclass(frozen=True)
class Heading:
    """A section heading; level 1 is a section (bookmarked), level 2 a subsection."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Body text. ``style`` is "body", "lead" (larger intro), "small" or "muted"."""

    content: Inline
    style: str = "body"
    align: str = "justify-or-left"


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Entry:
    """A dated CV entry laid out like RenderCV: title and date range on one line, organisation
    and location on the next, then optional summary text and bullet details."""

    title: str
    organisation: str = ""
    location: str = ""
    date_range: str = ""
    summary: Inline = ()
    details: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class KeyValue:
    """Label/value rows (exams, languages, skills, request-form fields)."""

    rows: tuple[tuple[str, Inline], ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row; rows are never split across pages."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # fractions of the text width; empty means equal


@dataclass(frozen=True)
class Spacer:
    height: float = 6.0  # points


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class TableOfContents:
    """Filled in by the writer with the parts (and their page numbers in the PDF)."""

    title: str = "Contents"


Block = (
    Heading | Paragraph | BulletList | Entry | KeyValue | Table | Spacer | PageBreak
    | TableOfContents
)


@dataclass(frozen=True)
class Masthead:
    """The name block at the top of a CV, statement or cover page."""

    name: str
    native_name: str = ""
    headline: str = ""
    contact: tuple[Inline, ...] = ()


@dataclass
class Part:
    """A bookmarked part: the whole body of a one-part document, or one document of a packet.

    ``title`` names the bookmark and the contents entry; a part with ``new_page`` starts on a
    fresh page.
    """

    title: str
    blocks: list[Block] = field(default_factory=list)
    masthead: Masthead | None = None
    new_page: bool = True
    show_title: bool = False


@dataclass
class Document:
    """A whole document: metadata for the PDF/.docx properties plus its parts.

    ``header_name`` (usually the applicant's name) is printed in the running header from page 2
    on, followed by ``running_title`` (the title when None); ``notice`` (e.g. the SAMPLE label)
    is printed small in the footer of every page. A statement's title names the applicant for
    the file's properties, so its running title is set apart: the header must not repeat the
    name, and what the header shows is for every reader of the page.
    """

    title: str
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    header_name: str = ""
    notice: str = ""
    parts: list[Part] = field(default_factory=list)
    running_title: str | None = None

    @property
    def header_title(self) -> str:
        """What follows the name in the running header."""
        return self.title if self.running_title is None else self.running_title
