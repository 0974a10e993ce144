from __future__ import annotations

import os
from pathlib import Path

import pytest

from workshop.core.errors import UserError, WriteFailed
from workshop.core.export import export, packet_document, report_document, statement_document
from workshop.core.export.builders import paragraphs
from workshop.core.export.samples import sample_document


def test_export_picks_format_by_suffix(tmp_path: Path) -> None:
    doc = sample_document("report")
    pdf = export(doc, "report", "letter", tmp_path / "r.pdf")
    docx_path = export(doc, "report", "a4", tmp_path / "r.DOCX")
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert docx_path.read_bytes().startswith(b"PK")


def test_export_rejects_other_suffixes(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.pdf or \.docx"):
        export(sample_document("report"), "report", "letter", tmp_path / "r.txt")


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old")

    def boom(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(WriteFailed, match="disk is full"):
        export(sample_document("report"), "report", "letter", target)
    assert target.read_bytes() == b"old"


def test_user_theme_folder_is_used(tmp_path: Path) -> None:
    (tmp_path / "plain.toml").write_text('[meta]\nkind = "report"\nextends = "report"\n')
    out = export(sample_document("report"), "plain", "letter", tmp_path / "r.pdf",
                 user_dirs=[tmp_path])
    assert out.stat().st_size > 1000


def test_empty_statement_is_a_user_error() -> None:
    with pytest.raises(UserError, match="empty"):
        statement_document({"full_name": "A"}, "", "  \n ", "IM")


def test_report_rejects_unknown_section_keys() -> None:
    with pytest.raises(UserError) as err:
        report_document("R", [{"heading": "x", "bulets": []}])
    assert "bulets" in str(err.value) and err.value.where == "sections[0]"


def test_paragraphs_join_wrapped_lines_but_letters_keep_them() -> None:
    body = "one\ntwo\n\n\nthree\r\n"
    assert paragraphs(body) == ["one two", "three"]
    assert paragraphs(body, keep_lines=True) == ["one\ntwo", "three"]


def test_packet_accepts_plain_text_parts(inputs: dict) -> None:
    doc = packet_document("Dear Dr. X,\n\nThanks.", inputs["cv"], "Statement text.",
                          "Case text.", {"Letter ID": "L-1", "Waived": True})
    assert [p.title for p in doc.parts] == ["Cover letter", "Contents", "Curriculum Vitae",
                                           "Personal statement", "Case summary"]
