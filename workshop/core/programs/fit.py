"""Fit, explained: each program labelled with every reason, and only as far as the evidence goes.

Paid tools give an opaque score; this one compares the applicant's own profile with what the
program states, and says why in plain words (the rules: :mod:`workshop.core.programs.fit_rules`).

- A hard blocker (a visa the program does not sponsor, an H-1B without Step 3 in time,
  graduation outside the limit, a score under the stated minimum, missing or old U.S. clinical
  experience, too many attempts) makes a program **not eligible**.
- A label needs evidence: of the requirements that apply (visa when one is needed, graduation,
  U.S. clinical experience, score), at least ``MIN_KNOWN`` must be recorded on both sides, or
  the label is **not enough info**, with what to record.
- Soft factors (score margin, median of matched residents, share of IMGs, experience in the
  specialty, geographic preference) add or take a point: below zero is a **reach**, otherwise
  a **target**; a **strong fit** needs every applicable requirement known and met, no minus,
  and ``STRONG_POINTS``. It means "meets every stated requirement with margin", never a promise
  of an interview: there is no "safety".

Years are counted to the Match's July 1 training start, so a label is the same on every day of
the season. Missing data is listed as unknown, never guessed. The user's own label wins and is
shown next to the computed one.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from workshop.core.programs import fit_rules as rules
from workshop.core.programs.anchor import MatchAnchor, anchor_for
from workshop.core.programs.fit_rules import Reason, ReasonKind
from workshop.core.programs.model import FIT_LABELS, Program
from workshop.core.programs.profile import ApplicantProfile, profile_from_cv

__all__ = ["ApplicantProfile", "FitResult", "MixSummary", "Reason", "ReasonKind", "assess_all",
           "assess_fit", "label_rank", "mix_chart", "mix_summary", "profile_from_cv"]

#: Known requirements a label needs (of those that apply).
MIN_KNOWN: Final = 2
#: Points from soft factors needed for a strong fit / for a target.
STRONG_POINTS: Final = 2
TARGET_POINTS: Final = 0
#: Mix warnings: share of labelled programs that should be targets or strong fits, and the share
#: of not-eligible programs that is too many.
MIN_TARGET_STRONG_SHARE: Final = 0.5
MAX_INELIGIBLE_SHARE: Final = 0.2
MIN_LIST_FOR_STRONG_WARNING: Final = 5
CRITERIA_LABELS: Final[dict[str, str]] = {
    "visa": "visa sponsorship", "graduation": "graduation-year limit",
    "usce": "U.S. clinical experience requirement", "score": "Step 2 CK minimum or median",
}


@dataclass
class FitResult:
    """The label shown (the user's override if any), the computed one, and every reason.

    ``known`` and ``missing`` are the requirements with evidence and those without (what to
    record for a better-founded label)."""

    label: str
    computed: str
    reasons: list[Reason] = field(default_factory=list)
    points: int = 0
    overridden: bool = False
    override_reason: str = ""
    known: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    signaled: bool = False

    @property
    def blockers(self) -> list[str]:
        return [r.text for r in self.reasons if r.kind == "blocker"]

    def describe(self) -> str:
        """ "target (your label; computed: reach)" or just "reach"."""
        if self.overridden:
            return f"{self.label} (your label; computed: {self.computed})"
        return self.label


def label_rank(label: str) -> int:
    """0 for not eligible up to 4 for strong fit: the order of confidence."""
    return FIT_LABELS.index(label)


def assess_fit(program: Program, profile: ApplicantProfile, today: _dt.date, *,
               anchor: MatchAnchor | None = None) -> FitResult:
    """Label one program for this applicant, listing every reason.

    Args:
        program: the program as the user recorded it.
        profile: the applicant (see :func:`profile_from_cv`).
        today: picks the season (and so the Match); no limit is counted to it.
        anchor: the Match to count to (default: the season ``today`` is in).
    """
    anchor = anchor or anchor_for(today)
    reasons: list[Reason] = [
        *rules.visa(program, profile, anchor),
        *rules.graduation(program, profile, anchor),
        *rules.attempts(program, profile),
        *rules.usce(program, profile, anchor),
        *rules.score(program, profile),
        *rules.img_share(program),
        *rules.specialty(program, profile),
        *rules.geography(program, profile),
        *rules.signal(program),
    ]
    applicable = ["visa"] if profile.needs_visa is not None else []
    applicable += ["graduation", "usce", "score"]
    known = [c for c in applicable
             if any(r.criterion == c and r.kind != "unknown" for r in reasons)]
    missing = [c for c in applicable if c not in known]
    points = sum(1 for r in reasons if r.kind == "plus") - sum(
        1 for r in reasons if r.kind == "minus")
    if any(r.kind == "blocker" for r in reasons):
        computed = "not eligible"
    elif len(known) < MIN_KNOWN:
        computed = "not enough info"
        needed = ", ".join(CRITERIA_LABELS[c] for c in missing)
        reasons.append(Reason("unknown", f"Not enough information for a label: only "
                                         f"{len(known)} of {len(applicable)} requirements are "
                                         f"recorded. Record the program's {needed} (its "
                                         f"website, FREIDA or Residency Explorer), and your "
                                         f"own in the CV."))
    elif points < TARGET_POINTS:
        computed = "reach"
    elif (points >= STRONG_POINTS and not missing
          and not any(r.kind == "minus" for r in reasons)):
        computed = "strong fit"
    else:
        computed = "target"
    result = FitResult(label=computed, computed=computed, reasons=reasons, points=points,
                       known=known, missing=missing, signaled=bool(program.signal))
    if program.fit_override:
        result.label = program.fit_override
        result.overridden = True
        result.override_reason = program.fit_override_reason
    return result


# -- the list as a whole ----------------------------------------------------------------------


@dataclass
class MixSummary:
    """Counts per label (the label shown, overrides included) and warnings about the mix."""

    counts: dict[str, int]
    total: int
    warnings: list[str] = field(default_factory=list)


def mix_summary(results: Iterable[FitResult]) -> MixSummary:
    """Count the labels and warn when the list is unbalanced.

    A realistic list mixes reach, target and safety programs (FACTS.md, "List building"; here
    "strong fit" stands for safety); the warnings fire when programs lack the data for a label,
    when under half of the labeled programs are targets or strong fits, when a list of five or
    more labelled programs has no strong fit, and when over a fifth are not eligible.
    """
    counts = dict.fromkeys(FIT_LABELS, 0)
    results_list = list(results)
    for result in results_list:
        counts[result.label] += 1
    total = sum(counts.values())
    warnings: list[str] = []
    labelled = total - counts["not eligible"] - counts["not enough info"]
    good = counts["target"] + counts["strong fit"]
    if counts["not enough info"]:
        warnings.append(f"{counts['not enough info']} of {total} programs have too little "
                        "recorded for a label: add their requirements before counting on "
                        "them.")
    if labelled and good < labelled * MIN_TARGET_STRONG_SHARE:
        warnings.append(f"Only {good} of your {labelled} labeled programs are targets or "
                        "strong fits; a realistic list mixes reach and target programs with "
                        "some where you meet every stated requirement.")
    if labelled >= MIN_LIST_FOR_STRONG_WARNING and counts["strong fit"] == 0:
        warnings.append("No strong fits on the list; add programs where you meet every stated "
                        "requirement with margin.")
    outside = sum(1 for r in results_list
                  if any(x.criterion == "geography" and x.kind == "minus" for x in r.reasons))
    if outside:
        warnings.append(f"{outside} of {total} programs are outside the geographic divisions "
                        "you chose in MyERAS: they see no geographic preference from you. "
                        "Change the preferences in the CV, or apply knowing that.")
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
    anchor = anchor_for(today)
    return [assess_fit(p, profile, today, anchor=anchor) for p in programs]
