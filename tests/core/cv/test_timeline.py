from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.core.cv.dates import PRESENT, MonthYear, month_from_index
from workshop.core.cv.model import CV, Education, Experience
from workshop.core.cv.timeline import find_gaps, find_overlaps

from .conftest import edu, exp, my

BASE = 2010 * 12


def test_sample_has_exactly_the_explained_gap(sample: CV) -> None:
    gaps = find_gaps(sample, my("2026-06"))
    assert [(g.start, g.end, g.months) for g in gaps] == [(my("2021-08"), my("2022-01"), 6)]
    assert gaps[0].key == "2021-08..2022-01"
    assert "USMLE Step 1" in gaps[0].explanation
    assert "Rotating Intern" in gaps[0].after and "House Officer" in gaps[0].before


def test_three_months_is_not_a_gap_four_is() -> None:
    cv = CV(experience=[exp("2020-01", "2020-06"), exp("2020-10", "2021-01")])
    assert find_gaps(cv) == []  # Jul, Aug, Sep uncovered: 3 months
    cv.experience[1].start = my("2020-11")
    assert [(g.start, g.end) for g in find_gaps(cv)] == [(my("2020-07"), my("2020-10"))]


def test_concurrent_entries_cover_each_other() -> None:
    cv = CV(education=[edu("2010-09", "2016-07")],
            experience=[exp("2016-01", "2018-01"), exp("2017-06", "2019-01"),
                        exp("2019-03", "present")])
    assert find_gaps(cv, my("2026-06")) == []


def test_trailing_gap_only_with_today() -> None:
    cv = CV(experience=[exp("2020-01", "2024-09")])
    assert find_gaps(cv) == []
    assert find_gaps(cv, my("2025-01")) == []  # Oct-Dec: 3 full months
    gaps = find_gaps(cv, my("2025-02"))
    assert [(g.start, g.end, g.before) for g in gaps] == [(my("2024-10"), my("2025-01"), "")]


def test_present_runs_to_today_and_missing_end_is_one_month() -> None:
    cv = CV(experience=[exp("2020-01", "present"), exp("2026-01", None)])
    assert find_gaps(cv, my("2026-06")) == []
    cv = CV(experience=[exp("2020-01", None), exp("2020-06", "2020-08")])
    assert [g.months for g in find_gaps(cv)] == [4]


def test_bare_year_counts_widest_and_undated_are_skipped() -> None:
    cv = CV(experience=[exp("2019", "2019"), exp("2020-03", "2020-05"), exp(None, None)])
    assert find_gaps(cv) == []


def test_explanation_follows_a_nudged_gap() -> None:
    cv = CV(experience=[exp("2020-01", "2020-06"), exp("2021-01", "2021-06")])
    cv.set_gap_note(my("2020-07"), my("2020-12"), "Caregiving")
    assert find_gaps(cv)[0].explanation == "Caregiving"
    cv.experience[1].start = my("2021-02")  # gap grows by a month: note still attached
    assert find_gaps(cv)[0].explanation == "Caregiving"
    cv.experience[1].start = my("2023-01")
    cv.experience.append(exp("2020-06", "2021-06"))  # old gap closed: new gap elsewhere
    assert find_gaps(cv)[0].explanation == ""


def test_overlaps_full_time_only_and_skip_school_rotations() -> None:
    cv = CV(
        education=[Education(institution="S", start=my("2014-09"), end=my("2021-07"))],
        experience=[
            exp("2020-08", "2021-07", full_time=True, title="Intern"),
            exp("2021-01", "2021-06", section="work", full_time=True, title="Job"),
            exp("2021-01", "2021-12", section="volunteer", full_time=False, title="Part"),
            exp("2021-07", "2022-01", section="research", full_time=True, title="Handover"),
        ],
    )
    found = {(o.first.label, o.second.label, o.months) for o in find_overlaps(cv)}
    # Intern vs school: expected; Job vs school and Job vs Intern: reported; part-time: never;
    # Intern and Handover share only the hand-over month 2021-07.
    assert found == {("S", "Job, Org", 6), ("Intern, Org", "Job, Org", 6)}


# -- property tests against a brute-force oracle ------------------------------------------------

entries = st.lists(
    st.tuples(st.integers(0, 120), st.integers(0, 30), st.booleans(),
              st.sampled_from(["clinical", "research", "work", "education"])),
    min_size=1, max_size=8,
)


def _build(spec: list[tuple[int, int, bool, str]]) -> CV:
    cv = CV()
    for first, length, full, kind in spec:
        start, end = month_from_index(BASE + first), month_from_index(BASE + first + length)
        if kind == "education":
            cv.education.append(Education(institution="E", start=start, end=end,
                                          full_time=full))
        else:
            cv.experience.append(Experience(section=kind, title="X", start=start, end=end,  # type: ignore[arg-type]
                                            full_time=full))
    return cv


def _oracle_gaps(spec: list[tuple[int, int, bool, str]], today: int | None) -> set[tuple[int, int]]:
    covered = {m for first, length, _, _ in spec for m in range(first, first + length + 1)}
    lo, hi = min(covered), max(covered)
    if today is not None:
        hi = max(hi, today - 1)
    runs, run_start = set(), None
    for m in range(lo, hi + 2):
        if m not in covered and m <= hi:
            run_start = m if run_start is None else run_start
        elif run_start is not None:
            if m - run_start > 3:
                runs.add((run_start, m - 1))
            run_start = None
    return runs


@settings(max_examples=300, deadline=None)
@given(entries, st.one_of(st.none(), st.integers(0, 170)))
def test_gap_reported_iff_no_entry_covers_over_three_months(
    spec: list[tuple[int, int, bool, str]], today: int | None,
) -> None:
    cv = _build(spec)
    today_my = month_from_index(BASE + today) if today is not None else None
    got = {(g.start.first_index() - BASE, g.end.first_index() - BASE)
           for g in find_gaps(cv, today_my)}
    assert got == _oracle_gaps(spec, today)
    for gap in find_gaps(cv, today_my):
        assert gap.months == gap.end.first_index() - gap.start.first_index() + 1 > 3


@settings(max_examples=300, deadline=None)
@given(entries)
def test_overlap_reported_iff_full_time_entries_share_over_a_month(
    spec: list[tuple[int, int, bool, str]],
) -> None:
    cv = _build(spec)
    ranges = [(f"education[{i}]", e.start, e.end, e.full_time, "education")
              for i, e in enumerate(cv.education)]
    ranges += [(f"experience[{i}]", e.start, e.end, e.full_time, e.section)
               for i, e in enumerate(cv.experience)]
    expected = set()
    for i, a in enumerate(ranges):
        for b in ranges[i + 1:]:
            if not (a[3] and b[3]) or {a[4], b[4]} == {"education", "clinical"}:
                continue
            shared = len(set(range(a[1].first_index(), a[2].first_index() + 1))
                         & set(range(b[1].first_index(), b[2].first_index() + 1)))
            if shared > 1:
                expected.add(frozenset((a[0], b[0])))
    got = {frozenset((o.first.where, o.second.where)) for o in find_overlaps(cv)}
    assert got == expected


def test_present_without_today_never_ends() -> None:
    cv = CV(experience=[Experience(start=MonthYear(2020, 1), end=PRESENT),
                        Experience(start=MonthYear(2030, 1), end=MonthYear(2030, 2))])
    assert find_gaps(cv) == []
