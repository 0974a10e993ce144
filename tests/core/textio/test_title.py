"""Which document titles are a person's, and which a program filled in."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core.textio.docx_text import Block, BlockKind
from workshop.core.textio.report import TitleSource
from workshop.core.textio.title import choose_docx_title, is_placeholder, split_markdown_title


@pytest.mark.parametrize("title", ["", "   ", "Document", "Document1", "document 3", "Doc1",
                                   "Untitled", "Untitled document", "Word Document",
                                   "Microsoft Word - draft.docx", "draft_v3.docx", "Title",
                                   "...", "x" * 121])
def test_placeholders(title: str) -> None:
    assert is_placeholder(title)


@pytest.mark.parametrize("title", ["Personal Statement", "IM 2026", "Documenting care",
                                   "Şişli Etfal Hastanesi", "ياسمين حداد"])
def test_real_titles(title: str) -> None:
    assert not is_placeholder(title)


def test_order_of_preference() -> None:
    heading = (Block(BlockKind.HEADING, "Why IM", level=1), Block(BlockKind.PARAGRAPH, "Body"))
    path = Path("my_draft.docx")
    given = choose_docx_title(given="Mine", properties="Props", blocks=heading, path=path)
    assert (given.title, given.source, given.drop_first_block) == ("Mine", TitleSource.GIVEN,
                                                                   False)
    props = choose_docx_title(given="", properties="Props", blocks=heading, path=path)
    assert (props.source, props.drop_first_block) == (TitleSource.PROPERTIES, False)
    same = choose_docx_title(given="", properties="why  IM", blocks=heading, path=path)
    assert same.drop_first_block
    first = choose_docx_title(given="", properties="Document1", blocks=heading, path=path)
    assert (first.title, first.source, first.drop_first_block) == ("Why IM",
                                                                   TitleSource.HEADING, True)
    level2 = (Block(BlockKind.HEADING, "Why IM", level=2),)
    stem = choose_docx_title(given="", properties="", blocks=level2, path=path)
    assert (stem.title, stem.source) == ("my draft", TitleSource.FILE_NAME)


def test_markdown_title() -> None:
    assert split_markdown_title("\n# My Story #\nBody") == ("My Story", "Body")
    assert split_markdown_title("## Not H1\nBody") is None
    assert split_markdown_title("#hashtag\nBody") is None
    assert split_markdown_title("Body\n# Later") is None
