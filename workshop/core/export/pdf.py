"""The PDF writer: a :class:`Document` plus a :class:`Theme` in, PDF bytes out (reportlab).

Layout follows the RenderCV look: section titles over a rule, entry dates right-aligned (or in a
left column), one vertical rhythm from the theme's spacing. Parts and level-1 headings become
PDF bookmarks; a packet's contents page lists the parts with their pages and links to them.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
from collections.abc import Callable
from typing import Any, Protocol

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus.tableofcontents import TableOfContents as RLTableOfContents

from workshop import APP_NAME, __version__
from workshop.core.export import fonts
from workshop.core.export.document import (
    Block,
    BulletList,
    Document,
    Entry,
    Heading,
    Inline,
    KeyValue,
    Masthead,
    PageBreak,
    Paragraph,
    Part,
    Spacer,
    Span,
    Table,
    TableOfContents,
)
from workshop.core.export.pdf_canvas import Furniture, canvas_class
from workshop.core.export.pdf_fit import Layout, fit
from workshop.core.export.pdf_styles import Styles, markup
from workshop.core.export.reproducible import fixed_epoch
from workshop.core.export.themes import Theme

PAPER = {"letter": LETTER, "a4": A4}
CREATOR = f"{APP_NAME} {__version__}"


class Anchor(Flowable):  # type: ignore[misc]  # reportlab has no types
    """A zero-height mark that sets a bookmark (and outline entry) where it lands."""

    def __init__(self, key: str, title: str, level: int, toc: bool) -> None:
        super().__init__()
        self.key, self.title, self.level, self.toc = key, title, level, toc
        self.width = self.height = 0
        self.keepWithNext = 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


class _DocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Notes table-of-contents entries, and how far down its page the last flowable ended."""

    last_bottom: float | None = None

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab API)
        if isinstance(flowable, Anchor) and flowable.toc:
            self.notify("TOCEntry", (0, flowable.title, self.page, flowable.key))
        frame = getattr(self, "frame", None)
        if frame is not None and not isinstance(flowable, Anchor | CondPageBreak | RLPageBreak):
            # The frame's cursor is below the flowable's space after; the text ends above it.
            self.last_bottom = float(frame._y) + float(flowable.getSpaceAfter())


