"""Drill plans for every mode and a keyboard-driven session over a fake clock."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from workshop.core.drills.attempts import Rubric
from workshop.core.drills.bank import QuestionBank
from workshop.core.drills.categories import TimingFacts
from workshop.core.drills.plans import (
    plan_category,
    plan_due,
    plan_mock,
    plan_one_way,
    plan_single,
)
from workshop.core.drills.scheduler import ReviewState
from workshop.core.drills.session import DrillSession, ItemChanged, Recorded, SessionFinished
from workshop.core.drills.timer import Phase, Refused
from workshop.core.errors import UserError

TODAY = dt.date(2026, 11, 2)
WALL = dt.datetime(2026, 11, 2, 15, 0, tzinfo=dt.UTC)


def test_single(bank: QuestionBank, timing: TimingFacts) -> None:
    plan = plan_single(bank, "intro-001", timing)
    [item] = plan.items
    assert item.prompt == "Tell me about yourself."
    assert item.target_seconds == 120
    assert item.timer.cue_seconds == 15 and item.timer.max_takes is None
    with pytest.raises(UserError):
        plan_single(bank, "nope-001", timing)


def test_category_set_is_seeded_and_in_category(bank: QuestionBank, timing: TimingFacts) -> None:
    a = plan_category(bank, "ethics", 5, random.Random(7), timing)
    b = plan_category(bank, "ethics", 5, random.Random(7), timing)
    assert [i.question.id for i in a.items] == [i.question.id for i in b.items]
    assert len(a.items) == 5 and {i.question.category for i in a.items} == {"ethics"}
    assert len({i.question.id for i in a.items}) == 5
    assert len(plan_category(bank, "ethics", 99, random.Random(1), timing).items) == len(
        bank.in_category("ethics"))
    with pytest.raises(UserError, match="ask, not ones you answer"):
        plan_category(bank, "ask-program", 3, random.Random(1), timing)
    with pytest.raises(UserError, match="1-100"):
        plan_category(bank, "ethics", 0, random.Random(1), timing)


def test_mock_interview_shape(bank: QuestionBank, timing: TimingFacts) -> None:
    plan = plan_mock(bank, 8, random.Random(3), timing, follow_up_rate=1.0)
    main = [i for i in plan.items if not i.follow_up]
    follow = [i for i in plan.items if i.follow_up]
    assert len(main) == 8
    assert main[0].question.id == "intro-001"
    assert "final" in main[-1].question.tags and plan.items[-1] is main[-1]
    assert len({i.question.category for i in main[1:-1]}) == 6  # spread, not clustered
    assert follow and all(i.follow_up in i.question.follow_ups for i in follow)
    assert all(i.timer.think_seconds == 0 for i in follow)
    assert all(i.target_seconds == timing.follow_up_answer_seconds for i in follow)
    for index, item in enumerate(plan.items):
        if item.follow_up:
            assert plan.items[index - 1].question is item.question
    assert all(i.question.category != "ask-program" for i in plan.items)
    no_follow = plan_mock(bank, 8, random.Random(3), timing, follow_up_rate=0.0)
    assert len(no_follow.items) == 8


def test_due_mode_orders_and_filters(bank: QuestionBank, timing: TimingFacts) -> None:
    states = [
        ReviewState("ethic-001", box=2, due=TODAY),
        ReviewState("intro-001", box=4, due=TODAY - dt.timedelta(days=3)),
        ReviewState("clin-001", box=1, due=TODAY + dt.timedelta(days=1)),
        ReviewState("gone-001", box=1, due=TODAY - dt.timedelta(days=9)),
    ]
    plan = plan_due(bank, states, TODAY, timing)
    assert [i.question.id for i in plan.items] == ["intro-001", "ethic-001"]
    assert plan_due(bank, states, TODAY, timing, limit=1).items[0].question.id == "intro-001"


def test_one_way_settings_and_limits(bank: QuestionBank, timing: TimingFacts) -> None:
    plan = plan_one_way(bank, 3, random.Random(1), timing)
    assert len(plan.items) == 3
    cfg = plan.items[0].timer
    assert (cfg.think_seconds, cfg.answer_seconds, cfg.max_takes, cfg.hard_stop) == (
        30, 90, 2, True)
    with pytest.raises(UserError, match="Takes 3"):
        plan_one_way(bank, 3, random.Random(1), timing, takes=3)
    with pytest.raises(UserError, match="Think time 10 s"):
        plan_one_way(bank, 3, random.Random(1), timing, think_seconds=10)
    with pytest.raises(UserError, match="Answer time 400 s"):
        plan_one_way(bank, 3, random.Random(1), timing, answer_seconds=400)


def test_full_drill_by_keyboard(bank: QuestionBank, timing: TimingFacts, clock) -> None:
    plan = plan_category(bank, "teamwork", 3, random.Random(2), timing)
    session = DrillSession(plan, clock, wall_clock=lambda: WALL)
    assert session.position == (1, 3)
    session.press("space")                     # think
    clock.advance(2)
    session.press(" ")                         # answer now
    clock.advance(30)
    session.tick()
    session.press("p")
    clock.advance(500)                         # paused: does not count
    session.press("P")
    clock.advance(10)
    session.press("space")                     # stop
    assert session.timer.phase is Phase.DONE
    assert session.rate(Rubric(4, 4, 3, 5), notes="good structure") == []
    events = session.next()
    [recorded] = [e for e in events if isinstance(e, Recorded)]
    a = recorded.attempt
    assert (a.think_seconds, a.answer_seconds, a.takes) == (2, 40, 1)
    assert a.rubric == Rubric(4, 4, 3, 5) and a.notes == "good structure"
    assert a.mode == "category" and a.category == "teamwork" and a.started_at == WALL
    assert ItemChanged(1) in events

    session.press("s")                         # skip question 2 untouched
    events = session.press("n")
    assert [e.attempt.skipped for e in events if isinstance(e, Recorded)] == [True]

    session.press("space")
    clock.advance(200)                         # into overtime
    session.tick()
    session.press("r")                         # retake replaces the first take
    clock.advance(timing.practice_think_seconds + 20)
    session.press("space")
    events = session.press("n")
    [recorded] = [e for e in events if isinstance(e, Recorded)]
    assert recorded.attempt.takes == 2 and recorded.attempt.answer_seconds == 20
    assert isinstance(events[-1], SessionFinished) and session.finished
    assert session.current is None
    assert len(session.attempts) == 3
    assert isinstance(session.press("space")[0], Refused)


def test_next_mid_answer_records_what_was_said(bank: QuestionBank, timing: TimingFacts,
                                               clock) -> None:
    session = DrillSession(plan_single(bank, "fit-001", timing), clock, lambda: WALL)
    session.press("space")
    clock.advance(timing.practice_think_seconds + 15)
    events = session.next()
    [recorded] = [e for e in events if isinstance(e, Recorded)]
    assert recorded.attempt.answer_seconds == 15 and not recorded.attempt.skipped


def test_untouched_prompt_is_not_recorded(bank: QuestionBank, timing: TimingFacts,
                                          clock) -> None:
    session = DrillSession(plan_single(bank, "fit-001", timing), clock, lambda: WALL)
    events = session.next()
    assert events == [SessionFinished()]


def test_rate_refusals(bank: QuestionBank, timing: TimingFacts, clock) -> None:
    session = DrillSession(plan_single(bank, "fit-001", timing), clock, lambda: WALL)
    assert isinstance(session.rate(Rubric(3, 3, 3, 3))[0], Refused)
    session.press("s")
    assert isinstance(session.rate(Rubric(3, 3, 3, 3))[0], Refused)
    assert isinstance(session.press("x")[0], Refused)


def test_one_way_session_hard_stop(bank: QuestionBank, timing: TimingFacts, clock) -> None:
    plan = plan_one_way(bank, 1, random.Random(5), timing, takes=1)
    session = DrillSession(plan, clock, lambda: WALL)
    session.press("space")
    clock.advance(1000)
    session.tick()
    assert session.timer.phase is Phase.DONE
    assert isinstance(session.press("r")[0], Refused)
    assert isinstance(session.press("p")[0], Refused)
    [recorded] = [e for e in session.next() if isinstance(e, Recorded)]
    assert recorded.attempt.answer_seconds == 90 and recorded.attempt.overtime_seconds == 0
    assert recorded.attempt.mode == "one-way"


def test_empty_plan_is_a_user_error(bank: QuestionBank, timing: TimingFacts, clock) -> None:
    with pytest.raises(UserError, match="no questions"):
        DrillSession(plan_due(bank, [], TODAY, timing), clock)
