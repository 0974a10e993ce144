"""`export statement --statement`: a number, a whole title, or a part only one title holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.commands.export import pick_statement
from workshop.core.errors import UserError
from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace


def test_number_title_or_unique_part(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "s.workshop", sample=True)
    main = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0]
    assert main.title == "Internal Medicine — main statement"
    other = ws.documents.create(DocumentKind.PERSONAL_STATEMENT, "Family Medicine - short",
                                "Body.")
    assert pick_statement(ws, str(other.id)).id == other.id
    assert pick_statement(ws, "internal medicine — MAIN statement").id == main.id
    assert pick_statement(ws, "internal medicine - main").id == main.id  # a plain hyphen
    assert pick_statement(ws, "family").id == other.id
    with pytest.raises(UserError, match="part of 2 statement titles") as ambiguous:
        pick_statement(ws, "medicine")
    assert f"{main.id}: {main.title}" in str(ambiguous.value)
    with pytest.raises(UserError, match="No statement matches") as none:
        pick_statement(ws, "surgery")
    assert "Family Medicine - short" in str(none.value)
    ws.close()
