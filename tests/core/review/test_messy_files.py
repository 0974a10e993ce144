"""Hostile and wrong files get a clear UserError, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from workshop.core.errors import UserError
from workshop.core.review import import_review, read_review

from .docx_builder import plain_docx, reviewed_docx
from .samples import ORIGINAL, OTHER_STATEMENT, REVIEW_PARAGRAPHS


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600, "encrypted"),
    (b"%PDF-1.7\n...", "PDF"),
    (b"Plain text statement, saved as .docx by mistake.", "not a .docx"),
    (b"PK\x03\x04" + b"\x00" * 40, "damaged"),
    (_zip({"hello.txt": b"hi"}), "no word/document.xml"),
    (_zip({"word/document.xml": b"<not-xml"}), "damaged"),
])
def test_refusals(data: bytes, reason: str) -> None:
    with pytest.raises(UserError, match=reason) as info:
        read_review(data, where="review.docx")
    assert info.value.where == "review.docx" and info.value.hint


def test_truncated_docx_is_damaged() -> None:
    data = reviewed_docx(REVIEW_PARAGRAPHS)
    with pytest.raises(UserError, match="damaged"):
        read_review(data[: len(data) // 2])


def test_zip_bomb_refused_without_inflating() -> None:
    bomb = _zip({"word/document.xml": b"<w:document/>",
                 "word/media/pad.bin": b"\0" * (11 * 1024 * 1024)})
    assert len(bomb) < 200_000
    with pytest.raises(UserError, match="zip bomb"):
        read_review(bomb)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot be read"):
        read_review(tmp_path / "nope.docx")


def test_no_comments_or_changes() -> None:
    with pytest.raises(UserError, match="no comments and no tracked changes"):
        import_review(plain_docx(ORIGINAL.split("\n\n")), ORIGINAL)


def test_review_of_another_statement() -> None:
    data = reviewed_docx(REVIEW_PARAGRAPHS)
    with pytest.raises(UserError, match="another statement") as info:
        import_review(data, OTHER_STATEMENT, title="the surgery statement")
    assert "the surgery statement" in str(info.value)


def test_empty_draft() -> None:
    with pytest.raises(UserError, match="empty"):
        import_review(reviewed_docx(REVIEW_PARAGRAPHS), "  \n")


def test_heavily_revised_draft_is_still_accepted() -> None:
    """Half the paragraphs rewritten: still this statement, with some anchors lost."""
    paragraphs = ORIGINAL.split("\n\n")
    draft = "\n\n".join([paragraphs[0], "A completely new paragraph about my ward work.",
                         paragraphs[2]])
    review = import_review(reviewed_docx(REVIEW_PARAGRAPHS), draft)
    assert review.similarity >= 0.15
    assert review.lost >= 1


def test_path_input(tmp_path: Path) -> None:
    path = tmp_path / "reviewed by Dr. Iyer.docx"
    path.write_bytes(reviewed_docx(REVIEW_PARAGRAPHS))
    review = import_review(path, ORIGINAL)
    assert len(review.changes) == 3 and review.lost == 0
