"""One object the Letters tabs share: repository calls, the clock, and "what changed".

Every edit is one repository call made here, so the save state and the refresh signals are
emitted in one place. A refusal (``UserError``) is returned to the caller as text, never
raised into Qt: each tab decides whether to show it inline or in a dialog.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from workshop.core.errors import UserError
from workshop.core.letters import in_workspace as letters_in_workspace
from workshop.core.letters.assignments import AssignmentFinding, assignment_findings
from workshop.core.letters.assignments_repo import (
    PacketRecord,
)
from workshop.core.letters.dashboard import DueItem, due_dashboard
from workshop.core.letters.model import LetterRequest, LetterWriter
from workshop.core.programs.model import Program
from workshop.core.services import Workspace
from workshop.ui.operations import Operations
from workshop.ui.save_state import SaveState

T = TypeVar("T")

# What a change touched; tabs refresh only what they show.
WRITERS, REQUESTS, ASSIGNMENTS, PACKETS = "writers", "requests", "assignments", "packets"


class Outcome:
    """The result of one edit: ``ok`` with a value, or the refusal message."""

    __slots__ = ("ok", "value", "error")

    def __init__(self, ok: bool, value: Any = None, error: str = "") -> None:
        self.ok, self.value, self.error = ok, value, error

    def __bool__(self) -> bool:
        return self.ok


class LettersStore(QObject):
    """Repositories over the workspace connection, plus the injected clock."""

    changed = Signal(str)
    save_state_changed = Signal(object, str)

    def __init__(self, workspace: Workspace, today: Callable[[], dt.date],
                 parent: QObject | None = None, *, operations: Operations | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        #: Off-GUI-thread work (packet rendering) goes through the app's one runner.
        self.operations = operations or Operations(self)
        repos = letters_in_workspace.repositories(workspace)
        self.writers_repo = repos.writers
        self.requests_repo = repos.requests
        self.assignments_repo = repos.assignments
        self.history_repo = repos.history
        self.programs_repo = repos.programs

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    # -- reading ------------------------------------------------------------------------
    def writers(self) -> list[LetterWriter]:
        return self.writers_repo.all()

    def writer(self, writer_id: int) -> LetterWriter | None:
        try:
            return self.writers_repo.get(writer_id)
        except UserError:
            return None

    def requests(self, writer_id: int | None = None) -> list[LetterRequest]:
        return self.requests_repo.all(writer_id)

    def request(self, request_id: int) -> LetterRequest | None:
        try:
            return self.requests_repo.get(request_id)
        except UserError:
            return None

    def programs(self) -> list[Program]:
        return self.programs_repo.list_programs()

    def assignments(self) -> list[tuple[int, int]]:
        return self.assignments_repo.all()

    def history(self, request_id: int) -> list[PacketRecord]:
        return self.history_repo.for_request(request_id)

    def profile(self) -> dict[str, Any]:
        return asdict(self.workspace.profile.get())

    def due_items(self) -> list[DueItem]:
        return due_dashboard(self.writers(), self.requests(), self.profile(), self.today())

    def findings(self) -> list[AssignmentFinding]:
        return assignment_findings(self.programs(), self.writers(), self.requests(),
                                   self.assignments())

    # -- writing ------------------------------------------------------------------------
    def edit(self, kind: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Outcome:
        """Run one repository call; report the save state and what changed.

        Refusals come back as text. A read-only workspace refuses before touching the file.
        """
        if self.read_only:
            message = "This workspace is open read-only, so changes cannot be saved."
            self.save_state_changed.emit(SaveState.READ_ONLY, message)
            return Outcome(False, error=message)
        self.save_state_changed.emit(SaveState.SAVING, "")
        try:
            value = fn(*args, **kwargs)
        except UserError as exc:
            self.save_state_changed.emit(SaveState.FAILED, exc.message)
            return Outcome(False, error=str(exc))
        except (ValueError, sqlite3.Error) as exc:  # a date typed wrong, a disk error
            message = f"Not saved: {exc}."
            self.save_state_changed.emit(SaveState.FAILED, message)
            return Outcome(False, error=message)
        self.save_state_changed.emit(SaveState.SAVED, "")
        self.changed.emit(kind)
        return Outcome(True, value)

    def update_writer(self, writer: LetterWriter) -> Outcome:
        return self.edit(WRITERS, self.writers_repo.update, writer)

    def confirm_deidentified(self, writer_id: int, number: int) -> Outcome:
        """The applicant confirms case ``number`` is de-identified (for its current text)."""
        return self.edit(WRITERS, self.writers_repo.confirm_deidentified, writer_id, number)

    def add_writer(self, writer: LetterWriter) -> Outcome:
        return self.edit(WRITERS, self.writers_repo.add, writer)

    def delete_writer(self, writer_id: int, *, with_requests: bool) -> Outcome:
        return self.edit(WRITERS, self.writers_repo.delete, writer_id,
                         with_requests=with_requests)

    def add_request(self, request: LetterRequest) -> Outcome:
        return self.edit(REQUESTS, self.requests_repo.add, request, planned_on=self.today())

    def update_request(self, request_id: int, **changes: Any) -> Outcome:
        return self.edit(REQUESTS, self.requests_repo.update, request_id, **changes)

    def advance(self, request_id: int, to: str, on: dt.date, note: str = "") -> Outcome:
        return self.edit(REQUESTS, self.requests_repo.advance, request_id, to, on, note=note)

    def delete_request(self, request_id: int) -> Outcome:
        return self.edit(REQUESTS, self.requests_repo.delete, request_id)

    def assign(self, program_id: int, request_id: int) -> Outcome:
        return self.edit(ASSIGNMENTS, self.assignments_repo.assign, program_id, request_id,
                         on=self.today())

    def unassign(self, program_id: int, request_id: int) -> Outcome:
        return self.edit(ASSIGNMENTS, self.assignments_repo.unassign, program_id, request_id)
