"""Loads the fictional sample letter writers and requests into a workspace database."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from workshop.core.errors import UserError
from workshop.core.letters._db import one, transaction
from workshop.core.letters.assignments_repo import AssignmentRepository
from workshop.core.letters.requests_repo import RequestRepository
from workshop.core.letters.serial import request_from_dict, writer_from_dict
from workshop.core.letters.writers_repo import WriterRepository
from workshop.core.resources import resource


def sample_letters_data() -> dict[str, Any]:
    """The parsed ``resources/sample/letters.json``."""
    data: dict[str, Any] = json.loads(resource("sample", "letters.json").read_text("utf-8"))
    return data


def load_sample_letters(conn: sqlite3.Connection, data: Mapping[str, Any] | None = None, *,
                        today: dt.date | None = None) -> dict[str, int]:
    """Insert the sample writers, their requests and (when the programs exist) assignments.

    Runs as one transaction (a savepoint inside the caller's, if any). Assignments name
    programs by ``program`` name; those whose program is not in the ``programs`` table are
    skipped, so the loader works before or after the programs sample is loaded.

    Args:
        conn: the workspace connection, with the letters DDL applied.
        data: the parsed JSON; defaults to ``resources/sample/letters.json``.
        today: the "planned" date of requests that list no events (default: the system date).

    Returns:
        Counts: ``writers``, ``requests``, ``assignments``, ``assignments_skipped``.

    Raises:
        UserError: the data is malformed (the message says where).
    """
    data = data if data is not None else sample_letters_data()
    writers_repo, requests_repo = WriterRepository(conn), RequestRepository(conn)
    assignments_repo = AssignmentRepository(conn)
    counts = {"writers": 0, "requests": 0, "assignments": 0, "assignments_skipped": 0}
    entries = data.get("writers")
    if not isinstance(entries, list):
        raise UserError("The sample letters file has no list of writers.", where="letters.json")
    with transaction(conn):
        for i, entry in enumerate(entries):
            where = f"letters.json writers[{i}]"
            writer = writers_repo.add(writer_from_dict(entry, where))
            counts["writers"] += 1
            for j, raw in enumerate(entry.get("requests") or []):
                at = f"{where}.requests[{j}]"
                request = request_from_dict(raw, int(writer.id or 0), at)
                planned = request.events[0].on if request.events else (today or dt.date.today())
                stored = requests_repo.add(request, planned_on=planned)
                counts["requests"] += 1
                for program in raw.get("assign_to") or []:
                    row = one(conn, "SELECT id FROM programs WHERE name = ?", (str(program),))
                    if row is None:
                        counts["assignments_skipped"] += 1
                        continue
                    on = stored.last_event_on or planned
                    assignments_repo.assign(int(row["id"]), int(stored.id or 0), on=on)
                    counts["assignments"] += 1
    return counts
