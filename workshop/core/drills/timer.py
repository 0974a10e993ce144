"""The think/answer/overtime timer as a pure, tick-driven state machine.

The UI owns no timing logic: it calls :meth:`DrillTimer.tick` from a ``QTimer`` (every 100 ms or
so) and redraws from :attr:`DrillTimer.view`; key presses call the action methods. Every call
returns the :class:`TimerEvent` values the UI should react to (play the 15-second cue, change
the colour for overtime, stop a recording). Time comes from an injected ``clock`` returning
monotonic seconds, so tests move a fake clock instead of sleeping, and a laptop suspended
mid-answer cannot confuse the phases (a large jump is replayed phase by phase in one tick).

States: ``idle -> think -> answer -> overtime -> done``. Think time may be zero (straight to
answer). In one-way video mode (``hard_stop``) the answer ends at the limit, as on HireVue-style
platforms, instead of counting overtime. Pause freezes the clock in any running phase. A retake
starts the question again from think time while takes remain; ``max_takes`` of 1-2 models the
one-way video limit (FACTS.md, "One-way video interview timers").

Actions that make no sense in the current state (retake with no takes left, resume when not
paused) return a single :class:`Refused` event instead of raising: a stray key press is not an
error worth a dialog, but the UI can show the reason in its status line.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], float]


class Phase(enum.Enum):
    """Where the timer is; the UI picks colours and labels from this."""

    IDLE = "idle"
    THINK = "think"
    ANSWER = "answer"
    OVERTIME = "overtime"
    DONE = "done"


RUNNING = (Phase.THINK, Phase.ANSWER, Phase.OVERTIME)


@dataclass(frozen=True, slots=True)
class TimerConfig:
    """How long each phase lasts.

    Attributes:
        think_seconds: preparation time before the answer; 0 starts the answer at once.
        answer_seconds: the target answer length; overtime counts past it.
        cue_seconds: a cue fires when this many answer seconds are left (15 in the product).
        max_takes: how many takes are allowed; None means unlimited (practice mode).
        hard_stop: end the answer at ``answer_seconds`` (one-way video) instead of overtime.
    """

    think_seconds: float
    answer_seconds: float
    cue_seconds: float
    max_takes: int | None = None
    hard_stop: bool = False

    def __post_init__(self) -> None:
        if self.think_seconds < 0:
            raise ValueError("think_seconds must be >= 0")
        if self.answer_seconds <= 0:
            raise ValueError("answer_seconds must be > 0")
        if self.cue_seconds < 0:
            raise ValueError("cue_seconds must be >= 0")
        if self.max_takes is not None and self.max_takes < 1:
            raise ValueError("max_takes must be >= 1 or None")


@dataclass(frozen=True, slots=True)
class PhaseChanged:
    """The timer moved from one phase to another."""

    old: Phase
    new: Phase


@dataclass(frozen=True, slots=True)
class Cue:
    """``seconds_left`` of answer time remain: time to wrap up."""

    seconds_left: float


@dataclass(frozen=True, slots=True)
class TakeStarted:
    """A new take began (1 for the first)."""

    take: int


@dataclass(frozen=True, slots=True)
class Paused:
    """The clock is frozen."""


@dataclass(frozen=True, slots=True)
class Resumed:
    """The clock runs again."""


@dataclass(frozen=True, slots=True)
class Refused:
    """An action was ignored; ``reason`` is a sentence for the status line."""

    action: str
    reason: str


TimerEvent = PhaseChanged | Cue | TakeStarted | Paused | Resumed | Refused


@dataclass(frozen=True, slots=True)
class TimerView:
    """What the countdown shows, as of the last action or tick.

    Attributes:
        phase: the current phase.
        remaining: seconds left in think or answer time (0 in other phases).
        overtime: seconds past the answer target (0 until overtime).
        take: the current take (0 before the first start).
        takes_left: further takes allowed, or None when unlimited.
        paused: the clock is frozen.
        cue_given: the 15-second cue has fired in this take.
    """

    phase: Phase
    remaining: float
    overtime: float
    take: int
    takes_left: int | None
    paused: bool
    cue_given: bool


@dataclass(frozen=True, slots=True)
class TimerResult:
    """The timing of the last take, for an :class:`~workshop.core.drills.attempts.Attempt`.

    ``answer_seconds`` is the whole answer including overtime; ``overtime_seconds`` is the part
    past the target.
    """

    think_seconds: float
    answer_seconds: float
    overtime_seconds: float
    takes: int
    skipped: bool


@dataclass
class _Take:
    think: float = 0.0
    answer: float = 0.0  # answer + overtime time accumulated so far
    cue_given: bool = False


@dataclass
class DrillTimer:
    """One question's countdown. Create a new one for the next question."""

    config: TimerConfig
    clock: Clock
    phase: Phase = Phase.IDLE
    take: int = 0
    skipped: bool = False
    _paused: bool = False
    _last: float = 0.0
    _current: _Take = field(default_factory=_Take)

    # -- reading -------------------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        """True while the clock is frozen."""
        return self._paused

    @property
    def takes_left(self) -> int | None:
        """Takes that may still be started, or None when unlimited."""
        if self.config.max_takes is None:
            return None
        return max(0, self.config.max_takes - self.take)

    @property
    def view(self) -> TimerView:
        """The display values as of the last tick or action."""
        remaining = 0.0
        if self.phase is Phase.THINK:
            remaining = max(0.0, self.config.think_seconds - self._current.think)
        elif self.phase is Phase.ANSWER:
            remaining = max(0.0, self.config.answer_seconds - self._current.answer)
        overtime = 0.0
        if self.phase is Phase.OVERTIME or (self.phase is Phase.DONE and not self.skipped):
            overtime = max(0.0, self._current.answer - self.config.answer_seconds)
        return TimerView(
            self.phase, remaining, overtime, self.take, self.takes_left, self._paused,
            self._current.cue_given,
        )

    def result(self) -> TimerResult:
        """Timing of the current (last) take."""
        answer = self._current.answer
        return TimerResult(
            think_seconds=self._current.think,
            answer_seconds=answer,
            overtime_seconds=max(0.0, answer - self.config.answer_seconds),
            takes=max(self.take, 1) if not self.skipped else max(self.take, 0),
            skipped=self.skipped,
        )

    # -- actions -------------------------------------------------------------------------------

    def start(self) -> list[TimerEvent]:
        """Begin the first take (space in the UI)."""
        if self.phase is not Phase.IDLE:
            return [Refused("start", "The timer is already running.")]
        return self._begin_take()

    def toggle(self) -> list[TimerEvent]:
        """The space bar: start, then skip the rest of think time, then finish the answer."""
        if self.phase is Phase.IDLE:
            return self.start()
        if self.phase is Phase.THINK:
            return self.start_answer()
        if self.phase in (Phase.ANSWER, Phase.OVERTIME):
            return self.stop()
        return [Refused("toggle", "This question is finished: press N for the next one.")]

    def start_answer(self) -> list[TimerEvent]:
        """End think time early: the applicant is ready to speak."""
        if self.phase is not Phase.THINK:
            return [Refused("start_answer", "Think time is not running.")]
        events = self.tick()
        if self._paused:
            self._paused = False
            self._last = self.clock()
        if self.phase is Phase.THINK:
            events.extend(self._move(Phase.ANSWER))
        return events

    def stop(self) -> list[TimerEvent]:
        """The answer is finished."""
        if self.phase not in (Phase.ANSWER, Phase.OVERTIME):
            return [Refused("stop", "No answer is being timed.")]
        events = self.tick()
        if self._phase_now() is not Phase.DONE:  # a hard stop may have ended it in tick()
            events.extend(self._move(Phase.DONE))
        return events

    def pause(self) -> list[TimerEvent]:
        """Freeze the clock (a knock at the door; not allowed in one-way video mode)."""
        if self.phase not in RUNNING:
            return [Refused("pause", "Nothing is running.")]
        if self.config.hard_stop:
            return [Refused("pause", "A one-way video interview cannot be paused.")]
        if self._paused:
            return [Refused("pause", "Already paused.")]
        events = self.tick()
        if self.phase in RUNNING:
            self._paused = True
            events.append(Paused())
        return events

    def resume(self) -> list[TimerEvent]:
        """Let the clock run again from where it stopped."""
        if not self._paused:
            return [Refused("resume", "The timer is not paused.")]
        self._paused = False
        self._last = self.clock()
        return [Resumed()]

    def retake(self) -> list[TimerEvent]:
        """Start this question again from think time, if takes remain."""
        if self.phase is Phase.IDLE:
            return [Refused("retake", "Start the question first.")]
        if self.skipped:
            return [Refused("retake", "This question was skipped.")]
        if self.takes_left == 0:
            return [Refused("retake", f"No takes left (limit {self.config.max_takes}).")]
        self._paused = False
        events: list[TimerEvent] = []
        if self.phase is not Phase.DONE:
            events.extend(self._move(Phase.DONE))
        events.extend(self._begin_take())
        return events

    def skip(self) -> list[TimerEvent]:
        """Give up on this question; it is recorded as skipped."""
        if self.phase is Phase.DONE:
            return [Refused("skip", "This question is already finished.")]
        self.skipped = True
        self._paused = False
        return self._move(Phase.DONE)

    def tick(self) -> list[TimerEvent]:
        """Advance by the time the clock says has passed; return what happened."""
        if self.phase not in RUNNING or self._paused:
            return []
        now = self.clock()
        delta = max(0.0, now - self._last)
        self._last = now
        events: list[TimerEvent] = []
        if self.phase is Phase.THINK:
            room = self.config.think_seconds - self._current.think
            if delta < room:
                self._current.think += delta
                return events
            self._current.think = self.config.think_seconds
            delta -= room
            events.extend(self._move(Phase.ANSWER))
        if self.phase is Phase.ANSWER:
            events.extend(self._advance_answer(delta))
        elif self.phase is Phase.OVERTIME:
            self._current.answer += delta
        return events

    # -- internals -----------------------------------------------------------------------------

    def _advance_answer(self, delta: float) -> list[TimerEvent]:
        events: list[TimerEvent] = []
        limit = self.config.answer_seconds
        before = self._current.answer
        after = before + delta
        cue_at = limit - self.config.cue_seconds
        if not self._current.cue_given and after >= cue_at and self.config.cue_seconds > 0:
            self._current.cue_given = True
            events.append(Cue(seconds_left=max(0.0, limit - max(before, cue_at))))
        if after < limit:
            self._current.answer = after
            return events
        if self.config.hard_stop:
            self._current.answer = limit
            events.extend(self._move(Phase.DONE))
        else:
            self._current.answer = after
            events.extend(self._move(Phase.OVERTIME))
        return events

    def _begin_take(self) -> list[TimerEvent]:
        self.take += 1
        self._current = _Take()
        self._last = self.clock()
        first = Phase.THINK if self.config.think_seconds > 0 else Phase.ANSWER
        events: list[TimerEvent] = [TakeStarted(self.take)]
        events.extend(self._move(first))
        return events

    def _phase_now(self) -> Phase:
        return self.phase

    def _move(self, new: Phase) -> list[TimerEvent]:
        old, self.phase = self.phase, new
        if new is Phase.DONE:
            self._paused = False
        return [PhaseChanged(old, new)]
