"""The single-row applicant profile."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from workshop.core.model.profile import Profile

Writer = Callable[[str, Iterable[Any]], sqlite3.Cursor]


class ProfileRepository:
    def __init__(self, conn: sqlite3.Connection, write: Writer) -> None:
        self._conn = conn
        self._write = write

    def get(self) -> Profile:
        row = self._conn.execute("SELECT * FROM profile WHERE id = 1").fetchone()
        values = {name: row[name] for name in Profile.field_names()}
        values["is_sample"] = bool(values["is_sample"])
        return Profile(**values)

    def update(self, **changes: Any) -> Profile:
        unknown = set(changes) - set(Profile.field_names())
        if unknown:
            raise ValueError(f"unknown profile fields: {sorted(unknown)}")
        if changes:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            self._write(
                f"UPDATE profile SET {assignments},"
                " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1",
                tuple(changes.values()),
            )
        return self.get()
