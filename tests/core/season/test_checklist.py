from __future__ import annotations

import datetime as dt
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
    visa_needs_from_status,
)
from workshop.core.season.timeline import load_season

TODAY = dt.date(2026, 12, 2)
COMMON = {
    "usmle-step1", "usmle-step2ck", "ecfmg-pathway", "oet-medicine", "ecfmg-certification",
    "world-directory", "myeras-token", "school-transcript", "mspe", "photo", "not-transmitted",
    "ecfmg-status-report", "usmle-transcript", "statements", "statement-plain-text", "letters",
    "nrmp-registration", "rank-order-list"}
J1 = {"j1-evsp", "j1-statement-of-need", "j1-home-residence"}
H1B = {"h1b-step3", "h1b-2025-fee"}


def _by_key(entries: list) -> dict:
    return {e.item.key: e for e in entries}


def _cv(visa: str, *exams: Exam) -> CV:
    cv = CV(exams=list(exams))
    cv.personal.immigration.visa_status = visa
    return cv


def test_items_cover_the_issue_and_say_where_they_are_done() -> None:
    items = load_checklist()
    assert {i.key for i in items} == COMMON | J1 | H1B
    assert all(i.why and i.source for i in items)
    assert all(i.section in SECTIONS or (i.section == "" and i.where) for i in items)
    assert {i.key for i in items if i.visa == "J-1"} == J1
    assert {i.key for i in items if i.visa == "H-1B"} == H1B


def test_ecfmg_does_not_send_the_diploma() -> None:
    items = {i.key: i for i in load_checklist()}
    for item in items.values():
        text = f"{item.title} {item.why}".lower()
        if "diploma" in text:
            assert item.key == "not-transmitted" and item.kind == "info"
            assert "not transmitted" in text and "should not be uploaded" in text
    assert "diploma-transcript" not in items
    assert "OASIS" in items["photo"].title and "OASIS" in items["photo"].why
    assert "through ECFMG" in items["mspe"].title
    assert items["school-transcript"].source.startswith("ECFMG ERAS Support Services")


def test_status_report_is_information_not_a_task() -> None:
    entries = _by_key(evaluate_checklist(ChecklistInputs(), {"ecfmg-status-report": True}))
    report = entries["ecfmg-status-report"]
    assert report.status == "info" and not report.done and report.item.kind == "info"
    assert "not an applicant task" in report.item.why
    done, total = checklist_progress(list(entries.values()))
    assert total == sum(1 for e in entries.values() if not e.is_info)
    assert done == 0  # the tick on an information line counts for nothing


def test_pathway_and_oet_say_to_confirm_with_ecfmg() -> None:
    items = {i.key: i for i in load_checklist()}
    assert "Pathway" in items["ecfmg-pathway"].title
    assert "Pathway" in items["oet-medicine"].title
    for key in ("ecfmg-pathway", "oet-medicine"):
        assert "Confirm the rule for the 2027 Match with ECFMG" in items[key].why
    oet = inputs_from_cv(_cv("", Exam(kind="oet-medicine", result="pass")))
    assert _by_key(evaluate_checklist(oet))["ecfmg-pathway"].status == "partial"
    certified = inputs_from_cv(sample_cv())
    assert _by_key(evaluate_checklist(certified))["ecfmg-pathway"].by == "data"
    assert _by_key(evaluate_checklist(ChecklistInputs()))["ecfmg-pathway"].status == "todo"


def test_sample_applicant_derivation() -> None:
    inputs = inputs_from_cv(sample_cv(), statements_by_specialty={"internal medicine": 1},
                            letters_total=4, letters_us_in_specialty=2)
    assert inputs.target_specialties == ("Internal Medicine",)
    assert (inputs.visa_needs, inputs.visa_known) == (("J-1",), True)  # "Requires J-1 ..."
    entries = _by_key(evaluate_checklist(inputs, {"photo": True}))
    assert set(entries) == COMMON | J1
    assert entries["usmle-step2ck"].detail == "Passed (score 246), from your CV."
    assert entries["ecfmg-certification"].done and entries["statements"].done
    assert entries["letters"].done and entries["photo"].by == "you"
    assert not entries["mspe"].done
    assert entries["j1-statement-of-need"].title.startswith("Statement of Need")
    assert checklist_progress(list(entries.values())) == (8, 18)  # 3 lines are info


def test_h1b_applicant_sees_step3_and_the_fee_question() -> None:
    inputs = inputs_from_cv(_cv("Needs H-1B sponsorship", Exam(kind="usmle-step1",
                                                                result="pass")))
    entries = _by_key(evaluate_checklist(inputs))
    assert set(entries) == COMMON | H1B
    step3 = entries["h1b-step3"]
    assert step3.status == "todo" and step3.detail == "Not in your CV yet."
    assert "before the petition" in step3.item.why and "rank-order list" in step3.item.why
    fee = entries["h1b-2025-fee"]
    assert "$100,000" in fee.item.why and "not confirmed" in fee.item.why
    assert "ask each program" in fee.item.why
    passed = inputs_from_cv(_cv("H1B", Exam(kind="usmle-step3", result="pass")))
    assert _by_key(evaluate_checklist(passed))["h1b-step3"].by == "data"


