"""Seeding personal questions: experiences found in statement text, CV gaps with notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.cv.dates import MonthYear
from workshop.core.cv.in_workspace import load_workspace_cv, save_workspace_cv
from workshop.core.drills import repository as repo
from workshop.core.drills.seeding import (
    MAX_EXPERIENCES,
    find_experiences,
    gap_inputs,
    seed_personal_questions,
)
from workshop.core.services import init_workspace


def test_experiences_are_quoted_in_the_applicants_words() -> None:
    text = ("During my internal medicine externship in Chicago I presented daily. An "
            "observership at a community hospital in New Jersey followed. My research year "
            "taught me R. My externship in Chicago was long.")
    assert find_experiences(text) == [
        "your internal medicine externship in Chicago",
        "the observership at a community hospital in New Jersey",
        "your research year",
        "your externship in Chicago",
    ]


def test_no_experience_no_question() -> None:
    assert find_experiences("I like medicine and I work hard.") == []


@given(st.text(max_size=400))
def test_any_text_gives_a_bounded_list_of_phrases(text: str) -> None:
    found = find_experiences(text)
    assert len(found) <= MAX_EXPERIENCES
    assert all(p.startswith(("your ", "the ")) for p in found)


def test_seeding_is_idempotent_and_reads_gap_notes(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "s.workshop", sample=True)
    today = dt.date(2026, 11, 2)
    first = seed_personal_questions(ws, today)
    assert first.added >= 5 and first.gaps == 1 and first.statements == 1
    assert "Added" in first.summary
    again = seed_personal_questions(ws, today)
    assert again.added == 0 and "up to date" in again.summary
    ids = {q.id for q in repo.list_user_questions(ws.conn)}
    assert "gap-2021-08-2022-01" in ids
    ws.close()


def test_a_note_whose_gap_moved_still_seeds(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "m.workshop", sample=True)
    cv = load_workspace_cv(ws)
    cv.set_gap_note(MonthYear(2015, 1), MonthYear(2015, 6), "Travelled with family")
    save_workspace_cv(ws, cv)
    inputs = gap_inputs(ws, dt.date(2026, 11, 2))
    assert any(g.explanation == "Travelled with family" for g in inputs)
    ws.close()
