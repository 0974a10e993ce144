"""Interview practice over an open workspace: the calls the Interview page makes.

Why a class: the page and its panels hold one of these instead of the workspace's database
connection, so nothing under ``workshop/ui`` touches SQLite. Each method is one call of
:mod:`workshop.core.drills.repository` on the workspace's connection (each writes in its own
transaction); the workspace is looked up at call time, so a page keeps working after the
workspace object was replaced underneath it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable

from workshop.core.drills import repository as repo
from workshop.core.drills.attempts import AnswerNotes, Attempt
from workshop.core.drills.scheduler import ReviewState
from workshop.core.drills.user_questions import UserQuestion
from workshop.core.storage.workspace import Workspace


class DrillsStore:
    """Attempts, outlines, review states and the applicant's own questions."""

    def __init__(self, workspace: Callable[[], Workspace]) -> None:
        self._workspace = workspace

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._workspace().conn

    def add_attempt(self, attempt: Attempt, *, today: dt.date | None = None) -> Attempt:
        return repo.add_attempt(self._conn, attempt, today=today)

    def list_attempts(self, *, question_id: str | None = None) -> list[Attempt]:
        return repo.list_attempts(self._conn, question_id=question_id)

    def get_notes(self, question_id: str) -> AnswerNotes:
        return repo.get_notes(self._conn, question_id)

    def save_notes(self, notes: AnswerNotes) -> None:
        repo.save_notes(self._conn, notes)

    def list_review_states(self) -> list[ReviewState]:
        return repo.list_review_states(self._conn)

    def get_review_state(self, question_id: str) -> ReviewState | None:
        return repo.get_review_state(self._conn, question_id)

    def list_user_questions(self) -> list[UserQuestion]:
        return repo.list_user_questions(self._conn)

    def save_user_question(self, question: UserQuestion) -> None:
        repo.save_user_question(self._conn, question)

    def delete_user_question(self, question_id: str) -> bool:
        return repo.delete_user_question(self._conn, question_id)

    def add_seeded_questions(self, questions: Iterable[UserQuestion]) -> int:
        return repo.add_seeded_questions(self._conn, questions)
