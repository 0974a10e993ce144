""".docx import keeps structure: bullets, numbering, nesting, tables, headings, line breaks;
takes a title; and reports what it left out, with the right numbers."""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from pathlib import Path

import docx
import pytest

from tests.core.textio.docx_builder import (
    MULTILEVEL_NUM,
    NAMES,
    NS,
    STRUCTURED_TEXT,
    add_multilevel_numbering,
    append_xml,
    numbered,
    png_bytes,
    structured_statement,
    text_box_run,
)
from tests.core.textio.test_reader import write_docx_body
from tests.reliability import hostile
from workshop.core.errors import UserError
from workshop.core.textio import LineKind, TitleSource, read_statement, read_statement_file

FIXTURE = Path(__file__).parents[2] / "fixtures" / "textio" / "structured_statement.docx"


def save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


def test_committed_fixture_is_what_the_builder_writes() -> None:
    """Regenerate with tests/fixtures/textio/make_import_fixtures.py when this fails."""
    with zipfile.ZipFile(FIXTURE) as committed, \
            zipfile.ZipFile(io.BytesIO(structured_statement())) as fresh:
        for part in ("word/document.xml", "word/numbering.xml", "word/header1.xml"):
            assert committed.read(part) == fresh.read(part), part


def test_structured_statement_text_is_exact() -> None:
    imported = read_statement(FIXTURE)
    assert imported.text == STRUCTURED_TEXT
    assert imported.title == "Why Internal Medicine"
    assert imported.title_source is TitleSource.HEADING
    assert not imported.text.startswith("Why Internal Medicine")  # not there twice


def test_structured_statement_report_numbers() -> None:
    report = read_statement(FIXTURE).report
    c = report.counts
    assert (c.paragraphs, c.headings, c.bullets, c.numbered, c.nested_items) == (4, 2, 5, 7, 4)
    assert (c.tables, c.table_rows, c.line_breaks) == (1, 3, 1)
    assert (c.images, c.footnotes, c.comments, c.hidden_runs) == (1, 1, 1, 1)
    assert (c.insertions, c.deletions) == (1, 1)
    assert c.text_boxes == ["A pull quote in a box"]
    assert c.headers_footers == ["Yasmin Haddad — ERAS 2026"]  # the "Page 1" footer is noise
    assert report.words == len(STRUCTURED_TEXT.split())
    assert report.characters == len(STRUCTURED_TEXT)
    assert report.file_kind == "Word document" and report.encoding == ""
    texts: dict[LineKind, list[str]] = defaultdict(list)
    for line in report.lines():
        texts[line.kind].append(line.text)
    assert "Kept 5 bullet points as “• ” lines." in texts[LineKind.KEPT]
    assert "1 image was left out (ERAS takes text only)." in texts[LineKind.LEFT_OUT]
    assert any("Yasmin Haddad" in text for text in texts[LineKind.LEFT_OUT])
    assert any("1 insertion kept, 1 deletion dropped" in t for t in texts[LineKind.CONVERTED])
    assert report.left_out_anything


def test_check_reads_the_same_text_with_the_title_line(tmp_path: Path) -> None:
    """``workshop check FILE`` checks everything in the file, the heading included."""
    assert read_statement_file(FIXTURE) == "Why Internal Medicine\n\n" + STRUCTURED_TEXT


def test_headers_and_text_boxes_are_not_imported() -> None:
    text = read_statement(FIXTURE).text
    for absent in ("Yasmin Haddad", "pull quote", "hidden note", "really", "Say how", "Page"):
        assert absent not in text


def test_unicode_names_survive() -> None:
    text = read_statement(FIXTURE).text
    assert NAMES in text
    for name in ("ياسمين", "Łukasz", "Wiśniewski", "Çağrı", "Öztürk", "İstanbul", "Şişli"):
        assert name in text


def test_title_from_properties_drops_an_identical_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "draft_v3.docx"
    path.write_bytes(structured_statement(properties_title="Why Internal Medicine"))
    imported = read_statement(path)
    assert imported.title_source is TitleSource.PROPERTIES
    assert imported.text == STRUCTURED_TEXT


def test_title_from_properties_keeps_a_different_heading(tmp_path: Path) -> None:
    path = tmp_path / "draft_v3.docx"
    path.write_bytes(structured_statement(properties_title="  IM statement,  2026 "))
    imported = read_statement(path)
    assert imported.title == "IM statement, 2026"
    assert imported.text == "Why Internal Medicine\n\n" + STRUCTURED_TEXT
    assert imported.report.counts.headings == 3


