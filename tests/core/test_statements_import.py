"""import_statement and import_statement_with_report: the statement, its title, the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core.errors import UserError
from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace
from workshop.core.statements import import_statement, import_statement_with_report
from workshop.core.textio import TitleSource

FIXTURE = Path(__file__).parents[1] / "fixtures" / "textio" / "structured_statement.docx"


def test_with_report(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w.workshop")
    try:
        imported = import_statement_with_report(ws, FIXTURE, specialty="Pediatrics")
        doc = ws.documents.get(imported.document.id)
        assert doc.title == "Why Internal Medicine" == imported.report.title
        assert imported.report.title_source is TitleSource.HEADING
        assert doc.target_specialty == "Pediatrics"
        assert doc.body.startswith("My mentors were ياسمين حداد")
        assert "• Research on sepsis bundles\n  • Presented at two meetings" in doc.body
        assert imported.report.words == len(doc.body.split())
    finally:
        ws.close()


def test_old_signature_still_returns_the_document(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w.workshop")
    try:
        source = tmp_path / "family_med.txt"
        source.write_text("One paragraph.", "utf-8")
        doc = import_statement(ws, source)
        assert doc.title == "family med" and doc.body == "One paragraph."
        assert doc.kind is DocumentKind.PERSONAL_STATEMENT
        assert import_statement(ws, FIXTURE, title="Given").title == "Given"
    finally:
        ws.close()


def test_a_bad_file_writes_nothing(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w.workshop")
    try:
        before = len(ws.documents.list(DocumentKind.PERSONAL_STATEMENT))
        empty = tmp_path / "e.txt"
        empty.write_text("  \n", "utf-8")
        with pytest.raises(UserError, match="empty"):
            import_statement_with_report(ws, empty)
        assert len(ws.documents.list(DocumentKind.PERSONAL_STATEMENT)) == before
    finally:
        ws.close()
