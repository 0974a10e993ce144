"""The applicant's profile: one truth with the CV's personal section, read by every export."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from workshop.core.changes import NOTHING, Changes
from workshop.core.cv.in_workspace import (
    cv_document,
    cv_json,
    load_workspace_cv,
    save_workspace_cv,
)
from workshop.core.cv.model import CV, Personal
from workshop.core.errors import UserError
from workshop.core.model.documents import DocumentKind
from workshop.core.model.profile import SHARED_WITH_CV, Profile
from workshop.core.profile_service import (
    ProfileInvalid,
    load_profile,
    profile_problems,
    reconcile,
    save_profile,
)
from workshop.core.resources import resource
from workshop.core.services import init_workspace
from workshop.core.statements import statement_pdf_document
from workshop.core.storage.workspace import Workspace, open_workspace

ARABIC = "ياسمين فاروق السيد"
BENGALI = "রাহুল চৌধুরী"
MINE = Profile(full_name="Rahul Chowdhury", native_name=BENGALI, preferred_name="Rahul",
               email="rahul.c@example.com", phone="+880 1712-345678", city="Dhaka",
               country="Bangladesh", medical_school="Dhaka Medical College",
               graduation="2022-01", target_specialty="Family Medicine")


@pytest.fixture
def ws(ws_path: Path):  # type: ignore[no-untyped-def]
    workspace = init_workspace(ws_path)
    yield workspace
    if not workspace.closed:
        workspace.close()


def _write_cv_behind_the_profile(ws: Workspace, cv: CV) -> None:
    """A CV stored the way a workspace from before the shared profile has it (no sync)."""
    doc = cv_document(ws)
    if doc is None:
        ws.documents.create(DocumentKind.CV, "CV", cv_json(cv))
    else:
        ws.documents.save_working_copy(doc.id, cv_json(cv))


# -- saving and loading -----------------------------------------------------------------------
def test_round_trip_keeps_unicode_and_trims(ws: Workspace) -> None:
    typed = replace(MINE, full_name="  Rahul   Chowdhury ", native_name=f" {BENGALI}\t")
    changes = save_profile(ws, typed)
    assert changes == Changes(profile=True)  # no CV yet: nothing to mirror
    assert load_profile(ws) == MINE
    assert save_profile(ws, MINE) is NOTHING  # the same again writes nothing


def test_arabic_native_name_and_accented_latin_name_are_accepted(ws: Workspace) -> None:
    save_profile(ws, Profile(full_name="Yasmin Farouk El-Sayed Ñúñez", native_name=ARABIC))
    assert load_profile(ws).native_name == ARABIC
    assert load_profile(ws).full_name == "Yasmin Farouk El-Sayed Ñúñez"


def test_saving_keeps_the_sample_mark(ws_path: Path) -> None:
    with init_workspace(ws_path, sample=True) as ws:
        save_profile(ws, replace(load_profile(ws), full_name="Someone Else", is_sample=False))
        assert load_profile(ws).is_sample
        assert load_profile(ws).full_name == "Someone Else"


# -- validation -------------------------------------------------------------------------------
def test_a_name_in_arabic_script_as_passport_name_is_refused_with_a_hint(ws: Workspace) -> None:
    with pytest.raises(UserError) as caught:
        save_profile(ws, Profile(full_name=ARABIC))
    error = caught.value
    assert isinstance(error, ProfileInvalid)
    assert error.where == "full_name"
    assert "Latin" in error.message and "native script" in error.hint
    assert load_profile(ws).full_name == ""  # nothing written


def test_every_problem_is_named_by_field(ws: Workspace) -> None:
    problems = profile_problems(Profile(email="rahul@", graduation="2022-??"))
    assert [p.field for p in problems] == ["full_name", "email", "graduation"]
    assert all(p.hint for p in problems)
    with pytest.raises(ProfileInvalid) as caught:
        save_profile(ws, Profile(email="rahul@", graduation="2022-??"))
    assert len(caught.value.problems) == 3
    assert load_profile(ws).email == ""


@pytest.mark.parametrize("email", ["a@b.co", "first.last+eras@mail.example.org"])
def test_plausible_emails_pass(email: str) -> None:
    assert profile_problems(Profile(full_name="A B", email=email)) == []


@pytest.mark.parametrize("email", ["name", "name@host", "a b@c.de", "@example.com", "a@.com"])
def test_broken_emails_fail(email: str) -> None:
    assert [p.field for p in profile_problems(Profile(full_name="A B", email=email))] == ["email"]


def test_an_empty_profile_may_be_saved_and_phone_is_free_text(ws: Workspace) -> None:
    assert profile_problems(Profile()) == []
    assert profile_problems(Profile(full_name="A B", phone="ext. 12 (evenings)")) == []
    assert [p.field for p in profile_problems(Profile(full_name="A B", graduation="2022-13"))] \
        == ["graduation"]


def test_a_read_only_workspace_refuses_to_save(ws_path: Path) -> None:
    init_workspace(ws_path).close()
    with open_workspace(ws_path, read_only=True) as ro:
        with pytest.raises(UserError, match="read-only"):
            save_profile(ro, MINE)
        assert reconcile(ro) is NOTHING


# -- one truth with the CV -------------------------------------------------------------------
def test_saving_the_profile_mirrors_into_the_cv(ws: Workspace) -> None:
    save_workspace_cv(ws, CV(personal=Personal(headline="IMG", region="Dhaka Division")))
    changes = save_profile(ws, MINE)
    assert changes == Changes(profile=True, cv=True)
    person = load_workspace_cv(ws).personal
    assert person.legal_name == "Rahul Chowdhury" and person.native_name == BENGALI
    assert (person.preferred_name, person.email, person.phone, person.city, person.country) == (
        "Rahul", "rahul.c@example.com", "+880 1712-345678", "Dhaka", "Bangladesh")
    assert person.headline == "IMG" and person.region == "Dhaka Division"  # CV-only: kept


def test_saving_the_cv_updates_the_profile_even_clearing_a_field(ws: Workspace) -> None:
    save_profile(ws, MINE)
    cv = CV()
    cv.personal.legal_name, cv.personal.native_name = "Rahul K. Chowdhury", BENGALI
    cv.personal.phone = ""
    save_workspace_cv(ws, cv)
    profile = load_profile(ws)
    assert profile.full_name == "Rahul K. Chowdhury" and profile.phone == ""
    assert profile.medical_school == "Dhaka Medical College"  # profile-only: kept
    assert profile.target_specialty == "Family Medicine"


def test_the_shared_fields_exist_on_both_sides() -> None:
    names = set(Profile.field_names())
    personal = set(Personal.__dataclass_fields__)
    assert set(SHARED_WITH_CV) <= names and set(SHARED_WITH_CV.values()) <= personal


def test_a_damaged_cv_does_not_block_the_name(ws: Workspace) -> None:
    ws.documents.create(DocumentKind.CV, "CV", "{not json")
    assert save_profile(ws, MINE) == Changes(profile=True)
    assert load_profile(ws).full_name == "Rahul Chowdhury"
    assert reconcile(ws) is NOTHING


# -- reconciling an older workspace ---------------------------------------------------------
def test_reconcile_fills_blanks_both_ways_and_the_cv_wins_a_conflict(ws: Workspace) -> None:
    ws.profile.update(full_name="Rahul Chowdhury", email="old@example.com", city="Dhaka")
    _write_cv_behind_the_profile(ws, CV(personal=Personal(
        legal_name="", email="new@example.com", phone="+1 312 555 0100", city="Dhaka")))
    assert reconcile(ws) == Changes(profile=True, cv=True)
    profile, person = load_profile(ws), load_workspace_cv(ws).personal
    assert person.legal_name == profile.full_name == "Rahul Chowdhury"   # CV was empty
    assert profile.email == person.email == "new@example.com"            # both filled: CV
    assert profile.phone == person.phone == "+1 312 555 0100"            # profile was empty
    assert reconcile(ws) is NOTHING                                      # once


def test_reconcile_without_cv_does_nothing(ws: Workspace) -> None:
    ws.profile.update(full_name="Rahul Chowdhury")
    assert reconcile(ws) is NOTHING


# -- the sample ------------------------------------------------------------------------------
def test_sample_files_agree_on_name_and_contact() -> None:
    profile = json.loads(resource("sample", "applicant.json").read_text("utf-8"))["profile"]
    personal = json.loads(resource("sample", "cv.json").read_text("utf-8"))["personal"]
    for name, cv_name in SHARED_WITH_CV.items():
        assert profile[name] == personal[cv_name], name


def test_workshop_init_sample_yields_an_agreeing_profile_and_cv(tmp_path: Path) -> None:
    path = tmp_path / "s.workshop"
    done = subprocess.run([sys.executable, "-m", "workshop", "init", str(path), "--sample"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with open_workspace(path) as ws:
        profile, person = load_profile(ws), load_workspace_cv(ws).personal
        assert profile.phone == person.phone == "+1 (312) 555-0142"
        for name, cv_name in SHARED_WITH_CV.items():
            assert getattr(profile, name) == getattr(person, cv_name), name
        assert reconcile(ws) is NOTHING


# -- exports read the one truth ----------------------------------------------------------------
def test_a_statement_export_carries_the_saved_name(ws: Workspace) -> None:
    doc = ws.documents.create(DocumentKind.PERSONAL_STATEMENT, "IM", "I want to train here.\n")
    assert statement_pdf_document(ws, doc).author == ""
    save_profile(ws, MINE)
    described = statement_pdf_document(ws, doc)
    assert described.author == described.header_name == "Rahul Chowdhury"
    masthead = described.parts[0].masthead
    assert masthead is not None and masthead.native_name == BENGALI
