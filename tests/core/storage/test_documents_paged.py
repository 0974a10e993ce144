"""The paged version list: the same versions as ``versions()``, a page at a time, by index."""

from __future__ import annotations

from pathlib import Path

from workshop.core.model.documents import DocumentKind
from workshop.core.storage import create_workspace


def test_pages_concatenate_to_the_full_newest_first_list(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        docs = ws.documents
        doc = docs.create(DocumentKind.PERSONAL_STATEMENT, "IM", "draft")
        other = docs.create(DocumentKind.PERSONAL_STATEMENT, "FM", "other")
        with ws.transaction():
            for n in range(23):
                docs.save_working_copy(doc.id, "x" * n)
                docs.save_version(doc.id, f"v{n}")
                docs.save_version(other.id, f"o{n}")
        assert docs.version_count(doc.id) == 23
        pages = [docs.versions_page(doc.id, offset, 5) for offset in range(0, 30, 5)]
        assert [len(p) for p in pages] == [5, 5, 5, 5, 3, 0]
        assert [v for page in pages for v in page] == docs.versions(doc.id)
        assert pages[0][0].name == "v22" and pages[0][0].length == 22


def test_empty_and_odd_bounds(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        docs = ws.documents
        doc = docs.create(DocumentKind.PERSONAL_STATEMENT, "PS")
        assert docs.version_count(doc.id) == 0
        assert docs.versions_page(doc.id, 0, 10) == []
        docs.save_version(doc.id, "only")
        assert docs.versions_page(doc.id, -3, 10)[0].name == "only"  # negative offset: 0
        assert docs.versions_page(doc.id, 0, 0) == []
        assert docs.version_count(9999) == 0


def test_a_page_is_served_by_the_document_index(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        plan = " ".join(str(row[-1]) for row in ws.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, document_id, name, created_at, length(body)"
            " FROM document_versions WHERE document_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
            (1, 10, 0)))
        assert "document_versions_by_document" in plan and "TEMP B-TREE" not in plan, plan
