"""Choosing the questions of a drill: the five modes.

A plan is a list of :class:`DrillItem` values, each a question with its timer settings, made once
at the start of a drill so the session itself is a simple walk through it. All randomness comes
from a ``random.Random`` the caller passes in, so a seeded generator reproduces a plan in tests.

* single: one question by id.
* category: a random set from one category.
* mock: N questions spread across categories, opened by "Tell me about yourself" (tag
  ``opener``) and closed by "What questions do you have for us?" (tag ``final``), with some
  questions followed by one of their follow-ups, answered at once as in a live interview.
* due: questions the scheduler says are due, most overdue first.
* one-way: a one-way video interview: fixed think and answer time, no overtime, 1-2 takes
  (limits from ``timing.toml``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from workshop.core.drills.bank import Question, QuestionBank
from workshop.core.drills.categories import TimingFacts
from workshop.core.drills.scheduler import ReviewState, due_order
from workshop.core.drills.timer import TimerConfig
from workshop.core.errors import UserError

MAX_ITEMS = 100


@dataclass(frozen=True, slots=True)
class DrillItem:
    """One prompt in a drill.

    Attributes:
        question: the question (the parent question for a follow-up).
        timer: think/answer settings for this prompt.
        follow_up: the follow-up text when this prompt is a follow-up, else "".
    """

    question: Question
    timer: TimerConfig
    follow_up: str = ""

    @property
    def prompt(self) -> str:
        """What the interviewer says."""
        return self.follow_up or self.question.text

    @property
    def target_seconds(self) -> int:
        """The answer target for this prompt."""
        return int(self.timer.answer_seconds)


@dataclass(frozen=True, slots=True)
class DrillPlan:
    """The prompts of one drill, in order, and the mode that chose them."""

    mode: str
    items: tuple[DrillItem, ...]


def practice_timer(question: Question, timing: TimingFacts) -> TimerConfig:
    """Ordinary practice: a short think pause, the question's target, overtime allowed."""
    return TimerConfig(timing.practice_think_seconds, question.answer_seconds,
                       timing.cue_seconds)


def plan_single(bank: QuestionBank, question_id: str, timing: TimingFacts) -> DrillPlan:
    """Drill one question (unknown id raises UserError)."""
    question = bank.get(question_id)
    return DrillPlan("single", (DrillItem(question, practice_timer(question, timing)),))


def plan_category(bank: QuestionBank, category: str, count: int, rng: random.Random,
                  timing: TimingFacts) -> DrillPlan:
    """A random set of ``count`` questions (fewer if the category is smaller)."""
    _check_count(count)
    pool = list(bank.in_category(category))
    if not bank.category(category).answerable:
        raise UserError(f"'{category}' holds questions you ask, not ones you answer.",
                        hint="Choose another category to drill.")
    chosen = rng.sample(pool, min(count, len(pool)))
    return DrillPlan("category", tuple(DrillItem(q, practice_timer(q, timing)) for q in chosen))


def plan_mock(bank: QuestionBank, count: int, rng: random.Random, timing: TimingFacts, *,
              follow_up_rate: float = 0.5) -> DrillPlan:
    """A mock interview of ``count`` main questions, with follow-ups at ``follow_up_rate``."""
    _check_count(count)
    if not 0.0 <= follow_up_rate <= 1.0:
        raise UserError("The follow-up rate must be between 0 and 1.")
    answerable = bank.answerable()
    opener = _tagged(answerable, "opener")
    final = _tagged(answerable, "final")
    fixed = [q for q in (opener, final) if q is not None]
    middle_count = max(0, count - len(fixed)) if count >= 3 else count
    middle = _spread(
        [q for q in answerable if q not in fixed], middle_count, rng,
    )
    main: list[Question] = list(middle)
    if count >= 3:
        main = ([opener] if opener else []) + main + ([final] if final else [])
    items: list[DrillItem] = []
    for q in main:
        items.append(DrillItem(q, practice_timer(q, timing)))
        if q is not final and q.follow_ups and rng.random() < follow_up_rate:
            follow = rng.choice(q.follow_ups)
            config = TimerConfig(0, timing.follow_up_answer_seconds, timing.cue_seconds)
            items.append(DrillItem(q, config, follow_up=follow))
    return DrillPlan("mock", tuple(items))


