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


#: Columns kept as they are by the version-6 rebuild (everything but ``eras_deadline``).
_KEPT_V4: Final = (
    "id, name, program_code, specialty, track, city, state, hospital_type, size, img_share, "
    "visa_sponsorship, min_step2ck, grad_within_years, grad_year_min, usce_months_required, "
    "usce_within_years, attempts_accepted, interview_format, website, contacts, notes, status, "
    "interview_date, interview_notes, statement_document_id, fit_override_reason, match_key, "
    "created_at, updated_at")

#: Version 6, the 2026–27 season (issue 16). SQLite cannot change a CHECK in place, so the
#: table is rebuilt (the workspace runs this with foreign keys off, then checks them):
#: - tracks: advanced (PGY-2), reserved and physician positions;
#: - signal: the MyERAS program signal sent (signal, or gold / silver);
#: - evidence copied from Residency Explorer / FREIDA, the visa policy's confirmation date,
#:   Step 3 for an H-1B by a date, and the day eligibility limits count to;
#: - ``eras_deadline`` goes: ERAS sets no application deadline (FACTS.md). A date typed there
#:   becomes the program's deadline when that was empty, so nothing the user typed is lost;
#: - fit labels: "safety" read as a promise and becomes "strong fit".
PROGRAMS_V6: Final[list[str]] = [
    """CREATE TABLE programs_v6 (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        program_code TEXT NOT NULL DEFAULT '',
        specialty TEXT NOT NULL DEFAULT '',
        track TEXT NOT NULL DEFAULT '' CHECK (track IN ('', 'categorical', 'preliminary',
            'transitional', 'advanced', 'reserved', 'physician')),
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
        limits_as_of TEXT,
        attempts_accepted INTEGER,
        visa_confirmed_on TEXT,
        step3_required_by TEXT,
        signal TEXT NOT NULL DEFAULT '' CHECK (signal IN ('', 'signal', 'gold', 'silver')),
        step2ck_matched_median INTEGER,
        img_interviewed_share REAL CHECK (img_interviewed_share IS NULL
            OR (img_interviewed_share >= 0 AND img_interviewed_share <= 100)),
        img_matched_share REAL CHECK (img_matched_share IS NULL
            OR (img_matched_share >= 0 AND img_matched_share <= 100)),
        evidence_source TEXT NOT NULL DEFAULT '',
        interview_format TEXT NOT NULL DEFAULT '',
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
            CHECK (fit_override IN ('', 'not eligible', 'reach', 'target', 'strong fit')),
        fit_override_reason TEXT NOT NULL DEFAULT '',
        match_key TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    )""",
    f"""INSERT INTO programs_v6 ({_KEPT_V4}, program_deadline, fit_override)
        SELECT {_KEPT_V4}, COALESCE(program_deadline, eras_deadline),
               CASE fit_override WHEN 'safety' THEN 'strong fit' ELSE fit_override END
        FROM programs""",
    "DROP TABLE programs",
    "ALTER TABLE programs_v6 RENAME TO programs",
    "CREATE UNIQUE INDEX programs_by_code ON programs(program_code) WHERE program_code != ''",
    "CREATE INDEX programs_by_match_key ON programs(match_key)",
]


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the programs tables as the latest migration leaves them (tests and tools; the
    app uses migrations)."""
    for statement in (*PROGRAMS_DDL, *PROGRAMS_V6):
        conn.execute(statement)