def test_visa_need_decides_which_items_show() -> None:
    assert visa_needs_from_status("Requires J-1 visa sponsorship (ECFMG)") == (("J-1",), True)
    assert visa_needs_from_status("H-1B or J-1") == (("J-1", "H-1B"), True)
    assert visa_needs_from_status("U.S. citizen") == ((), True)
    assert visa_needs_from_status("Permanent resident (green card)") == ((), True)
    assert visa_needs_from_status("") == ((), False)
    assert visa_needs_from_status("Will need visa sponsorship") == ((), False)
    citizen = _by_key(evaluate_checklist(inputs_from_cv(_cv("U.S. citizen"))))
    assert set(citizen) == COMMON
    unknown = _by_key(evaluate_checklist(inputs_from_cv(_cv(""))))
    assert set(unknown) == COMMON | J1 | H1B
    assert unknown["h1b-step3"].title == ("If you need an H-1B: USMLE Step 3 passed, before "
                                          "the H-1B petition")
    assert unknown["j1-evsp"].title.startswith("If you need a J-1: ")
    assert unknown["usmle-step1"].title == "USMLE Step 1 passed"


def test_season_dates_show_with_the_items_that_have_them() -> None:
    events = load_season(today=TODAY).events
    entries = _by_key(evaluate_checklist(ChecklistInputs(), events=events, today=TODAY))
    nrmp = entries["nrmp-registration"]
    assert "January 31" in nrmp.item.title and "late fee" in nrmp.item.title
    assert nrmp.detail == ("Tick it when done. By Sunday, January 31, 2027 (estimated; in 60 "
                           "days; source: NRMP Main Residency Match calendars (2024, 2025)).")
    assert "(not confirmed; in 91 days; source: NRMP FAQ)" in entries["usmle-step1"].detail
    late = _by_key(evaluate_checklist(ChecklistInputs(), events=events,
                                      today=dt.date(2027, 2, 2)))
    assert late["nrmp-registration"].detail.endswith("January 31, 2027, has passed.")
    done = _by_key(evaluate_checklist(ChecklistInputs(), {"nrmp-registration": True},
                                      events=events, today=TODAY))
    assert "2027" not in done["nrmp-registration"].detail


def test_old_tick_keys_survive_a_rename() -> None:
    entries = _by_key(evaluate_checklist(ChecklistInputs(), {"diploma-transcript": True}))
    assert entries["school-transcript"].done and entries["school-transcript"].by == "you"


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
    assert entries["letters"].detail == ("2 letters uploaded, 1 from U.S. physicians in the "
                                         "specialty; needs 1 more letter and 1 more from U.S. "
                                         "physicians in the specialty.")
    ticked = _by_key(evaluate_checklist(inputs, {"oet-medicine": True}))
    assert ticked["oet-medicine"].done and ticked["oet-medicine"].by == "you"


def test_no_target_and_no_letters() -> None:
    entries = _by_key(evaluate_checklist(ChecklistInputs()))
    assert entries["statements"].detail == "No target specialty set in your CV."
    assert entries["letters"].status == "todo"


def test_bad_checklist_file(tmp_path: Path) -> None:
    bad = tmp_path / "c.toml"
    base = "[[items]]\nkey='x'\ntitle='X'\nwhy='y'\nderive='manual'\nsource='s'\n"
    cases = {
        "section='kitchen'\n": "unknown section 'kitchen'",
        "section=''\n": "does not say where",
        "section='cv'\nkind='todo'\n": "unknown kind",
        "section='cv'\nvisa='F-1'\n": "unknown visa",
        f"section='cv'\n{base}section='cv'\n": "share the key",
    }
    for extra, message in cases.items():
        bad.write_text(base + extra, encoding="utf-8")
        with pytest.raises(UserError, match=message):
            load_checklist(bad)
    bad.write_text("[[items]]\nkey='x'\n", encoding="utf-8")
    with pytest.raises(UserError, match="lacks"):
        load_checklist(bad)


def test_the_workspace_inputs_follow_letter_states_and_the_program_list(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from workshop.core.letters.in_workspace import requests
    from workshop.core.letters.model import Status
    from workshop.core.programs.snapshot import checklist_inputs
    from workshop.core.services import init_workspace

    with init_workspace(tmp_path / "s.workshop", sample=True) as ws:
        found = checklist_inputs(ws)
        states = [r.status for r in requests(ws) if r.status is not Status.DECLINED]
        uploaded = sum(1 for s in states if s in (Status.UPLOADED, Status.ASSIGNED))
        assert found.letters_total == uploaded
        assert found.letters_pending == len(states) - uploaded
        # The sample's list has a Family Medicine program beside its Internal Medicine target.
        assert "Family Medicine" in found.target_specialties
        assert "Internal Medicine" in found.target_specialties