def plan_due(bank: QuestionBank, states: Iterable[ReviewState], today: dt.date,
             timing: TimingFacts, *, limit: int = 20) -> DrillPlan:
    """Questions due for review on ``today``; ids no longer in the bank are left out."""
    _check_count(limit)
    due = [s for s in due_order(states, today) if s.question_id in bank]
    questions = [bank.get(s.question_id) for s in due[:limit]]
    return DrillPlan("due", tuple(DrillItem(q, practice_timer(q, timing)) for q in questions))


def plan_one_way(bank: QuestionBank, count: int, rng: random.Random, timing: TimingFacts, *,
                 think_seconds: int | None = None, answer_seconds: int | None = None,
                 takes: int | None = None, category: str | None = None) -> DrillPlan:
    """A one-way video interview; settings outside the platforms' ranges raise UserError."""
    _check_count(count)
    think = timing.one_way_default_think if think_seconds is None else think_seconds
    answer = timing.one_way_default_answer if answer_seconds is None else answer_seconds
    max_takes = timing.one_way_default_takes if takes is None else takes
    for name, value, (lo, hi), unit in (
        ("Think time", think, timing.one_way_think_range, " s"),
        ("Answer time", answer, timing.one_way_answer_range, " s"),
        ("Takes", max_takes, timing.one_way_takes_range, ""),
    ):
        if not lo <= value <= hi:
            raise UserError(f"{name} {value}{unit} is outside the usual one-way video range "
                            f"{lo}-{hi}{unit}.", hint="One-way platforms use these limits.")
    pool = list(bank.in_category(category)) if category else list(bank.answerable())
    chosen = rng.sample(pool, min(count, len(pool)))
    config = TimerConfig(think, answer, timing.cue_seconds, max_takes=max_takes, hard_stop=True)
    return DrillPlan("one-way", tuple(DrillItem(q, config) for q in chosen))


def _spread(pool: list[Question], count: int, rng: random.Random) -> list[Question]:
    """Pick ``count`` questions round-robin over shuffled categories, so a mock interview
    covers the ground a real one does instead of five ethics questions in a row."""
    by_category: dict[str, list[Question]] = {}
    for q in pool:
        by_category.setdefault(q.category, []).append(q)
    for questions in by_category.values():
        rng.shuffle(questions)
    order = sorted(by_category)
    rng.shuffle(order)
    chosen: list[Question] = []
    while len(chosen) < count and any(by_category.values()):
        for cat in order:
            if by_category[cat] and len(chosen) < count:
                chosen.append(by_category[cat].pop())
    return chosen


def _tagged(questions: Iterable[Question], tag: str) -> Question | None:
    return next((q for q in questions if tag in q.tags), None)


def _check_count(count: int) -> None:
    if not 1 <= count <= MAX_ITEMS:
        raise UserError(f"A drill has 1-{MAX_ITEMS} questions, not {count}.")


def soap_plan(bank: QuestionBank, count: int, rng: random.Random) -> DrillPlan:
    """A SOAP phone-screen drill: the bank's SOAP questions, each with its own answer time
    (30-40 seconds: "You have 30 seconds…" must stop at 30), on the preset's rapid rules
    (``resources/interviews/soap_preset.toml``: a short think pause, one take, a hard stop).
    Stored as a category drill: it is one, with another timer."""
    from workshop.core.interviews.soap import soap_preset

    _check_count(count)
    preset = soap_preset()
    pool = list(bank.in_category("soap"))
    if not pool:
        raise UserError("The question bank has no SOAP phone-screen questions.",
                        hint="Reinstall the app: its question bank is incomplete.")
    chosen = rng.sample(pool, min(count, len(pool)))
    return DrillPlan("category", tuple(
        DrillItem(q, TimerConfig(preset.think_seconds, q.answer_seconds,
                                 min(preset.cue_seconds, q.answer_seconds // 3),
                                 max_takes=preset.max_takes, hard_stop=preset.hard_stop))
        for q in chosen))
