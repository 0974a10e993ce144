from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.cv.store import sample_cv
from workshop.core.programs.fit import (
    ApplicantProfile,
    assess_fit,
    label_rank,
    mix_chart,
    mix_summary,
    profile_from_cv,
)
from workshop.core.programs.model import Program

TODAY = dt.date(2026, 9, 1)
YASMIN = ApplicantProfile(step2ck=246, attempts=1, graduation_year=2021, usce_months=6,
                          usce_last_year=2024, needs_visa="J-1",
                          specialties=frozenset({"Internal Medicine"}))


def _texts(program: Program, profile: ApplicantProfile = YASMIN) -> list[str]:
    return [r.text for r in assess_fit(program, profile, TODAY).reasons]


def test_profile_from_sample_cv() -> None:
    profile = profile_from_cv(sample_cv(), TODAY)
    assert dataclasses.replace(profile, divisions=frozenset()) == YASMIN


def test_each_blocker_is_explained() -> None:
    p = Program(name="X (SAMPLE)", min_step2ck=240, visa_sponsorship=frozenset({"H-1B"}),
                grad_year_min=2022, usce_months_required=12, attempts_accepted=1)
    low = dataclasses.replace(YASMIN, step2ck=238, attempts=2)
    result = assess_fit(p, low, TODAY)
    assert result.label == "not eligible"
    assert result.blockers == [
        "You need a J-1 visa; the program sponsors only H-1B.",
        "You graduated in 2021, before the program's cutoff year 2022.",
        "You needed 2 attempts on a USMLE Step; the program accepts at most 1.",
        "You have 6 months of U.S. clinical experience; the program asks for 12 months.",
        "Step 2 CK 238 is under the stated minimum 240.",
    ]


def test_recency_and_within_years() -> None:
    p = Program(name="X (SAMPLE)", usce_months_required=3, usce_within_years=1,
                grad_within_years=3)
    texts = _texts(p)
    assert "Your most recent U.S. clinical experience is from 2024; the program asks for " \
           "experience within 1 year of 2027-07-01." in texts
    assert "You graduated in 2021, 6 years before training starts; the program asks for " \
           "graduation within 3 years (counted to the July 1, 2027 training start)." in texts


def test_soft_factors_pick_the_label() -> None:
    base = dict(name="X (SAMPLE)", specialty="Internal Medicine",
                visa_sponsorship=frozenset({"J-1"}), grad_within_years=7,
                usce_months_required=3)
    strong = assess_fit(Program(**base, min_step2ck=220, img_share=62), YASMIN, TODAY)
    target = assess_fit(Program(**base, min_step2ck=238, img_share=25), YASMIN, TODAY)
    reach = assess_fit(Program(name="X (SAMPLE)", specialty="Family Medicine",
                               visa_sponsorship=frozenset({"J-1"}), min_step2ck=244,
                               img_share=5), YASMIN, TODAY)
    assert (strong.label, target.label, reach.label) == ("strong fit", "target", "reach")
    assert strong.missing == [] and strong.known == ["visa", "graduation", "usce", "score"]
    assert "Step 2 CK 246 is 26 above the stated minimum 220 (a comfortable margin of 15 or " \
           "more)." in [r.text for r in strong.reasons]
    assert "Only 5% of residents are IMGs (under 10%)." in [r.text for r in reach.reasons]
    assert "No U.S. clinical experience in Family Medicine in your CV." in [
        r.text for r in reach.reasons]


def test_unknowns_are_listed_not_guessed() -> None:
    texts = _texts(Program(name="Bare (SAMPLE)"))
    assert "Visa sponsorship is not recorded; check that the program sponsors the J-1 visa " \
           "you need." in texts
    assert "No minimum Step 2 CK score published, and no median of matched residents " \
           "recorded (Residency Explorer has one)." in texts
    assert "Share of IMGs not recorded (residents, interviewed or matched)." in texts
    result = assess_fit(Program(name="Bare (SAMPLE)"), YASMIN, TODAY)
    assert result.label == "not enough info"  # never "target" on no evidence
    assert result.known == [] and result.missing == ["visa", "graduation", "usce", "score"]
    assert texts[-1].startswith("Not enough information for a label: only 0 of 4")