@pytest.mark.parametrize("placeholder", ["Document1", "Word Document", "Untitled document",
                                         "Microsoft Word - draft_v3.docx", "  "])
def test_template_titles_are_ignored(tmp_path: Path, placeholder: str) -> None:
    document = docx.Document()
    document.core_properties.title = placeholder
    document.add_paragraph("A body paragraph, no heading.")
    imported = read_statement(save(document, tmp_path / "my_IM_draft.docx"))
    assert (imported.title, imported.title_source) == ("my IM draft", TitleSource.FILE_NAME)


def test_a_heading_below_body_text_is_not_the_title(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Body first.")
    document.add_heading("Later heading", level=1)
    imported = read_statement(save(document, tmp_path / "s.docx"))
    assert imported.title_source is TitleSource.FILE_NAME
    assert imported.text == "Body first.\n\nLater heading"


def test_a_given_title_wins_and_keeps_the_heading(tmp_path: Path) -> None:
    imported = read_statement(FIXTURE, title="Mine")
    assert (imported.title, imported.title_source) == ("Mine", TitleSource.GIVEN)
    assert imported.text.startswith("Why Internal Medicine\n\n")


def test_manual_line_break_and_page_break(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>Line two  </w:t><w:cr/>'
            '<w:t>Line three</w:t><w:br w:type="page"/><w:t>After the page break</w:t></w:r>'
            "</w:p>")
    imported = read_statement(write_docx_body(tmp_path / "b.docx", body))
    assert imported.text == "Line one\nLine two\nLine three\n\nAfter the page break"
    assert imported.report.counts.line_breaks == 2
    assert imported.report.counts.page_breaks == 1


def test_bullets_are_consecutive_lines_of_one_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Intro.")
    for item in ("alpha", "beta"):
        document.add_paragraph(item, style="List Bullet")
    document.add_paragraph("gamma", style="List Bullet 3")
    document.add_paragraph("Outro.")
    text = read_statement(save(document, tmp_path / "s.docx")).text
    assert text == "Intro.\n\n• alpha\n• beta\n    • gamma\n\nOutro."


def test_list_number_continues_across_a_paragraph_as_word_shows_it(tmp_path: Path) -> None:
    """python-docx's "List Number" items share one list, which Word numbers on and on."""
    document = docx.Document()
    for item in ("one", "two"):
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("Between.")
    document.add_paragraph("three", style="List Number")
    text = read_statement(save(document, tmp_path / "s.docx")).text
    assert text == "1. one\n2. two\n\nBetween.\n\n3. three"


def test_two_different_lists_next_to_each_other_stay_two_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("dot", style="List Bullet")
    document.add_paragraph("first", style="List Number")
    text = read_statement(save(document, tmp_path / "s.docx")).text
    assert text == "• dot\n\n1. first"


def test_numbering_restart_and_levels(tmp_path: Path) -> None:
    document = docx.Document()
    add_multilevel_numbering(document)
    for text, level in (("a", 0), ("b", 1), ("c", 1), ("d", 0), ("e", 1)):
        numbered(document, text, MULTILEVEL_NUM, level)
    text = read_statement(save(document, tmp_path / "s.docx")).text
    assert text == "1. a\n  a) b\n  b) c\n2. d\n  a) e"  # the letters restart under "2."


def test_numbering_switched_off_and_missing_definitions(tmp_path: Path) -> None:
    """numId 0 removes a style's list; a numId with no definition is drawn as a bullet."""
    body = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr>'
            "<w:r><w:t>plain</w:t></w:r></w:p>"
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr>'
            "<w:r><w:t>unknown list</w:t></w:r></w:p>")
    imported = read_statement(write_docx_body(tmp_path / "n.docx", body))
    assert imported.text == "plain\n\n• unknown list"


