"""Which letters go to which program (at most 4 each), and which packets went to whom."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field

from workshop.core.errors import UserError
from workshop.core.letters._db import one, rows, transaction
from workshop.core.letters.facts import letter_facts
from workshop.core.letters.model import Status


class AssignmentRepository:
    """Program × letter assignments; the per-program cap is enforced here, with its reason."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def assign(self, program_id: int, request_id: int, *, on: dt.date) -> bool:
        """Assign a letter to a program; True when it was not assigned already.

        An uploaded letter's status moves to "assigned" (dated ``on``); letters not yet
        uploaded may be assigned ahead, as MyERAS allows, and keep their status.

        Raises:
            UserError: unknown program or request, a declined letter, or the program already
                has the maximum number of letters (the message names them).
        """
        program = self._program(program_id)
        request = one(self._conn,
                      "SELECT r.id, r.status, r.target_specialty, w.name FROM letter_requests r "
                      "JOIN letter_writers w ON w.id = r.writer_id WHERE r.id = ?", (request_id,))
        if request is None:
            raise UserError(f"There is no letter request number {request_id}.")
        if request["status"] == Status.DECLINED.value:
            raise UserError(f"The letter from {request['name']} was declined, so it cannot be "
                            f"assigned to {program}.", where="letter assignment")
        current = self._letters_of(program_id)
        if any(r["id"] == request_id for r in current):
            return False
        cap = letter_facts().max_letters_per_program
        if len(current) >= cap:
            listed = "; ".join(f"{r['name']} ({r['target_specialty']}, request {r['id']})"
                               for r in current)
            raise UserError(
                f"{program} already has {len(current)} letters assigned: {listed}. "
                f"ERAS allows at most {cap} letters per program.",
                hint="Unassign one of them first if this letter fits the program better.",
                where="letter assignment")
        with transaction(self._conn):
            self._conn.execute("INSERT INTO letter_assignments (program_id, request_id, "
                               "assigned_on) VALUES (?, ?, ?)",
                               (program_id, request_id, on.isoformat()))
            if request["status"] == Status.UPLOADED.value:
                self._conn.execute("INSERT INTO letter_events (request_id, status, on_date) "
                                   "VALUES (?, ?, ?)",
                                   (request_id, Status.ASSIGNED.value, on.isoformat()))
                self._conn.execute("UPDATE letter_requests SET status = ? WHERE id = ?",
                                   (Status.ASSIGNED.value, request_id))
        return True

    def unassign(self, program_id: int, request_id: int) -> bool:
        """Remove one assignment; True when there was one. The request's history is kept."""
        with transaction(self._conn):
            cursor = self._conn.execute("DELETE FROM letter_assignments WHERE program_id = ? "
                                        "AND request_id = ?", (program_id, request_id))
        return cursor.rowcount > 0

    def for_program(self, program_id: int) -> list[int]:
        """Request ids assigned to a program, in assignment order."""
        return [int(r["id"]) for r in self._letters_of(program_id)]

    def all(self) -> list[tuple[int, int]]:
        """Every (program_id, request_id) pair."""
        return [(int(r["program_id"]), int(r["request_id"])) for r in rows(
            self._conn, "SELECT program_id, request_id FROM letter_assignments "
            "ORDER BY program_id, rowid")]

    def _program(self, program_id: int) -> str:
        row = one(self._conn, "SELECT name FROM programs WHERE id = ?", (program_id,))
        if row is None:
            raise UserError(f"There is no program number {program_id} in this workspace.",
                            hint="Add the program to the programs list first.")
        return str(row["name"])

    def _letters_of(self, program_id: int) -> list[sqlite3.Row]:
        return rows(self._conn,
                    "SELECT r.id, r.target_specialty, w.name FROM letter_assignments a "
                    "JOIN letter_requests r ON r.id = a.request_id "
                    "JOIN letter_writers w ON w.id = r.writer_id "
                    "WHERE a.program_id = ? ORDER BY a.rowid", (program_id,))


@dataclass(frozen=True, slots=True)
class PacketRecord:
    """One packet sent: what went to the writer of ``request_id`` and when.

    Attributes:
        files: ``{"name": ..., "sha256": ...}`` per file, so a later question "which CV did
            Dr. Iyer get?" has an exact answer.
    """

    request_id: int
    sent_at: dt.datetime
    statement_version_id: int | None = None
    statement_label: str = ""
    cv_version: str = ""
    files: list[dict[str, str]] = field(default_factory=list)
    id: int | None = None


class PacketHistoryRepository:
    """Append-only log of writer packets."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def record(self, record: PacketRecord) -> PacketRecord:
        """Store one packet; returns it with its id."""
        if one(self._conn, "SELECT id FROM letter_requests WHERE id = ?",
               (record.request_id,)) is None:
            raise UserError(f"There is no letter request number {record.request_id}.")
        with transaction(self._conn):
            cursor = self._conn.execute(
                "INSERT INTO packet_history (request_id, sent_at, statement_version_id, "
                "statement_label, cv_version, files) VALUES (?, ?, ?, ?, ?, ?)",
                (record.request_id, record.sent_at.isoformat(timespec="seconds"),
                 record.statement_version_id, record.statement_label, record.cv_version,
                 json.dumps(record.files, ensure_ascii=False, sort_keys=True)))
        return dataclasses.replace(record, id=int(cursor.lastrowid or 0))

    def for_request(self, request_id: int) -> list[PacketRecord]:
        """Packets sent for one request, oldest first."""
        return [PacketRecord(
            id=r["id"], request_id=r["request_id"],
            sent_at=dt.datetime.fromisoformat(r["sent_at"]),
            statement_version_id=r["statement_version_id"], statement_label=r["statement_label"],
            cv_version=r["cv_version"], files=json.loads(r["files"] or "[]"))
            for r in rows(self._conn, "SELECT * FROM packet_history WHERE request_id = ? "
                          "ORDER BY id", (request_id,))]

