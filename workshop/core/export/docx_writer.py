"""The .docx writer: the same :class:`Document` as the PDF, with real Word styles.

A reviewer edits the .docx in Word or LibreOffice, so structure matters more than pixel
likeness: the name is in ``Title``, sections in ``Heading 1``, bullets in ``List Bullet``, body
text in ``Normal``, entry dates on a right tab stop. Fonts are ones every Office install has
(Cambria for serif themes, Calibri for sans; LibreOffice substitutes metric twins);
per-script font hints for every other script are added by :mod:`docx_scripts`.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from workshop import APP_NAME, __version__
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
    Spacer,
    Span,
    Table,
    TableOfContents,
)
from workshop.core.export.docx_scripts import add_script_hints
from workshop.core.export.reproducible import export_time
from workshop.core.export.themes import Theme

DOCX_FONTS = {"serif": "Cambria", "sans": "Calibri"}


class _DocxBuilder:
    def __init__(self, doc: Document, theme: Theme) -> None:
        self.doc, self.theme = doc, theme
        self.out = docx.Document()
        self.accent = RGBColor.from_string(theme.colors.accent[1:].upper())
        self.muted = RGBColor.from_string(theme.colors.muted[1:].upper())
        self._setup_page()
        self._setup_styles()
        self.text_width = self._text_width()

    # -- setup ----------------------------------------------------------------------------------

    def _setup_page(self) -> None:
        p = self.theme.page
        sec = self.out.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        if p.paper == "a4":
            sec.page_width, sec.page_height = Mm(210), Mm(297)
        else:
            sec.page_width, sec.page_height = Pt(612), Pt(792)
        sec.top_margin, sec.bottom_margin = Pt(p.margin_top), Pt(p.margin_bottom)
        sec.left_margin, sec.right_margin = Pt(p.margin_left), Pt(p.margin_right)
        sec.different_first_page_header_footer = True
        if p.running_header and self.doc.header_name:
            para = sec.header.paragraphs[0]
            title = self.doc.header_title
            para.text = self.doc.header_name + (f" \u2014 {title}" if title else "")
            para.style = self.out.styles["Header"]
        # Word cannot know here whether the document runs to a second page; a document meant
        # for one page (fit_pages = 1) leaves page 1 unnumbered, so a one-page statement has
        # no "Page 1 of 1" and a longer one is numbered from page 2.
        one_page = int(p.fit_pages) == 1
        for first, footer in ((False, sec.footer), (True, sec.first_page_footer)):
            para = footer.paragraphs[0]
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if p.footer != "none" and not (one_page and first):
                para.add_run("Page ")
                _field(para, "PAGE")
                if p.footer == "page-x-of-y":
                    para.add_run(" of ")
                    _field(para, "NUMPAGES")
            if self.doc.notice:
                note = footer.add_paragraph(self.doc.notice)
                note.runs[0].font.size = Pt(self.theme.fonts.small_size)

    def _setup_styles(self) -> None:
        f, st = self.theme.fonts, self.out.styles
        body, head = DOCX_FONTS[f.body], DOCX_FONTS[f.headings]
        normal = st["Normal"]
        normal.font.name = body
        normal.font.size = Pt(f.size)
        normal.paragraph_format.space_after = Pt(self.theme.spacing.paragraph)
        normal.paragraph_format.line_spacing = Pt(f.leading)
        normal.paragraph_format.widow_control = True
        for name, size, color in (
            ("Title", f.name_size, self.accent if self.theme.masthead.name_color == "accent"
             else RGBColor(0x1A, 0x1A, 0x1A)),
            ("Subtitle", f.size * 1.05, self.muted),
            ("Heading 1", f.heading_size, self.accent),
            ("Heading 2", f.size * 1.05, RGBColor(0x1A, 0x1A, 0x1A)),
        ):
            style = st[name]
            style.font.name = head
            style.font.size = Pt(size)
            style.font.color.rgb = color
            style.font.italic = False
            style.paragraph_format.keep_with_next = True
        st["Heading 1"].font.all_caps = self.theme.section.case == "upper"
        st["Heading 1"].paragraph_format.space_before = Pt(self.theme.spacing.section_before)
        st["Heading 1"].paragraph_format.space_after = Pt(self.theme.spacing.section_after)
        st["List Bullet"].paragraph_format.space_after = Pt(1)
        for name in ("Header", "Footer"):
            st[name].font.size = Pt(f.small_size)
            st[name].font.color.rgb = self.muted

    def _text_width(self) -> Emu:
        sec = self.out.sections[0]
        return Emu(int(sec.page_width or 0) - int(sec.left_margin or 0)
                   - int(sec.right_margin or 0))

    # -- inline ---------------------------------------------------------------------------------

    def runs(self, para: DocxParagraph, spans: Inline) -> DocxParagraph:
        for span in spans:
            if not span.text:
                continue
            if span.url:
                _hyperlink(para, span, self.accent)
            else:
                run = para.add_run(span.text)
                run.bold = span.bold or None
                run.italic = span.italic or None
        return para

    def paragraph(self, spans: Inline, style: str = "Normal") -> DocxParagraph:
        return self.runs(self.out.add_paragraph(style=style), spans)

    # -- blocks ---------------------------------------------------------------------------------

    def masthead(self, m: Masthead) -> None:
        if self.theme.masthead.layout == "letterhead":
            self.letterhead(m)
            return
        align = WD_ALIGN_PARAGRAPH.CENTER if self.theme.masthead.align == "center" else None
        paras = [self.out.add_paragraph(m.name, style="Title")] if m.name else []
        if m.native_name:
            paras.append(self.paragraph((Span(m.native_name),)))
        if m.headline:
            paras.append(self.out.add_paragraph(m.headline, style="Subtitle"))
        if m.contact:
            para = self.out.add_paragraph()
            for i, item in enumerate(m.contact):
                if i:
                    para.add_run(f"  {self.theme.masthead.separator}  ")
                self.runs(para, item)
            paras.append(para)
        for para in paras:
            if align is not None:
                para.alignment = align

    def letterhead(self, m: Masthead) -> None:
        """The PDF's letterhead in Word terms: the name (and native name) in ``Title``, then
        one line with the contact and, on a right tab stop, the headline, over a thin rule."""
        f = self.theme.fonts
        if m.name or m.native_name:
            title = self.out.add_paragraph(m.name, style="Title")
            title.paragraph_format.space_after = Pt(2)
            if m.native_name:
                native = title.add_run(("   " if m.name else "") + m.native_name)
                native.font.size = Pt(round(f.name_size * 0.8, 1))
                native.font.color.rgb = self.muted
        line = self.out.add_paragraph()
        line.paragraph_format.tab_stops.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT)
        line.paragraph_format.space_after = Pt(self.theme.spacing.masthead_after)
        for i, item in enumerate(m.contact):
            if i:
                line.add_run(f"  {self.theme.masthead.separator}  ")
            self.runs(line, item)
        if m.headline:
            run = line.add_run(("\t" if m.contact else "") + m.headline)
            run.font.color.rgb = self.muted
        for r in line._p.iter(qn("w:r")):  # links' runs too
            Run(r, line).font.size = Pt(round(f.size * 0.95, 1))
        if self.theme.masthead.rule:
            _bottom_rule(line, self.theme.colors.rule)

    def entry(self, e: Entry) -> None:
        tab = self.text_width
        title = self.out.add_paragraph()
        title.paragraph_format.tab_stops.add_tab_stop(tab, WD_TAB_ALIGNMENT.RIGHT)
        title.paragraph_format.keep_with_next = True
        title.paragraph_format.space_before = Pt(self.theme.spacing.entry_gap)
        title.paragraph_format.space_after = Pt(0)
        title.add_run(e.title).bold = True
        if e.date_range:
            title.add_run(f"\t{e.date_range}")
        if e.organisation or e.location:
            org = self.out.add_paragraph()
            org.paragraph_format.tab_stops.add_tab_stop(tab, WD_TAB_ALIGNMENT.RIGHT)
            org.paragraph_format.keep_with_next = bool(e.summary or e.details)
            org.paragraph_format.space_after = Pt(1)
            org.add_run(e.organisation).italic = True
            if e.location:
                org.add_run(f"\t{e.location}")
        if e.summary:
            para = self.paragraph(e.summary)
            para.paragraph_format.space_after = Pt(1)
        for item in e.details:
            self.paragraph(item, "List Bullet")

    def key_value(self, kv: KeyValue) -> None:
        for label, value in kv.rows:
            para = self.out.add_paragraph()
            para.paragraph_format.tab_stops.add_tab_stop(Pt(140))
            para.paragraph_format.left_indent = Pt(140)
            para.paragraph_format.first_line_indent = Pt(-140)
            para.paragraph_format.space_after = Pt(2)
            para.add_run(label).bold = True
            para.add_run("\t")
            self.runs(para, value)

    def table(self, tb: Table) -> None:
        table = self.out.add_table(rows=1, cols=len(tb.header))
        table.style = self.out.styles["Table Grid"]
        for cell, head in zip(table.rows[0].cells, tb.header, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(head).bold = True
        _repeat_header(table.rows[0])
        for row in tb.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=False):
                cell.text = value
        for row in table.rows:
            _cant_split(row)
        self.out.add_paragraph()

    def block(self, b: Block) -> None:
        match b:
            case Heading():
                self.out.add_paragraph(b.text, style="Heading 1" if b.level <= 1 else "Heading 2")
            case Paragraph():
                self.paragraph(b.content)
            case BulletList():
                for item in b.items:
                    self.paragraph(item, "List Bullet")
            case Entry():
                self.entry(b)
            case KeyValue():
                self.key_value(b)
            case Table():
                self.table(b)
            case Spacer():
                self.out.add_paragraph().paragraph_format.space_after = Pt(b.height)
            case PageBreak():
                self.out.add_page_break()  # type: ignore[no-untyped-call]
            case TableOfContents():
                self.out.add_paragraph(b.title, style="Heading 1")
                for part in self.doc.parts:
                    if not any(isinstance(x, TableOfContents) for x in part.blocks):
                        self.out.add_paragraph(part.title, style="List Number")

    def build(self) -> bytes:
        for i, part in enumerate(self.doc.parts):
            if i and part.new_page:
                self.out.add_page_break()  # type: ignore[no-untyped-call]
            if part.masthead is not None:
                self.masthead(part.masthead)
            if part.show_title:
                self.out.add_paragraph(part.title, style="Heading 1")
            for b in part.blocks:
                self.block(b)
        cp = self.out.core_properties
        cp.title, cp.author, cp.subject = self.doc.title, self.doc.author, self.doc.subject
        cp.keywords = ", ".join(k for k in self.doc.keywords if k)
        cp.comments = f"Made with {APP_NAME} {__version__}"
        cp.last_modified_by = f"{APP_NAME} {__version__}"
        # The real time: a file dated 2000-01-01 looks broken (SOURCE_DATE_EPOCH fixes it).
        cp.created = cp.modified = export_time()
        cp.revision = 1
        _drop_template_leftovers(self.out)
        add_script_hints(self.out.element.body)
        for section in self.out.sections:
            for furniture in (section.header, section.footer):
                if not furniture.is_linked_to_previous:
                    add_script_hints(furniture._element)
        buf = io.BytesIO()
        self.out.save(buf)
        return buf.getvalue()


_HIDDEN_RELS = ("/metadata/thumbnail", "/relationships/customXml")


def _drop_template_leftovers(document: Any) -> None:
    """Remove python-docx's template thumbnail and custom XML: data the user never sees.

    Parts no relationship points to are not written, so dropping the relationship drops the part.
    """
    for owner in (document.part.package, document.part):
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype.endswith(_HIDDEN_RELS):
                owner.rels.pop(r_id)


def _field(para: DocxParagraph, instr: str) -> None:
    """A simple Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    para._p.append(fld)


def _hyperlink(para: DocxParagraph, span: Span, color: RGBColor) -> None:
    """An external hyperlink run (python-docx has no public API for writing one)."""
    r_id = para.part.relate_to(span.url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    c = OxmlElement("w:color")
    c.set(qn("w:val"), str(color))
    props.append(c)
    if span.bold:
        props.append(OxmlElement("w:b"))
    if span.italic:
        props.append(OxmlElement("w:i"))
    run.append(props)
    t = OxmlElement("w:t")
    t.text = span.text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    para._p.append(link)


def _bottom_rule(para: DocxParagraph, color: str) -> None:
    """A thin line under a paragraph (a paragraph border, as Word's own letterheads draw it)."""
    p_pr = para._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"),
                       ("w:color", color.lstrip("#").upper())):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)


def _cant_split(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:cantSplit"))


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:tblHeader"))


def render_docx_bytes(doc: Document, theme: Theme) -> bytes:
    """Write ``doc`` as .docx bytes (see ``api.render_docx``)."""
    return _DocxBuilder(doc, theme).build()
