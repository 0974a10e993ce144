"""A drill in progress: walks a :class:`~workshop.core.drills.plans.DrillPlan`, one timer per
prompt, and turns each finished prompt into an :class:`~workshop.core.drills.attempts.Attempt`.

The session is pure: two injected clocks (monotonic seconds for the timer, an aware ``datetime``
for the attempt's start time) and no I/O. The UI forwards key presses to :meth:`press` and
ticks to :meth:`tick`, and saves the attempt it gets back in a :class:`Recorded` event when the
session leaves a prompt (N, or the end), so a retake never leaves a stale row behind. The
rubric, given after an answer, is attached with :meth:`rate` before moving on.
Keys (issue 7): space starts and stops, N next, R retake, S skip, P pause and resume.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from workshop.core.drills.attempts import Attempt, Rubric
from workshop.core.drills.plans import DrillItem, DrillPlan
from workshop.core.drills.timer import (
    Clock,
    DrillTimer,
    Phase,
    Refused,
    TakeStarted,
    TimerEvent,
)
from workshop.core.errors import UserError

WallClock = Callable[[], dt.datetime]


@dataclass(frozen=True, slots=True)
class Recorded:
    """The final attempt for prompt ``index``, emitted once when leaving it; the UI saves it."""

    index: int
    attempt: Attempt


@dataclass(frozen=True, slots=True)
class ItemChanged:
    """The session moved to prompt ``index`` (0-based)."""

    index: int


@dataclass(frozen=True, slots=True)
class SessionFinished:
    """There are no more prompts."""


SessionEvent = TimerEvent | Recorded | ItemChanged | SessionFinished


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DrillSession:
    """One drill: the current prompt, its timer, and the attempts so far."""

    def __init__(self, plan: DrillPlan, clock: Clock, wall_clock: WallClock = _utc_now) -> None:
        if not plan.items:
            raise UserError("This drill has no questions.",
                            hint="Nothing is due, or the category is empty: pick another mode.")
        self.plan = plan
        self.clock = clock
        self.wall_clock = wall_clock
        self.index = 0
        self.finished = False
        self.timer = DrillTimer(plan.items[0].timer, clock)
        self._attempts: dict[int, Attempt] = {}
        self._started_at: dt.datetime | None = None

    # -- reading -------------------------------------------------------------------------------

    @property
    def current(self) -> DrillItem | None:
        """The prompt on screen, None once the session is finished."""
        return None if self.finished else self.plan.items[self.index]

    @property
    def attempts(self) -> list[Attempt]:
        """Attempts recorded so far, in prompt order."""
        return [self._attempts[i] for i in sorted(self._attempts)]

    @property
    def position(self) -> tuple[int, int]:
        """(1-based prompt number, total) for "Question 3 of 8"."""
        return (min(self.index + 1, len(self.plan.items)), len(self.plan.items))

    # -- actions -------------------------------------------------------------------------------

    def press(self, key: str) -> list[SessionEvent]:
        """Handle a key: "space", "n", "r", "s" or "p" (case-insensitive)."""
        key = key.lower()
        if self.finished:
            return [Refused(key, "The drill is finished.")]
        if key in ("space", " "):
            return self._timer_events(self.timer.toggle())
        if key == "r":
            return self._timer_events(self.timer.retake())
        if key == "s":
            return self._timer_events(self.timer.skip())
        if key == "p":
            action = self.timer.resume if self.timer.paused else self.timer.pause
            return self._timer_events(action())
        if key == "n":
            return self.next()
        return [Refused(key, f"'{key}' does nothing here.")]

    def tick(self) -> list[SessionEvent]:
        """Forward a timer tick (the UI calls this a few times a second)."""
        if self.finished:
            return []
        return self._timer_events(self.timer.tick())

    def rate(self, rubric: Rubric | None, notes: str = "",
             recording_path: str | None = None) -> list[SessionEvent]:
        """Attach the self-review to the current prompt's attempt (the answer must be done)."""
        if self.finished or self.timer.phase is not Phase.DONE:
            return [Refused("rate", "Finish the answer before rating it.")]
        attempt = self._record()
        if attempt is None:
            return [Refused("rate", "Nothing was answered.")]
        if attempt.skipped and rubric is not None:
            return [Refused("rate", "A skipped question is not rated.")]
        updated = replace(attempt, rubric=rubric, notes=notes, recording_path=recording_path)
        self._attempts[self.index] = updated
        return []

    def next(self) -> list[SessionEvent]:
        """Move on, recording the current prompt if it was started or skipped."""
        if self.finished:
            return [Refused("n", "The drill is finished.")]
        events: list[SessionEvent] = list(self.timer.tick())
        if self.timer.phase in (Phase.THINK, Phase.ANSWER, Phase.OVERTIME):
            if self.timer.phase is Phase.THINK:
                self.timer.skip()
            else:
                self.timer.stop()
        if (attempt := self._record()) is not None:
            events.append(Recorded(self.index, attempt))
        if self.index + 1 >= len(self.plan.items):
            self.finished = True
            events.append(SessionFinished())
            return events
        self.index += 1
        self.timer = DrillTimer(self.plan.items[self.index].timer, self.clock)
        self._started_at = None
        events.append(ItemChanged(self.index))
        return events

    # -- internals -----------------------------------------------------------------------------

    def _timer_events(self, events: list[TimerEvent]) -> list[SessionEvent]:
        if any(isinstance(e, TakeStarted) for e in events):
            self._started_at = self.wall_clock()
            self._attempts.pop(self.index, None)  # a retake replaces the earlier take
        return list(events)

    def _record(self) -> Attempt | None:
        if self.index in self._attempts:
            return self._attempts[self.index]
        item = self.plan.items[self.index]
        if self.timer.phase is Phase.IDLE:
            return None
        result = self.timer.result()
        attempt = Attempt(
            question_id=item.question.id,
            started_at=self._started_at or self.wall_clock(),
            think_seconds=round(result.think_seconds, 2),
            answer_seconds=round(result.answer_seconds, 2),
            overtime_seconds=round(result.overtime_seconds, 2),
            takes=result.takes,
            category=item.question.category,
            target_seconds=item.target_seconds,
            mode=self.plan.mode,
            follow_up=item.follow_up,
            skipped=result.skipped,
        )
        self._attempts[self.index] = attempt
        return attempt
