"""DDL of the interviews tables (migration 7 of :mod:`workshop.core.storage.schema`).

One invitation per program (``UNIQUE(program_id)``): a program that re-invites after a
cancellation reopens the same invitation, whose dated events keep the history. Slots are the
dates offered and the one chosen, each a wall-clock time with its IANA zone (``YYYY-MM-DDTHH:MM``
or a bare ``YYYY-MM-DD`` when no time is known), never a UTC instant: a program's "9:00 Central"
stays 9:00 Central even if the tz database changes. Messages are the per-program log of what was
sent and received. Everything hangs off ``programs(id)`` with ``ON DELETE CASCADE``.
"""

from __future__ import annotations

from typing import Final

INTERVIEWS_DDL: Final[list[str]] = [
    """CREATE TABLE interview_invitations (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL UNIQUE REFERENCES programs(id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'scheduled',
            'completed', 'declined', 'cancelled', 'waitlisted')),
        received_on TEXT,
        respond_by TEXT,
        time_zone TEXT NOT NULL DEFAULT '',
        mode TEXT NOT NULL DEFAULT '' CHECK (mode IN ('', 'virtual', 'in-person')),
        platform TEXT NOT NULL DEFAULT '' CHECK (platform IN ('', 'thalamus', 'eras-scheduler',
            'zoom', 'other')),
        platform_note TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        thank_you_policy TEXT NOT NULL DEFAULT 'not-stated' CHECK (thank_you_policy IN
            ('not-stated', 'welcome', 'no-thank-you', 'no-contact')),
        policy_note TEXT NOT NULL DEFAULT '',
        thank_you_text TEXT NOT NULL DEFAULT '',
        update_letter_text TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        impression TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(impression)),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    )""",
    """CREATE TABLE interview_slots (
        id INTEGER PRIMARY KEY,
        invitation_id INTEGER NOT NULL REFERENCES interview_invitations(id) ON DELETE CASCADE,
        starts TEXT NOT NULL,
        ends TEXT,
        time_zone TEXT NOT NULL,
        chosen INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),
        label TEXT NOT NULL DEFAULT '',
        uid TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX interview_slots_by_invitation ON interview_slots(invitation_id, starts)",
    """CREATE TABLE interview_events (
        id INTEGER PRIMARY KEY,
        invitation_id INTEGER NOT NULL REFERENCES interview_invitations(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('invited', 'scheduled', 'completed', 'declined',
            'cancelled', 'waitlisted')),
        on_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX interview_events_by_invitation ON interview_events(invitation_id, on_date, id)",
    """CREATE TABLE interview_messages (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        on_date TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        channel TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'platform', 'phone',
            'letter', 'other')),
        kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('invitation', 'scheduling',
            'cancellation', 'thank-you', 'update-letter', 'question', 'other')),
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX interview_messages_by_program ON interview_messages(program_id, on_date, id)",
]
