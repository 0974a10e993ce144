"""Fit, explained: each program labelled not eligible / reach / target / safety, with every reason.

Paid tools give an opaque score; this one compares the applicant's own profile with what the
program states, and says why in plain words. Hard blockers (a visa the program does not sponsor,
graduation before the cutoff, a score under the stated minimum, missing U.S. clinical experience,
too many attempts) make a program "not eligible". Soft factors (score margin, share of IMG
residents, experience in the specialty) add or take a point; the sum picks reach, target or
safety. The thresholds are this app's heuristic, not a published rule, and the reasons show them.
Missing program data is listed as unknown, never guessed. The user's own label wins and is shown
next to the computed one.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from workshop.core.programs.model import FIT_LABELS, Program, normalize_key
from workshop.core.programs.profile import ApplicantProfile, profile_from_cv

__all__ = ["ApplicantProfile", "FitResult", "MixSummary", "Reason", "assess_all", "assess_fit",
           "label_rank", "mix_chart", "mix_summary", "profile_from_cv"]

ReasonKind = Literal["blocker", "plus", "minus", "neutral", "unknown"]

#: Score margin over a stated minimum that counts as comfortable / as thin (points).
COMFORTABLE_MARGIN: Final = 15
THIN_MARGIN: Final = 5
#: IMG share of residents (percent) read as IMG-friendly / as few IMGs.
IMG_FRIENDLY: Final = 40.0
FEW_IMGS: Final = 10.0
#: Points from soft factors needed for safety / target.
SAFETY_POINTS: Final = 2
TARGET_POINTS: Final = 0
#: Mix warnings: share of eligible programs that should be targets or safeties, and the share
#: of not-eligible programs that is too many.
MIN_TARGET_SAFETY_SHARE: Final = 0.5
MAX_INELIGIBLE_SHARE: Final = 0.2
MIN_LIST_FOR_SAFETY_WARNING: Final = 5


@dataclass(frozen=True)
class Reason:
    """One line of explanation; ``kind`` says how it counted."""

    kind: ReasonKind
    text: str


@dataclass
class FitResult:
    """The label shown (the user's override if any), the computed one, and every reason."""

    label: str
    computed: str
    reasons: list[Reason] = field(default_factory=list)
    points: int = 0
    overridden: bool = False
    override_reason: str = ""

    @property
    def blockers(self) -> list[str]:
        return [r.text for r in self.reasons if r.kind == "blocker"]

    def describe(self) -> str:
        """ "target (your label; computed: reach)" or just "reach"."""
        if self.overridden:
            return f"{self.label} (your label; computed: {self.computed})"
        return self.label


def label_rank(label: str) -> int:
    """0 for not eligible up to 3 for safety: the order the property tests check."""
    return FIT_LABELS.index(label)


def assess_fit(program: Program, profile: ApplicantProfile, today: _dt.date) -> FitResult:
    """Label one program for this applicant, listing every reason.

    Args:
        program: the program as the user recorded it.
        profile: the applicant (see :func:`profile_from_cv`).
        today: injected date; graduation and experience recency count from its year.
    """
    reasons: list[Reason] = []
    reasons += _visa(program, profile)
    reasons += _graduation(program, profile, today)
    reasons += _attempts(program, profile)
    reasons += _usce(program, profile, today)
    reasons += _score(program, profile)
    reasons += _img_share(program)
    reasons += _specialty(program, profile)
    points = sum(1 for r in reasons if r.kind == "plus") - sum(
        1 for r in reasons if r.kind == "minus")
    if any(r.kind == "blocker" for r in reasons):
        computed = "not eligible"
    elif points >= SAFETY_POINTS:
        computed = "safety"
    elif points >= TARGET_POINTS:
        computed = "target"
    else:
        computed = "reach"
    result = FitResult(label=computed, computed=computed, reasons=reasons, points=points)
    if program.fit_override:
        result.label = program.fit_override
        result.overridden = True
        result.override_reason = program.fit_override_reason
    return result


def _visa(p: Program, a: ApplicantProfile) -> list[Reason]:
    if a.needs_visa is None:
        return []
    if p.visa_sponsorship is None:
        return [Reason("unknown", f"Visa sponsorship is not recorded; check that the program "
                                  f"sponsors the {a.needs_visa} visa you need.")]
    if a.needs_visa in p.visa_sponsorship:
        return [Reason("neutral", f"Sponsors the {a.needs_visa} visa you need.")]
    offered = " and ".join(sorted(p.visa_sponsorship)) or "no visa"
    return [Reason("blocker", f"You need a {a.needs_visa} visa; the program sponsors "
                              f"{'only ' if p.visa_sponsorship else ''}{offered}.")]


def _graduation(p: Program, a: ApplicantProfile, today: _dt.date) -> list[Reason]:
    if p.grad_within_years is None and p.grad_year_min is None:
        return [Reason("unknown", "No graduation-year cutoff recorded.")]
    if a.graduation_year is None:
        return [Reason("unknown", "Your graduation year is not in the CV; the program has a "
                                  "graduation cutoff.")]
    out: list[Reason] = []
    if p.grad_within_years is not None:
        years = today.year - a.graduation_year
        if years > p.grad_within_years:
            out.append(Reason("blocker", f"You graduated in {a.graduation_year}, {_years(years)} "
                                         f"ago; the program asks for graduation within the "
                                         f"last {_years(p.grad_within_years)}."))
        else:
            out.append(Reason("neutral", f"Graduated {_years(years)} ago, within the program's "
                                         f"{p.grad_within_years}-year limit."))
    if p.grad_year_min is not None:
        if a.graduation_year < p.grad_year_min:
            out.append(Reason("blocker", f"You graduated in {a.graduation_year}, before the "
                                         f"program's cutoff year {p.grad_year_min}."))
        else:
            out.append(Reason("neutral", f"Graduation year {a.graduation_year} meets the cutoff "
                                         f"{p.grad_year_min}."))
    return out


def _attempts(p: Program, a: ApplicantProfile) -> list[Reason]:
    if p.attempts_accepted is None:
        return []
    if a.attempts > p.attempts_accepted:
        return [Reason("blocker", f"You needed {a.attempts} attempts on a USMLE Step; the "
                                  f"program accepts at most {p.attempts_accepted}.")]
    return [Reason("neutral", f"Your USMLE attempts ({a.attempts}) are within the "
                              f"program's limit of {p.attempts_accepted}.")]


def _usce(p: Program, a: ApplicantProfile, today: _dt.date) -> list[Reason]:
    required = p.usce_months_required
    within = p.usce_within_years
    if required is None and within is None:
        return [Reason("unknown", "No U.S. clinical experience requirement recorded.")]
    if required == 0:
        return [Reason("neutral", "No U.S. clinical experience required.")]
    out: list[Reason] = []
    need = required or 1
    if a.usce_months < need:
        what = _months(required) if required else "some"
        out.append(Reason("blocker", f"You have {_months(a.usce_months)} of U.S. clinical "
                                     f"experience; the program asks for {what}."))
    elif required:
        out.append(Reason("neutral", f"Your {_months(a.usce_months)} of U.S. clinical experience "
                                     f"meet the {required} required."))
    if within is not None and a.usce_months > 0:
        oldest_ok = today.year - within
        if a.usce_last_year is None or a.usce_last_year < oldest_ok:
            when = a.usce_last_year if a.usce_last_year is not None else "an unknown year"
            out.append(Reason("blocker", f"Your most recent U.S. clinical experience is from "
                                         f"{when}; the program asks for experience within the "
                                         f"last {_years(within)}."))
        else:
            out.append(Reason("neutral", f"Your most recent U.S. clinical experience "
                                         f"({a.usce_last_year}) is within {_years(within)}."))
    return out


def _score(p: Program, a: ApplicantProfile) -> list[Reason]:
    if p.min_step2ck is None:
        return [Reason("unknown", "No minimum Step 2 CK score published.")]
    if a.step2ck is None:
        return [Reason("unknown", f"No Step 2 CK score in your CV; the program states a "
                                  f"minimum of {p.min_step2ck}.")]
    margin = a.step2ck - p.min_step2ck
    if margin < 0:
        return [Reason("blocker", f"Step 2 CK {a.step2ck} is under the stated minimum "
                                  f"{p.min_step2ck}.")]
    text = f"Step 2 CK {a.step2ck} is {margin} above the stated minimum {p.min_step2ck}"
    if margin >= COMFORTABLE_MARGIN:
        return [Reason("plus", f"{text} (a comfortable margin of {COMFORTABLE_MARGIN} or more).")]
    if margin < THIN_MARGIN:
        return [Reason("minus", f"{text} (a thin margin, under {THIN_MARGIN}).")]
    return [Reason("neutral", f"{text}.")]


def _img_share(p: Program) -> list[Reason]:
    if p.img_share is None:
        return [Reason("unknown", "Share of IMG residents not recorded.")]
    share = f"{p.img_share:g}%"
    if p.img_share >= IMG_FRIENDLY:
        return [Reason("plus", f"{share} of residents are IMGs (IMG-friendly: "
                               f"{IMG_FRIENDLY:g}% or more).")]
    if p.img_share < FEW_IMGS:
        return [Reason("minus", f"Only {share} of residents are IMGs (under {FEW_IMGS:g}%).")]
    return [Reason("neutral", f"{share} of residents are IMGs.")]


def _specialty(p: Program, a: ApplicantProfile) -> list[Reason]:
    if not p.specialty:
        return []
    wanted = normalize_key(p.specialty)
    have = [s for s in a.specialties if wanted and wanted in normalize_key(s)]
    if have:
        return [Reason("plus", f"You have U.S. clinical experience in {p.specialty}.")]
    return [Reason("minus", f"No U.S. clinical experience in {p.specialty} in your CV.")]


def _years(n: int) -> str:
    return f"{n} year" if n == 1 else f"{n} years"


def _months(n: int) -> str:
    return f"{n} month" if n == 1 else f"{n} months"


# -- the list as a whole ----------------------------------------------------------------------


@dataclass
class MixSummary:
    """Counts per label (the label shown, overrides included) and warnings about the mix."""

    counts: dict[str, int]
    total: int
    warnings: list[str] = field(default_factory=list)


def mix_summary(results: Iterable[FitResult]) -> MixSummary:
    """Count the labels and warn when the list is unbalanced.

    A realistic list mixes reach, target and safety programs (FACTS.md, "List building"); the
    warnings fire when under half of the eligible programs are targets or safeties, when a list
    of five or more eligible programs has no safety, and when over a fifth are not eligible.
    """
    counts = dict.fromkeys(FIT_LABELS, 0)
    for result in results:
        counts[result.label] += 1
    total = sum(counts.values())
    warnings: list[str] = []
    eligible = total - counts["not eligible"]
    good = counts["target"] + counts["safety"]
    if eligible and good < eligible * MIN_TARGET_SAFETY_SHARE:
        warnings.append(f"Only {good} of your {eligible} eligible programs are targets or "
                        "safeties; a realistic list mixes reach, target and safety programs.")
    if eligible >= MIN_LIST_FOR_SAFETY_WARNING and counts["safety"] == 0:
        warnings.append("No safety programs on the list; add programs where you clearly meet "
                        "every stated requirement.")
    if total and counts["not eligible"] > total * MAX_INELIGIBLE_SHARE:
        warnings.append(f"{counts['not eligible']} of {total} programs are not eligible for you "
                        "by their stated requirements; check those before paying to apply.")
    return MixSummary(counts=counts, total=total, warnings=warnings)


def mix_chart(summary: MixSummary, width: int = 30) -> str:
    """A plain-text bar chart of the mix (the GUI draws its own from ``counts``)."""
    top = max(summary.counts.values(), default=0) or 1
    lines = []
    for label in reversed(FIT_LABELS):
        count = summary.counts.get(label, 0)
        bar = "#" * round(width * count / top)
        lines.append(f"{label:>12} {count:4d} {bar}")
    return "\n".join(lines)


def assess_all(programs: Sequence[Program], profile: ApplicantProfile,
               today: _dt.date) -> list[FitResult]:
    """:func:`assess_fit` for a list, in the same order."""
    return [assess_fit(p, profile, today) for p in programs]