def test_table_rows_cells_and_a_frame_table(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"
    table.cell(0, 1).text = "Role"
    table.cell(1, 0).text = "İlkay Şahin"
    cell = table.cell(1, 1)
    cell.text = "Mentor"
    cell.add_paragraph("and friend")
    frame = document.add_table(rows=1, cols=1)
    frame.cell(0, 0).text = "A statement someone put in a box."
    frame.cell(0, 0).add_paragraph("Its second paragraph.")
    imported = read_statement(save(document, tmp_path / "t.docx"))
    assert imported.text == ("Name | Role\nİlkay Şahin | Mentor / and friend\n\n"
                             "A statement someone put in a box.\n\nIts second paragraph.")
    counts = imported.report.counts
    assert (counts.tables, counts.table_rows, counts.frame_tables, counts.paragraphs) == (
        1, 2, 1, 2)


def test_headings_are_their_own_paragraphs_in_localized_word(tmp_path: Path) -> None:
    """German Word writes the style id "berschrift1" but the built-in name "heading 1"."""
    document = docx.Document()
    document.add_paragraph("Einleitung", style="Heading 1")
    document.add_paragraph("Text.")
    document.add_paragraph("Zweiter Teil", style="Heading 2")
    document.add_paragraph("Mehr.")
    path = save(document, tmp_path / "de.docx")
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    for name in ("word/document.xml", "word/styles.xml"):
        parts[name] = parts[name].replace(b'"Heading1"', b'"berschrift1"')
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    imported = read_statement(path)
    assert imported.title == "Einleitung"
    assert imported.text == "Text.\n\nZweiter Teil\n\nMehr."
    assert imported.report.counts.headings == 1


def test_empty_docx_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="empty") as info:
        read_statement(save(docx.Document(), tmp_path / "e.docx"))
    assert "Traceback" not in str(info.value)


def test_images_only_docx_says_what_it_holds(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_picture(io.BytesIO(png_bytes()))
    with pytest.raises(UserError, match="empty") as info:
        read_statement(save(document, tmp_path / "scan.docx"))
    assert "only images" in info.value.hint


def test_a_statement_laid_out_in_text_boxes_is_read_from_them(tmp_path: Path) -> None:
    document = docx.Document()
    append_xml(document.add_paragraph(), text_box_run("All my statement"))
    append_xml(document.add_paragraph(), text_box_run("Its second part"))
    imported = read_statement(save(document, tmp_path / "box.docx"), title="Mine")
    assert imported.text == "All my statement\n\nIts second part"  # each box once, in order
    lines = {line.kind: line.text for line in imported.report.lines()}
    assert "2 text boxes: their text was imported" in lines[LineKind.CONVERTED]
    assert not any("text box" in line.text for line in imported.report.lines()
                   if line.kind is LineKind.LEFT_OUT)


def test_footnote_text_is_reported_as_a_note(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(structured_statement())
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/footnotes.xml", FOOTNOTES)
        rels = archive.read("word/_rels/document.xml.rels").decode()
    _replace_part(path, "word/_rels/document.xml.rels", rels.replace(
        "</Relationships>", '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        "</Relationships>"))
    report = read_statement(path).report
    assert report.counts.footnote_texts == ["See the 2023 sepsis audit."]
    assert any("“See the 2023 sepsis audit.”" in line.text for line in report.lines()
               if line.kind is LineKind.LEFT_OUT)


FOOTNOTES = (
    f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
    '</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>See the 2023 sepsis '
    "audit.</w:t></w:r></w:p></w:footnote></w:footnotes>")


def _replace_part(path: Path, name: str, text: str) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename != name:
                target.writestr(info, data)
        target.writestr(name, text)


def test_strict_ooxml_is_read(tmp_path: Path) -> None:
    path = tmp_path / "strict.docx"
    path.write_bytes(hostile.strict_docx_bytes("Written in Strict Open XML."))
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(path).read(
        "word/document.xml")
    assert read_statement_file(path) == "Written in Strict Open XML."


def test_a_docx_with_only_its_title(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Personal Statement", style="Title")
    with pytest.raises(UserError, match="only its title") as info:
        read_statement(save(document, tmp_path / "t.docx"))
    assert "“Personal Statement”" in str(info.value)


def test_equation_and_endnote_are_reported(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:t>Dose </w:t></w:r>'
            '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
            "<m:r><m:t>x=2</m:t></m:r></m:oMath>"
            '<w:r><w:endnoteReference w:id="2"/></w:r></w:p>')
    report = read_statement(write_docx_body(tmp_path / "m.docx", body)).report
    assert (report.counts.equations, report.counts.endnotes) == (1, 1)
    left_out = [line.text for line in report.lines() if line.kind is LineKind.LEFT_OUT]
    assert "1 equation was left out." in left_out
    assert any(text.startswith("1 endnote was left out") for text in left_out)


def test_nested_text_box_in_a_table_cell_is_not_cell_text(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Left"
    paragraph = table.cell(0, 1).paragraphs[0]
    paragraph.add_run("Right")
    append_xml(paragraph, text_box_run("boxed"))
    imported = read_statement(save(document, tmp_path / "c.docx"))
    assert imported.text == "Left | Right"
    assert imported.report.counts.text_boxes == ["boxed"]