class _Builder:
    #: The paragraph class; the page estimate swaps in one that measures but never draws.
    paragraph: type[RLParagraph] = RLParagraph

    def __init__(self, doc: Document, theme: Theme) -> None:
        self.doc, self.theme = doc, theme
        self.styles = Styles(theme)
        paper = PAPER[theme.page.paper]
        self.page_width, self.page_height = paper
        p = theme.page
        self.text_width = self.page_width - p.margin_left - p.margin_right
        self._keys = itertools.count(1)
        self.multi_part = len(doc.parts) > 1
        self.has_toc = False

    # -- inline ---------------------------------------------------------------------------------

    def para(self, spans: Inline, style: str, **attrs: Any) -> RLParagraph:
        text, complex_script = markup(spans, self.styles.colors.link)
        return self.paragraph(text or "&nbsp;", self.styles.for_text(style, complex_script),
                              **attrs)

    # -- blocks ---------------------------------------------------------------------------------

    def lines(self, spans: Inline, style: str) -> list[Flowable]:
        """A paragraph whose text has line breaks, set as one flowable per line.

        On the page this is the paragraph with its breaks (the pieces touch, with the
        paragraph's spacing only around the whole), but a page break between two lines moves
        a short piece instead of re-setting the whole paragraph: a statement whose paragraphs
        end in single line breaks is one long paragraph, and the page estimate lays it out
        after every edit.
        """
        groups = _split_lines(spans)
        if len(groups) == 1:
            return [self.para(spans, style)]
        base = self.styles[style]
        out: list[Flowable] = []
        for i, group in enumerate(groups):
            para = self.para(group, style)
            first, last = i == 0, i == len(groups) - 1
            para.style = self.styles.line_piece(
                para.style, space_before=base.spaceBefore if first else 0.0,
                space_after=base.spaceAfter if last else 0.0,
                indent=base.firstLineIndent if first else 0.0)
            out.append(para)
        return out

    def anchor(self, title: str, level: int, toc: bool = False) -> Anchor:
        return Anchor(f"k{next(self._keys)}", title, level, toc)

    def masthead(self, m: Masthead) -> list[Flowable]:
        t = self.theme
        if t.masthead.layout == "letterhead":
            return self.letterhead(m)
        name = m.name.upper() if t.masthead.name_case == "upper" else m.name
        out: list[Flowable] = [self.para((Span(name),), "name")]
        if self.printable(m.native_name):
            out.append(self.para((Span(m.native_name),), "native_name"))
        if m.headline:
            out.append(self.para((Span(m.headline),), "headline"))
        if m.contact:
            sep = Span(f"  {t.masthead.separator}  ")
            joined: list[Span] = []
            for i, item in enumerate(m.contact):
                if i:
                    joined.append(sep)
                joined.extend(item)
            out.append(self.para(tuple(joined), "contact"))
        if t.masthead.rule:
            out.append(HRFlowable(width="100%", thickness=0.6, color=self.styles.colors.rule,
                                  spaceBefore=8, spaceAfter=0))
        out.append(RLSpacer(1, t.spacing.masthead_after))
        return out

    def printable(self, value: str) -> bool:
        """Whether there is a value to print. A character no font has is printed anyway (an
        empty box) and reported by :func:`workshop.core.export.coverage.font_warnings`, never
        dropped: the applicant decides."""
        return bool(value)

    def letterhead(self, m: Masthead) -> list[Flowable]:
        """Name (and native name) on one line; contact left and headline right on the next.

        Two lines whatever the profile holds (a missing contact leaves the headline alone on
        the second), so the block's height is known without the applicant's details: the page
        estimate relies on it. Only a contact and headline too long to share a line (a
        headline naming the target programs) take a third.
        """
        t, s = self.theme, self.styles
        name = m.name.upper() if t.masthead.name_case == "upper" else m.name
        text, complex_script = markup((Span(name),), s.colors.link)
        if self.printable(m.native_name):
            native, native_complex = markup((Span(m.native_name),), s.colors.link)
            colour = s.colors.muted.hexval()[2:]
            size = round(t.fonts.name_size * 0.8, 2)
            text += (f'&nbsp;&nbsp;&nbsp;<font name="{s.head_font}" size="{size}" '
                     f'color="#{colour}">{native}</font>')
            complex_script = complex_script or native_complex
        first = self.paragraph(text or "&nbsp;", s.for_text("name", complex_script))
        contact: list[Span] = []
        for i, item in enumerate(m.contact):
            if i:
                contact.append(Span(f"  {t.masthead.separator}  "))
            contact.extend(item)
        headline = (Span(m.headline),) if m.headline else ()
        out: list[Flowable] = [first, *self.contact_rows(tuple(contact), headline)]
        if t.masthead.rule:
            out.append(HRFlowable(width="100%", thickness=0.6, color=s.colors.rule,
                                  spaceBefore=7, spaceAfter=0))
        out.append(RLSpacer(1, t.spacing.masthead_after))
        return out

    def contact_rows(self, contact: Inline, headline: Inline) -> list[Flowable]:
        """Contact left and headline right on one line; the headline on a line of its own
        when both do not fit (a headline naming the target programs)."""
        s = self.styles
        head_w = _inline_width(headline, s, s["headline_right"].fontSize) + 6
        need = _inline_width(contact, s, s["contact"].fontSize) + head_w + 18
        if contact and headline and need <= self.text_width:
            rows = [[self.para(contact, "contact"), self.para(headline, "headline_right")]]
            widths = [self.text_width - head_w, head_w]
        else:
            rows = [[self.para(contact, "contact")]] if contact else []
            rows += [[self.para(headline, "headline_left")]] if headline or not contact else []
            widths = [self.text_width]
        table = RLTable(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(self.table_style([*_TIGHT_CMDS, ("TOPPADDING", (0, 0), (-1, -1), 3)]))
        return [table]

    def heading(self, h: Heading, part: Part) -> list[Flowable]:
        t = self.theme
        if h.level >= 2:
            return [self.para((Span(h.text),), "heading2")]
        label = h.text
        if t.section.case == "upper":
            label = label.upper()
        elif t.section.case == "title":
            label = title_case(label)
        level = 1 if self.multi_part else 0
        # keepWithNext alone can leave a heading at the foot of a page when the next paragraph
        # only just fails to fit, so also ask for room for the heading and a few lines.
        room = t.fonts.heading_size * 1.25 + t.spacing.section_before + 4 * t.fonts.leading
        out: list[Flowable] = [CondPageBreak(room), self.anchor(h.text, level),
                               self.para((Span(label),), "heading1")]
        if t.section.rule == "below":
            rule = HRFlowable(width="100%", thickness=t.section.rule_width,
                              color=self.styles.colors.rule, spaceBefore=1.5,
                              spaceAfter=t.spacing.section_after)
            rule.keepWithNext = 1
            out.append(rule)
        return out

    def bullets(self, items: tuple[Inline, ...], indent: float = 0.0) -> list[Flowable]:
        style = "bullet"
        out: list[Flowable] = []
        for item in items:
            para = self.para(item, style, bulletText=self.styles.bullet_char())
            if indent:
                para.style = _indented(para.style, indent)
            out.append(para)
        return out

    def entry(self, e: Entry) -> list[Flowable]:
        t, s = self.theme, self.styles
        date_left = t.entry.date_position == "left"
        indent = t.entry.date_column if date_left else 0.0
        org_spans: list[Span] = []
        italic = t.entry.organisation_style == "italic"
        if e.organisation:
            org_spans.append(Span(e.organisation, italic=italic))
        inline_loc = t.entry.location_position == "inline" or date_left
        if e.location and inline_loc:
            if org_spans:
                org_spans.append(Span(", "))
            org_spans.append(Span(e.location, italic=italic))
        rows: list[list[Any]]
        if date_left:
            first = [self.para((Span(e.title),), "entry_title")]
            if org_spans:
                first.append(self.para(tuple(org_spans), "entry_org"))
            rows = [[self.para((Span(e.date_range),), "entry_date_left"), first]]
            widths = [indent, self.text_width - indent]
        else:
            right = [e.date_range, "" if inline_loc else e.location]
            right_w = max((_width(x, s) for x in right if x), default=0.0) + 8
            right_w = min(max(right_w, 60.0), self.text_width * 0.4)
            rows = [[self.para((Span(e.title),), "entry_title"),
                     self.para((Span(e.date_range),), "entry_date")]]
            if org_spans or right[1]:
                rows.append([self.para(tuple(org_spans), "entry_org"),
                             self.para((Span(right[1]),), "entry_loc")])
            widths = [self.text_width - right_w, right_w]
        table = RLTable(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(self.table_style(_TIGHT_CMDS))
        out: list[Flowable] = [CondPageBreak(4 * t.fonts.leading), table]
        if e.summary:
            summary = self.para(e.summary, "plain")
            summary.style = _indented(summary.style, indent, space_before=1.5)
            out.append(summary)
        if e.details:
            out.append(RLSpacer(1, 1.5))
            out.extend(self.bullets(e.details, indent))
        out.append(RLSpacer(1, t.spacing.entry_gap))
        # Not a KeepTogether (reportlab will not keep a heading with a container); the
        # CondPageBreak above keeps the title lines with at least a few lines of detail.
        return out

    def key_value(self, kv: KeyValue) -> list[Flowable]:
        label_w = max((_width(label, self.styles, bold=True) for label, _ in kv.rows), default=0)
        label_w = min(max(label_w + 12, 70.0), self.text_width * 0.36)
        if self.theme.entry.date_position == "left":
            label_w = max(label_w, self.theme.entry.date_column)
        rows = [[self.para((Span(label),), "kv_label"), self.para(value, "plain")]
                for label, value in kv.rows]
        table = RLTable(rows, colWidths=[label_w, self.text_width - label_w], hAlign="LEFT")
        table.setStyle(self.table_style([*_TIGHT_CMDS, ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
        return [table, RLSpacer(1, self.theme.spacing.paragraph)]

    def table(self, tb: Table) -> list[Flowable]:
        n = len(tb.header)
        fractions = tb.widths or tuple(1 / n for _ in range(n))
        widths = [self.text_width * f / sum(fractions) for f in fractions]
        data = [[self.para((Span(h),), "cell_head") for h in tb.header]]
        data += [[self.para((Span(c),), "cell") for c in row] for row in tb.rows]
        table = RLTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        rule = self.styles.colors.rule
        table.setStyle(self.table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.styles.colors.accent),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, rule),
        ]))
        return [table, RLSpacer(1, self.theme.spacing.paragraph + 2)]

    def table_style(self, cmds: list[tuple[Any, ...]]) -> TableStyle:
        """A table style whose default font is the theme's (reportlab's default is Helvetica,
        a base-14 font that would be referenced, unembedded, even though no text uses it)."""
        font = ("FONT", (0, 0), (-1, -1), self.styles.body_font, self.theme.fonts.size)
        return TableStyle([font, *cmds])

    def toc(self, block: TableOfContents) -> list[Flowable]:
        self.has_toc = True
        toc = RLTableOfContents(dotsMinLevel=0)
        toc.levelStyles = [self.styles["toc0"]]
        toc.tableStyle = self.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
        return [self.para((Span(block.title),), "heading1"), RLSpacer(1, 8), toc]

    def block(self, b: Block, part: Part) -> list[Flowable]:
        match b:
            case Heading():
                return self.heading(b, part)
            case Paragraph():
                return self.lines(b.content, b.style if b.style in _PARA_STYLES else "body")
            case BulletList():
                return [*self.bullets(b.items), RLSpacer(1, self.theme.spacing.paragraph)]
            case Entry():
                return self.entry(b)
            case KeyValue():
                return self.key_value(b)
            case Table():
                return self.table(b)
            case Spacer():
                return [RLSpacer(1, b.height)]
            case PageBreak():
                return [RLPageBreak()]
            case TableOfContents():
                return self.toc(b)
        raise TypeError(f"unknown block {type(b).__name__}")  # pragma: no cover

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        for i, part in enumerate(self.doc.parts):
            if i and part.new_page:
                out.append(RLPageBreak())
            elif i:
                out.append(CondPageBreak(self.theme.fonts.leading * 6))
            if self.multi_part:
                listed = not any(isinstance(b, TableOfContents) for b in part.blocks)
                out.append(self.anchor(part.title, 0, toc=listed))
            if part.masthead is not None:
                out.extend(self.masthead(part.masthead))
            if part.show_title:
                out.append(self.para((Span(part.title),), "heading1"))
                out.append(RLSpacer(1, self.theme.spacing.section_after))
            for b in part.blocks:
                out.extend(self.block(b, part))
        return out


_PARA_STYLES = {"body", "lead", "small", "muted", "plain"}
_TIGHT_CMDS: list[tuple[Any, ...]] = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
]


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to",
                "with"}


