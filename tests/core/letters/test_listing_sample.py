"""CLI listing and the sample data loader."""

from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3

import pytest

from workshop.core.errors import UserError
from workshop.core.letters import (
    AssignmentRepository,
    RequestRepository,
    Status,
    WriterRepository,
    letters_listing,
    load_sample_letters,
    sample_letters_data,
)

TODAY = dt.date(2026, 8, 9)


@pytest.fixture
def loaded(conn: sqlite3.Connection) -> sqlite3.Connection:
    counts = load_sample_letters(conn)
    assert counts["writers"] == 4 and counts["requests"] == 5
    return conn


def test_sample_covers_statuses_and_scripts(loaded: sqlite3.Connection) -> None:
    writers = WriterRepository(loaded).all()
    requests = RequestRepository(loaded).all()
    assert {r.status for r in requests} >= {Status.PLANNED, Status.AGREED, Status.PACKET_SENT,
                                            Status.UPLOADED, Status.DECLINED}
    natives = "".join(w.native_name for w in writers)
    for sample in ("अ", "Ν", "О", "ه"):  # Devanagari, Greek, Cyrillic, Arabic
        assert sample in natives
    assert all(r.letter_id.startswith("SAMPLE") for r in requests if r.letter_id)
    assert sum(w.is_us for w in writers) == 3


def test_text_listing(loaded: sqlite3.Connection) -> None:
    text = letters_listing(WriterRepository(loaded).all(), RequestRepository(loaded).all(),
                           "text", today=TODAY)
    assert "Dr. Nikos Papadakis (Νίκος Παπαδάκης) [U.S.]" in text
    assert "packet sent · due 2026-08-20 (in 11 d) · SAMPLE0002IM" in text
    assert "agreed · due 2026-08-10 (in 1 d)" in text
    assert "declined · due 2026-08-25 · no Letter ID" in text


def test_json_listing(loaded: sqlite3.Connection) -> None:
    out = letters_listing(WriterRepository(loaded).all(), RequestRepository(loaded).all(),
                          "json", today=TODAY)
    data = json.loads(out)
    assert data["today"] == "2026-08-09"
    iyer = data["writers"][0]
    assert iyer["native_name"] == "अनन्या अय्यर" and "अनन्या" in out  # not \u-escaped
    assert iyer["requests"][0]["status"] == "uploaded"
    assert iyer["requests"][0]["days_left"] == 6
    assert len(iyer["requests"][0]["events"]) == 5


def test_listing_edge_cases() -> None:
    assert letters_listing([], [], today=TODAY) == "No letter writers yet.\n"
    with pytest.raises(UserError, match="Unknown format"):
        letters_listing([], [], "xml", today=TODAY)


def test_sample_assignments_when_programs_exist(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO programs (name, specialty) VALUES ('Lakeview IM (fictional)', "
                 "'Internal Medicine')")
    data = copy.deepcopy(sample_letters_data())
    for writer in data["writers"]:
        for request in writer.get("requests", []):
            request.pop("assign_to", None)
    data["writers"][0]["requests"][0]["assign_to"] = ["Lakeview IM (fictional)", "Nowhere"]
    counts = load_sample_letters(conn, data)
    assert counts["assignments"] == 1 and counts["assignments_skipped"] == 1
    assert AssignmentRepository(conn).all() == [(1, 1)]
    assert RequestRepository(conn).get(1).status is Status.ASSIGNED


@pytest.mark.parametrize(("mutate", "where"), [
    (lambda d: d["writers"][1].update(relationship="friend"), "writers[1]"),
    (lambda d: d["writers"][0]["cases"][0].update(when="last spring"), "cases[0]"),
    (lambda d: d["writers"][0]["requests"][0].update(due="15/08/2026"), "requests[0].due"),
    (lambda d: d.update(writers="none"), "letters.json"),
])
def test_malformed_sample_is_refused_with_location_and_rolled_back(
        conn: sqlite3.Connection, mutate, where: str) -> None:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(sample_letters_data())
    mutate(data)
    with pytest.raises(UserError) as info:
        load_sample_letters(conn, data)
    assert where in str(info.value)
    assert WriterRepository(conn).all() == []
