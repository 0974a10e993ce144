"""Reading and writing drill data in the workspace database (tables in :mod:`.schema`).

Every function takes an open ``sqlite3.Connection`` and works in autocommit connections (the
workspace's) as well as default ones: writes that touch several rows run in one transaction,
or join the caller's if one is open. Rows are turned back into the same validated dataclasses
the rest of the drills code uses; a row that no longer validates (edited outside the app)
raises :class:`UserError` naming the table and row.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from workshop.core.drills.attempts import MAX_NOTES_CHARS, AnswerNotes, Attempt, Rubric
from workshop.core.drills.progress import Progress, compute_progress
from workshop.core.drills.progress_sql import sql_progress
from workshop.core.drills.scheduler import ReviewState, review
from workshop.core.drills.user_questions import UserQuestion
from workshop.core.errors import UserError
from workshop.core.storage.sqlatomic import atomic

_USER_COLUMNS = ("id, text, category, answer_seconds, look_for, follow_ups, tags, programs, "
                 "source, source_ref")
_ATTEMPT_COLUMNS = ("id, question_id, started_at, mode, follow_up, category, target_seconds, "
                    "think_seconds, answer_seconds, overtime_seconds, takes, skipped, structure, "
                    "conciseness, content, delivery, notes, recording_path")


# Repository writes nest in a caller's transaction (see storage.sqlatomic).
transaction = atomic


# -- user questions ------------------------------------------------------------------------------


def save_user_question(conn: sqlite3.Connection, question: UserQuestion) -> None:
    """Insert or replace the applicant's question (an edit keeps its creation time)."""
    with transaction(conn):
        conn.execute(
            f"INSERT INTO questions_user ({_USER_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET text=excluded.text, category=excluded.category, "
            "answer_seconds=excluded.answer_seconds, look_for=excluded.look_for, "
            "follow_ups=excluded.follow_ups, tags=excluded.tags, programs=excluded.programs, "
            "source=excluded.source, source_ref=excluded.source_ref, "
            "updated_at=strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            _user_row(question),
        )


def add_seeded_questions(conn: sqlite3.Connection, questions: Iterable[UserQuestion]) -> int:
    """Add seeded questions whose ids are new; existing (possibly edited) ones are kept.

    Returns:
        How many were added.
    """
    added = 0
    with transaction(conn):
        for question in questions:
            cur = conn.execute(
                f"INSERT OR IGNORE INTO questions_user ({_USER_COLUMNS}) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)", _user_row(question),
            )
            added += cur.rowcount
    return added


def list_user_questions(conn: sqlite3.Connection, *,
                        program: str | None = None) -> list[UserQuestion]:
    """The applicant's questions, oldest first; with ``program``, those tagged to it or to
    no program at all."""
    rows = conn.execute(
        f"SELECT {_USER_COLUMNS} FROM questions_user ORDER BY created_at, id"
    ).fetchall()
    questions = [_user_question(row) for row in rows]
    if program is None:
        return questions
    return [q for q in questions if not q.programs or program in q.programs]


def delete_user_question(conn: sqlite3.Connection, question_id: str) -> bool:
    """Remove a question (its attempts, notes and schedule stay as history)."""
    with transaction(conn):
        cur = conn.execute("DELETE FROM questions_user WHERE id = ?", (question_id,))
    return cur.rowcount > 0


# -- attempts ------------------------------------------------------------------------------------


