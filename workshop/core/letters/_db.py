"""Small SQLite helpers shared by the letters repositories."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from workshop.core.storage.sqlatomic import atomic

# Writes nest in a caller's transaction (see storage.sqlatomic).
transaction = atomic


def rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """Rows addressable by column name whatever the connection's own row factory is."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return list(cursor.execute(sql, params))


def one(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
    found = rows(conn, sql, params)
    return found[0] if found else None
