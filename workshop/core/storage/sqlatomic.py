"""One way to make a block of writes all-or-nothing on an autocommit connection.

Outside a transaction it opens ``BEGIN IMMEDIATE`` (take the write lock up front, so two writers
never deadlock upgrading a read lock); inside one it uses a uniquely named savepoint, so a
repository call nests in a caller's transaction and an inner failure undoes only itself.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

_names = itertools.count(1)


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[None]:
    if not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return
    name = f"atomic_{next(_names)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        conn.execute(f"ROLLBACK TO {name}")
        conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")
