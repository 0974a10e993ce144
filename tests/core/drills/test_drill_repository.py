"""Repository functions against an in-memory database built from the proposed DDL."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from workshop.core.drills import repository as repo
from workshop.core.drills.attempts import AnswerNotes, Attempt, Rubric
from workshop.core.drills.scheduler import ReviewState
from workshop.core.drills.schema import DRILLS_SCHEMA_SQL, DRILLS_SCHEMA_STATEMENTS
from workshop.core.drills.user_questions import (
    GapInput,
    StatementInput,
    UserQuestion,
    questions_from_gaps,
    questions_from_statements,
)
from workshop.core.errors import UserError

TODAY = dt.date(2026, 11, 2)
START = dt.datetime(2026, 11, 2, 14, 30, 15, 123456, tzinfo=dt.UTC)


def make_attempt(**kw: object) -> Attempt:
    base: dict[str, object] = dict(question_id="intro-001", started_at=START, think_seconds=5.0,
                                   answer_seconds=131.5, overtime_seconds=11.5, takes=1,
                                   category="introduction", target_seconds=120)
    base.update(kw)
    return Attempt(**base)  # type: ignore[arg-type]


def test_statements_form_one_migration_step() -> None:
    db = sqlite3.connect(":memory:")
    for statement in DRILLS_SCHEMA_STATEMENTS:
        db.execute(statement)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"questions_user", "attempts", "answer_notes", "review_state"}
    assert DRILLS_SCHEMA_SQL.count("CREATE") == len(DRILLS_SCHEMA_STATEMENTS)


def test_attempt_round_trip_and_schedule(conn: sqlite3.Connection) -> None:
    saved = repo.add_attempt(conn, make_attempt(rubric=Rubric(5, 4, 4, 5), notes="n",
                                                recording_path="recordings/1.wav"), today=TODAY)
    assert saved.id is not None
    [loaded] = repo.list_attempts(conn)
    assert loaded == saved and loaded.id == saved.id
    assert loaded.started_at == START.replace(microsecond=123000)
    state = repo.get_review_state(conn, "intro-001")
    assert state is not None and state.box == 3 and state.due == TODAY + dt.timedelta(days=4)


def test_skipped_attempt_schedules_weak_follow_up_does_not(conn: sqlite3.Connection) -> None:
    repo.add_attempt(conn, make_attempt(question_id="ethic-001", takes=0, skipped=True,
                                        answer_seconds=0, overtime_seconds=0), today=TODAY)
    state = repo.get_review_state(conn, "ethic-001")
    assert state is not None and state.due == TODAY + dt.timedelta(days=1) and state.lapses == 1
    repo.add_attempt(conn, make_attempt(question_id="fit-001", follow_up="Why here?",
                                        rubric=Rubric(1, 1, 1, 1)), today=TODAY)
    assert repo.get_review_state(conn, "fit-001") is None
    repo.add_attempt(conn, make_attempt(question_id="clin-001"), today=TODAY)  # unrated
    assert repo.get_review_state(conn, "clin-001") is None


def test_list_attempts_filters_and_orders(conn: sqlite3.Connection) -> None:
    for minutes, qid in ((10, "a-001"), (0, "b-001"), (20, "a-001")):
        repo.add_attempt(conn, make_attempt(question_id=qid,
                                            started_at=START + dt.timedelta(minutes=minutes)))
    assert [a.question_id for a in repo.list_attempts(conn)] == ["b-001", "a-001", "a-001"]
    assert len(repo.list_attempts(conn, question_id="a-001")) == 2
    assert len(repo.list_attempts(conn, since=START + dt.timedelta(minutes=5))) == 2


def test_update_and_delete_attempt(conn: sqlite3.Connection) -> None:
    saved = repo.add_attempt(conn, make_attempt(recording_path="r/1.wav"))
    assert saved.id is not None
    repo.update_attempt_review(conn, saved.id, Rubric(3, 2, 3, 4), "better pace")
    [loaded] = repo.list_attempts(conn)
    assert loaded.rubric == Rubric(3, 2, 3, 4) and loaded.notes == "better pace"
    assert repo.delete_attempt(conn, saved.id) == "r/1.wav"
    assert repo.list_attempts(conn) == []
    with pytest.raises(UserError, match="no longer exists"):
        repo.delete_attempt(conn, saved.id)
    with pytest.raises(UserError, match="no longer exists"):
        repo.update_attempt_review(conn, saved.id, None, "")


def test_failed_write_rolls_back(conn: sqlite3.Connection) -> None:
    bad = make_attempt()
    object.__setattr__(bad, "mode", "karaoke")  # bypass validation to hit the CHECK
    with pytest.raises(sqlite3.IntegrityError):
        repo.add_attempt(conn, bad, today=TODAY)
    assert not conn.in_transaction
    assert repo.list_attempts(conn) == []


def test_user_questions_seed_edit_and_delete(conn: sqlite3.Connection) -> None:
    seeded = questions_from_gaps([GapInput("2021-08", "2022-01", "Step 1 and family care.")])
    seeded += questions_from_statements([StatementInput("Main", ["Riverside IM"])])
    assert repo.add_seeded_questions(conn, seeded) == 2
    edited = UserQuestion(**{**_fields(seeded[0]), "text": "Walk me through late 2021."})
    repo.save_user_question(conn, edited)
    assert repo.add_seeded_questions(conn, seeded) == 0  # the edit survives re-seeding
    loaded = repo.list_user_questions(conn)
    assert loaded[0].text == "Walk me through late 2021." and loaded[1] == seeded[1]
    assert [q.id for q in repo.list_user_questions(conn, program="Other IM")] == [seeded[0].id]
    assert len(repo.list_user_questions(conn, program="Riverside IM")) == 2
    assert repo.delete_user_question(conn, seeded[0].id)
    assert not repo.delete_user_question(conn, seeded[0].id)


def test_corrupt_user_question_row_is_a_user_error(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO questions_user (id, text, category, answer_seconds, tags) "
                 "VALUES ('my-q', 'Why medicine for you?', 'motivation', 60, '{oops')")
    with pytest.raises(UserError, match="questions_user row 'my-q'.*tags"):
        repo.list_user_questions(conn)
    conn.execute("UPDATE questions_user SET tags='[]', id='Bad Id'")
    with pytest.raises(UserError, match="questions_user row 'Bad Id'"):
        repo.list_user_questions(conn)


def test_notes_kept_across_attempts(conn: sqlite3.Connection) -> None:
    assert repo.get_notes(conn, "behav-001").is_empty
    repo.save_notes(conn, AnswerNotes("behav-001", situation="Night shift", action="Called"))
    repo.add_attempt(conn, make_attempt(question_id="behav-001"))
    notes = repo.get_notes(conn, "behav-001")
    assert notes.situation == "Night shift" and notes.action == "Called"
    assert notes.updated_at is not None and notes.updated_at.tzinfo is not None
    repo.save_notes(conn, AnswerNotes("behav-001", result="Patient safe"))
    assert repo.get_notes(conn, "behav-001").result == "Patient safe"


def test_review_states_and_record_review(conn: sqlite3.Connection) -> None:
    repo.save_review_state(conn, ReviewState("b", box=2, due=TODAY))
    first = repo.record_review(conn, "a", 5, TODAY)
    assert first.box == 3
    second = repo.record_review(conn, "a", 2, TODAY + dt.timedelta(days=4))
    assert second.box == 1 and second.reviews == 2 and second.lapses == 1
    assert [s.question_id for s in repo.list_review_states(conn)] == ["b", "a"]


def test_works_inside_a_caller_transaction(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN")
    repo.add_attempt(conn, make_attempt(rubric=Rubric(3, 3, 3, 3)), today=TODAY)
    conn.execute("ROLLBACK")
    assert repo.list_attempts(conn) == [] and repo.list_review_states(conn) == []


def _fields(q: UserQuestion) -> dict[str, object]:
    return {name: getattr(q, name) for name in q.__dataclass_fields__}
