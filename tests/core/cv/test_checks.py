from __future__ import annotations

import datetime as dt

import pytest

from workshop.core.checks.finding import CATEGORIES, SEVERITIES, Finding
from workshop.core.cv.checks import check_cv, checkable_texts
from workshop.core.cv.dates import PRESENT, MonthYear
from workshop.core.cv.model import CV, Certification, Education, Exam, Publication

from .conftest import TODAY, edu, exp, my


def rules(cv: CV, today: dt.date = TODAY) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for finding in check_cv(cv, today):
        out.setdefault(finding.rule, []).append(finding)
    return out


def test_sample_is_clean_but_for_its_explained_gap(sample: CV) -> None:
    findings = check_cv(sample, TODAY)
    assert [(f.rule, f.severity) for f in findings] == [("cv.gap", "advice")]
    f = findings[0]
    assert isinstance(f, Finding) and f.category in CATEGORIES and f.severity in SEVERITIES
    assert f.source.startswith("FACTS.md") and f.where == "gap_notes[2021-08..2022-01]"
    assert f.engine == "cv-rules" and f.key == "cv.gap|2021-08..2022-01"


def test_unexplained_gap_is_a_warning_that_says_why(sample: CV) -> None:
    sample.gap_notes.clear()
    (gap,) = rules(sample)["cv.gap"]
    assert gap.severity == "warning"
    assert "6-month gap (Aug 2021 \u2013 Jan 2022)" in gap.message
    assert "explanation" in gap.message


def test_trailing_gap_uses_injected_today() -> None:
    cv = CV(experience=[exp("2020-01", "2024-01")])
    assert "cv.gap" in rules(cv, dt.date(2026, 6, 1))
    assert "cv.gap" not in rules(cv, dt.date(2024, 3, 1))


def test_overlap_fires_and_not() -> None:
    cv = CV(experience=[exp("2022-01", "2022-12", full_time=True),
                        exp("2022-06", "2023-06", full_time=True, section="work")])
    assert rules(cv)["cv.overlap"][0].where == "experience[1]"
    cv.experience[1].full_time = False
    assert "cv.overlap" not in rules(cv)


def test_end_before_start() -> None:
    cv = CV(experience=[exp("2022-05", "2022-01")])
    (f,) = rules(cv)["cv.end-before-start"]
    assert f.severity == "error" and f.where == "experience[0].end"
    cv.experience[0].end = PRESENT
    assert "cv.end-before-start" not in rules(cv)


def test_future_dates() -> None:
    cv = CV(experience=[exp("2026-09", "2026-12")],
            exams=[Exam(kind="usmle-step1", date=my("2027-01"), result="pass")],
            publications=[Publication(title="T", year=2027)])
    found = {f.where for f in rules(cv)["cv.future-date"]}
    assert found == {"experience[0].start", "experience[0].end", "exams[0].date",
                     "publications[0].year"}
    cv = CV(experience=[exp("2026-06", "present")],
            publications=[Publication(title="T", year=2026)])
    assert "cv.future-date" not in rules(cv)


def test_missing_dates_and_months() -> None:
    cv = CV(education=[edu("2014", "2020-07")],
            experience=[exp(None, "2022-01"), exp("2022-02", None)],
            exams=[Exam(kind="usmle-step1", date=None)])
    found = rules(cv)
    assert {(f.where, f.severity) for f in found["cv.missing-date"]} == {
        ("experience[0].start", "error"), ("experience[1].end", "warning"),
        ("exams[0].date", "warning"),
    }
    assert [f.where for f in found["cv.missing-month"]] == ["education[0].start"]
    ok = CV(education=[edu("2014-09", "2020-07")], experience=[exp("2022-02", "present")])
    assert not {"cv.missing-date", "cv.missing-month"} & set(rules(ok))


def test_order_fires_per_section_and_not_across_sections() -> None:
    cv = CV(experience=[exp("2019-01", "2019-06"), exp("2020-01", "2020-06"),
                        exp("2018-01", "2018-06", section="research")])
    (f,) = rules(cv)["cv.order"]
    assert f.where == "experience[1]" and "Clinical Experience" in f.message
    cv.experience[0], cv.experience[1] = cv.experience[1], cv.experience[0]
    assert "cv.order" not in rules(cv)