def add_attempt(conn: sqlite3.Connection, attempt: Attempt, *,
                today: dt.date | None = None) -> Attempt:
    """Save an attempt and, given ``today``, update the question's review schedule.

    The schedule moves for a main question only (follow-ups are practice around it): by the
    rubric's overall rating, or as weak (1) when skipped, so a skipped question returns soon.

    Returns:
        The attempt with its database id.
    """
    stamp = _stamp(attempt.started_at)
    with transaction(conn):
        r = attempt.rubric
        cur = conn.execute(
            f"INSERT INTO attempts ({_ATTEMPT_COLUMNS}) VALUES "
            "(NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (attempt.question_id, stamp, attempt.mode, attempt.follow_up,
             attempt.category, attempt.target_seconds, attempt.think_seconds,
             attempt.answer_seconds, attempt.overtime_seconds, attempt.takes,
             int(attempt.skipped), *(r.scores if r else (None,) * 4), attempt.notes,
             attempt.recording_path),
        )
        rating = 1 if attempt.skipped else (r.overall if r else None)
        if today is not None and rating is not None and not attempt.follow_up:
            record_review(conn, attempt.question_id, rating, today)
    # Hand back what was stored (times are kept to the millisecond).
    return replace(attempt, id=cur.lastrowid,
                   started_at=_parse_time(stamp, "attempts") or attempt.started_at)


def update_attempt_review(conn: sqlite3.Connection, attempt_id: int, rubric: Rubric | None,
                          notes: str) -> None:
    """Change an attempt's rubric and notes (the schedule is not re-run)."""
    if len(notes) > MAX_NOTES_CHARS:
        raise UserError(f"Attempt notes are too long (limit {MAX_NOTES_CHARS:,} characters).")
    with transaction(conn):
        cur = conn.execute(
            "UPDATE attempts SET structure=?, conciseness=?, content=?, delivery=?, notes=? "
            "WHERE id=?", (*(rubric.scores if rubric else (None,) * 4), notes, attempt_id),
        )
    if cur.rowcount == 0:
        raise UserError(f"Attempt {attempt_id} no longer exists.")


def list_attempts(conn: sqlite3.Connection, *, question_id: str | None = None,
                  since: dt.datetime | None = None) -> list[Attempt]:
    """Attempts in time order, optionally for one question or from a moment on."""
    sql = f"SELECT {_ATTEMPT_COLUMNS} FROM attempts"
    where: list[str] = []
    args: list[Any] = []
    if question_id is not None:
        where.append("question_id = ?")
        args.append(question_id)
    if since is not None:
        where.append("started_at >= ?")
        args.append(_stamp(since))
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY started_at, id"
    return [_attempt(row) for row in conn.execute(sql, args)]


def delete_attempt(conn: sqlite3.Connection, attempt_id: int) -> str | None:
    """Delete an attempt; returns its recording path so the caller can remove the file."""
    with transaction(conn):
        row = conn.execute("SELECT recording_path FROM attempts WHERE id = ?",
                           (attempt_id,)).fetchone()
        if row is None:
            raise UserError(f"Attempt {attempt_id} no longer exists.")
        conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
    path: str | None = row[0]
    return path


# -- notes ---------------------------------------------------------------------------------------


def get_notes(conn: sqlite3.Connection, question_id: str) -> AnswerNotes:
    """The outline for a question (empty notes if none were written)."""
    row = conn.execute(
        "SELECT question_id, talking_points, situation, task, action, result, updated_at "
        "FROM answer_notes WHERE question_id = ?", (question_id,),
    ).fetchone()
    if row is None:
        return AnswerNotes(question_id)
    return AnswerNotes(question_id=row[0], talking_points=row[1], situation=row[2], task=row[3],
                       action=row[4], result=row[5],
                       updated_at=_parse_time(row[6], "answer_notes"))


def save_notes(conn: sqlite3.Connection, notes: AnswerNotes) -> None:
    """Insert or replace the outline for ``notes.question_id``."""
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO answer_notes (question_id, talking_points, situation, task, "
            "action, result) VALUES (?,?,?,?,?,?)",
            (notes.question_id, notes.talking_points, notes.situation, notes.task,
             notes.action, notes.result),
        )


# -- review state --------------------------------------------------------------------------------


def get_review_state(conn: sqlite3.Connection, question_id: str) -> ReviewState | None:
    """The schedule of one question, None if never rated."""
    row = conn.execute(
        "SELECT question_id, box, due, last_reviewed, reviews, lapses FROM review_state "
        "WHERE question_id = ?", (question_id,),
    ).fetchone()
    return None if row is None else _review_state(row)


