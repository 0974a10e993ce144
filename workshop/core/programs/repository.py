"""Programs and their events in SQLite (tables from :mod:`workshop.core.programs.schema`).

Every write runs inside a SAVEPOINT, so it is atomic on an autocommit workspace connection and
nests inside a caller's transaction (an import of 500 rows is one savepoint, not 500 commits).
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import fields
from typing import Any, Final

from workshop.core.errors import UserError
from workshop.core.programs.model import Program, ProgramEvent, check_transition, normalize_key
from workshop.core.storage.sqlatomic import atomic

_DATE_FIELDS: Final = frozenset({"program_deadline", "interview_date", "limits_as_of",
                                  "visa_confirmed_on", "step3_required_by"})
#: Columns stored 1:1 from the dataclass (everything but id, events, visas and dates).
_COLUMNS: Final[tuple[str, ...]] = tuple(
    f.name for f in fields(Program) if f.name not in {"id", "events"}
)


def savepoint(conn: sqlite3.Connection, name: str = "programs") -> AbstractContextManager[None]:
    """Atomic block that also nests inside an open transaction (see storage.sqlatomic)."""
    return atomic(conn)


def match_key(program: Program) -> str:
    """The name+city key used when a row has no program code."""
    return normalize_key(program.name, "|", program.city)


def _to_row(program: Program) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in _COLUMNS:
        value = getattr(program, name)
        if name in _DATE_FIELDS:
            value = value.isoformat() if value else None
        elif name == "visa_sponsorship":
            value = None if value is None else json.dumps(sorted(value))
        row[name] = value
    row["match_key"] = match_key(program)
    return row


def _from_row(row: sqlite3.Row | tuple[Any, ...], names: list[str]) -> Program:
    data = dict(zip(names, row, strict=True))
    kwargs: dict[str, Any] = {"id": data["id"]}
    for name in _COLUMNS:
        value = data[name]
        if name in _DATE_FIELDS:
            value = _dt.date.fromisoformat(value) if value else None
        elif name == "visa_sponsorship":
            value = None if value is None else frozenset(json.loads(value))
        kwargs[name] = value
    return Program(**kwargs)


class ProgramRepository:
    """Reads and writes programs on one workspace connection (the caller owns the connection)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- reads ----------------------------------------------------------------------------------

    def get(self, program_id: int, *, with_events: bool = True) -> Program:
        """One program by id.

        Raises:
            UserError: when it does not exist (deleted meanwhile, say).
        """
        cursor = self.conn.execute("SELECT * FROM programs WHERE id = ?", (program_id,))
        row = cursor.fetchone()
        if row is None:
            raise UserError(f"program {program_id} does not exist",
                            hint="It may have been deleted; refresh the list.")
        program = _from_row(row, [d[0] for d in cursor.description])
        if with_events:
            program.events = self.events(program_id)
        return program

    def list_programs(self, *, status: str | None = None, specialty: str | None = None,
             with_events: bool = False) -> list[Program]:
        """All programs (optionally one status or specialty), by name then id."""
        sql = "SELECT * FROM programs"
        where: list[str] = []
        args: list[Any] = []
        if status is not None:
            where.append("status = ?")
            args.append(status)
        if specialty is not None:
            where.append("specialty = ? COLLATE NOCASE")
            args.append(specialty)
        if where:
            sql += " WHERE " + " AND ".join(where)
        cursor = self.conn.execute(sql + " ORDER BY name COLLATE NOCASE, id", args)
        names = [d[0] for d in cursor.description]
        programs = [_from_row(row, names) for row in cursor.fetchall()]
        if with_events:
            by_program: dict[int, list[ProgramEvent]] = {}
            for event in self._all_events():
                by_program.setdefault(event.program_id or 0, []).append(event)
            for program in programs:
                program.events = by_program.get(program.id or 0, [])
        return programs

    def events(self, program_id: int) -> list[ProgramEvent]:
        """A program's events, oldest first."""
        rows = self.conn.execute(
            "SELECT id, program_id, status, on_date, note FROM program_events "
            "WHERE program_id = ? ORDER BY on_date, id", (program_id,)).fetchall()
        return [_event(row) for row in rows]

    def _all_events(self) -> list[ProgramEvent]:
        rows = self.conn.execute(
            "SELECT id, program_id, status, on_date, note FROM program_events "
            "ORDER BY program_id, on_date, id").fetchall()
        return [_event(row) for row in rows]

    def find_existing(self, program: Program) -> int | None:
        """The id of the stored program a re-imported row means, or None.

        The program code wins. Without one, name+city must match, and when several stored
        programs share them (a categorical and a preliminary track at one hospital), the track
        and specialty pick one; an ambiguous row is treated as new rather than overwrite a
        different program.
        """
        if program.program_code:
            row = self.conn.execute("SELECT id FROM programs WHERE program_code = ?",
                                    (program.program_code,)).fetchone()
            if row is not None:
                return int(row[0])
        rows = self.conn.execute(
            "SELECT id, program_code, track, specialty FROM programs WHERE match_key = ?",
            (match_key(program),)).fetchall()
        candidates = [
            r for r in rows
            if (not program.program_code or not r[1])
            and _compatible(program.track, r[2]) and _compatible(program.specialty, r[3])
        ]
        return int(candidates[0][0]) if len(candidates) == 1 else None

    # -- writes ---------------------------------------------------------------------------------

    def add(self, program: Program) -> int:
        """Insert a program (its events too) and return its new id."""
        program.validate()
        row = _to_row(program)
        names = list(row)
        with savepoint(self.conn):
            try:
                cursor = self.conn.execute(
                    f"INSERT INTO programs ({', '.join(names)}) "
                    f"VALUES ({', '.join('?' for _ in names)})", [row[n] for n in names])
            except sqlite3.IntegrityError as exc:
                raise _integrity(program, exc) from exc
            new_id = int(cursor.lastrowid or 0)
            for event in program.events:
                self._insert_event(new_id, event)
        program.id = new_id
        return new_id

    def update(self, program: Program) -> None:
        """Save every field of a stored program (events are added with :meth:`add_event`)."""
        if program.id is None:
            raise UserError("this program was never saved", hint="Add it first.")
        program.validate()
        row = _to_row(program)
        assignments = ", ".join(f"{n} = ?" for n in row)
        with savepoint(self.conn):
            try:
                cursor = self.conn.execute(
                    f"UPDATE programs SET {assignments}, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                    [*row.values(), program.id])
            except sqlite3.IntegrityError as exc:
                raise _integrity(program, exc) from exc
            if cursor.rowcount == 0:
                raise UserError(f"program {program.id} does not exist",
                                hint="It may have been deleted; refresh the list.")

    def upsert(self, program: Program, only: Iterable[str] | None = None) -> tuple[int, bool]:
        """Add a program, or update the stored one it matches (see :meth:`find_existing`).

        Args:
            program: the incoming data (from an import row).
            only: fields to copy onto an existing program; None copies every imported field.
                The importer passes the mapped columns, so a re-import never blanks the
                user's status, events, interview notes or override.

        Returns:
            ``(id, created)``.
        """
        existing_id = self.find_existing(program)
        if existing_id is None:
            return self.add(program), True
        current = self.get(existing_id, with_events=False)
        for name in (only if only is not None else _COLUMNS):
            if name in _COLUMNS:
                setattr(current, name, getattr(program, name))
        self.update(current)
        return existing_id, False

    def delete(self, program_id: int) -> None:
        """Remove a program and its events."""
        with savepoint(self.conn):
            self.conn.execute("DELETE FROM programs WHERE id = ?", (program_id,))

    def add_event(self, program_id: int, event: ProgramEvent, *, check: bool = True) -> int:
        """Record a dated step and move the program's status to it.

        The status follows the latest-dated event, so back-filling an older event keeps the
        current status.

        Raises:
            UserError: for a step backwards (unless ``check`` is False) or an unknown program.
        """
        program = self.get(program_id, with_events=True)
        latest = max(program.events, key=lambda e: (e.on, e.id or 0), default=None)
        is_latest = latest is None or event.on >= latest.on
        if check and is_latest:
            check_transition(program.status, event.status)
        with savepoint(self.conn):
            event_id = self._insert_event(program_id, event)
            if is_latest:
                self.conn.execute(
                    "UPDATE programs SET status = ?, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                    (event.status, program_id))
        return event_id

    def delete_event(self, event_id: int) -> None:
        """Remove a mistaken event; the status falls back to the latest remaining one."""
        row = self.conn.execute("SELECT program_id FROM program_events WHERE id = ?",
                                (event_id,)).fetchone()
        if row is None:
            return
        with savepoint(self.conn):
            self.conn.execute("DELETE FROM program_events WHERE id = ?", (event_id,))
            latest = self.conn.execute(
                "SELECT status FROM program_events WHERE program_id = ? "
                "ORDER BY on_date DESC, id DESC LIMIT 1", (row[0],)).fetchone()
            self.conn.execute("UPDATE programs SET status = ? WHERE id = ?",
                              (latest[0] if latest else "researching", row[0]))

    def _insert_event(self, program_id: int, event: ProgramEvent) -> int:
        cursor = self.conn.execute(
            "INSERT INTO program_events (program_id, status, on_date, note) VALUES (?, ?, ?, ?)",
            (program_id, event.status, event.on.isoformat(), event.note))
        event.id = int(cursor.lastrowid or 0)
        event.program_id = program_id
        return event.id


def _event(row: sqlite3.Row | tuple[Any, ...]) -> ProgramEvent:
    return ProgramEvent(id=row[0], program_id=row[1], status=row[2],
                        on=_dt.date.fromisoformat(row[3]), note=row[4])


def _compatible(a: str, b: str) -> bool:
    return not a or not b or normalize_key(a) == normalize_key(b)


def _integrity(program: Program, exc: sqlite3.IntegrityError) -> UserError:
    if "program_code" in str(exc):
        return UserError(f"program code {program.program_code} is already used by another "
                         "program", where=program.name,
                         hint="Each NRMP code belongs to one program; check the code.")
    return UserError(f"could not save the program: {exc}", where=program.name)
