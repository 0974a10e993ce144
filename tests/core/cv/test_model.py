from __future__ import annotations

import json
from typing import Any

import pytest

from workshop.core.cv.dates import PRESENT, MonthYear
from workshop.core.cv.model import CV, SCHEMA_VERSION, public_copy
from workshop.core.cv.store import load_cv, save_cv
from workshop.core.errors import UserError
from workshop.core.resources import resource


def _sample_dict() -> dict[str, Any]:
    with open(resource("sample", "cv.json"), encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def test_sample_is_labelled_and_rich(sample: CV) -> None:
    assert "SAMPLE" in sample.sample_notice and "fictional" in sample.sample_notice
    assert sample.personal.legal_name == "Yasmin Farouk El-Sayed"
    assert sample.personal.native_name == "ياسمين فاروق السيد"
    assert sample.education[0].degree == "MBBCh"
    assert sample.education[0].end == MonthYear(2021, 7)
    assert sample.ecfmg.status == "certified" and sample.ecfmg.date == MonthYear(2023, 2)
    step2 = next(e for e in sample.exams if e.kind == "usmle-step2ck")
    assert step2.score == 246
    assert len(sample.experience) >= 8
    assert any(e.us and e.clinical_type == "observership" for e in sample.experience)
    assert any(e.us and e.clinical_type == "externship" for e in sample.experience)
    assert all(p.doi.startswith("10.5555/sample") for p in sample.publications if p.doi)
    assert [lang.proficiency for lang in sample.languages] == ["native", "advanced", "fair"]
    assert {c.name.split("(")[-1] for c in sample.certifications} == {"ACLS)", "BLS)"}
    assert sample.gap_note(MonthYear(2021, 8), MonthYear(2022, 1))
    assert sample.personal.immigration.private


def test_sample_round_trips_exactly() -> None:
    data = _sample_dict()
    cv = CV.from_dict(data)
    assert cv.to_dict() == data
    assert CV.from_dict(cv.to_dict()) == cv


def test_private_block_left_out_unless_asked(sample: CV) -> None:
    public = sample.to_dict(include_private=False)["personal"]["immigration"]
    assert public["citizenship"] == "" and public["visa_status"] == ""
    assert "J-1" in sample.to_dict()["personal"]["immigration"]["visa_status"]
    assert public_copy(sample).personal.immigration.visa_status == ""
    sample.personal.immigration.private = False
    assert "J-1" in public_copy(sample).personal.immigration.visa_status


@pytest.mark.parametrize(
    ("mutate", "where", "words"),
    [
        (lambda d: d["experience"][3].__setitem__("start", "July"), "experience[3].start",
         "expected YYYY-MM"),
        (lambda d: d["experience"][0].__setitem__("clinical_type", "shadowing"),
         "experience[0].clinical_type", "expected one of"),
        (lambda d: d["exams"][0].__setitem__("score", "246"), "exams[0].score", "whole number"),
        (lambda d: d["exams"][0].__setitem__("score", True), "exams[0].score", "whole number"),
        (lambda d: d["personal"].__setitem__("links", {}), "personal.links", "expected a list"),
        (lambda d: d["experience"][1]["eras"].__setitem__("most_meaningful", "yes"),
         "experience[1].eras.most_meaningful", "true or false"),
        (lambda d: d["education"][0].__setitem__("colour", "red"), "education[0].colour",
         "unknown field"),
        (lambda d: d.__setitem__("personal", None), "personal", "got null"),
        (lambda d: d["publications"].__setitem__(0, "a string"), "publications[0]",
         "expected an object"),
        (lambda d: d["gap_notes"][0].__setitem__("end", "2022-00"), "gap_notes[0].end",
         "month 0"),
    ],
)
def test_validation_names_the_field_path(mutate: Any, where: str, words: str) -> None:
    data = _sample_dict()
    mutate(data)
    with pytest.raises(UserError) as info:
        CV.from_dict(data)
    assert info.value.where == where
    assert words in str(info.value)
    assert str(info.value).startswith(f"{where}: ")


def test_not_an_object_and_newer_version() -> None:
    with pytest.raises(UserError, match="expected an object"):
        CV.from_dict([1, 2])
    with pytest.raises(UserError, match="newer version"):
        CV.from_dict({"schema_version": SCHEMA_VERSION + 1})


def test_gap_note_set_and_clear() -> None:
    cv = CV()
    cv.set_gap_note(MonthYear(2020, 1), MonthYear(2020, 6), "Travel")
    cv.set_gap_note(MonthYear(2020, 1), MonthYear(2020, 6), "Family")
    assert cv.gap_note(MonthYear(2020, 1), MonthYear(2020, 6)) == "Family"
    assert len(cv.gap_notes) == 1
    cv.set_gap_note(MonthYear(2020, 1), MonthYear(2020, 6), "  ")
    assert cv.gap_notes == []


def test_ensure_ids_fills_only_blanks(sample: CV) -> None:
    before = [e.id for e in sample.experience]
    sample.experience[0].id = ""
    sample.ensure_ids()
    assert sample.experience[0].id.startswith("exp-") and sample.experience[0].id != before[0]
    assert [e.id for e in sample.experience[1:]] == before[1:]


def test_eras_defaults(sample: CV) -> None:
    entry = sample.experience[0]
    entry.eras.experience_type = None
    assert entry.eras_type == "education-training"
    assert entry.eras_description == entry.description
    entry.eras.description = "Short ERAS text"
    assert entry.eras_description == "Short ERAS text"
    entry.end = PRESENT
    assert CV.from_dict(sample.to_dict()).experience[0].end == PRESENT


def test_save_and_load_file(tmp_path: Any, sample: CV) -> None:
    path = save_cv(sample, tmp_path / "cv.json")
    assert load_cv(path) == sample
    bad = _sample_dict()
    bad["experience"][2]["end"] = "soon"
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_cv(tmp_path / "bad.json")
    assert info.value.where == "experience[2].end" and "bad.json" in info.value.hint
