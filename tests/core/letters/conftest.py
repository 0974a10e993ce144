"""A temporary workspace-like database with the letters DDL (and minimal neighbours)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop.core.cv.dates import MonthYear
from workshop.core.letters import (
    LETTERS_DDL,
    LetterRequest,
    LetterWriter,
    Relationship,
    RequestRepository,
    WriterCase,
    WriterRepository,
)

PROFILE = {"full_name": "Yasmin Farouk El-Sayed",
           "email": "yasmin.elsayed.sample@example.org"}
DAY = dt.date(2026, 5, 1)


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """A file database in autocommit mode with foreign keys on, as the workspace opens it."""
    connection = sqlite3.connect(tmp_path / "letters.sqlite", isolation_level=None)
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("CREATE TABLE programs (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "specialty TEXT NOT NULL DEFAULT '')")
    connection.execute("CREATE TABLE document_versions (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for statement in LETTERS_DDL:
        connection.execute(statement)
    yield connection
    connection.close()


def make_writer(name: str = "Dr. Ananya Iyer", *, is_us: bool = True,
                specialty: str = "Internal Medicine") -> LetterWriter:
    return LetterWriter(
        name=name, native_name="अनन्या अय्यर" if "Iyer" in name else "",
        title="Hospitalist", specialty=specialty,
        institution="Garden State Community Hospital (fictional)", country="United States",
        is_us=is_us, email="ananya.iyer.sample@example.org", relationship=Relationship.ROTATION,
        setting="Internal Medicine observership", worked_from=MonthYear(2023, 4),
        worked_to=MonthYear(2023, 6),
        cases=[WriterCase("2023-04-18", "Man in his 60s with heart failure",
                          "drafted the admission note", "reviewed my note on rounds")])


@pytest.fixture
def writers(conn: sqlite3.Connection) -> WriterRepository:
    return WriterRepository(conn)


@pytest.fixture
def requests(conn: sqlite3.Connection) -> RequestRepository:
    return RequestRepository(conn)


@pytest.fixture
def writer(writers: WriterRepository) -> LetterWriter:
    return writers.add(make_writer())


@pytest.fixture
def request_(requests: RequestRepository, writer: LetterWriter) -> LetterRequest:
    return requests.add(LetterRequest(writer_id=writer.id or 0,
                                      target_specialty="Internal Medicine",
                                      due=dt.date(2026, 8, 15)), planned_on=DAY)
