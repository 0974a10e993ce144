"""``workshop questions`` output: text and JSON, filtered by category, with user questions."""

from __future__ import annotations

import json

import pytest

from workshop.core.drills.bank import QuestionBank
from workshop.core.drills.listing import questions_listing
from workshop.core.drills.user_questions import GapInput, StatementInput, questions_from_gaps
from workshop.core.drills.user_questions import questions_from_statements as from_statements
from workshop.core.errors import UserError


def test_text_lists_everything_grouped(bank: QuestionBank) -> None:
    text = questions_listing(bank)
    assert text.startswith("Introduction (introduction, 13)\n")
    assert "  intro-001      2:00  Tell me about yourself.\n" in text
    assert "Questions to ask a program (ask-program, 25) - to ask, not timed" in text
    assert text.rstrip().endswith(f"{len(bank)} questions")


def test_text_one_category_with_user_questions(bank: QuestionBank) -> None:
    mine = questions_from_gaps([GapInput("2021-08", "2022-01")])
    mine += from_statements([StatementInput("S", ["Riverside IM"])])
    text = questions_listing(bank, category="red-flags", user_questions=mine)
    assert "Red flags (red-flags, 14)" in text
    assert "Your questions (1)" in text
    assert "gap-2021-08-2022-01" in text and "Riverside" not in text
    assert "intro-001" not in text
    assert text.rstrip().endswith("15 questions")
    everything = questions_listing(bank, user_questions=mine)
    assert "Why Riverside IM?  [Riverside IM]" in everything


def test_json_has_all_fields(bank: QuestionBank) -> None:
    mine = questions_from_gaps([GapInput("2021-08", "2022-01")])
    data = json.loads(questions_listing(bank, fmt="json", user_questions=mine))
    assert data["count"] == len(bank) + 1 == len(data["questions"])
    first = data["questions"][0]
    assert first["id"] == "intro-001" and first["answer_seconds"] == 120
    assert first["origin"] == "bank" and first["follow_ups"]
    last = data["questions"][-1]
    assert last["origin"] == "user" and last["source"] == "cv-gap" and last["programs"] == []
    one = json.loads(questions_listing(bank, category="img", fmt="json"))
    assert {q["category"] for q in one["questions"]} == {"img"}


def test_bad_arguments(bank: QuestionBank) -> None:
    with pytest.raises(UserError, match="Unknown format 'xml'"):
        questions_listing(bank, fmt="xml")
    with pytest.raises(UserError, match="Unknown category 'astrology'") as info:
        questions_listing(bank, category="astrology")
    assert "red-flags" in str(info.value)