def test_eras_limits(sample: CV) -> None:
    sample.experience[7].eras.include = True  # 11 included
    sample.experience[1].eras.most_meaningful = True  # 4 most meaningful, no reflection
    sample.experience[0].description = "x" * 751
    sample.experience[2].eras.reflection = "y" * 301
    found = rules(sample)
    assert found["eras.max-experiences"][0].severity == "error"
    assert "11 experiences" in found["eras.max-experiences"][0].message
    assert found["eras.max-most-meaningful"][0].where.startswith("experience[")
    assert found["eras.description-length"][0].where == "experience[0].description"
    assert "751" in found["eras.description-length"][0].message
    assert found["eras.reflection-length"][0].where == "experience[2].eras.reflection"
    assert found["eras.reflection-missing"][0].where == "experience[1].eras.reflection"


def test_eras_limits_at_the_boundary_do_not_fire(sample: CV) -> None:
    sample.experience[0].description = "x" * 750
    sample.experience[2].eras.reflection = "y" * 300
    found = rules(sample)
    assert not {"eras.max-experiences", "eras.max-most-meaningful",
                "eras.description-length", "eras.reflection-length"} & set(found)


def test_eras_description_override_is_what_counts(sample: CV) -> None:
    sample.experience[0].description = "x" * 900
    sample.experience[0].eras.description = "short"
    assert "eras.description-length" not in rules(sample)
    sample.experience[0].eras.include = False
    sample.experience[0].eras.description = "z" * 900
    assert "eras.description-length" not in rules(sample)


def test_years_since_graduation() -> None:
    cv = CV(education=[edu("2010-09", "2021-05")])
    assert "cv.years-since-graduation" in rules(cv, dt.date(2026, 6, 1))
    assert "cv.years-since-graduation" not in rules(cv, dt.date(2026, 5, 1))
    cv.education[0] = Education(kind="university", start=my("2005-09"), end=my("2009-06"))
    assert "cv.years-since-graduation" not in rules(cv, dt.date(2026, 6, 1))


@pytest.mark.parametrize(
    ("exam", "severity"),
    [
        (Exam(kind="usmle-step2cs", date=my("2022-05")), "warning"),
        (Exam(kind="other", name="USMLE Step 2 Clinical Skills", date=my("2020-01")), "warning"),
        (Exam(kind="usmle-step2cs", date=my("2019-05"), result="pass"), "advice"),
    ],
)
def test_outdated_step2_cs(exam: Exam, severity: str) -> None:
    (f,) = rules(CV(exams=[exam]))["cv.outdated-exam"]
    assert f.severity == severity and "2021" in f.message and f.source.endswith("2021)")


def test_step2_cs_in_text_but_not_clinical_skills() -> None:
    cv = CV(experience=[exp("2022-01", "2022-05", description="Prepared for Step 2 CS.")])
    assert rules(cv)["cv.outdated-exam"][0].where == "experience[0].description"
    cv.experience[0].description = "Improved my clinical skills and passed Step 2 CK."
    assert "cv.outdated-exam" not in rules(cv)


def test_expired_certification() -> None:
    cv = CV(certifications=[Certification(name="BLS", date=my("2023-01"),
                                          expires=my("2025-01"))])
    assert rules(cv)["cv.certification-expired"][0].where == "certifications[0].expires"
    cv.certifications[0].expires = my("2027-01")
    assert "cv.certification-expired" not in rules(cv)


def test_findings_sorted_by_severity_and_today_forms() -> None:
    cv = CV(experience=[exp("2022-05", "2022-01"), exp("2019", "2019-02")])
    findings = check_cv(cv, MonthYear(2026, 6))
    ranks = [f.severity_rank for f in findings]
    assert ranks == sorted(ranks) and ranks[0] == 0
    with pytest.raises(ValueError):
        check_cv(cv, PRESENT)


def test_checkable_texts_lists_prose_with_paths(sample: CV) -> None:
    paths = dict(checkable_texts(sample))
    assert "summary" in paths and "experience[0].eras.reflection" in paths
    assert "experience[0].highlights[1]" in paths
    assert any(p.startswith("gap_notes[") for p in paths)
