from __future__ import annotations

from workshop.core.cv.dates import PRESENT
from workshop.core.cv.model import CV, Award, Publication
from workshop.core.cv.ordering import first_out_of_order, sort_cv, sort_reverse_chronological

from .conftest import exp, my


def test_newest_first_present_on_top_undated_last() -> None:
    a, b, c, d = (exp("2018-01", "2019-01"), exp("2020-01", "present"),
                  exp("2019-05", "2021-01"), exp(None, None))
    assert sort_reverse_chronological([a, d, b, c]) == [b, c, a, d]
    assert first_out_of_order([a, b]) == 1 and first_out_of_order([b, c, a, d]) is None


def test_ties_keep_user_order() -> None:
    a, b = exp("2020-01", "2020-06", title="A"), exp("2020-01", "2020-06", title="B")
    assert sort_reverse_chronological([a, b]) == [a, b]
    assert sort_reverse_chronological([b, a]) == [b, a]


def test_sort_cv_keeps_sections_and_reports_changes(sample: CV) -> None:
    assert sort_cv(sample) == []
    sample.experience.reverse()
    sample.publications.append(Publication(title="Old", year=2001))
    sample.publications.insert(0, Publication(title="Old2", year=2000))
    sample.awards.append(Award(title="New", date=my("2025-01")))
    changed = sort_cv(sample)
    assert changed == ["experience", "publications", "awards"]
    sections = [e.section for e in sample.experience]
    assert sections == sorted(sections, key=sections.index)  # grouped
    assert sample.in_section("clinical")[0].title.startswith("Extern")
    # undated (submitted) last, then oldest dated
    assert [p.title for p in sample.publications[-2:]] == ["Old2", sample.publications[-1].title]
    assert sample.publications[-1].status == "submitted"
    assert sample.awards[0].title == "New"
    assert sort_cv(sample) == []


def test_ongoing_beats_ended_in_same_section() -> None:
    cv = CV(experience=[exp("2023-01", "2023-06"), exp("2020-01", "present")])
    sort_cv(cv)
    assert cv.experience[0].end == PRESENT
