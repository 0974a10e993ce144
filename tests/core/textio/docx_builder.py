"""Builds statement .docx files with the structure Word gives them: python-docx plus raw XML.

python-docx writes paragraphs, styles ("Title", "List Bullet 2", "List Number"), tables,
pictures, comments, headers and core properties itself. What it cannot write is added as the
XML Word stores: a multi-level numbered list (``w:abstractNum`` with decimal and lowerLetter
levels, and a second ``w:num`` restarting it with ``w:startOverride``), tracked changes, a text
box (``mc:AlternateContent`` with a DrawingML choice and a VML fallback, as Word 2010+ saves
it), a footnote reference, hidden text and a PAGE field in the footer.

``tests/fixtures/textio/make_import_fixtures.py`` saves :func:`structured_statement` as the
committed fixture; the tests also build variants of their own.
"""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.shared import Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W_NS}" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
AUTHOR = "Dr. Ananya Iyer"
DATE = "2026-05-20T10:00:00Z"
NAMES = "ياسمين حداد, Łukasz Wiśniewski (Gdańsk) and Çağrı Öztürk (İstanbul, Şişli)"
MULTILEVEL_ABSTRACT = "90"
MULTILEVEL_NUM = "90"
RESTARTED_NUM = "91"


def png_bytes() -> bytes:
    """A valid 2x2 PNG (python-docx reads its header to size the picture)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def add_multilevel_numbering(document: Any) -> None:
    """A "1. / a." list definition, its list, and a second list that restarts it at 1."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {NS} w:abstractNumId="{MULTILEVEL_ABSTRACT}">'
        '<w:multiLevelType w:val="hybridMultilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%2)"/><w:lvlJc w:val="left"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\uf0a7"/><w:lvlJc w:val="left"/></w:lvl>'
        "</w:abstractNum>")
    first_num = numbering.find(f"{{{W_NS}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num {NS} w:numId="{MULTILEVEL_NUM}">'
        f'<w:abstractNumId w:val="{MULTILEVEL_ABSTRACT}"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:num {NS} w:numId="{RESTARTED_NUM}"><w:abstractNumId w:val="{MULTILEVEL_ABSTRACT}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))


def numbered(document: Any, text: str, num_id: str, ilvl: int) -> Any:
    """A paragraph in list ``num_id`` at level ``ilvl`` (numbering on the paragraph itself)."""
    paragraph = document.add_paragraph(text, style="List Paragraph")
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def append_xml(paragraph: Any, xml: str) -> None:
    paragraph._p.append(parse_xml(xml))


def text_box_run(text: str) -> str:
    """A floating text box as Word 2010+ writes it: DrawingML choice, VML fallback."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f"<w:r {NS}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:extent cx="1828800" cy="457200"/>'
        '<wp:docPr id="10" name="Text Box 10"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape id="tb10"><v:textbox>{content}</v:textbox></v:shape>'
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def structured_statement(*, properties_title: str = "") -> bytes:
    """A statement with every structure the importer keeps, converts or leaves out."""
    document = docx.Document()
    document.core_properties.title = properties_title
    add_multilevel_numbering(document)
    section = document.sections[0]
    section.header.paragraphs[0].text = "Yasmin Haddad — ERAS 2026"
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    append_xml(footer, f'<w:fldSimple {NS} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
                       "</w:fldSimple>")

    document.add_paragraph("Why Internal Medicine", style="Title")
    intro = document.add_paragraph(f"My mentors were {NAMES}.")
    intro.add_run().add_break()
    intro.add_run("They taught me to listen first.")
    append_xml(intro, f'<w:r {NS}><w:footnoteReference w:id="1"/></w:r>')

    document.add_heading("What I bring", level=1)
    document.add_paragraph("Continuity of care in a rural clinic", style="List Bullet")
    document.add_paragraph("Research on sepsis bundles", style="List Bullet")
    document.add_paragraph("Presented at two meetings", style="List Bullet 2")
    document.add_paragraph("Teaching junior students", style="List Bullet")

    document.add_heading("Milestones", level=2)
    numbered(document, "Graduated from medical school", MULTILEVEL_NUM, 0)
    numbered(document, "Passed USMLE Step 1", MULTILEVEL_NUM, 0)
    numbered(document, "Step 2 CK", MULTILEVEL_NUM, 1)
    numbered(document, "OET Medicine", MULTILEVEL_NUM, 1)
    numbered(document, "in English", MULTILEVEL_NUM, 2)
    numbered(document, "Started observerships", MULTILEVEL_NUM, 0)

    document.add_paragraph("Two goals follow from this.")
    numbered(document, "Train in a community program", RESTARTED_NUM, 0)
    numbered(document, "Return to teach", RESTARTED_NUM, 0)

    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate((("Year", "Role", "Place"),
                             ("2023", "Intern", "Gdańsk"),
                             ("2024", "Observer", ""))):
        for c, value in enumerate(row):
            table.cell(r, c).text = value

    changed = document.add_paragraph("I ")
    append_xml(changed, f'<w:del {NS} w:id="201" w:author="{AUTHOR}" w:date="{DATE}">'
                        "<w:r><w:delText>really </w:delText></w:r></w:del>")
    append_xml(changed, f'<w:ins {NS} w:id="202" w:author="{AUTHOR}" w:date="{DATE}">'
                        '<w:r><w:t xml:space="preserve">truly </w:t></w:r></w:ins>')
    cared = changed.add_run("care about my patients.")
    document.add_comment(cared, text="Say how.", author=AUTHOR, initials="AI")
    append_xml(changed, f'<w:r {NS}><w:rPr><w:vanish/></w:rPr>'
                        "<w:t>(hidden note to self)</w:t></w:r>")
    append_xml(changed, text_box_run("A pull quote in a box"))

    closing = document.add_paragraph("Thank you for reading.")
    closing.add_run().add_picture(io.BytesIO(png_bytes()), width=Pt(12))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


STRUCTURED_TEXT = (
    f"My mentors were {NAMES}.\nThey taught me to listen first.\n\n"
    "What I bring\n\n"
    "• Continuity of care in a rural clinic\n"
    "• Research on sepsis bundles\n"
    "  • Presented at two meetings\n"
    "• Teaching junior students\n\n"
    "Milestones\n\n"
    "1. Graduated from medical school\n"
    "2. Passed USMLE Step 1\n"
    "  a) Step 2 CK\n"
    "  b) OET Medicine\n"
    "    • in English\n"
    "3. Started observerships\n\n"
    "Two goals follow from this.\n\n"
    "1. Train in a community program\n"
    "2. Return to teach\n\n"
    "Year | Role | Place\n"
    "2023 | Intern | Gdańsk\n"
    "2024 | Observer\n\n"
    "I truly care about my patients.\n\n"
    "Thank you for reading."
)
"""What :func:`structured_statement` imports as (its Title line becomes the title)."""
