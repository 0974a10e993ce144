"""Ordered schema migrations.

Each migration is a list of SQL statements that moves the schema from version ``n - 1`` to ``n``.
They run in one transaction after a backup (see :mod:`workspace`), and ``PRAGMA user_version`` is
set inside that transaction, so a crash leaves the old schema or the new one, never a mixture.
Never edit a released migration: add a new one. Feature areas keep their DDL beside their code
(e.g. ``workshop.core.drills.schema``) and are appended here in release order; a released area
schema is frozen the same way. ``tests/fixtures/schemas/`` keeps one file per
released version, made by ``tests/fixtures/make_schema_fixtures.py``.
"""

from __future__ import annotations

from workshop.core.drills.schema import DRILLS_SCHEMA_STATEMENTS
from workshop.core.interviews.schema import INTERVIEWS_DDL
from workshop.core.letters.schema import LETTERS_DDL
from workshop.core.programs.schema import PROGRAMS_DDL, PROGRAMS_V6

# "RAWS" as a 32-bit integer: marks a SQLite file as one of our workspaces.
APPLICATION_ID = 0x52415753

MIGRATIONS: list[list[str]] = [
    # 1: profile, documents, versions, settings.
    [
        """CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            full_name TEXT NOT NULL DEFAULT '',
            native_name TEXT NOT NULL DEFAULT '',
            preferred_name TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            medical_school TEXT NOT NULL DEFAULT '',
            graduation TEXT NOT NULL DEFAULT '',
            target_specialty TEXT NOT NULL DEFAULT '',
            is_sample INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )""",
        "INSERT INTO profile (id) VALUES (1)",
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN
                ('personal_statement', 'cv', 'letter_request', 'case_summary', 'note')),
            title TEXT NOT NULL DEFAULT '',
            target_specialty TEXT NOT NULL DEFAULT '',
            target_programs TEXT NOT NULL DEFAULT '[]',
            body TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )""",
        """CREATE TABLE document_versions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )""",
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    ],
    # 2: tailored copies remember their source; versions listed fast per document.
    [
        "ALTER TABLE documents ADD COLUMN parent_id INTEGER REFERENCES documents(id) "
        "ON DELETE SET NULL",
        "CREATE INDEX document_versions_by_document ON document_versions(document_id, id)",
        "CREATE INDEX documents_by_kind ON documents(kind, id)",
    ],
]

# 3: interview practice (user questions, attempts, answer notes, spaced-repetition state).
MIGRATIONS.append(list(DRILLS_SCHEMA_STATEMENTS))

# 4: programs and their dated status events.
MIGRATIONS.append(list(PROGRAMS_DDL))

# 5: letter writers, cases, requests with dated events, program assignments, packet history.
MIGRATIONS.append(list(LETTERS_DDL))

# 6: the 2026-27 season: tracks, signals, evidence, visa confirmation; no "ERAS deadline".
#    Rebuilds the programs table (see PROGRAMS_V6); ``REBUILDS`` runs it with foreign keys off.
MIGRATIONS.append(list(PROGRAMS_V6))

#: Migrations that rebuild a table another table refers to: foreign keys must be off while they
#: run (a DROP TABLE would otherwise cascade into program events and letter assignments).
REBUILDS: frozenset[int] = frozenset({6})

# 7: interview invitations, offered and chosen slots with their time zones, dated status
#    events, and the per-program communication log (issue 17).
MIGRATIONS.append(list(INTERVIEWS_DDL))
LATEST_VERSION = len(MIGRATIONS)
