"""Issue 17: the SOAP phone-screen preset runs as a drill on the bank's SOAP questions."""

from __future__ import annotations

import random

from workshop.core.drills.bank import load_bank
from workshop.core.drills.plans import soap_plan


def test_soap_drill_uses_the_bank_and_the_rapid_timer() -> None:
    plan = soap_plan(load_bank(), 8, random.Random(1))
    assert len(plan.items) == 8
    assert {item.question.category for item in plan.items} == {"soap"}
    for item in plan.items:  # "You have 30 seconds…" stops at 30: the question's own time
        assert item.timer.answer_seconds == item.question.answer_seconds <= 45
        assert item.timer.hard_stop and item.timer.max_takes == 1
    assert plan.mode == "category"  # stored like any category drill (no schema change)
