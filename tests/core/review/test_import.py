"""Reading comments and tracked changes from reviewed .docx files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop.core.review import import_review, read_review

from .docx_builder import reviewed_docx
from .samples import ORIGINAL, REVIEW_PARAGRAPHS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "review"


@pytest.fixture(scope="module")
def reviewed() -> bytes:
    return reviewed_docx(REVIEW_PARAGRAPHS)


def test_original_and_revised_texts(reviewed: bytes) -> None:
    doc = read_review(reviewed)
    assert doc.original == ORIGINAL
    assert "really" not in doc.revised
    assert "continuity of care." in doc.revised and "taught me statistics." in doc.revised


def test_comments_with_their_anchored_text(reviewed: bytes) -> None:
    doc = read_review(reviewed)
    assert [c.text for c in doc.comments] == ["Be specific: how old was he?",
                                              "End on something concrete."]
    first = doc.comments[0]
    assert first.author == "Dr. Ananya Iyer" and first.initials == "AI"
    assert doc.original[first.start:first.end] == "The patient was an elderly man"
    assert first.quoted == "The patient was an elderly man"


def test_tracked_changes_from_raw_xml(reviewed: bytes) -> None:
    doc = read_review(reviewed)
    kinds = [(c.kind, c.old, c.new) for c in doc.changes]
    assert kinds == [("delete", "really ", ""), ("replace", "continuity", "continuity of care"),
                     ("insert", "", " It also taught me statistics.")]
    for change in doc.changes:
        assert doc.original[change.start:change.end] == change.old
        assert change.author == "Dr. Ananya Iyer" and change.date.startswith("2026-05-20")


def test_comment_over_deleted_text() -> None:
    data = reviewed_docx([[("text", "I am "), ("comment_del", "very ", "Why cut this?"),
                           ("text", "motivated.")]])
    doc = read_review(data)
    assert doc.original == "I am very motivated."
    comment = doc.comments[0]
    assert doc.original[comment.start:comment.end] == "very"
    assert doc.changes[0].kind == "delete"


def test_paragraph_added_by_reviewer() -> None:
    data = reviewed_docx([[("text", "First paragraph.")], [("ins", "A new paragraph.")],
                          [("text", "Last paragraph.")]])
    doc = read_review(data)
    assert doc.original == "First paragraph.\n\nLast paragraph."
    assert doc.revised == "First paragraph.\n\nA new paragraph.\n\nLast paragraph."
    change = doc.changes[0]
    assert change.new == "\n\nA new paragraph." and change.start == len("First paragraph.")


def test_libreoffice_saved_file_reads_the_same() -> None:
    """A committed fixture written by LibreOffice Writer (see make_review_fixtures.py)."""
    doc = read_review(FIXTURES / "libreoffice_reviewed.docx")
    assert doc.original == ORIGINAL
    assert len(doc.comments) == 2 and len(doc.changes) == 3
    review = import_review(FIXTURES / "libreoffice_reviewed.docx", ORIGINAL)
    assert review.lost == 0


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed; the committed fixture "
                    "libreoffice_reviewed.docx still covers its XML")
def test_live_libreoffice_conversion(reviewed: bytes) -> None:
    import sys

    sys.path.insert(0, str(FIXTURES))
    from make_review_fixtures import convert_with_libreoffice  # type: ignore[import-not-found]

    doc = read_review(convert_with_libreoffice(reviewed))
    assert doc.original == ORIGINAL
    assert [c.kind for c in doc.changes] == ["delete", "replace", "insert"]
    assert [c.text for c in doc.comments][0] == "Be specific: how old was he?"
