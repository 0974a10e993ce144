"""The rules behind a fit label: one function per requirement, each returning its reasons.

Each reason says how it counted (``kind``) and, for the four requirements a label needs
evidence on, which one it is about (``criterion``): visa, graduation, U.S. clinical experience
and score. A criterion is *known* when both the program's side and the applicant's side are
recorded; :mod:`workshop.core.programs.fit` refuses a label without enough known criteria.
Years are counted to the Match's training start (:mod:`workshop.core.programs.anchor`), never
to the day the app runs. The thresholds are this app's heuristic, and the reasons show them.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Final, Literal

from workshop.core.programs.anchor import MatchAnchor
from workshop.core.programs.model import SIGNAL_LABELS, Program, normalize_key
from workshop.core.programs.profile import ApplicantProfile
from workshop.core.season.geography import division_of

ReasonKind = Literal["blocker", "plus", "minus", "neutral", "unknown"]
#: The four requirements a label needs evidence on, and "geography" (a preference, not a
#: requirement: it never counts as evidence).
Criterion = Literal["", "visa", "graduation", "usce", "score", "geography"]

#: Score margin over a stated minimum that counts as comfortable / as thin (points).
COMFORTABLE_MARGIN: Final = 15
THIN_MARGIN: Final = 5
#: Distance from the median Step 2 CK of matched residents read as above / below it.
MEDIAN_MARGIN: Final = 8
#: IMG share (percent) read as IMG-friendly / as few IMGs.
IMG_FRIENDLY: Final = 40.0
FEW_IMGS: Final = 10.0


@dataclass(frozen=True)
class Reason:
    """One line of explanation; ``kind`` says how it counted, ``criterion`` what it is about."""

    kind: ReasonKind
    text: str
    criterion: Criterion = ""


def visa(p: Program, a: ApplicantProfile, anchor: MatchAnchor) -> list[Reason]:
    """Sponsorship of the visa needed; for an H-1B, Step 3 passed in time."""
    if a.needs_visa is None:
        return []
    if p.visa_sponsorship is None:
        return [Reason("unknown", f"Visa sponsorship is not recorded; check that the program "
                                  f"sponsors the {a.needs_visa} visa you need.", "visa")]
    if a.needs_visa not in p.visa_sponsorship:
        offered = " and ".join(sorted(p.visa_sponsorship)) or "no visa"
        return [Reason("blocker", f"You need a {a.needs_visa} visa; the program sponsors "
                                  f"{'only ' if p.visa_sponsorship else ''}{offered}.", "visa")]
    out = _h1b_step3(p, a, anchor) if a.needs_visa == "H-1B" else [Reason(
        "neutral", "Sponsors the J-1 visa you need (sponsored by ECFMG; it needs a Statement "
                   "of Need from your home country's ministry of health).", "visa")]
    out += _visa_confirmed(p, a)
    return out


def _step3_deadline(p: Program, anchor: MatchAnchor) -> tuple[_dt.date | None, str]:
    """The day Step 3 must be passed by (the program's, else the ROL deadline) and its words."""
    if p.step3_required_by is not None:
        by, whose = p.step3_required_by, "this program's date"
    elif anchor.rol_deadline is not None:
        by = anchor.rol_deadline
        whose = "the rank-order-list deadline" + (
            ", not yet confirmed" if anchor.rol_deadline_estimated else "")
    else:
        return None, "by the time of the petition"
    return by, f"by {by:%B} {by.day}, {by.year} ({whose})"


def _h1b_step3(p: Program, a: ApplicantProfile, anchor: MatchAnchor) -> list[Reason]:
    if a.step3 == "pass":
        return [Reason("neutral", "Sponsors the H-1B visa you need, and you have passed "
                                  "USMLE Step 3.", "visa")]
    by, when = _step3_deadline(p, anchor)
    need = "an H-1B needs all three USMLE Steps passed before the petition"
    if a.step3 == "" and a.step3_month is not None:
        booked = f"{a.step3_month:%B %Y}"
        if by is not None and a.step3_month > by:
            return [Reason("blocker", f"Step 3 is booked for {booked}, too late: {need}, "
                                      f"{when}.", "visa")]
        return [Reason("minus", f"Sponsors the H-1B visa you need, but Step 3 is not passed "
                                f"yet (booked for {booked}): {need}, {when}.", "visa")]
    alternative = (" The program also sponsors the J-1: ask whether it would serve you."
                   if "J-1" in (p.visa_sponsorship or ()) else "")
    return [Reason("blocker", f"You need an H-1B visa, but your CV has no USMLE Step 3 "
                              f"passed: {need}, {when}. Add Step 3 to your CV when it is "
                              f"booked or passed.{alternative}", "visa")]


def _visa_confirmed(p: Program, a: ApplicantProfile) -> list[Reason]:
    out: list[Reason] = []
    if p.visa_confirmed_on is not None:
        out.append(Reason("neutral", f"Visa policy confirmed for this season on "
                                     f"{p.visa_confirmed_on.isoformat()}."))
    else:
        out.append(Reason("unknown", "Visa policy not confirmed for this season: ask the "
                                     "program and record the date you confirmed it."))
    if a.needs_visa == "H-1B" and p.visa_confirmed_on is None:
        out.append(Reason("unknown", "A September 2025 proclamation put a $100,000 fee on new "
                                     "H-1B petitions; how it applies to residents is not "
                                     "confirmed: ask this program."))
    return out


def graduation(p: Program, a: ApplicantProfile, anchor: MatchAnchor) -> list[Reason]:
    """The graduation-year limit, counted to the training start (or the program's day)."""
    if p.grad_within_years is None and p.grad_year_min is None:
        return [Reason("unknown", "No graduation-year limit recorded for the program.",
                       "graduation")]
    if a.graduation_year is None:
        return [Reason("unknown", "Your graduation year is not in the CV; the program has a "
                                  "graduation limit.", "graduation")]
    out: list[Reason] = []
    if p.grad_within_years is not None:
        day = anchor.limits_day(p.limits_as_of)
        years = day.year - a.graduation_year
        counted = (f"counted to {day.isoformat()}" if p.limits_as_of else
                   f"counted to the July 1, {day.year} training start")
        if years > p.grad_within_years:
            out.append(Reason("blocker", f"You graduated in {a.graduation_year}, "
                                         f"{_years(years)} before training starts; the program "
                                         f"asks for graduation within {_years(p.grad_within_years)}"
                                         f" ({counted}).", "graduation"))
        else:
            out.append(Reason("neutral", f"Graduated {_years(years)} before training starts, "
                                         f"within the program's {p.grad_within_years}-year "
                                         f"limit ({counted}).", "graduation"))
    if p.grad_year_min is not None:
        if a.graduation_year < p.grad_year_min:
            out.append(Reason("blocker", f"You graduated in {a.graduation_year}, before the "
                                         f"program's cutoff year {p.grad_year_min}.",
                              "graduation"))
        else:
            out.append(Reason("neutral", f"Graduation year {a.graduation_year} meets the cutoff "
                                         f"{p.grad_year_min}.", "graduation"))
    return out


def attempts(p: Program, a: ApplicantProfile) -> list[Reason]:
    if p.attempts_accepted is None:
        return []
    if a.attempts > p.attempts_accepted:
        return [Reason("blocker", f"You needed {a.attempts} attempts on a USMLE Step; the "
                                  f"program accepts at most {p.attempts_accepted}.")]
    return [Reason("neutral", f"Your USMLE attempts ({a.attempts}) are within the "
                              f"program's limit of {p.attempts_accepted}.")]


def usce(p: Program, a: ApplicantProfile, anchor: MatchAnchor) -> list[Reason]:
    """Months of U.S. clinical experience, and how recent, counted to the training start."""
    required, within = p.usce_months_required, p.usce_within_years
    if required is None and within is None:
        return [Reason("unknown", "No U.S. clinical experience requirement recorded.", "usce")]
    if required == 0:
        return [Reason("neutral", "No U.S. clinical experience required.", "usce")]
    out: list[Reason] = []
    if a.usce_months < (required or 1):
        what = _months(required) if required else "some"
        out.append(Reason("blocker", f"You have {_months(a.usce_months)} of U.S. clinical "
                                     f"experience; the program asks for {what}.", "usce"))
    elif required:
        out.append(Reason("neutral", f"Your {_months(a.usce_months)} of U.S. clinical "
                                     f"experience meet the {required} required.", "usce"))
    if within is not None and a.usce_months > 0:
        day = anchor.limits_day(p.limits_as_of)
        oldest_ok = day.year - within
        if a.usce_last_year is None or a.usce_last_year < oldest_ok:
            when = a.usce_last_year if a.usce_last_year is not None else "an unknown year"
            out.append(Reason("blocker", f"Your most recent U.S. clinical experience is from "
                                         f"{when}; the program asks for experience within "
                                         f"{_years(within)} of {day.isoformat()}.", "usce"))
        else:
            out.append(Reason("neutral", f"Your most recent U.S. clinical experience "
                                         f"({a.usce_last_year}) is within {_years(within)} of "
                                         f"{day.isoformat()}.", "usce"))
    return out


def score(p: Program, a: ApplicantProfile) -> list[Reason]:
    """A stated Step 2 CK minimum, and the median of matched residents when the user has it."""
    out: list[Reason] = []
    if p.min_step2ck is None and p.step2ck_matched_median is None:
        return [Reason("unknown", "No minimum Step 2 CK score published, and no median of "
                                  "matched residents recorded (Residency Explorer has one).",
                       "score")]
    if a.step2ck is None:
        return [Reason("unknown", "No Step 2 CK score in your CV; the program has score "
                                  "data to compare it with.", "score")]
    if p.min_step2ck is not None:
        margin = a.step2ck - p.min_step2ck
        text = f"Step 2 CK {a.step2ck} is {margin} above the stated minimum {p.min_step2ck}"
        if margin < 0:
            out.append(Reason("blocker", f"Step 2 CK {a.step2ck} is under the stated minimum "
                                         f"{p.min_step2ck}.", "score"))
        elif margin >= COMFORTABLE_MARGIN:
            out.append(Reason("plus", f"{text} (a comfortable margin of {COMFORTABLE_MARGIN} "
                                      f"or more).", "score"))
        elif margin < THIN_MARGIN:
            out.append(Reason("minus", f"{text} (a thin margin, under {THIN_MARGIN}).",
                              "score"))
        else:
            out.append(Reason("neutral", f"{text}.", "score"))
    if p.step2ck_matched_median is not None:
        out.append(_median(p, a.step2ck, p.step2ck_matched_median))
    return out


def _median(p: Program, mine: int, median: int) -> Reason:
    where = f" ({p.evidence_source})" if p.evidence_source else ""
    gap = mine - median
    if gap >= MEDIAN_MARGIN:
        return Reason("plus", f"Your Step 2 CK {mine} is {gap} above the median of matched "
                              f"residents, {median}{where}.", "score")
    if gap <= -MEDIAN_MARGIN:
        return Reason("minus", f"Your Step 2 CK {mine} is {-gap} below the median of matched "
                               f"residents, {median}{where}.", "score")
    return Reason("neutral", f"Your Step 2 CK {mine} is near the median of matched residents, "
                             f"{median}{where}.", "score")


def img_share(p: Program) -> list[Reason]:
    """How open the program is to IMGs: matched or interviewed IMGs when recorded, which say
    more than the share of current residents."""
    for share, what in ((p.img_matched_share, "of those who matched"),
                        (p.img_interviewed_share, "of those interviewed"),
                        (p.img_share, "of residents")):
        if share is None:
            continue
        where = f" ({p.evidence_source})" if p.evidence_source and share is not p.img_share \
            else ""
        text = f"{share:g}% {what} are IMGs{where}"
        if share >= IMG_FRIENDLY:
            return [Reason("plus", f"{text} (IMG-friendly: {IMG_FRIENDLY:g}% or more).")]
        if share < FEW_IMGS:
            return [Reason("minus", f"Only {text} (under {FEW_IMGS:g}%).")]
        return [Reason("neutral", f"{text}.")]
    return [Reason("unknown", "Share of IMGs not recorded (residents, interviewed or matched).")]


def specialty(p: Program, a: ApplicantProfile) -> list[Reason]:
    if not p.specialty:
        return []
    wanted = normalize_key(p.specialty)
    if any(wanted and wanted in normalize_key(s) for s in a.specialties):
        return [Reason("plus", f"You have U.S. clinical experience in {p.specialty}.")]
    return [Reason("minus", f"No U.S. clinical experience in {p.specialty} in your CV.")]


def signal(p: Program) -> list[Reason]:
    """A signal is shown, never scored: it says interest, not fit."""
    if not p.signal:
        return []
    return [Reason("neutral", f"Signaled: you sent this program a "
                              f"{SIGNAL_LABELS[p.signal].lower()} in MyERAS.")]


def geography(p: Program, a: ApplicantProfile) -> list[Reason]:
    """Outside the Census divisions chosen in MyERAS, a program sees no geographic preference."""
    if not a.divisions or not p.state:
        return []
    division = division_of(p.state)
    if division is None:
        return []
    if division in a.divisions:
        return [Reason("neutral", f"In {division}, one of your geographic preferences.",
                       "geography")]
    chosen = ", ".join(sorted(a.divisions))
    return [Reason("minus", f"Outside your geographic preferences ({chosen}): the program, in "
                            f"{division}, sees no geographic preference from you.",
                   "geography")]


def _years(n: int) -> str:
    return f"{n} year" if n == 1 else f"{n} years"


def _months(n: int) -> str:
    return f"{n} month" if n == 1 else f"{n} months"
