"""Letter writers and their cases in the workspace database."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from workshop.core.cv.dates import MonthYear
from workshop.core.errors import UserError
from workshop.core.letters._db import one, rows, transaction
from workshop.core.letters.deidentify import case_hash
from workshop.core.letters.model import LetterWriter, NameOrder, Relationship, WriterCase

_FIELDS = ("name", "native_name", "title", "specialty", "institution", "country", "is_us",
           "email", "phone", "relationship", "worked_from", "worked_to", "setting", "salutation",
           "notes")


# Confirmations that a case is de-identified, by writer, as text hashes. Kept in the workspace
# settings table (no schema change): {"<writer id>": ["<case hash>", ...]}.
CONFIRMATIONS_KEY = "letters.deidentified_cases"
# Writers whose name order is not automatic: {"<writer id>": "family_first" | "given_first"}.
# Also a settings value until the letter_writers table gets a name_order column.
NAME_ORDER_KEY = "letters.name_order"


def _month(text: str) -> MonthYear | None:
    return MonthYear.parse(text) if text else None


def _values(writer: LetterWriter) -> tuple[object, ...]:
    return (writer.name, writer.native_name, writer.title, writer.specialty, writer.institution,
            writer.country, int(writer.is_us), writer.email, writer.phone,
            writer.relationship.value,
            writer.worked_from.to_str() if writer.worked_from else "",
            writer.worked_to.to_str() if writer.worked_to else "",
            writer.setting, writer.salutation, writer.notes)


class WriterRepository:
    """CRUD for letter writers; a writer's cases are saved and loaded with the writer."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def add(self, writer: LetterWriter) -> LetterWriter:
        """Insert a new writer with their cases; returns it with its id."""
        marks = ", ".join("?" for _ in _FIELDS)
        with transaction(self._conn):
            cursor = self._conn.execute(
                f"INSERT INTO letter_writers ({', '.join(_FIELDS)}) VALUES ({marks})",
                _values(writer))
            writer_id = int(cursor.lastrowid or 0)
            self._save_cases(writer_id, writer.cases)
            self._save_confirmations(writer_id, writer.cases)
            self._save_name_order(writer_id, writer.name_order)
        return self.get(writer_id)

    def update(self, writer: LetterWriter) -> LetterWriter:
        """Replace a stored writer's fields and cases."""
        if writer.id is None:
            raise ValueError("update() needs a stored writer (id is None)")
        self.get(writer.id)
        sets = ", ".join(f"{name} = ?" for name in _FIELDS)
        with transaction(self._conn):
            self._conn.execute(
                f"UPDATE letter_writers SET {sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ',"
                " 'now') WHERE id = ?", (*_values(writer), writer.id))
            self._conn.execute("DELETE FROM writer_cases WHERE writer_id = ?", (writer.id,))
            self._save_cases(writer.id, writer.cases)
            self._save_confirmations(writer.id, writer.cases)
            self._save_name_order(writer.id, writer.name_order)
        return self.get(writer.id)

    def confirm_deidentified(self, writer_id: int, number: int) -> LetterWriter:
        """Record that case ``number`` (1-based) of the writer is de-identified as it stands.

        The confirmation is tied to the case's text hash: editing the case re-opens the gate.

        Raises:
            UserError: no such writer or case.
        """
        writer = self.get(writer_id)
        if not 1 <= number <= len(writer.cases):
            raise UserError(f"{writer.name} has no case {number}.")
        with transaction(self._conn):
            known = self._confirmations()
            mine = set(known.get(str(writer_id), []))
            mine.add(case_hash(writer.cases[number - 1]))
            known[str(writer_id)] = sorted(mine)
            self._write_confirmations(known)
        return self.get(writer_id)

    def _setting(self, key: str) -> dict[str, Any]:
        row = one(self._conn, "SELECT value FROM settings WHERE key = ?", (key,))
        if row is None:
            return {}
        try:
            value = json.loads(row["value"])
        except (TypeError, json.JSONDecodeError):
            return {}
        return value if isinstance(value, dict) else {}

    def _write_setting(self, key: str, value: dict[str, Any]) -> None:
        self._conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, sort_keys=True, ensure_ascii=False)))

    def _confirmations(self) -> dict[str, list[str]]:
        return {str(k): [str(h) for h in v] for k, v in self._setting(CONFIRMATIONS_KEY).items()
                if isinstance(v, list)}

    def _write_confirmations(self, value: dict[str, list[str]]) -> None:
        self._write_setting(CONFIRMATIONS_KEY, value)

    def _name_orders(self) -> dict[str, NameOrder]:
        found = {}
        for key, value in self._setting(NAME_ORDER_KEY).items():
            try:
                found[str(key)] = NameOrder(value)
            except ValueError:
                continue
        return found

    def _save_name_order(self, writer_id: int, order: NameOrder) -> None:
        known = {k: v.value for k, v in self._name_orders().items()}
        if known.get(str(writer_id), NameOrder.AUTO.value) == order.value:
            return
        if order is NameOrder.AUTO:
            known.pop(str(writer_id), None)
        else:
            known[str(writer_id)] = order.value
        self._write_setting(NAME_ORDER_KEY, known)

    def _save_confirmations(self, writer_id: int, cases: list[WriterCase]) -> None:
        """Keep confirmations of cases whose text is unchanged; drop the rest."""
        known = self._confirmations()
        old = set(known.get(str(writer_id), []))
        hashes = {case_hash(c) for c in cases}
        keep = (old & hashes) | {case_hash(c) for c in cases if c.deidentified_confirmed}
        if keep == old:
            return
        if keep:
            known[str(writer_id)] = sorted(keep)
        else:
            known.pop(str(writer_id), None)
        self._write_confirmations(known)

    def _save_cases(self, writer_id: int, cases: list[WriterCase]) -> None:
        self._conn.executemany(
            "INSERT INTO writer_cases (writer_id, position, case_date, summary, role, observed)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(writer_id, i, c.when, c.summary, c.role, c.observed) for i, c in enumerate(cases)])

    def get(self, writer_id: int) -> LetterWriter:
        """The writer with that id.

        Raises:
            UserError: no such writer.
        """
        row = one(self._conn, "SELECT * FROM letter_writers WHERE id = ?", (writer_id,))
        if row is None:
            raise UserError(f"There is no letter writer number {writer_id} in this workspace.")
        return self._writer(row)

    def all(self) -> list[LetterWriter]:
        """All writers, in the order they were added."""
        return [self._writer(row) for row in rows(self._conn,
                                                  "SELECT * FROM letter_writers ORDER BY id")]

    def find(self, name: str) -> LetterWriter:
        """The one writer whose name (or native-script name) contains ``name``, any case.

        Made for the CLI's ``--writer NAME``.

        Raises:
            UserError: no writer, or several, match (the message lists them).
        """
        needle = name.strip().casefold()
        hits = [w for w in self.all() if needle and (needle in w.name.casefold()
                                                      or needle in w.native_name.casefold())]
        exact = [w for w in hits if w.name.casefold() == needle]
        if len(exact) == 1:
            return exact[0]
        if len(hits) == 1:
            return hits[0]
        if not hits:
            names = ", ".join(w.name for w in self.all()) or "none yet"
            raise UserError(f'No letter writer matches "{name}".',
                            hint=f"Writers in this workspace: {names}.")
        raise UserError(f'"{name}" matches several letter writers: '
                        f"{', '.join(w.name for w in hits)}.", hint="Type more of the name.")

    def delete(self, writer_id: int, *, with_requests: bool = False) -> None:
        """Remove a writer; refused while requests exist unless ``with_requests``.

        Raises:
            UserError: the writer still has letter requests.
        """
        writer = self.get(writer_id)
        count = one(self._conn, "SELECT count(*) AS n FROM letter_requests WHERE writer_id = ?",
                    (writer_id,))
        n = int(count["n"]) if count else 0
        if n and not with_requests:
            raise UserError(f"{writer.name} still has {n} letter request(s).",
                            hint="Delete the requests first, or confirm deleting them too.")
        with transaction(self._conn):
            self._conn.execute("DELETE FROM letter_writers WHERE id = ?", (writer_id,))
            known = self._confirmations()
            if known.pop(str(writer_id), None) is not None:
                self._write_confirmations(known)
            self._save_name_order(writer_id, NameOrder.AUTO)

    def _writer(self, row: sqlite3.Row) -> LetterWriter:
        confirmed = set(self._confirmations().get(str(row["id"]), []))
        cases = [_confirmed(WriterCase(r["case_date"], r["summary"], r["role"], r["observed"]),
                            confirmed)
                 for r in rows(self._conn, "SELECT * FROM writer_cases WHERE writer_id = ? "
                               "ORDER BY position", (row["id"],))]
        return LetterWriter(
            id=row["id"], name=row["name"], native_name=row["native_name"], title=row["title"],
            specialty=row["specialty"], institution=row["institution"], country=row["country"],
            is_us=bool(row["is_us"]), email=row["email"], phone=row["phone"],
            relationship=Relationship(row["relationship"]),
            worked_from=_month(row["worked_from"]), worked_to=_month(row["worked_to"]),
            cases=cases, setting=row["setting"], salutation=row["salutation"],
            notes=row["notes"],
            name_order=self._name_orders().get(str(row["id"]), NameOrder.AUTO))


def _confirmed(case: WriterCase, hashes: set[str]) -> WriterCase:
    if hashes and case_hash(case) in hashes:
        return WriterCase(case.when, case.summary, case.role, case.observed,
                          deidentified_confirmed=True)
    return case
