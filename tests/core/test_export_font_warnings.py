"""Issue 18: a character no font draws is kept and named, for statements and CVs as for
packets — in the Exports page's plan and on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core import exports
from workshop.core.export import fonts
from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace

BRAHMI_KA = "\U00011013"  # no shipped face has Brahmi


def test_the_plan_of_a_statement_pdf_names_what_no_font_draws(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "system_faces", lambda: [])
    with init_workspace(tmp_path / "s.workshop", sample=True) as ws:
        doc = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0]
        ws.documents.save_working_copy(doc.id, doc.body + f" My grandmother wrote {BRAHMI_KA}.")
        plan = exports.plan_export(ws, f"statement:{doc.id}", "statement", "letter",
                                   tmp_path / "s.pdf")
        assert len(plan.warnings) == 1 and "U+11013" in plan.warnings[0]
        assert exports.plan_export(ws, f"statement:{doc.id}", "statement", "letter",
                                   tmp_path / "s.docx").warnings == ()
        clean = exports.plan_export(ws, "cv", "cv-classic", "letter", tmp_path / "cv.pdf")
        assert clean.warnings == ()  # the sample's Arabic name and Greek writer are drawn
