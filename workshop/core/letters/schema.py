"""Proposed DDL for letters, for the lead to add as one workspace migration.

Conventions follow workshop/core/storage/schema.py: TEXT dates in ISO form, booleans as 0/1
with CHECKs, ``ON DELETE`` rules so deleting a writer or a program cannot leave orphans.
The ``programs`` table (``id INTEGER PRIMARY KEY, name, specialty...``) and
``document_versions`` come from other migrations and must exist first.

Two rules live in the repositories, not in SQL, because their refusals must explain themselves:
at most 4 letters per program (the number is in templates/letters/facts.toml) and the order of
status steps. The unique index on ``letter_id`` is the backstop for "each Letter ID used once".
"""

from __future__ import annotations

_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
_STATUSES = ("'planned', 'asked', 'agreed', 'packet_sent', 'uploaded', 'assigned', "
             "'declined'")

LETTERS_DDL: list[str] = [
    f"""CREATE TABLE letter_writers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        native_name TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        specialty TEXT NOT NULL DEFAULT '',
        institution TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        is_us INTEGER NOT NULL DEFAULT 0 CHECK (is_us IN (0, 1)),
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        relationship TEXT NOT NULL DEFAULT 'other'
            CHECK (relationship IN ('rotation', 'research', 'job', 'other')),
        worked_from TEXT NOT NULL DEFAULT '',
        worked_to TEXT NOT NULL DEFAULT '',
        setting TEXT NOT NULL DEFAULT '',
        salutation TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT {_NOW},
        updated_at TEXT NOT NULL DEFAULT {_NOW}
    )""",
    """CREATE TABLE writer_cases (
        id INTEGER PRIMARY KEY,
        writer_id INTEGER NOT NULL REFERENCES letter_writers(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        case_date TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        observed TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX writer_cases_by_writer ON writer_cases(writer_id, position)",
    f"""CREATE TABLE letter_requests (
        id INTEGER PRIMARY KEY,
        writer_id INTEGER NOT NULL REFERENCES letter_writers(id) ON DELETE CASCADE,
        target_specialty TEXT NOT NULL DEFAULT 'General',
        letter_type TEXT NOT NULL DEFAULT 'narrative'
            CHECK (letter_type IN ('narrative', 'standardized')),
        standardized_form TEXT NOT NULL DEFAULT '',
        department_chair INTEGER NOT NULL DEFAULT 0 CHECK (department_chair IN (0, 1)),
        waived INTEGER NOT NULL DEFAULT 1 CHECK (waived IN (0, 1)),
        letter_id TEXT CHECK (letter_id IS NULL OR letter_id <> ''),
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ({_STATUSES})),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT {_NOW},
        updated_at TEXT NOT NULL DEFAULT {_NOW}
    )""",
    "CREATE UNIQUE INDEX letter_requests_letter_id ON letter_requests(letter_id) "
    "WHERE letter_id IS NOT NULL",
    "CREATE INDEX letter_requests_by_writer ON letter_requests(writer_id, id)",
    f"""CREATE TABLE letter_events (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES letter_requests(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ({_STATUSES})),
        on_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL DEFAULT {_NOW}
    )""",
    "CREATE INDEX letter_events_by_request ON letter_events(request_id, id)",
    """CREATE TABLE letter_assignments (
        program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        request_id INTEGER NOT NULL REFERENCES letter_requests(id) ON DELETE CASCADE,
        assigned_on TEXT NOT NULL DEFAULT (date('now')),
        PRIMARY KEY (program_id, request_id)
    )""",
    "CREATE INDEX letter_assignments_by_request ON letter_assignments(request_id)",
    """CREATE TABLE packet_history (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES letter_requests(id) ON DELETE CASCADE,
        sent_at TEXT NOT NULL,
        statement_version_id INTEGER REFERENCES document_versions(id) ON DELETE SET NULL,
        statement_label TEXT NOT NULL DEFAULT '',
        cv_version TEXT NOT NULL DEFAULT '',
        files TEXT NOT NULL DEFAULT '[]'
    )""",
    "CREATE INDEX packet_history_by_request ON packet_history(request_id, id)",
]
