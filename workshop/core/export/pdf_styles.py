"""reportlab paragraph styles built from a theme, and inline spans turned into Paragraph markup.

Every style forbids widows and orphans, and the ones that carry a line that must stay with what
follows (headings, entry titles) keep with the next flowable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from xml.sax.saxutils import quoteattr

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from workshop.core.export import fonts
from workshop.core.export.document import Span
from workshop.core.export.themes import Theme


@dataclass(frozen=True)
class Palette:
    text: Color
    muted: Color
    accent: Color
    rule: Color
    link: Color


def palette(theme: Theme) -> Palette:
    c = theme.colors
    return Palette(HexColor(c.text), HexColor(c.muted), HexColor(c.accent), HexColor(c.rule),
                   HexColor(c.link))


class Styles:
    """The named paragraph styles of one theme (body, heading1, entry_title...)."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.colors = palette(theme)
        t, f, sp = theme, theme.fonts, theme.spacing
        body_font = fonts.FAMILIES[f.body]
        head_font = fonts.FAMILIES[f.headings]
        self.body_font = body_font
        self.head_font = head_font
        col = self.colors
        accent_or_text = col.accent if t.section.color == "accent" else col.text
        body_align = TA_JUSTIFY if t.body.align == "justify" else TA_LEFT
        base = ParagraphStyle(
            "body", fontName=body_font, fontSize=f.size, leading=f.leading, textColor=col.text,
            alignment=body_align, spaceAfter=sp.paragraph, allowWidows=0, allowOrphans=0,
            firstLineIndent=t.body.first_line_indent, splitLongWords=1,
        )
        small = f.small_size
        small_leading = round(small * 1.3, 2)
        name_color = col.accent if t.masthead.name_color == "accent" else col.text
        mast_align = TA_CENTER if t.masthead.align == "center" else TA_LEFT
        s: dict[str, ParagraphStyle] = {"body": base}
        s["lead"] = replace_style(base, "lead", fontSize=f.size * 1.08, leading=f.leading * 1.08)
        s["plain"] = replace_style(base, "plain", alignment=TA_LEFT, spaceAfter=0,
                                   firstLineIndent=0)
        s["small"] = replace_style(s["plain"], "small", fontSize=small, leading=small_leading)
        s["muted"] = replace_style(s["small"], "muted", textColor=col.muted)
        s["name"] = replace_style(
            s["plain"], "name", fontName=f"{head_font}-Bold", fontSize=f.name_size,
            leading=f.name_size * 1.18, textColor=name_color, alignment=mast_align,
        )
        s["native_name"] = replace_style(
            s["plain"], "native_name", fontSize=f.size * 1.25, leading=f.size * 1.9,
            textColor=col.muted, alignment=mast_align,
        )
        s["headline"] = replace_style(
            s["plain"], "headline", fontSize=f.size * 1.02, leading=f.leading,
            textColor=col.muted, alignment=mast_align, spaceBefore=1,
        )
        # The letterhead's headline sits on the contact line, so it takes the contact's size.
        s["headline_left"] = replace_style(s["headline"], "headline_left", fontSize=f.size * 0.95,
                                           spaceBefore=0)
        s["headline_right"] = replace_style(s["headline_left"], "headline_right",
                                            alignment=TA_RIGHT)
        s["contact"] = replace_style(
            s["plain"], "contact", fontSize=f.size * 0.95, leading=f.leading,
            textColor=col.text, alignment=mast_align, spaceBefore=2,
        )
        s["heading1"] = replace_style(
            s["plain"], "heading1", fontName=f"{head_font}-Bold", fontSize=f.heading_size,
            leading=f.heading_size * 1.25, textColor=accent_or_text, spaceBefore=sp.section_before,
            spaceAfter=0 if t.section.rule == "below" else sp.section_after, keepWithNext=1,
        )
        s["heading2"] = replace_style(
            s["plain"], "heading2", fontName=f"{head_font}-Bold", fontSize=f.size * 1.05,
            leading=f.leading, textColor=col.text, spaceBefore=sp.entry_gap, spaceAfter=2,
            keepWithNext=1,
        )
        title_font = f"{body_font}-Bold" if t.entry.title_weight == "bold" else body_font
        s["entry_title"] = replace_style(s["plain"], "entry_title", fontName=title_font,
                                         keepWithNext=1)
        s["entry_org"] = replace_style(s["plain"], "entry_org", keepWithNext=1)
        s["entry_date"] = replace_style(s["plain"], "entry_date", alignment=TA_RIGHT,
                                        textColor=col.text)
        s["entry_date_left"] = replace_style(s["plain"], "entry_date_left", textColor=col.muted,
                                             fontSize=f.size * 0.95)
        s["entry_loc"] = replace_style(s["plain"], "entry_loc", alignment=TA_RIGHT,
                                       textColor=col.muted, fontName=body_font)
        s["bullet"] = replace_style(
            base, "bullet", alignment=TA_LEFT, leftIndent=sp.bullet_indent, bulletIndent=1.5,
            spaceAfter=0.5, spaceBefore=0.5, firstLineIndent=0, bulletFontName=body_font,
            bulletColor=col.muted,
        )
        s["kv_label"] = replace_style(s["plain"], "kv_label", fontName=f"{body_font}-Bold")
        s["cell"] = replace_style(s["plain"], "cell", fontSize=f.size * 0.95,
                                  leading=f.leading * 0.95)
        s["cell_head"] = replace_style(s["cell"], "cell_head", fontName=f"{body_font}-Bold")
        s["toc_title"] = s["heading1"]
        s["toc0"] = replace_style(s["plain"], "toc0", fontSize=f.size * 1.05,
                                  leading=f.leading * 1.5)
        s["header"] = replace_style(s["muted"], "header")
        s["footer"] = replace_style(s["muted"], "footer")
        self._styles = s
        self._shaped: dict[str, ParagraphStyle] = {}
        self._pieces: dict[str, ParagraphStyle] = {}

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self._styles[name]

    def for_text(self, name: str, markup_has_complex: bool) -> ParagraphStyle:
        """The style, with HarfBuzz shaping on only when the text has a complex script.

        Shaping every Latin word costs time and changes nothing visible beyond kerning, so it
        is switched on per paragraph.
        """
        style = self._styles[name]
        if not markup_has_complex:
            return style
        shaped = self._shaped.get(name)
        if shaped is None:
            shaped = self._shaped[name] = replace_style(style, f"{name}-shaped", shaping=1)
        return shaped

    def line_piece(self, style: ParagraphStyle, *, space_before: float, space_after: float,
                   indent: float) -> ParagraphStyle:
        """``style`` for one line of a paragraph set line by line (see ``_Builder.lines``)."""
        key = f"{style.name}|{space_before}|{space_after}|{indent}"
        piece = self._pieces.get(key)
        if piece is None:
            piece = self._pieces[key] = replace_style(
                style, key, spaceBefore=space_before, spaceAfter=space_after,
                firstLineIndent=indent)
        return piece

    def bullet_char(self) -> str:
        return self.theme.entry.bullet


def replace_style(style: ParagraphStyle, name: str, **changes: object) -> ParagraphStyle:
    """A copy of ``style`` under a new name with some attributes changed."""
    return ParagraphStyle(name, parent=style, **changes)


def markup(spans: Iterable[Span], link_color: Color | None = None) -> tuple[str, bool]:
    """reportlab markup for spans, and whether any span needs shaping."""
    out: list[str] = []
    complex_script = False
    for span in spans:
        if not span.text:
            continue
        if fonts.has_complex_script(span.text):
            complex_script = True
        piece = fonts.markup_runs(span.text, bold=span.bold).replace("\n", "<br/>")
        if span.italic:
            piece = f"<i>{piece}</i>"
        if span.bold:
            piece = f"<b>{piece}</b>"
        if span.url:
            colour = f' color="#{link_color.hexval()[2:]}"' if link_color is not None else ""
            piece = f"<a href={quoteattr(span.url)}{colour}>{piece}</a>"
        out.append(piece)
    return "".join(out), complex_script


def with_text(span: Span, text: str) -> Span:
    return replace(span, text=text)
