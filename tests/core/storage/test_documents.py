from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core.errors import UserError
from workshop.core.model.documents import DocumentKind
from workshop.core.storage import create_workspace


def test_versions_restore_and_tailoring(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        docs = ws.documents
        doc = docs.create(DocumentKind.PERSONAL_STATEMENT, "IM", "draft one",
                          target_specialty="Internal Medicine")
        first = docs.save_version(doc.id, "First draft")
        assert docs.save_working_copy(doc.id, "draft two")
        assert not docs.save_working_copy(doc.id, "draft two")  # unchanged: no write
        docs.save_version(doc.id, "  ")
        assert [v.name for v in docs.versions(doc.id)] == ["Untitled version", "First draft"]
        restored = docs.restore_version(first.id)
        assert docs.get(doc.id).body == "draft one"
        assert restored.name == "Restored from “First draft”"
        assert len(docs.versions(doc.id)) == 3

        copy = docs.duplicate_as_tailored(doc.id, "Mercy Hospital IM")
        assert copy.parent_id == doc.id and copy.target_programs == ["Mercy Hospital IM"]
        assert copy.body == "draft one" and "Mercy Hospital IM" in copy.title
        docs.delete(doc.id)
        assert docs.get(copy.id).parent_id is None  # ON DELETE SET NULL
        assert ws.conn.execute("SELECT count(*) FROM document_versions WHERE document_id = ?",
                               (doc.id,)).fetchone()[0] == 0


def test_autosave_does_not_create_versions(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        doc = ws.documents.create(DocumentKind.PERSONAL_STATEMENT, "PS")
        for n in range(50):
            ws.documents.save_working_copy(doc.id, "x" * n)
        assert ws.documents.versions(doc.id) == []


def test_unknown_ids_are_user_errors(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        with pytest.raises(UserError, match="no document number 42"):
            ws.documents.get(42)
        with pytest.raises(UserError, match="no version number 7"):
            ws.documents.version(7)


def test_profile_and_settings(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        ws.profile.update(full_name="Nguyễn Thị Hoa", native_name="阮氏花")
        ws.settings.set("user_dictionary", ["Shubra", "Ain"])
    with create_workspace(ws_path.with_name("b.workshop")) as other:
        assert other.profile.get().full_name == ""
    from workshop.core.storage import open_workspace
    with open_workspace(ws_path) as ws:
        assert ws.profile.get().native_name == "阮氏花"
        assert ws.settings.get("user_dictionary") == ["Shubra", "Ain"]
        assert ws.settings.get("missing", 5) == 5


def test_nested_transactions_roll_back_inner_only(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        with ws.transaction():
            ws.documents.create(DocumentKind.NOTE, "outer")
            with pytest.raises(RuntimeError), ws.transaction():
                ws.documents.create(DocumentKind.NOTE, "inner")
                raise RuntimeError("undo the inner block")
        assert [d.title for d in ws.documents.list()] == ["outer"]
        with pytest.raises(RuntimeError), ws.transaction():
            ws.documents.create(DocumentKind.NOTE, "all or nothing")
            raise RuntimeError("undo everything")
        assert [d.title for d in ws.documents.list()] == ["outer"]
