"""Proposed DDL for the programs tables (the lead adds it to the workspace migrations).

Dates are ISO ``YYYY-MM-DD`` text; sets are JSON text (``visa_sponsorship``: NULL = not recorded,
``'[]'`` = sponsors none). ``statement_document_id`` points at the statement version sent.
Matching on re-import uses ``program_code`` when present, else ``match_key`` (normalised name and
city), see :mod:`workshop.core.programs.repository`.
"""

from __future__ import annotations

import sqlite3
from typing import Final

PROGRAMS_DDL: Final[list[str]] = [
    """CREATE TABLE programs (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        program_code TEXT NOT NULL DEFAULT '',
        specialty TEXT NOT NULL DEFAULT '',
        track TEXT NOT NULL DEFAULT ''
            CHECK (track IN ('', 'categorical', 'preliminary', 'transitional')),
        city TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT '',
        hospital_type TEXT NOT NULL DEFAULT ''
            CHECK (hospital_type IN ('', 'academic', 'community', 'community-based university')),
        size INTEGER,
        img_share REAL CHECK (img_share IS NULL OR (img_share >= 0 AND img_share <= 100)),
        visa_sponsorship TEXT CHECK (visa_sponsorship IS NULL OR json_valid(visa_sponsorship)),
        min_step2ck INTEGER,
        grad_within_years INTEGER,
        grad_year_min INTEGER,
        usce_months_required INTEGER,
        usce_within_years INTEGER,
        attempts_accepted INTEGER,
        interview_format TEXT NOT NULL DEFAULT '',
        eras_deadline TEXT,
        program_deadline TEXT,
        website TEXT NOT NULL DEFAULT '',
        contacts TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'researching' CHECK (status IN ('researching', 'applied',
            'interview-invited', 'interviewed', 'ranked', 'matched', 'withdrawn')),
        interview_date TEXT,
        interview_notes TEXT NOT NULL DEFAULT '',
        statement_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        fit_override TEXT NOT NULL DEFAULT ''
            CHECK (fit_override IN ('', 'not eligible', 'reach', 'target', 'safety')),
        fit_override_reason TEXT NOT NULL DEFAULT '',
        match_key TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    )""",
    "CREATE UNIQUE INDEX programs_by_code ON programs(program_code) WHERE program_code != ''",
    "CREATE INDEX programs_by_match_key ON programs(match_key)",
    """CREATE TABLE program_events (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('researching', 'applied', 'interview-invited',
            'interviewed', 'ranked', 'matched', 'withdrawn')),
        on_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    )""",
    "CREATE INDEX program_events_by_program ON program_events(program_id, on_date, id)",
]


def create_tables(conn: sqlite3.Connection) -> None:
    """Run :data:`PROGRAMS_DDL` on a connection (tests and tools; the app uses migrations)."""
    for statement in PROGRAMS_DDL:
        conn.execute(statement)
