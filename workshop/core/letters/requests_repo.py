"""Letter requests, their dated events, and the once-only Letter ID rule."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from workshop.core.errors import UserError
from workshop.core.letters._db import one, rows, transaction
from workshop.core.letters.letter_id import normalize_letter_id
from workshop.core.letters.model import LetterEvent, LetterRequest, LetterType, Status
from workshop.core.letters.status import advance

_EDITABLE = {"target_specialty", "letter_type", "standardized_form", "department_chair",
             "waived", "due", "notes", "letter_id"}


class RequestRepository:
    """CRUD for letter requests; status changes go through :meth:`advance` only."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # -- Letter IDs ---------------------------------------------------------------------------
    def check_letter_id(self, letter_id: str, *, request_id: int | None = None) -> str:
        """Canonical form of ``letter_id`` if no other request uses it.

        Raises:
            UserError: malformed, or already used, naming the writer and request that have it.
        """
        canonical = normalize_letter_id(letter_id)
        if not canonical:
            return ""
        row = one(self._conn,
                  "SELECT r.id, r.target_specialty, w.name FROM letter_requests r "
                  "JOIN letter_writers w ON w.id = r.writer_id WHERE r.letter_id = ?",
                  (canonical,))
        if row is not None and row["id"] != request_id:
            raise UserError(
                f"Letter ID {canonical} is already used by request {row['id']} "
                f"({row['name']}, {row['target_specialty']}). Each Letter ID is used once.",
                hint="Create a new letter entry in MyERAS for this letter and use its new "
                "Letter ID; never reuse a Letter Request Form.", where="Letter ID")
        return canonical

    # -- create / read ------------------------------------------------------------------------
    def add(self, request: LetterRequest, *, planned_on: dt.date) -> LetterRequest:
        """Insert a request; it starts "planned" on ``planned_on`` unless it carries events.

        Events passed in (e.g. from the sample data) are replayed through the transition
        rules, so stored history is always a valid path.

        Raises:
            UserError: unknown writer, bad or reused Letter ID, invalid event history.
        """
        if one(self._conn, "SELECT id FROM letter_writers WHERE id = ?",
               (request.writer_id,)) is None:
            raise UserError(f"There is no letter writer number {request.writer_id}.",
                            hint="Add the writer first.")
        canonical = self.check_letter_id(request.letter_id)
        replay = LetterRequest(**{**_fields(request), "letter_id": canonical, "events": []})
        history = request.events or [LetterEvent(Status.PLANNED, planned_on)]
        if history[0].status is not Status.PLANNED:
            history = [LetterEvent(Status.PLANNED, min(planned_on, history[0].on)), *history]
        replay.events = [history[0]]
        for event in history[1:]:
            replay = advance(replay, event.status, event.on, note=event.note)
        with transaction(self._conn):
            cursor = self._conn.execute(
                "INSERT INTO letter_requests (writer_id, target_specialty, letter_type, "
                "standardized_form, department_chair, waived, letter_id, due_date, status, notes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (replay.writer_id, replay.target_specialty, replay.letter_type.value,
                 replay.standardized_form, int(replay.department_chair), int(replay.waived),
                 canonical or None, replay.due.isoformat() if replay.due else None,
                 replay.status.value, replay.notes))
            request_id = int(cursor.lastrowid or 0)
            self._conn.executemany(
                "INSERT INTO letter_events (request_id, status, on_date, note) VALUES (?, ?, ?, ?)",
                [(request_id, e.status.value, e.on.isoformat(), e.note) for e in replay.events])
        return self.get(request_id)

    def get(self, request_id: int) -> LetterRequest:
        """Raises: UserError when there is no such request."""
        row = one(self._conn, "SELECT * FROM letter_requests WHERE id = ?", (request_id,))
        if row is None:
            raise UserError(f"There is no letter request number {request_id} in this workspace.")
        return self._request(row)

    def all(self, writer_id: int | None = None) -> list[LetterRequest]:
        """All requests (of one writer if given), oldest first."""
        if writer_id is None:
            found = rows(self._conn, "SELECT * FROM letter_requests ORDER BY id")
        else:
            found = rows(self._conn, "SELECT * FROM letter_requests WHERE writer_id = ? "
                         "ORDER BY id", (writer_id,))
        return [self._request(row) for row in found]

    # -- changes ------------------------------------------------------------------------------
    def update(self, request_id: int, **changes: Any) -> LetterRequest:
        """Change editable fields (specialty, type, waiver, due date, notes, Letter ID).

        Raises:
            UserError: a reused or malformed Letter ID, or removing the ID of an uploaded letter.
        """
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        current = self.get(request_id)
        if "letter_id" in changes:
            changes["letter_id"] = self.check_letter_id(str(changes["letter_id"] or ""),
                                                        request_id=request_id)
            if not changes["letter_id"] and current.status in (Status.UPLOADED,
                                                               Status.ASSIGNED):
                raise UserError("An uploaded letter keeps its Letter ID.",
                                where=f"letter request {request_id}")
        merged = LetterRequest(**{**_fields(current), **changes})
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE letter_requests SET target_specialty = ?, letter_type = ?, "
                "standardized_form = ?, department_chair = ?, waived = ?, letter_id = ?, "
                "due_date = ?, notes = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                "WHERE id = ?",
                (merged.target_specialty, merged.letter_type.value, merged.standardized_form,
                 int(merged.department_chair), int(merged.waived), merged.letter_id or None,
                 merged.due.isoformat() if merged.due else None, merged.notes, request_id))
        return self.get(request_id)

    def advance(self, request_id: int, to: Status | str, on: dt.date, *,
                note: str = "") -> LetterRequest:
        """Record the next step with its date (see :mod:`workshop.core.letters.status`).

        Raises:
            UserError: the move is not allowed; the message says which step comes next.
        """
        current = self.get(request_id)
        name = self._writer_name(current.writer_id)
        moved = advance(current, Status(to), on, note=note, writer_name=name)
        event = moved.events[-1]
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO letter_events (request_id, status, on_date, note) VALUES (?, ?, ?, ?)",
                (request_id, event.status.value, event.on.isoformat(), event.note))
            self._conn.execute("UPDATE letter_requests SET status = ? WHERE id = ?",
                               (event.status.value, request_id))
        return self.get(request_id)

    def delete(self, request_id: int) -> None:
        """Remove a request, its events, assignments and packet history."""
        self.get(request_id)
        with transaction(self._conn):
            self._conn.execute("DELETE FROM letter_requests WHERE id = ?", (request_id,))

    # -- rows -> models -----------------------------------------------------------------------
    def _writer_name(self, writer_id: int) -> str:
        row = one(self._conn, "SELECT name FROM letter_writers WHERE id = ?", (writer_id,))
        return str(row["name"]) if row else ""

    def _request(self, row: sqlite3.Row) -> LetterRequest:
        events = [LetterEvent(Status(r["status"]), dt.date.fromisoformat(r["on_date"]), r["note"])
                  for r in rows(self._conn, "SELECT status, on_date, note FROM letter_events "
                                "WHERE request_id = ? ORDER BY id", (row["id"],))]
        return LetterRequest(
            id=row["id"], writer_id=row["writer_id"], target_specialty=row["target_specialty"],
            letter_type=LetterType(row["letter_type"]),
            standardized_form=row["standardized_form"],
            department_chair=bool(row["department_chair"]), waived=bool(row["waived"]),
            letter_id=row["letter_id"] or "",
            due=dt.date.fromisoformat(row["due_date"]) if row["due_date"] else None,
            events=events, notes=row["notes"])


def _fields(request: LetterRequest) -> dict[str, Any]:
    return {name: getattr(request, name) for name in LetterRequest.__dataclass_fields__}