def test_override_is_kept_and_shown() -> None:
    p = Program(name="X (SAMPLE)", min_step2ck=250, fit_override="reach",
                fit_override_reason="mentor will call")
    result = assess_fit(p, YASMIN, TODAY)
    assert result.label == "reach" and result.computed == "not eligible"
    assert result.describe() == "reach (your label; computed: not eligible)"
    assert result.override_reason == "mentor will call"


def test_mix_warnings() -> None:
    reach = assess_fit(Program(name="R (SAMPLE)", specialty="Surgery", img_share=2,
                               visa_sponsorship=frozenset({"J-1"}), min_step2ck=230),
                       YASMIN, TODAY)
    bad = assess_fit(Program(name="N (SAMPLE)", visa_sponsorship=frozenset()), YASMIN, TODAY)
    bare = assess_fit(Program(name="B (SAMPLE)"), YASMIN, TODAY)
    summary = mix_summary([reach] * 5 + [bad] * 2 + [bare])
    assert summary.counts == {"not eligible": 2, "not enough info": 1, "reach": 5, "target": 0,
                              "strong fit": 0}
    assert len(summary.warnings) == 4
    assert summary.warnings[0].startswith("1 of 8 programs have too little recorded")
    assert summary.warnings[1].startswith("Only 0 of your 5 labeled programs")
    assert "reach" in mix_chart(summary) and mix_summary([]).warnings == []


profiles = st.builds(
    ApplicantProfile,
    step2ck=st.none() | st.integers(180, 290),
    attempts=st.integers(1, 4),
    graduation_year=st.none() | st.integers(2005, 2026),
    usce_months=st.integers(0, 36),
    usce_last_year=st.none() | st.integers(2015, 2026),
    needs_visa=st.sampled_from([None, "J-1", "H-1B"]),
    specialties=st.frozensets(st.sampled_from(["Internal Medicine", "Surgery"]), max_size=2),
)
programs = st.builds(
    Program,
    name=st.just("P (SAMPLE)"),
    specialty=st.sampled_from(["", "Internal Medicine", "Surgery"]),
    visa_sponsorship=st.none() | st.frozensets(st.sampled_from(["J-1", "H-1B"])),
    min_step2ck=st.none() | st.integers(200, 260),
    img_share=st.none() | st.floats(0, 100),
    grad_within_years=st.none() | st.integers(0, 15),
    grad_year_min=st.none() | st.integers(2005, 2026),
    usce_months_required=st.none() | st.integers(0, 12),
    usce_within_years=st.none() | st.integers(1, 5),
    attempts_accepted=st.none() | st.integers(1, 3),
)


@given(programs, profiles, st.integers(1, 40))
def test_better_score_never_worse(program: Program, profile: ApplicantProfile,
                                  gain: int) -> None:
    if profile.step2ck is None:
        return
    better = dataclasses.replace(profile, step2ck=profile.step2ck + gain)
    assert label_rank(assess_fit(program, better, TODAY).label) >= label_rank(
        assess_fit(program, profile, TODAY).label)


@given(programs, profiles, st.integers(0, 24), st.integers(0, 5))
def test_more_us_experience_never_worse(program: Program, profile: ApplicantProfile,
                                        more_months: int, newer: int) -> None:
    last = profile.usce_last_year
    more = dataclasses.replace(
        profile, usce_months=profile.usce_months + more_months,
        usce_last_year=None if last is None and not newer else min(2026, (last or 2015) + newer))
    assert label_rank(assess_fit(program, more, TODAY).label) >= label_rank(
        assess_fit(program, profile, TODAY).label)


@given(programs, profiles)
def test_override_always_wins(program: Program, profile: ApplicantProfile) -> None:
    program.fit_override = "target"
    assert assess_fit(program, profile, TODAY).label == "target"


def test_sample_applicant_against_sample_programs() -> None:
    from workshop.core.programs.importer import preview_import
    from workshop.core.programs.tabular import read_table
    from workshop.core.resources import resource

    rows = preview_import(read_table(resource("sample", "programs.csv")), limit=100).rows
    profile = profile_from_cv(sample_cv(), TODAY)
    labels = {r.program.name: assess_fit(r.program, profile, TODAY) for r in rows if r.program}
    assert {f.label for f in labels.values()} >= {"target", "not eligible", "reach"}
    crescent = labels["Crescent Lake Medical Center (SAMPLE)"]
    assert crescent.overridden and crescent.computed == "not eligible"
    assert labels["Summit Valley Health (SAMPLE)"].blockers == [
        "You need a J-1 visa; the program sponsors no visa."]
