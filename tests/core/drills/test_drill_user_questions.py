"""User questions: validation, and seeding from CV gaps and statements with stable ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest

from workshop.core.drills.bank import QuestionBank
from workshop.core.drills.user_questions import (
    GapInput,
    StatementInput,
    UserQuestion,
    new_question_id,
    questions_from_gaps,
    questions_from_statements,
)
from workshop.core.errors import UserError

SAMPLE_GAP = GapInput("2021-08", "2022-01", "Prepared full time for USMLE Step 1 while caring "
                      "for my father after his cardiac surgery in Cairo.")


def mine(**kw: object) -> UserQuestion:
    base = dict(id="my-q", text="Why internal medicine for you?", category="motivation",
                answer_seconds=90, look_for="")
    base.update(kw)
    return UserQuestion(**base)  # type: ignore[arg-type]


def test_gap_question_text_and_stable_id() -> None:
    [q] = questions_from_gaps([SAMPLE_GAP])
    assert q.text == "Tell me about the gap between Aug 2021 and Jan 2022."
    assert q.id == "gap-2021-08-2022-01"
    assert q.category == "red-flags" and q.source == "cv-gap"
    assert q.source_ref == "2021-08..2022-01"
    assert "caring for my father" in q.look_for
    assert q.follow_ups and "gap" in q.tags
    assert questions_from_gaps([SAMPLE_GAP]) == [q]  # seeding again gives the same question


@dataclass
class MonthYearLike:
    year: int
    month: int | None


@pytest.mark.parametrize("start, end, text", [
    (dt.date(2021, 8, 1), dt.date(2022, 1, 31), "between Aug 2021 and Jan 2022"),
    ((2021, 8), (2022, 1), "between Aug 2021 and Jan 2022"),
    (MonthYearLike(2021, 8), MonthYearLike(2022, None), "between Aug 2021 and 2022"),
    ("2022-01", "2021-08", "between Aug 2021 and Jan 2022"),
])
def test_gap_dates_in_many_shapes(start: object, end: object, text: str) -> None:
    [q] = questions_from_gaps([GapInput(start, end)])
    assert text in q.text


@pytest.mark.parametrize("bad", ["August 2021", "2021-13", 2021, (3000, 1), None])
def test_bad_gap_dates_are_user_errors(bad: object) -> None:
    with pytest.raises(UserError, match="gap 1, start"):
        questions_from_gaps([GapInput(bad, "2022-01")])


def test_long_explanation_is_clipped_to_fit() -> None:
    [q] = questions_from_gaps([GapInput("2021-08", "2022-01", "word " * 1000)])
    assert len(q.look_for) <= 1500 and q.look_for.endswith("\u201d")


def test_statement_seeds_program_experience_and_specialty() -> None:
    st = StatementInput(
        title="Internal Medicine \u2014 main statement",
        target_programs=["Riverside Medical Center IM", "Lakeshore University IM", " "],
        specialty="Internal Medicine",
        experiences=["my externship in Internal Medicine in Chicago"],
    )
    qs = questions_from_statements([st])
    by_source = {q.source: q for q in qs}
    assert len(qs) == 4
    prog = [q for q in qs if q.source == "statement-program"]
    assert [q.text for q in prog] == ["Why Riverside Medical Center IM?",
                                      "Why Lakeshore University IM?"]
    assert prog[0].programs == ("Riverside Medical Center IM",)
    assert prog[0].id.startswith("prog-riverside-medical-center")
    exp = by_source["statement-experience"]
    assert "externship in Internal Medicine in Chicago" in exp.text and "star" in exp.tags
    assert by_source["statement"].category == "motivation"
    assert questions_from_statements([st]) == qs


def test_same_program_in_two_statements_is_one_question() -> None:
    a = StatementInput("A", target_programs=["Riverside IM"])
    b = StatementInput("B", target_programs=["Riverside IM"])
    qs = questions_from_statements([a, b])
    assert len(qs) == 1 and qs[0].source_ref == "A"


def test_non_latin_program_names_get_ids() -> None:
    cairo = "\u0645\u0633\u062a\u0634\u0641\u0649 \u0627\u0644\u0642\u0627\u0647\u0631\u0629"
    nikos = "\u039d\u03af\u03ba\u03bf\u03c2"
    qs = questions_from_statements([StatementInput("S", target_programs=[cairo, nikos])])
    assert len({q.id for q in qs}) == 2
    assert all(q.id.startswith("prog-") for q in qs)


def test_user_question_validation() -> None:
    q = mine(programs=("Riverside IM",), tags=("mine",))
    assert q.programs == ("Riverside IM",)
    with pytest.raises(UserError, match="field 'text'"):
        mine(text="Hi")
    with pytest.raises(UserError, match="field 'answer_seconds'"):
        mine(answer_seconds=5)
    with pytest.raises(UserError, match="field 'id'"):
        mine(id="Not An Id")
    with pytest.raises(UserError, match="field 'tags'"):
        mine(tags=("Bad Tag",))
    with pytest.raises(UserError, match="field 'source'"):
        mine(source="web")
    with pytest.raises(UserError, match="field 'follow_ups'"):
        mine(follow_ups=("ok?",) * 11)


def test_new_question_id_is_unique_and_readable() -> None:
    assert new_question_id("Why Chicago?", []) == "my-why-chicago"
    assert new_question_id("Why Chicago?", ["my-why-chicago"]) == "my-why-chicago-2"
    assert new_question_id("\u0644\u0645\u0627\u0630\u0627\u061f", []) == "my-question"


def test_bank_extended_with_user_questions(bank: QuestionBank) -> None:
    extended = bank.extended(questions_from_gaps([SAMPLE_GAP]))
    assert "gap-2021-08-2022-01" in extended and len(extended) == len(bank) + 1
    with pytest.raises(UserError, match="already used by the bank"):
        bank.extended([mine(id="intro-001")])
    with pytest.raises(UserError, match="Unknown category"):
        bank.extended([replace(mine(), category="astrology")])
