"""Documents and versions in the workspace.

The working copy is ``documents.body``, overwritten by autosave; history is only what the user
names with "Save version", so autosave never floods it.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from workshop.core.errors import UserError
from workshop.core.model.documents import Document, DocumentKind, Version, VersionInfo

Writer = Callable[[str, Iterable[Any]], sqlite3.Cursor]
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_EDITABLE = {"title", "target_specialty", "target_programs", "body", "kind"}


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"],
        kind=DocumentKind(row["kind"]),
        title=row["title"],
        body=row["body"],
        target_specialty=row["target_specialty"],
        target_programs=json.loads(row["target_programs"] or "[]"),
        parent_id=row["parent_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


class DocumentRepository:
    """CRUD for documents and their versions; every write is one committed statement."""

    def __init__(self, conn: sqlite3.Connection, write: Writer) -> None:
        self._conn = conn
        self._write = write

    def list(self, kind: DocumentKind | None = None) -> list[Document]:
        if kind is None:
            rows = self._conn.execute("SELECT * FROM documents ORDER BY id")
        else:
            rows = self._conn.execute(
                "SELECT * FROM documents WHERE kind = ? ORDER BY id", (kind.value,)
            )
        return [_document(row) for row in rows]

    def get(self, document_id: int) -> Document:
        row = self._conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            raise UserError(f"There is no document number {document_id} in this workspace.")
        return _document(row)

    def create(
        self,
        kind: DocumentKind,
        title: str,
        body: str = "",
        *,
        target_specialty: str = "",
        target_programs: Iterable[str] = (),
        parent_id: int | None = None,
    ) -> Document:
        cursor = self._write(
            "INSERT INTO documents (kind, title, body, target_specialty, target_programs,"
            " parent_id) VALUES (?, ?, ?, ?, ?, ?)",
            (kind.value, title, body, target_specialty,
             json.dumps(list(target_programs), ensure_ascii=False), parent_id),
        )
        return self.get(int(cursor.lastrowid or 0))

    def update(self, document_id: int, **changes: Any) -> Document:
        """Change some fields (title, body, targets...); unknown fields are a programming error."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        if "target_programs" in changes:
            changes["target_programs"] = json.dumps(
                list(changes["target_programs"]), ensure_ascii=False
            )
        if "kind" in changes:
            changes["kind"] = DocumentKind(changes["kind"]).value
        if changes:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            self._write(
                f"UPDATE documents SET {assignments}, updated_at = {_NOW} WHERE id = ?",
                (*changes.values(), document_id),
            )
        return self.get(document_id)

    def save_working_copy(self, document_id: int, body: str) -> bool:
        """Autosave: store the body if it changed. Returns True when something was written."""
        cursor = self._write(
            f"UPDATE documents SET body = ?, updated_at = {_NOW} WHERE id = ? AND body != ?",
            (body, document_id, body),
        )
        return cursor.rowcount > 0

    def latest_edit(self) -> Document | None:
        """The document saved most recently (what a crash notice names as safe)."""
        row = self._conn.execute(
            "SELECT * FROM documents ORDER BY updated_at DESC, id DESC LIMIT 1").fetchone()
        return _document(row) if row is not None else None

    def delete(self, document_id: int) -> None:
        self._write("DELETE FROM documents WHERE id = ?", (document_id,))

    def save_version(self, document_id: int, name: str) -> VersionInfo:
        """Snapshot the current working copy under a name."""
        name = name.strip() or "Untitled version"
        body = self.get(document_id).body
        cursor = self._write(
            "INSERT INTO document_versions (document_id, name, body) VALUES (?, ?, ?)",
            (document_id, name, body),
        )
        return self._version_info(int(cursor.lastrowid or 0))

    def versions(self, document_id: int) -> builtins.list[VersionInfo]:
        """Newest first, without bodies, so a long history lists fast."""
        rows = self._conn.execute(
            "SELECT id, document_id, name, created_at, length(body) AS length"
            " FROM document_versions WHERE document_id = ? ORDER BY id DESC",
            (document_id,),
        )
        return [VersionInfo(**dict(row)) for row in rows]

    def version_count(self, document_id: int) -> int:
        """How many named versions a document has (the index answers it without the bodies)."""
        row = self._conn.execute(
            "SELECT count(*) FROM document_versions WHERE document_id = ?", (document_id,)
        ).fetchone()
        return int(row[0])

    def versions_page(self, document_id: int, offset: int,
                      limit: int) -> builtins.list[VersionInfo]:
        """One page of :meth:`versions` (newest first), for a list that loads as it scrolls.

        Args:
            document_id: the document whose history is listed.
            offset: how many of the newest versions to skip.
            limit: at most this many versions are returned.

        The ``document_versions_by_document`` index serves the order and the range, so a page
        costs the same with ten versions or ten thousand: only its own rows' bodies are read
        (for their length).
        """
        rows = self._conn.execute(
            "SELECT id, document_id, name, created_at, length(body) AS length"
            " FROM document_versions WHERE document_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
            (document_id, max(0, limit), max(0, offset)),
        )
        return [VersionInfo(**dict(row)) for row in rows]

    def version(self, version_id: int) -> Version:
        row = self._conn.execute(
            "SELECT id, document_id, name, body, created_at FROM document_versions WHERE id = ?",
            (version_id,),
        ).fetchone()
        if row is None:
            raise UserError(f"There is no version number {version_id}.")
        return Version(**dict(row))

    def restore_version(self, version_id: int) -> VersionInfo:
        """Make an old version the working copy; the restore is itself a new version."""
        old = self.version(version_id)
        self.save_working_copy(old.document_id, old.body)
        return self.save_version(old.document_id, f"Restored from “{old.name}”")

    def duplicate_as_tailored(self, document_id: int, program: str) -> Document:
        """A copy aimed at one program; it remembers its source for the tailoring checks."""
        source = self.get(document_id)
        copy = self.create(
            source.kind,
            f"{source.title} — {program}",
            source.body,
            target_specialty=source.target_specialty,
            target_programs=[program],
            parent_id=source.id,
        )
        self.save_version(copy.id, f"Tailored from “{source.title}”")
        return copy

    def _version_info(self, version_id: int) -> VersionInfo:
        row = self._conn.execute(
            "SELECT id, document_id, name, created_at, length(body) AS length"
            " FROM document_versions WHERE id = ?",
            (version_id,),
        ).fetchone()
        return VersionInfo(**dict(row))
