"""read_statement_file: good files of each type, and every kind of bad input."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from workshop.core.errors import UserError
from workshop.core.textio import read_statement_file
from workshop.core.textio.reader import markdown_to_plain

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def write_docx_body(path: Path, body_xml: str) -> Path:
    """A minimal valid .docx whose body is ``body_xml``."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}">'
        f"<w:body>{body_xml}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document)
    return path


def _message(exc: pytest.ExceptionInfo[UserError]) -> str:
    return str(exc.value)


def test_txt_utf8_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes("\ufeffياسمين wrote 😀.\r\nNext line.".encode())
    assert read_statement_file(path) == "ياسمين wrote 😀.\nNext line."


def test_txt_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes("Νίκος café".encode("utf-16"))
    assert read_statement_file(path) == "Νίκος café"


def test_markdown_is_reduced_to_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    path.write_text(
        "# Statement\n\nI **loved** the [ward](http://x.org) and *my* `team`.\n", "utf-8"
    )
    assert read_statement_file(path) == "Statement\n\nI loved the ward and my team.\n"
    assert markdown_to_plain("2 * 3 * 4") == "2 * 3 * 4"


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("First paragraph by Yasmin (ياسمين).")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell one"
    table.cell(0, 1).text = "Cell two"
    document.add_paragraph("")
    document.add_paragraph("Last paragraph, Νίκος.")
    path = tmp_path / "s.docx"
    document.save(str(path))
    assert read_statement_file(path) == (
        "First paragraph by Yasmin (ياسمين).\n\nCell one | Cell two\n\nLast paragraph, Νίκος."
    )


def test_docx_tracked_changes_show_inserted_not_deleted(tmp_path: Path) -> None:
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        '<w:r><w:t xml:space="preserve">I </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>really </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">truly </w:t></w:r></w:ins>'
        "<w:r><w:t>care.</w:t><w:tab/><w:t>End</w:t></w:r></w:p>"
    )
    path = write_docx_body(tmp_path / "t.docx", body)
    assert read_statement_file(path) == "I truly care.\tEnd"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="File not found") as exc:
        read_statement_file(tmp_path / "nope.txt")
    assert "nope.txt" in _message(exc)


def test_unsupported_and_old_doc(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(UserError, match="Unsupported file type"):
        read_statement_file(tmp_path / "a.pdf")
    (tmp_path / "a.doc").write_bytes(b"x")
    with pytest.raises(UserError, match="save as .docx"):
        read_statement_file(tmp_path / "a.doc")


def test_text_pretending_to_be_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("just text", "utf-8")
    with pytest.raises(UserError, match="not a .docx file"):
        read_statement_file(path)


def test_encrypted_docx(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 512)
    with pytest.raises(UserError, match="password-protected"):
        read_statement_file(path)


def test_corrupt_zip(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    docx.Document().save(str(good))
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good.read_bytes()[:300])
    with pytest.raises(UserError, match="damaged"):
        read_statement_file(bad)


def test_zip_without_word_document(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(UserError, match="not a Word document"):
        read_statement_file(path)


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"a" * (1024 * 1024)
            for _ in range(120):  # 120 MB of one letter: compresses to ~120 KB
                member.write(chunk)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(UserError, match="zip bomb"):
        read_statement_file(path)


def test_malformed_document_xml(tmp_path: Path) -> None:
    path = write_docx_body(tmp_path / "m.docx", "<w:p><w:r><w:t>unclosed")
    with pytest.raises(UserError, match="damaged"):
        read_statement_file(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UserError, match="binary"):
        read_statement_file(path)
    png = tmp_path / "p.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    with pytest.raises(UserError, match="PNG"):
        read_statement_file(png)


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café résumé".encode("latin-1"))
    with pytest.raises(UserError, match="not valid UTF-8") as exc:
        read_statement_file(path)
    assert "UTF-8" in exc.value.hint


def test_empty_files(tmp_path: Path) -> None:
    for name, data in (("e.txt", b""), ("w.txt", b"  \n\n\t ")):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(UserError, match="empty"):
            read_statement_file(tmp_path / name)
    empty_docx = tmp_path / "e.docx"
    docx.Document().save(str(empty_docx))
    with pytest.raises(UserError, match="empty"):
        read_statement_file(empty_docx)


def test_too_large_text_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse 50 MB
    with pytest.raises(UserError, match="too large"):
        read_statement_file(path)


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(UserError, match="folder"):
        read_statement_file(folder)


def test_statement_import_and_review_share_one_safe_opener(tmp_path: Path) -> None:
    """A PDF or an empty file named .docx gets the same clear refusal on both paths."""
    from workshop.core.review.roundtrip import read_review
    from workshop.core.textio.docx_text import read_docx_text

    pdf = tmp_path / "statement.docx"
    pdf.write_bytes(b"%PDF-1.7\n...")
    with pytest.raises(UserError, match="This is a PDF, not a .docx"):
        read_docx_text(pdf)
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    with pytest.raises(UserError, match="The file is empty"):
        read_docx_text(empty)
    with pytest.raises(UserError, match="The file is empty"):
        read_review(empty)
