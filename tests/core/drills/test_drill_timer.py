"""The timer state machine, driven by a fake clock: no sleeping, no timing assertions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.drills.timer import (
    Cue,
    DrillTimer,
    Paused,
    Phase,
    PhaseChanged,
    Refused,
    Resumed,
    TakeStarted,
    TimerConfig,
)


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def make(think: float = 10, answer: float = 60, takes: int | None = None,
         hard_stop: bool = False) -> tuple[DrillTimer, Clock]:
    clock = Clock()
    return DrillTimer(TimerConfig(think, answer, 15, max_takes=takes, hard_stop=hard_stop),
                      clock), clock


def phases(events: list[object]) -> list[Phase]:
    return [e.new for e in events if isinstance(e, PhaseChanged)]


def test_think_answer_overtime_done_with_cue() -> None:
    timer, clock = make()
    assert timer.phase is Phase.IDLE
    events = timer.start()
    assert events == [TakeStarted(1), PhaseChanged(Phase.IDLE, Phase.THINK)]
    clock.now += 4
    assert timer.tick() == []
    assert timer.view.remaining == pytest.approx(6)
    clock.now += 6
    assert phases(timer.tick()) == [Phase.ANSWER]
    assert timer.view.remaining == pytest.approx(60)
    clock.now += 44
    assert timer.tick() == []
    clock.now += 1
    assert timer.tick() == [Cue(seconds_left=15)]
    assert timer.view.cue_given
    clock.now += 14
    assert timer.tick() == []
    clock.now += 3
    assert phases(timer.tick()) == [Phase.OVERTIME]
    assert timer.view.overtime == pytest.approx(2)
    clock.now += 10
    timer.tick()
    assert timer.view.overtime == pytest.approx(12)
    assert phases(timer.stop()) == [Phase.DONE]
    result = timer.result()
    assert result.think_seconds == pytest.approx(10)
    assert result.answer_seconds == pytest.approx(72)
    assert result.overtime_seconds == pytest.approx(12)
    assert result.takes == 1 and not result.skipped


def test_one_big_jump_replays_every_phase_in_order() -> None:
    timer, clock = make()
    timer.start()
    clock.now += 500
    events = timer.tick()
    assert phases(events) == [Phase.ANSWER, Phase.OVERTIME]
    assert any(isinstance(e, Cue) for e in events)
    assert events.index(next(e for e in events if isinstance(e, Cue))) == 1
    assert timer.view.overtime == pytest.approx(500 - 10 - 60)


def test_zero_think_time_starts_with_answer() -> None:
    timer, _ = make(think=0)
    assert phases(timer.start()) == [Phase.ANSWER]


def test_space_ends_think_time_early_then_stops_answer() -> None:
    timer, clock = make()
    timer.toggle()
    clock.now += 3
    assert phases(timer.toggle()) == [Phase.ANSWER]
    assert timer.result().think_seconds == pytest.approx(3)
    clock.now += 20
    assert phases(timer.toggle()) == [Phase.DONE]
    assert timer.result().answer_seconds == pytest.approx(20)
    assert timer.result().overtime_seconds == 0
    assert isinstance(timer.toggle()[0], Refused)


def test_pause_freezes_time_and_resume_continues() -> None:
    timer, clock = make(think=0)
    timer.start()
    clock.now += 20
    assert timer.pause() == [Paused()]
    assert timer.paused
    clock.now += 1000
    assert timer.tick() == []
    assert timer.view.remaining == pytest.approx(40)
    assert timer.resume() == [Resumed()]
    clock.now += 5
    timer.tick()
    assert timer.view.remaining == pytest.approx(35)
    assert isinstance(timer.resume()[0], Refused)


def test_pause_refused_when_idle_and_in_one_way_mode() -> None:
    timer, _ = make()
    assert isinstance(timer.pause()[0], Refused)
    one_way, _ = make(hard_stop=True)
    one_way.start()
    refused = one_way.pause()
    assert isinstance(refused[0], Refused) and "cannot be paused" in refused[0].reason


def test_stop_while_paused_keeps_frozen_time() -> None:
    timer, clock = make(think=0)
    timer.start()
    clock.now += 30
    timer.pause()
    clock.now += 100
    timer.stop()
    assert timer.result().answer_seconds == pytest.approx(30)


def test_retake_restarts_from_think_and_respects_limit() -> None:
    timer, clock = make(takes=2)
    timer.start()
    clock.now += 30
    timer.tick()
    events = timer.retake()
    assert TakeStarted(2) in events
    assert timer.phase is Phase.THINK
    assert timer.takes_left == 0
    assert timer.view.remaining == pytest.approx(10)
    clock.now += 10
    timer.tick()
    clock.now += 5
    timer.stop()
    refused = timer.retake()
    assert len(refused) == 1 and isinstance(refused[0], Refused)
    assert "No takes left" in refused[0].reason
    assert timer.result().takes == 2
    assert timer.result().answer_seconds == pytest.approx(5)


def test_unlimited_retakes_in_practice() -> None:
    timer, _ = make()
    timer.start()
    for _ in range(5):
        assert not isinstance(timer.retake()[0], Refused)
    assert timer.take == 6 and timer.takes_left is None


def test_retake_refused_before_start_and_after_skip() -> None:
    timer, _ = make()
    assert isinstance(timer.retake()[0], Refused)
    timer.skip()
    assert isinstance(timer.retake()[0], Refused)


def test_hard_stop_ends_at_answer_limit_without_overtime() -> None:
    timer, clock = make(think=30, answer=60, takes=1, hard_stop=True)
    timer.start()
    clock.now += 200
    events = timer.tick()
    assert phases(events) == [Phase.ANSWER, Phase.DONE]
    assert timer.result().answer_seconds == 60
    assert timer.result().overtime_seconds == 0


def test_skip_from_idle_and_mid_answer() -> None:
    timer, _ = make()
    assert phases(timer.skip()) == [Phase.DONE]
    assert timer.result().skipped and timer.result().takes == 0
    other, clock = make(think=0)
    other.start()
    clock.now += 10
    other.skip()
    assert other.result().skipped
    assert isinstance(other.skip()[0], Refused)


def test_clock_going_backwards_never_goes_negative() -> None:
    timer, clock = make(think=0)
    timer.start()
    clock.now -= 100
    timer.tick()
    assert timer.view.remaining == pytest.approx(60)


@pytest.mark.parametrize("kwargs", [
    {"think_seconds": -1, "answer_seconds": 60, "cue_seconds": 15},
    {"think_seconds": 0, "answer_seconds": 0, "cue_seconds": 15},
    {"think_seconds": 0, "answer_seconds": 60, "cue_seconds": -1},
    {"think_seconds": 0, "answer_seconds": 60, "cue_seconds": 15, "max_takes": 0},
])
def test_config_rejects_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        TimerConfig(**kwargs)  # type: ignore[arg-type]


@given(steps=st.lists(st.floats(min_value=0, max_value=40, allow_nan=False), max_size=40))
def test_any_tick_sequence_keeps_time_consistent(steps: list[float]) -> None:
    timer, clock = make(think=10, answer=60)
    timer.start()
    cues = 0
    for step in steps:
        clock.now += step
        cues += sum(isinstance(e, Cue) for e in timer.tick())
    total = sum(steps)
    result = timer.result()
    assert cues <= 1
    assert result.think_seconds == pytest.approx(min(total, 10))
    assert result.answer_seconds == pytest.approx(max(0.0, total - 10), abs=1e-6)
    assert (timer.phase is Phase.OVERTIME) == (total - 10 >= 60)
    if total - 10 >= 45:
        assert cues == 1
