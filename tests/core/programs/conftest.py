"""Programs tests run on an in-memory database made from the proposed DDL."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workshop.core.programs.repository import ProgramRepository
from workshop.core.programs.schema import create_tables

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "programs"
TODAY = dt.date(2026, 9, 1)


def make_conn(isolation_level: str | None = None) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=isolation_level)
    conn.execute("PRAGMA foreign_keys=ON")
    # The workspace's documents table, reduced to what the foreign key needs.
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY)")
    create_tables(conn)
    return conn


class FakeSettings:
    """Workspace settings in a dict (``data``), for the stores that read and write them."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data = dict(data or {})

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.data[key] = value


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    connection = make_conn()
    yield connection
    connection.close()


@pytest.fixture
def repo(conn: sqlite3.Connection) -> ProgramRepository:
    return ProgramRepository(conn)
