"""Programs tests run on an in-memory database made from the proposed DDL."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    connection = make_conn()
    yield connection
    connection.close()


@pytest.fixture
def repo(conn: sqlite3.Connection) -> ProgramRepository:
    return ProgramRepository(conn)
