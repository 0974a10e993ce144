""".txt and .md import: a "# Heading" first line is the title, Markdown lists become "• "
lines, and the report names the encoding the file was read in."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core.errors import UserError
from workshop.core.textio import LineKind, TitleSource, read_statement, read_statement_file
from workshop.core.textio.reader import markdown_to_plain


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_markdown_title_lists_and_headings(tmp_path: Path) -> None:
    path = write(tmp_path / "im_draft.md",
                 "# Why I chose Internal Medicine\n\nI met **Çağrı Öztürk**.\n\n"
                 "## Strengths\n\n- listening\n- teaching\n  * nested\n\n* * *\n\nEnd.\n")
    imported = read_statement(path)
    assert (imported.title, imported.title_source) == ("Why I chose Internal Medicine",
                                                      TitleSource.MARKDOWN)
    assert imported.text == ("I met Çağrı Öztürk.\n\nStrengths\n\n• listening\n• teaching\n"
                             "  • nested\n\nEnd.\n")
    counts = imported.report.counts
    assert (counts.headings, counts.bullets) == (1, 3)
    assert imported.report.file_kind == "Markdown file"
    assert "(not repeated in the text)" in imported.report.title_line()


def test_txt_hash_title_and_encoding_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "s.txt", "\ufeff# Personal Statement\r\n\r\nياسمين wrote this.\r\n")
    imported = read_statement(path)
    assert imported.title == "Personal Statement"
    assert imported.text == "ياسمين wrote this.\n"
    assert imported.report.encoding == "UTF-8 (with a byte-order mark)"
    notes = [line.text for line in imported.report.lines() if line.kind is LineKind.NOTE]
    assert notes == ["Read as UTF-8 (with a byte-order mark) text."]


@pytest.mark.parametrize(("encoding", "label"), [("utf-8", "UTF-8"), ("utf-16", "UTF-16")])
def test_encodings(tmp_path: Path, encoding: str, label: str) -> None:
    imported = read_statement(write(tmp_path / "s.txt", "Łukasz Wiśniewski, Gdańsk", encoding))
    assert imported.text == "Łukasz Wiśniewski, Gdańsk"
    assert imported.report.encoding == label
    assert (imported.title, imported.title_source) == ("s", TitleSource.FILE_NAME)


def test_txt_without_heading_keeps_its_first_line(tmp_path: Path) -> None:
    imported = read_statement(write(tmp_path / "my_draft.txt", "Personal Statement\n\nBody."))
    assert imported.title == "my draft"
    assert imported.text == "Personal Statement\n\nBody."
    assert imported.report.counts.paragraphs == 2


def test_a_given_title_keeps_the_heading_in_the_text(tmp_path: Path) -> None:
    path = write(tmp_path / "s.md", "# Heading\n\nBody.")
    imported = read_statement(path, title="Mine")
    assert (imported.title, imported.title_source) == ("Mine", TitleSource.GIVEN)
    assert imported.text == "Heading\n\nBody."


def test_check_reads_the_heading_too(tmp_path: Path) -> None:
    assert read_statement_file(write(tmp_path / "s.md", "# Heading\n\nBody.")) == (
        "Heading\n\nBody.")


def test_a_file_with_only_a_title(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="only its title"):
        read_statement(write(tmp_path / "s.md", "# Just a title\n\n"))


def test_markdown_rules_are_not_bullets() -> None:
    assert markdown_to_plain("---\n- a\n***\n+ b") == "\n• a\n\n• b"
    assert markdown_to_plain("a\n\n> quoted\n\n## H") == "a\n\nquoted\n\nH"
    assert markdown_to_plain("**bold** start\n-not a list") == "bold start\n-not a list"
