"""``workshop questions --specialty``: JSON shows specialties; a filter keeps the general
questions and that specialty's own; the default output is unchanged."""

from __future__ import annotations

import json

import pytest

from workshop.cli import main
from workshop.core.drills.bank import QuestionBank
from workshop.core.drills.listing import questions_listing
from workshop.core.drills.user_questions import GapInput, questions_from_gaps
from workshop.core.errors import UserError


def ids(data: dict) -> set[str]:
    return {q["id"] for q in data["questions"]}


def test_json_shows_specialties_and_rules(bank: QuestionBank) -> None:
    data = json.loads(questions_listing(bank, fmt="json"))
    records = {q["id"]: q for q in data["questions"]}
    assert all(isinstance(q["specialties"], list) for q in records.values())
    assert records["intro-001"]["specialties"] == []
    assert records["spec-101"]["specialties"] == ["Internal Medicine"]
    assert records["fit-009"]["category"] == "improper-questions"
    assert "may not ask" in records["fit-009"]["rule"] and records["fit-009"]["sample_answer"]


def test_im_filter_returns_general_and_im_not_surgery(bank: QuestionBank) -> None:
    data = json.loads(questions_listing(bank, fmt="json", specialty="Internal Medicine"))
    found = ids(data)
    assert {"intro-001", "spec-101", "clin-011", "fit-009"} <= found
    assert not any(i.startswith("spec-5") for i in found)  # General Surgery's pack
    assert all(set(q["specialties"]) <= {"Internal Medicine", "Family Medicine", "Pediatrics"}
               for q in data["questions"])
    assert all(q["specialties"] == [] or "Internal Medicine" in q["specialties"]
               for q in data["questions"])
    assert data["count"] == len(bank.for_specialty("IM"))
    surgery = ids(json.loads(questions_listing(bank, fmt="json", specialty="surgery")))
    assert "spec-501" in surgery and "spec-101" not in surgery and "clin-011" not in surgery


def test_filters_combine_and_keep_user_questions(bank: QuestionBank) -> None:
    mine = questions_from_gaps([GapInput("2021-08", "2022-01")])
    text = questions_listing(bank, category="specialty", specialty="peds", user_questions=mine)
    assert "Specialty-specific (specialty, 11)" in text
    assert "spec-301" in text and "spec-101" not in text
    assert "  (Pediatrics)\n" in text
    assert "Your questions" not in text  # the gap question is another category
    everything = questions_listing(bank, specialty="peds", user_questions=mine)
    assert "gap-2021-08-2022-01" in everything


def test_default_text_unchanged_for_general_questions(bank: QuestionBank) -> None:
    text = questions_listing(bank)
    assert text.startswith("Introduction (introduction, 13)\n")
    assert "  intro-001      2:00  Tell me about yourself.\n" in text
    assert "Behavioral (STAR) (behavioural, " in text
    assert "Improper and illegal questions (improper-questions, " in text
    assert "not in mock interviews" in text
    assert text.rstrip().endswith(f"{len(bank)} questions")


def test_category_alias_in_listing(bank: QuestionBank) -> None:
    assert questions_listing(bank, category="behavioral") == \
        questions_listing(bank, category="behavioural")


def test_unknown_specialty(bank: QuestionBank) -> None:
    with pytest.raises(UserError, match="Unknown specialty 'Astrology'"):
        questions_listing(bank, specialty="Astrology")


def test_cli_specialty_filter(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--format", "json", "--specialty", "IM"]) == 0
    data = json.loads(capsys.readouterr().out)
    found = ids(data)
    assert "spec-101" in found and "intro-001" in found and "spec-501" not in found
    assert all("specialties" in q for q in data["questions"])
    assert main(["questions", "--specialty", "astrology"]) == 1
    assert "Unknown specialty" in capsys.readouterr().err
    assert main(["questions"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Introduction (introduction, 13)\n") and "spec-501" in out
