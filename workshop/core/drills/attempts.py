"""What one practiced answer leaves behind: its timing, the self-review rubric, notes.

An :class:`Attempt` copies the question's category and target length at the time of the
attempt, so progress can be computed from the attempts table alone (fast, and stable when the
bank is edited or a user question is deleted). :class:`AnswerNotes` belong to the question, not
to an attempt: the outline an applicant builds (talking points, STAR fields) carries over from
one attempt to the next.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workshop.core.drills.scheduler import overall_rating
from workshop.core.errors import UserError

RUBRIC_FIELDS = ("structure", "conciseness", "content", "delivery")
MAX_NOTES_CHARS = 20_000
MAX_SECONDS = 6 * 3600.0
MODES = ("single", "category", "mock", "due", "one-way")


@dataclass(frozen=True, slots=True)
class Rubric:
    """Self-review after an answer, each line 1 (weak) to 5 (excellent).

    Attributes:
        structure: a clear shape (STAR, past-present-future, a point then evidence).
        conciseness: length against the target time; rambling and cut-short both score low.
        content: specific, true, relevant to the question and the program.
        delivery: pace, eye contact with the camera, filler words, warmth.
    """

    structure: int
    conciseness: int
    content: int
    delivery: int

    def __post_init__(self) -> None:
        for name in RUBRIC_FIELDS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                raise UserError(
                    f"Rubric '{name}' must be a whole number from 1 to 5, not {value!r}.",
                    where="rubric",
                )

    @property
    def scores(self) -> tuple[int, int, int, int]:
        """The four scores in :data:`RUBRIC_FIELDS` order."""
        return (self.structure, self.conciseness, self.content, self.delivery)

    @property
    def overall(self) -> int:
        """The 1-5 rating the scheduler uses."""
        return overall_rating(self.scores)


@dataclass(frozen=True, slots=True)
class Attempt:
    """One timed answer.

    Attributes:
        question_id: bank or user question id (the parent question for a follow-up).
        started_at: when the answer began, timezone-aware (stored as UTC).
        think_seconds: think time used.
        answer_seconds: the whole answer, overtime included.
        overtime_seconds: the part of the answer past the target.
        takes: takes used (1 or more; 0 only when skipped before starting).
        category: the question's category at the time.
        target_seconds: the recommended answer length at the time.
        rubric: the self-review, None until rated (or when skipped).
        notes: free notes on this attempt.
        recording_path: workspace-relative path of the audio, None without a recording.
        mode: the drill mode it was part of.
        follow_up: the follow-up text when this answered a follow-up, else "".
        skipped: the applicant skipped the question.
        id: database row id, None before it is saved.
    """

    question_id: str
    started_at: dt.datetime
    think_seconds: float
    answer_seconds: float
    overtime_seconds: float
    takes: int
    category: str
    target_seconds: int
    rubric: Rubric | None = None
    notes: str = ""
    recording_path: str | None = None
    mode: str = "single"
    follow_up: str = ""
    skipped: bool = False
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.question_id:
            raise UserError("An attempt needs a question id.", where="attempt")
        if self.started_at.tzinfo is None:
            raise UserError("An attempt's start time must carry a time zone.", where="attempt")
        for name in ("think_seconds", "answer_seconds", "overtime_seconds"):
            value = getattr(self, name)
            if not 0 <= value <= MAX_SECONDS:
                raise UserError(f"{name} {value!r} is out of range.", where="attempt")
        if self.takes < 0 or (self.takes == 0 and not self.skipped):
            raise UserError(f"takes {self.takes} is out of range.", where="attempt")
        if self.target_seconds <= 0:
            raise UserError("target_seconds must be positive.", where="attempt")
        if self.mode not in MODES:
            raise UserError(f"Unknown drill mode '{self.mode}'.", where="attempt")
        if len(self.notes) > MAX_NOTES_CHARS:
            raise UserError(
                f"Attempt notes are {len(self.notes):,} characters; the limit is "
                f"{MAX_NOTES_CHARS:,}.", where="attempt",
            )

    @property
    def rated(self) -> bool:
        """True when the rubric was filled in."""
        return self.rubric is not None

    @property
    def timed(self) -> bool:
        """True when the answer counts in timing averages: answered and rated.

        A skipped question has no answer to time, and an unrated one is often a false start
        (Esc two seconds in): counting either would drag the averages (issue 17).
        """
        return not self.skipped and self.rubric is not None


@dataclass(frozen=True, slots=True)
class AnswerNotes:
    """The applicant's outline for one question, kept across attempts.

    Attributes:
        question_id: the question the outline answers.
        talking_points: free text, one point a line.
        situation: STAR - the context.
        task: STAR - what the applicant had to do.
        action: STAR - what the applicant did (the longest part of a good answer).
        result: STAR - the outcome and what was learned.
        updated_at: last saved, None before the first save.
    """

    question_id: str
    talking_points: str = ""
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    updated_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if not self.question_id:
            raise UserError("Answer notes need a question id.", where="answer notes")
        for name in ("talking_points", "situation", "task", "action", "result"):
            value = getattr(self, name)
            if len(value) > MAX_NOTES_CHARS:
                raise UserError(
                    f"'{name}' is {len(value):,} characters; the limit is {MAX_NOTES_CHARS:,}.",
                    where=f"answer notes for {self.question_id}",
                )

    @property
    def is_empty(self) -> bool:
        """Nothing written yet."""
        return not any(
            (self.talking_points, self.situation, self.task, self.action, self.result)
        )
