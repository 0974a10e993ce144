from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.core.cv.dates import PRESENT, MonthYear, month_from_index
from workshop.core.cv.jsonresume import (
    cv_from_json_resume,
    export_json_resume,
    export_json_resume_report,
    import_json_resume,
    write_json_resume,
)
from workshop.core.cv.jsonresume.schema import validate
from workshop.core.cv.model import CV, Experience
from workshop.core.errors import UserError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "jsonresume"


def test_sample_export_is_valid_and_private_free(sample: CV) -> None:
    doc, notes = export_json_resume_report(sample)
    assert validate(doc) == []
    text = json.dumps(doc, ensure_ascii=False)
    assert "J-1" not in text and "visa" not in text.lower()
    assert any("private" in n for n in notes)
    assert doc["basics"]["name"] == "Yasmin Farouk El-Sayed"
    names = [c["name"] for c in doc["certificates"]]
    assert names[:4] == ["ECFMG Certification", "USMLE Step 2 CK: 246 (Pass)", "OET Medicine: Pass",
                         "USMLE Step 1: Pass"]
    assert doc["publications"][0]["url"] == "https://doi.org/10.5555/sample.2024.001"
    assert {p["type"] for p in doc["projects"]} == {"poster", "oral presentation"}
    assert len(doc["work"]) + len(doc["volunteer"]) == len(sample.experience)
    assert "endDate" not in doc["volunteer"][0]  # ongoing


def test_json_resume_round_trip_is_stable(sample: CV) -> None:
    doc = export_json_resume(sample)
    again, _ = cv_from_json_resume(doc)
    assert export_json_resume(again) == doc


def test_cv_round_trip_keeps_every_mapped_field(sample: CV) -> None:
    back, _ = cv_from_json_resume(export_json_resume(sample))
    p, q = sample.personal, back.personal
    assert (q.legal_name, q.headline, q.email, q.phone, q.city, q.region, q.country) == (
        p.legal_name, p.headline, p.email, p.phone, p.city, p.region, p.country)
    assert [(link.label, link.url) for link in q.links] == [(k.label, k.url) for k in p.links]
    assert back.summary == sample.summary

    def exp_key(e: Experience) -> tuple[Any, ...]:
        return (e.section, e.title, e.organization, e.start, e.end, e.description,
                tuple(e.highlights))

    assert sorted(map(exp_key, back.experience), key=str) == sorted(
        map(exp_key, sample.experience), key=str)
    for a, b in zip(sample.in_section("clinical"), back.in_section("clinical"), strict=True):
        assert (b.city, b.region, b.country, b.us, b.setting, b.clinical_type) == (
            a.city, a.region, a.country, a.us, a.setting, a.clinical_type)
    for a, b in zip(sample.education, back.education, strict=True):
        assert (b.institution, b.degree, b.field_of_study, b.start, b.end, b.honors, b.kind) == (
            a.institution, a.degree, a.field_of_study, a.start, a.end, a.honors, a.kind)
    assert back.ecfmg.status == "certified" and back.ecfmg.date == sample.ecfmg.date
    assert [(e.kind, e.date, e.result, e.score) for e in back.exams] == [
        (e.kind, e.date, e.result, e.score) for e in sample.exams]
    pub_fields = ("title", "journal", "year", "doi", "pmid", "authors", "volume", "issue",
                  "pages", "status")
    for a, b in zip(sample.publications, back.publications, strict=True):
        assert [getattr(b, f) for f in pub_fields] == [getattr(a, f) for f in pub_fields]
    strip = ("id",)
    for a, b in zip(sample.presentations, back.presentations, strict=True):
        assert {k: v for k, v in vars(b).items() if k not in strip} == {
            k: v for k, v in vars(a).items() if k not in strip}
    assert [(x.title, x.awarder, x.date, x.description) for x in back.awards] == [
        (x.title, x.awarder, x.date, x.description) for x in sample.awards]
    assert [(c.name, c.issuer, c.date) for c in back.certifications] == [
        (c.name, c.issuer, c.date) for c in sample.certifications]
    assert back.languages == sample.languages
    assert back.skills == sample.skills and back.hobbies == sample.hobbies


def test_generic_resume_maps_and_reports() -> None:
    cv, notes = import_json_resume(FIXTURES / "generic.json")
    text = "\n".join(notes)
    for expected in ("basics.image", "photos", "basics.location.address", "work[2].url",
                     "education[0].courses", "x-custom", "publications[1].summary",
                     "languages[2].fluency", "projects[1].keywords", "projects[1].roles"):
        assert expected in text, expected
    assert "meta" not in text
    sub, officer, analyst, volunteer = cv.experience
    assert (sub.section, sub.clinical_type, sub.us) == ("clinical", "sub-internship", True)
    assert sub.start == MonthYear(2024, 1) and sub.end == MonthYear(2024, 2)
    assert (officer.clinical_type, officer.end, officer.country) == (
        "residency-abroad", PRESENT, "India")
    assert analyst.section == "work" and analyst.start == MonthYear(2019)
    assert volunteer.section == "volunteer"
    assert [e.kind for e in cv.education] == ["medical-school", "university"]
    assert [(e.kind, e.result, e.score) for e in cv.exams] == [
        ("usmle-step1", "pass", None), ("usmle-step2ck", "", 251)]
    assert cv.ecfmg.status == "certified" and cv.ecfmg.date == MonthYear(2023, 4)
    assert [c.name for c in cv.certifications] == ["Basic Life Support (BLS)"]
    pub1, pub2 = cv.publications
    assert (pub1.doi, pub1.authors, pub1.volume, pub1.issue, pub1.pages, pub1.year) == (
        "10.5555/sample.2022.010", ["Kumar RS", "Doe J"], "4", "2", "10-12", 2022)
    assert pub2.pmid == "12345678"
    assert [lang.proficiency for lang in cv.languages] == ["native", "advanced", "fair"]
    (poster,) = cv.presentations
    assert (poster.kind, poster.event, poster.location) == ("poster", "Sample Meeting",
                                                            "Dallas, TX")
    titles = {s.title: s for s in cv.custom_sections}
    assert titles["References"].items[0].title.startswith("Dr. Ananya Iyer")
    assert titles["Projects"].items[0].subtitle == "Self, Maintainer"
    assert all(e.id for e in cv.experience)
    assert CV.from_dict(cv.to_dict()) == cv