def title_case(label: str) -> str:
    """Capitalise words except short function words (not the first), keeping acronyms."""
    words = label.split(" ")
    return " ".join(
        w if (i and w.lower() in _SMALL_WORDS) or w.isupper() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def _indented(style: Any, indent: float, space_before: float | None = None) -> Any:
    from workshop.core.export.pdf_styles import replace_style

    changes: dict[str, Any] = {"leftIndent": style.leftIndent + indent,
                               "bulletIndent": style.bulletIndent + indent}
    if space_before is not None:
        changes["spaceBefore"] = space_before
    return replace_style(style, f"{style.name}+{indent}", **changes)


def _split_lines(spans: Inline) -> list[Inline]:
    """The spans cut at each line break, one group per line (formatting kept)."""
    groups: list[list[Span]] = [[]]
    for span in spans:
        pieces = span.text.split("\n")
        for n, piece in enumerate(pieces):
            if n:
                groups.append([])
            if piece:
                groups[-1].append(dataclasses.replace(span, text=piece))
    return [tuple(g) for g in groups]


def _inline_width(spans: Inline, styles: Styles, size: float) -> float:
    return sum(_width(s.text, styles, bold=s.bold, size=size) for s in spans)


def _width(text: str, styles: Styles, bold: bool = False, size: float | None = None) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = styles.body_font + ("-Bold" if bold else "")
    return float(stringWidth(text, font, size or styles.theme.fonts.size))


def render_pdf_bytes(doc: Document, theme: Theme) -> bytes:
    """Lay out ``doc`` with ``theme`` and return the PDF (see ``api.render_pdf``).

    With ``page.fit_pages`` set (the statement theme: 1), a document that runs just over that
    many pages is set in slightly smaller type, down to ``page.fit_min_scale`` (see pdf_fit).
    """
    data, _ = fit(theme, lambda th, scale: _render(doc, th, scale))
    return data


def _render(doc: Document, theme: Theme, scale: float) -> tuple[bytes, Layout]:
    buf = io.BytesIO()
    builder = _Builder(doc, theme)
    maker = canvas_class(builder.styles, _furniture(doc, theme, builder))
    layout = build(builder, maker, buf, scale)
    return buf.getvalue(), layout


def reproducible() -> int:
    """1 when exports must be byte-stable (``SOURCE_DATE_EPOCH`` set, or reportlab's own
    ``rl_config.invariant`` switched on by a caller): fixed dates and document ids."""
    return 1 if fixed_epoch() is not None or rl_config.invariant else 0


class Writable(Protocol):
    """Where a PDF goes: a file, a BytesIO, or nowhere (the page estimate)."""

    def write(self, data: bytes, /) -> int: ...


def build(builder: _Builder, canvasmaker: Callable[..., rl_canvas.Canvas], out: Writable,
          scale: float = 1.0) -> Layout:
    """Lay the builder's document out on its pages, drawing with ``canvasmaker``.

    The one place that sets up the page template and frame, shared by the writer and the page
    estimate (which passes a canvas that draws nothing), so the two cannot disagree about
    where a page ends.
    """
    doc, theme = builder.doc, builder.theme
    fonts.ensure_all([theme.fonts.body, theme.fonts.headings])
    story = builder.story()
    p = theme.page
    template = _DocTemplate(
        out, pagesize=PAPER[p.paper], leftMargin=p.margin_left, rightMargin=p.margin_right,
        topMargin=p.margin_top, bottomMargin=p.margin_bottom, title=doc.title, author=doc.author,
        subject=doc.subject, keywords=list(doc.keywords), creator=CREATOR, producer=CREATOR,
        invariant=reproducible(), lang="en-US", initialFontName=builder.styles.body_font,
        initialFontSize=theme.fonts.size, displayDocTitle=1,
    )
    height = builder.page_height - p.margin_top - p.margin_bottom
    frame = Frame(p.margin_left, p.margin_bottom, builder.text_width, height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    if builder.has_toc:
        template.multiBuild(story, canvasmaker=canvasmaker)
    else:
        template.build(story, canvasmaker=canvasmaker)
    bottom = template.last_bottom if template.last_bottom is not None else p.margin_bottom
    used = (p.margin_bottom + height - bottom) / height
    return Layout(int(template.page), min(max(used, 0.01), 1.0), scale)


def _furniture(doc: Document, theme: Theme, builder: _Builder) -> Furniture:
    p = theme.page
    return Furniture(
        header_name=doc.header_name, header_title=doc.header_title if doc.header_name else "",
        notice=doc.notice, footer=p.footer, running_header=p.running_header,
        page_width=builder.page_width, page_height=builder.page_height,
        margin_left=p.margin_left, margin_right=p.margin_right, margin_top=p.margin_top,
        margin_bottom=p.margin_bottom,
    )
