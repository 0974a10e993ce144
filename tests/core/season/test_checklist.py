from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core.cv.model import CV, Exam
from workshop.core.cv.store import sample_cv
from workshop.core.errors import UserError
from workshop.core.season.checklist import (
    SECTIONS,
    ChecklistInputs,
    checklist_progress,
    evaluate_checklist,
    inputs_from_cv,
    load_checklist,
)


def _by_key(entries: list) -> dict:
    return {e.item.key: e for e in entries}


def test_items_cover_the_issue_and_link_to_sections() -> None:
    items = load_checklist()
    assert {i.key for i in items} == {
        "usmle-step1", "usmle-step2ck", "oet-medicine", "ecfmg-certification", "world-directory",
        "diploma-transcript", "mspe", "photo", "ecfmg-status-report", "usmle-transcript",
        "statements", "letters", "nrmp-registration"}
    assert all(i.why and i.source and i.section in SECTIONS for i in items)


def test_sample_applicant_derivation() -> None:
    inputs = inputs_from_cv(sample_cv(), statements_by_specialty={"internal medicine": 1},
                            letters_total=4, letters_us_in_specialty=2)
    assert inputs.target_specialties == ("Internal Medicine",)
    entries = _by_key(evaluate_checklist(inputs, {"photo": True}))
    assert entries["usmle-step2ck"].detail == "Passed (score 246), from your CV."
    assert entries["ecfmg-certification"].done and entries["statements"].done
    assert entries["letters"].done and entries["photo"].by == "you"
    assert not entries["mspe"].done
    assert checklist_progress(list(entries.values())) == (7, 13)


def test_partial_and_missing() -> None:
    cv = CV(exams=[Exam(kind="usmle-step1", result="fail"),
                   Exam(kind="usmle-step2ck", result="")])
    cv.ecfmg.status = "in-progress"
    inputs = inputs_from_cv(cv, letters_total=2, letters_us_in_specialty=1,
                            target_specialties=["Internal Medicine", "Family Medicine"],
                            statements_by_specialty={"Internal Medicine": 2})
    entries = _by_key(evaluate_checklist(inputs))
    assert entries["usmle-step1"].status == "todo"
    assert entries["usmle-step2ck"].status == "partial"
    assert entries["oet-medicine"].detail == "Not in your CV yet."
    assert entries["ecfmg-certification"].status == "partial"
    assert entries["statements"].detail == "No statement yet for: Family Medicine."
    assert entries["letters"].detail == ("2 letters, 1 from U.S. physicians in the specialty; "
                                         "needs 1 more letter and 1 more from U.S. physicians "
                                         "in the specialty.")
    ticked = _by_key(evaluate_checklist(inputs, {"oet-medicine": True}))
    assert ticked["oet-medicine"].done and ticked["oet-medicine"].by == "you"


def test_no_target_and_no_letters() -> None:
    entries = _by_key(evaluate_checklist(ChecklistInputs()))
    assert entries["statements"].detail == "No target specialty set in your CV."
    assert entries["letters"].status == "todo"


def test_bad_checklist_file(tmp_path: Path) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text("[[items]]\nkey='x'\ntitle='X'\nwhy='y'\nsection='kitchen'\nderive='manual'"
                   "\nsource='s'\n", encoding="utf-8")
    with pytest.raises(UserError, match="unknown section 'kitchen'"):
        load_checklist(bad)
    bad.write_text("[[items]]\nkey='x'\n", encoding="utf-8")
    with pytest.raises(UserError, match="lacks"):
        load_checklist(bad)