def list_review_states(conn: sqlite3.Connection) -> list[ReviewState]:
    """Every scheduled question, soonest due first."""
    rows = conn.execute(
        "SELECT question_id, box, due, last_reviewed, reviews, lapses FROM review_state "
        "ORDER BY due, question_id"
    ).fetchall()
    return [_review_state(row) for row in rows]


def save_review_state(conn: sqlite3.Connection, state: ReviewState) -> None:
    """Insert or replace a question's schedule."""
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO review_state (question_id, box, due, last_reviewed, "
            "reviews, lapses) VALUES (?,?,?,?,?,?)",
            (state.question_id, state.box, _day(state.due), _day(state.last_reviewed),
             state.reviews, state.lapses),
        )


def record_review(conn: sqlite3.Connection, question_id: str, rating: int,
                  today: dt.date) -> ReviewState:
    """Apply a 1-5 rating given on ``today`` to the stored schedule and save the result."""
    with transaction(conn):
        state = review(get_review_state(conn, question_id), question_id, rating, today)
        save_review_state(conn, state)
    return state


# -- dashboard -----------------------------------------------------------------------------------


def load_progress(conn: sqlite3.Connection, *, today: dt.date,
                  tz: dt.tzinfo | None = None) -> Progress:
    """Everything the progress dashboard shows, from the attempts and review tables.

    Summed by SQLite per local day and category (``progress_sql``): 20,000 attempts no longer
    become 20,000 objects. A history holding a stamp in another shape is summed attempt by
    attempt, as before. Still run it off the GUI thread.
    """
    states = list_review_states(conn)
    progress = sql_progress(conn, today=today, review_states=states, tz=tz)
    if progress is not None:
        return progress
    return compute_progress(list_attempts(conn), today=today, review_states=states, tz=tz)


# -- row conversion ------------------------------------------------------------------------------


def _user_row(q: UserQuestion) -> tuple[Any, ...]:
    return (q.id, q.text, q.category, q.answer_seconds, q.look_for, json.dumps(q.follow_ups),
            json.dumps(q.tags), json.dumps(q.programs), q.source, q.source_ref)


def _user_question(row: Any) -> UserQuestion:
    where = f"questions_user row '{row[0]}'"
    lists = []
    for column, raw in zip(("follow_ups", "tags", "programs"), row[5:8], strict=True):
        try:
            value = json.loads(raw)
        except (TypeError, ValueError) as exc:
            raise UserError(f"'{column}' is not a JSON list.", where=where) from exc
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UserError(f"'{column}' is not a list of text.", where=where)
        lists.append(tuple(value))
    try:
        return UserQuestion(id=row[0], text=row[1], category=row[2], answer_seconds=row[3],
                            look_for=row[4], follow_ups=lists[0], tags=lists[1],
                            programs=lists[2], source=row[8], source_ref=row[9])
    except UserError as exc:
        raise UserError(exc.message, where=f"{where}: {exc.where}") from exc


def _attempt(row: Any) -> Attempt:
    scores = row[12:16]
    rubric = Rubric(*scores) if all(s is not None for s in scores) else None
    return Attempt(
        question_id=row[1], started_at=_parse_time(row[2], "attempts") or _EPOCH, mode=row[3],
        follow_up=row[4], category=row[5], target_seconds=row[6], think_seconds=row[7],
        answer_seconds=row[8], overtime_seconds=row[9], takes=row[10], skipped=bool(row[11]),
        rubric=rubric, notes=row[16], recording_path=row[17], id=row[0],
    )


def _review_state(row: Any) -> ReviewState:
    return ReviewState(question_id=row[0], box=row[1], due=_parse_day(row[2]),
                       last_reviewed=_parse_day(row[3]), reviews=row[4], lapses=row[5])


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    utc = moment.astimezone(dt.UTC)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond // 1000:03d}Z"


def _parse_time(text: str | None, table: str) -> dt.datetime | None:
    if text is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"'{text[:40]}' is not a time.", where=f"table {table}") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _day(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _parse_day(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"'{text[:40]}' is not a date.", where="table review_state") from exc
