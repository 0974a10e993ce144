"""Invitations, slots, status events and messages in SQLite (tables of :mod:`.schema`).

Every write runs inside :func:`~workshop.core.storage.sqlatomic.atomic`, so it is one commit on
the workspace's autocommit connection and nests in a caller's transaction (a sample load, an
.ics import). A refused write raises :class:`UserError` before anything is written.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from typing import Any, Final

from workshop.core.errors import UserError
from workshop.core.interviews.model import (
    Impression,
    Invitation,
    Message,
    Slot,
    StatusEvent,
)
from workshop.core.storage.sqlatomic import atomic

_FIELDS: Final = ("status", "received_on", "respond_by", "time_zone", "mode", "platform",
                  "platform_note", "location", "thank_you_policy", "policy_note",
                  "thank_you_text", "update_letter_text", "notes")
_DATES: Final = frozenset({"received_on", "respond_by"})


def _day(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def slot_starts(slot: Slot) -> str:
    day = slot.day.isoformat()
    return f"{day}T{slot.start_time.strftime('%H:%M')}" if slot.start_time else day


def slot_ends(slot: Slot) -> str | None:
    if slot.end_time is None:
        return None
    return f"{slot.day.isoformat()}T{slot.end_time.strftime('%H:%M')}"


def _slot(row: sqlite3.Row | tuple[Any, ...]) -> Slot:
    slot_id, invitation_id, starts, ends, zone_name, chosen, label, uid = row
    day = _dt.date.fromisoformat(starts[:10])
    start = _dt.time.fromisoformat(starts[11:16]) if len(starts) > 10 else None
    end = _dt.time.fromisoformat(ends[11:16]) if ends and len(ends) > 10 else None
    return Slot(day, zone_name, start, end, bool(chosen), label, uid, slot_id, invitation_id)


def impression_to_json(impression: Impression) -> str:
    return json.dumps({"ratings": impression.ratings, "overall": impression.overall,
                       "liked": impression.liked, "concerns": impression.concerns,
                       "notes": impression.notes}, ensure_ascii=False, sort_keys=True)


def impression_from_json(text: str) -> Impression:
    """An impression from its stored JSON; unreadable parts are dropped, never fatal."""
    try:
        data = json.loads(text or "{}")
    except json.JSONDecodeError:
        return Impression()
    if not isinstance(data, dict):
        return Impression()
    raw = data.get("ratings")
    ratings: dict[str, Any] = raw if isinstance(raw, dict) else {}
    overall = data.get("overall")
    return Impression(
        ratings={str(k): int(v) for k, v in ratings.items()
                 if isinstance(v, int) and 1 <= v <= 5},
        overall=overall if isinstance(overall, int) and 1 <= overall <= 5 else None,
        liked=str(data.get("liked") or ""), concerns=str(data.get("concerns") or ""),
        notes=str(data.get("notes") or ""))


class InterviewRepository:
    """Reads and writes the interviews tables on one connection (the caller owns it)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- reads ------------------------------------------------------------------------------
    def all(self) -> list[Invitation]:
        """Every invitation with its slots and events, in program-id order."""
        cursor = self.conn.execute("SELECT * FROM interview_invitations ORDER BY program_id")
        names = [d[0] for d in cursor.description]
        invitations = [self._from_row(dict(zip(names, row, strict=True)))
                       for row in cursor.fetchall()]
        slots: dict[int, list[Slot]] = {}
        for row in self.conn.execute(
                "SELECT id, invitation_id, starts, ends, time_zone, chosen, label, uid "
                "FROM interview_slots ORDER BY starts, id"):
            slot = _slot(row)
            slots.setdefault(slot.invitation_id or 0, []).append(slot)
        events: dict[int, list[StatusEvent]] = {}
        for row in self.conn.execute("SELECT id, invitation_id, status, on_date, note "
                                     "FROM interview_events ORDER BY on_date, id"):
            events.setdefault(row[1], []).append(
                StatusEvent(row[2], _dt.date.fromisoformat(row[3]), row[4], row[0]))
        for invitation in invitations:
            invitation.slots = slots.get(invitation.id or 0, [])
            invitation.events = events.get(invitation.id or 0, [])
        return invitations

    def for_program(self, program_id: int) -> Invitation | None:
        return next((i for i in self.all() if i.program_id == program_id), None)

    def get(self, invitation_id: int) -> Invitation:
        """Raises UserError when it was deleted meanwhile."""
        found = next((i for i in self.all() if i.id == invitation_id), None)
        if found is None:
            raise UserError(f"interview invitation {invitation_id} does not exist",
                            hint="It may have been deleted with its program; refresh.")
        return found

    def messages(self, program_id: int | None = None) -> list[Message]:
        """The communication log (one program's, or all), oldest first."""
        sql = ("SELECT id, program_id, on_date, direction, channel, kind, subject, body "
               "FROM interview_messages")
        args: tuple[Any, ...] = ()
        if program_id is not None:
            sql += " WHERE program_id = ?"
            args = (program_id,)
        rows = self.conn.execute(sql + " ORDER BY on_date, id", args).fetchall()
        return [Message(_dt.date.fromisoformat(r[2]), r[3], r[4], r[5], r[6], r[7], r[0], r[1])
                for r in rows]

    def _from_row(self, data: dict[str, Any]) -> Invitation:
        kwargs: dict[str, Any] = {name: (_day(data[name]) if name in _DATES else data[name])
                                  for name in _FIELDS}
        return Invitation(program_id=data["program_id"], id=data["id"],
                          impression=impression_from_json(data["impression"]), **kwargs)

    # -- writes -----------------------------------------------------------------------------
    def add(self, invitation: Invitation) -> int:
        """Insert an invitation with its slots and events; returns its id."""
        invitation.validate()
        row = self._row(invitation)
        with atomic(self.conn):
            try:
                cursor = self.conn.execute(
                    f"INSERT INTO interview_invitations (program_id, impression, "
                    f"{', '.join(row)}) VALUES (?, ?, {', '.join('?' for _ in row)})",
                    [invitation.program_id, impression_to_json(invitation.impression),
                     *row.values()])
            except sqlite3.IntegrityError as exc:
                raise _integrity(exc) from exc
            invitation.id = int(cursor.lastrowid or 0)
            for slot in invitation.slots:
                self._insert_slot(invitation.id, slot)
            for event in invitation.events:
                self._insert_event(invitation.id, event)
        return invitation.id

    def update(self, invitation: Invitation) -> None:
        """Save the invitation's own fields and impression (slots and events have their own
        calls)."""
        if invitation.id is None:
            raise UserError("this invitation was never saved", hint="Add it first.")
        invitation.validate()
        row = self._row(invitation)
        with atomic(self.conn):
            cursor = self.conn.execute(
                f"UPDATE interview_invitations SET {', '.join(f'{n} = ?' for n in row)}, "
                "impression = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                "WHERE id = ?",
                [*row.values(), impression_to_json(invitation.impression), invitation.id])
            if cursor.rowcount == 0:
                raise UserError(f"interview invitation {invitation.id} does not exist",
                                hint="It may have been deleted with its program; refresh.")

    def delete(self, invitation_id: int) -> None:
        with atomic(self.conn):
            self.conn.execute("DELETE FROM interview_invitations WHERE id = ?",
                              (invitation_id,))

    def add_slot(self, invitation_id: int, slot: Slot) -> int:
        if slot.start_time and slot.end_time and slot.end_time <= slot.start_time:
            raise UserError(f"the interview on {slot.day.isoformat()} ends before it starts",
                            where="dates", hint="Check the start and end times.")
        with atomic(self.conn):
            return self._insert_slot(invitation_id, slot)

    def delete_slot(self, slot_id: int) -> None:
        with atomic(self.conn):
            self.conn.execute("DELETE FROM interview_slots WHERE id = ?", (slot_id,))

    def choose_slot(self, invitation_id: int, slot_id: int | None) -> None:
        """Mark one slot as the chosen date (None: none chosen)."""
        with atomic(self.conn):
            self.conn.execute("UPDATE interview_slots SET chosen = (id = ?) "
                              "WHERE invitation_id = ?", (slot_id or -1, invitation_id))

    def add_event(self, invitation_id: int, event: StatusEvent) -> int:
        """Record a dated status and move the invitation to it (when it is the latest)."""
        with atomic(self.conn):
            event_id = self._insert_event(invitation_id, event)
            latest = self.conn.execute(
                "SELECT status FROM interview_events WHERE invitation_id = ? "
                "ORDER BY on_date DESC, id DESC LIMIT 1", (invitation_id,)).fetchone()
            self.conn.execute("UPDATE interview_invitations SET status = ?, "
                              "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                              (latest[0], invitation_id))
        return event_id

    def add_message(self, program_id: int, message: Message) -> int:
        with atomic(self.conn):
            try:
                cursor = self.conn.execute(
                    "INSERT INTO interview_messages (program_id, on_date, direction, channel, "
                    "kind, subject, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (program_id, message.on.isoformat(), message.direction, message.channel,
                     message.kind, message.subject, message.body))
            except sqlite3.IntegrityError as exc:
                raise _integrity(exc) from exc
        message.id = int(cursor.lastrowid or 0)
        message.program_id = program_id
        return message.id

    def delete_message(self, message_id: int) -> None:
        with atomic(self.conn):
            self.conn.execute("DELETE FROM interview_messages WHERE id = ?", (message_id,))

    # -- helpers ----------------------------------------------------------------------------
    @staticmethod
    def _row(invitation: Invitation) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for name in _FIELDS:
            value = getattr(invitation, name)
            row[name] = value.isoformat() if name in _DATES and value else (
                None if name in _DATES else value)
        return row

    def _insert_slot(self, invitation_id: int, slot: Slot) -> int:
        cursor = self.conn.execute(
            "INSERT INTO interview_slots (invitation_id, starts, ends, time_zone, chosen, label, "
            "uid) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (invitation_id, slot_starts(slot), slot_ends(slot), slot.time_zone,
             int(slot.chosen), slot.label, slot.uid))
        if slot.chosen:
            self.conn.execute("UPDATE interview_slots SET chosen = 0 WHERE invitation_id = ? "
                              "AND id != ?", (invitation_id, cursor.lastrowid))
        slot.id = int(cursor.lastrowid or 0)
        slot.invitation_id = invitation_id
        return slot.id

    def _insert_event(self, invitation_id: int, event: StatusEvent) -> int:
        cursor = self.conn.execute(
            "INSERT INTO interview_events (invitation_id, status, on_date, note) "
            "VALUES (?, ?, ?, ?)", (invitation_id, event.status, event.on.isoformat(),
                                    event.note))
        event.id = int(cursor.lastrowid or 0)
        return event.id


def _integrity(exc: sqlite3.IntegrityError) -> UserError:
    text = str(exc)
    if "UNIQUE" in text and "program_id" in text:
        return UserError("this program already has an invitation",
                         hint="Open its invitation and add the new dates there.")
    if "FOREIGN KEY" in text:
        return UserError("the program no longer exists", hint="Refresh the list.")
    return UserError(f"could not save the interview: {text}")
