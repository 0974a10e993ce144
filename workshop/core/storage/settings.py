"""Workspace settings: small JSON values by key (user dictionary, checker engine, theme...)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

Writer = Callable[[str, Iterable[Any]], sqlite3.Cursor]


class SettingsRepository:
    def __init__(self, conn: sqlite3.Connection, write: Writer) -> None:
        self._conn = conn
        self._write = write

    def get(self, key: str, default: Any = None) -> Any:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row["value"])
        except json.JSONDecodeError:
            return default

    def set(self, key: str, value: Any) -> None:
        self._write(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )

    def all(self) -> dict[str, Any]:
        return {row["key"]: json.loads(row["value"]) for row in self._conn.execute(
            "SELECT key, value FROM settings ORDER BY key")}
