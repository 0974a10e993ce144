"""Small SQLite helpers shared by the letters repositories."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """All-or-nothing writes that also nest inside a caller's transaction.

    The workspace connection is in autocommit mode and its ``transaction()`` opens
    ``BEGIN IMMEDIATE``; inside one we use a savepoint so the caller still decides the commit.
    """
    if conn.in_transaction:
        conn.execute("SAVEPOINT letters")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK TO SAVEPOINT letters")
            conn.execute("RELEASE SAVEPOINT letters")
            raise
        conn.execute("RELEASE SAVEPOINT letters")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """Rows addressable by column name whatever the connection's own row factory is."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return list(cursor.execute(sql, params))


def one(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
    found = rows(conn, sql, params)
    return found[0] if found else None