def test_generic_round_trip_keeps_mapped_fields() -> None:
    doc = json.loads((FIXTURES / "generic.json").read_text(encoding="utf-8"))
    cv, _ = cv_from_json_resume(doc)
    out = export_json_resume(cv)
    assert out["basics"]["url"] == doc["basics"]["url"]
    assert out["basics"]["profiles"][0]["url"] == doc["basics"]["profiles"][0]["url"]
    for a, b in zip(doc["work"], out["work"], strict=True):
        for key in ("name", "position", "location", "description", "summary", "highlights"):
            assert a.get(key, "" if key != "highlights" else []) == b.get(
                key, "" if key != "highlights" else []), key
        assert b["startDate"] == a["startDate"][:7]
        assert b.get("endDate") == (a["endDate"][:7] if "endDate" in a else None)
    assert out["references"] == doc["references"]
    assert out["interests"] == doc["interests"]
    assert out["awards"] == doc["awards"]
    assert [c["name"] for c in out["certificates"]] == [
        "ECFMG Certification", "USMLE Step 1: Pass", "USMLE Step 2 CK: 251",
        "Basic Life Support (BLS)"]


safe_text = st.text(alphabet=st.characters(whitelist_categories=("L", "N"),
                                           whitelist_characters=" .-'"), max_size=30).map(
    str.strip)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(safe_text, safe_text, safe_text, safe_text,
                          st.integers(0, 200), st.integers(0, 40), st.booleans()),
                max_size=6))
def test_random_work_entries_survive_export_import(
    rows: list[tuple[str, str, str, str, int, int, bool]],
) -> None:
    cv = CV()
    for title, org, city, text, first, length, ongoing in rows:
        start = month_from_index(2000 * 12 + first)
        end = PRESENT if ongoing else month_from_index(2000 * 12 + first + length)
        cv.experience.append(Experience(section="work", title=title, organization=org,
                                        city=city, start=start, end=end, description=text))
    doc = export_json_resume(cv)
    assert validate(doc) == []
    back, _ = cv_from_json_resume(json.loads(json.dumps(doc)))
    assert [(e.organization, e.city, e.start, e.end, e.description) for e in back.experience] \
        == [(e.organization, e.city, e.start, e.end, e.description) for e in cv.experience]
    assert [e.title for e in back.experience] == [e.title for e in cv.experience]


@pytest.mark.parametrize(
    ("name", "where", "words"),
    [
        ("bad_date.json", "work[1].startDate", "expected a date"),
        ("bad_type.json", "skills[0].keywords", "expected a list of text"),
        ("bad_month.json", "education[0].endDate", "month 13"),
        ("not_object.json", "not_object.json", "one JSON object"),
    ],
)
def test_invalid_files_name_the_field(name: str, where: str, words: str) -> None:
    with pytest.raises(UserError) as info:
        import_json_resume(FIXTURES / name)
    assert info.value.where == where and words in info.value.message
    assert name in info.value.hint


@pytest.mark.parametrize(
    ("doc", "where"),
    [
        ({"basics": []}, "basics"),
        ({"basics": {"profiles": [{"url": 5}]}}, "basics.profiles[0].url"),
        ({"work": {}}, "work"),
        ({"work": ["x"]}, "work[0]"),
        ({"languages": [{"language": None, "fluency": 3}]}, "languages[0].fluency"),
        ({"interests": [{"keywords": ["a", 1]}]}, "interests[0].keywords[1]"),
    ],
)
def test_schema_errors_name_the_path(doc: dict[str, Any], where: str) -> None:
    with pytest.raises(UserError) as info:
        cv_from_json_resume(doc)
    assert info.value.where == where


def test_broken_json_and_encoding(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="line 2"):
        import_json_resume(FIXTURES / "truncated.json")
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"basics": {"name": "José"}}'.encode("latin-1"))
    with pytest.raises(UserError, match="not valid UTF-8"):
        import_json_resume(bad)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + '{"basics": {"name": "José"}}'.encode())
    assert import_json_resume(bom)[0].personal.legal_name == "José"


def test_write_json_resume_atomically(tmp_path: Path, sample: CV) -> None:
    target = tmp_path / "out" / "resume.json"
    notes = write_json_resume(sample, target)
    assert notes and json.loads(target.read_text(encoding="utf-8")) == export_json_resume(sample)
    cv, _ = import_json_resume(target)
    assert cv.personal.legal_name == sample.personal.legal_name
