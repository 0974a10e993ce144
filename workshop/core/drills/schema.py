"""Proposed SQLite tables for interview drills, for the workspace migrations to import.

``DRILLS_SCHEMA_STATEMENTS`` is one migration step (a list of statements, as in
``workshop.core.storage.schema.MIGRATIONS``); ``DRILLS_SCHEMA_SQL`` is the same as one script for
``executescript`` in tests. Design notes:

* Question ids are text: bank ids ("intro-001") are not rows in the database, so ``attempts``,
  ``answer_notes`` and ``review_state`` carry no foreign key to ``questions_user``; deleting a
  user question keeps its history (the dashboard still counts it).
* ``attempts`` copies the category and target seconds at the time, so the dashboard reads one
  table; the rubric columns are NULL until rated.
* Lists (follow-ups, tags, programs) are JSON arrays in text columns: they are only ever read
  whole, with the question.
* Times are ISO 8601 UTC text like the rest of the workspace; review dates are local
  ``YYYY-MM-DD`` days, because "due today" is a calendar question.
"""

from __future__ import annotations

_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

DRILLS_SCHEMA_STATEMENTS: list[str] = [
    f"""CREATE TABLE questions_user (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
        category TEXT NOT NULL,
        answer_seconds INTEGER NOT NULL CHECK (answer_seconds BETWEEN 15 AND 600),
        look_for TEXT NOT NULL DEFAULT '',
        follow_ups TEXT NOT NULL DEFAULT '[]',
        tags TEXT NOT NULL DEFAULT '[]',
        programs TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN
            ('manual', 'cv-gap', 'statement', 'statement-program', 'statement-experience')),
        source_ref TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT {_NOW},
        updated_at TEXT NOT NULL DEFAULT {_NOW}
    )""",
    """CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        question_id TEXT NOT NULL,
        started_at TEXT NOT NULL,
        mode TEXT NOT NULL DEFAULT 'single'
            CHECK (mode IN ('single', 'category', 'mock', 'due', 'one-way')),
        follow_up TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL,
        target_seconds INTEGER NOT NULL CHECK (target_seconds > 0),
        think_seconds REAL NOT NULL DEFAULT 0 CHECK (think_seconds >= 0),
        answer_seconds REAL NOT NULL DEFAULT 0 CHECK (answer_seconds >= 0),
        overtime_seconds REAL NOT NULL DEFAULT 0 CHECK (overtime_seconds >= 0),
        takes INTEGER NOT NULL DEFAULT 1 CHECK (takes >= 0),
        skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
        structure INTEGER CHECK (structure BETWEEN 1 AND 5),
        conciseness INTEGER CHECK (conciseness BETWEEN 1 AND 5),
        content INTEGER CHECK (content BETWEEN 1 AND 5),
        delivery INTEGER CHECK (delivery BETWEEN 1 AND 5),
        notes TEXT NOT NULL DEFAULT '',
        recording_path TEXT
    )""",
    "CREATE INDEX attempts_by_question ON attempts(question_id, started_at)",
    "CREATE INDEX attempts_by_time ON attempts(started_at)",
    f"""CREATE TABLE answer_notes (
        question_id TEXT PRIMARY KEY,
        talking_points TEXT NOT NULL DEFAULT '',
        situation TEXT NOT NULL DEFAULT '',
        task TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL DEFAULT '',
        result TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL DEFAULT {_NOW}
    )""",
    """CREATE TABLE review_state (
        question_id TEXT PRIMARY KEY,
        box INTEGER NOT NULL DEFAULT 1 CHECK (box BETWEEN 1 AND 6),
        due TEXT,
        last_reviewed TEXT,
        reviews INTEGER NOT NULL DEFAULT 0 CHECK (reviews >= 0),
        lapses INTEGER NOT NULL DEFAULT 0 CHECK (lapses >= 0)
    )""",
    "CREATE INDEX review_state_by_due ON review_state(due)",
]

DRILLS_SCHEMA_SQL: str = ";\n".join(DRILLS_SCHEMA_STATEMENTS) + ";\n"
