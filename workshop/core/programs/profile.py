"""The applicant's side of the fit comparison, and how to read it off the CV.

Kept apart from the CV model on purpose: the fit rules need six facts, not a CV, so tests and the
CLI can state a profile directly, and the CV can change shape without touching the rules.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from workshop.core.cv.dates import MonthYear
from workshop.core.cv.model import CV


@dataclass(frozen=True)
class ApplicantProfile:
    """What the fit rules compare with a program's stated requirements.

    Attributes:
        step2ck: USMLE Step 2 CK score, None before the exam.
        attempts: the most attempts the applicant needed on any USMLE Step (1 = all first try).
        graduation_year: year of medical-school graduation.
        usce_months: months of U.S. clinical experience in total.
        usce_last_year: the most recent year with U.S. clinical experience (None if none).
        needs_visa: "J-1", "H-1B", or None for no visa needed.
        specialties: specialties of the applicant's U.S. clinical experience.
        step3: "pass", "fail", "" (taken or booked, no result yet) or None (not in the CV);
            an H-1B needs all three Steps passed before the petition (FACTS.md, "Visas").
        step3_month: the month of the Step 3 entry (booked or taken), its first day.
        divisions: the U.S. Census divisions chosen as geographic preferences in MyERAS
            (empty: none chosen, or "no preference").
    """

    step2ck: int | None = None
    attempts: int = 1
    graduation_year: int | None = None
    usce_months: int = 0
    usce_last_year: int | None = None
    needs_visa: str | None = None
    specialties: frozenset[str] = field(default_factory=frozenset)
    step3: str | None = None
    step3_month: _dt.date | None = None
    divisions: frozenset[str] = field(default_factory=frozenset)


def visa_need(text: str) -> str | None:
    """The visa named in the CV's visa status ("Requires J-1 visa sponsorship" -> "J-1")."""
    compact = re.sub(r"[\s\-_.]", "", text.lower())
    if "j1" in compact:
        return "J-1"
    if "h1b" in compact:
        return "H-1B"
    return None


def profile_from_cv(cv: CV, today: _dt.date) -> ApplicantProfile:
    """Read the fit profile off the CV (``today`` resolves "present" end dates).

    Step 2 CK is the most recent scored attempt; attempts are the most recorded on any USMLE
    Step; U.S. clinical experience is the clinical entries marked U.S., counted in whole months.
    """
    now = MonthYear.from_date(today)
    usmle = [e for e in cv.exams if e.kind.startswith("usmle-")]
    scored = [e for e in usmle if e.kind == "usmle-step2ck" and e.score is not None]
    scored.sort(key=lambda e: e.date.sort_key() if e.date else (0, 0))
    attempts = max((e.attempts or 1 for e in usmle), default=1)
    school = next((e for e in cv.education if e.kind == "medical-school" and e.end), None)
    months = 0
    last_year: int | None = None
    specialties: set[str] = set()
    for entry in cv.in_section("clinical"):
        if not entry.us or entry.start is None:
            continue
        end = entry.end or entry.start
        months += max(0, end.last_index(now) - entry.start.first_index(now) + 1)
        year = today.year if end.present else end.year
        last_year = year if last_year is None else max(last_year, year)
        specialties.update(s.strip() for s in entry.specialty.split(",") if s.strip())
    step3 = next((e for e in usmle if e.kind == "usmle-step3"), None)
    return ApplicantProfile(
        step2ck=scored[-1].score if scored else None,
        attempts=attempts,
        graduation_year=school.end.year if school and school.end and not school.end.present
        else None,
        usce_months=months,
        usce_last_year=last_year,
        needs_visa=visa_need(cv.personal.immigration.visa_status),
        specialties=frozenset(specialties),
        step3=None if step3 is None else ("pass" if step3.result == "pass" else
                                          "fail" if step3.result == "fail" else ""),
        step3_month=(_dt.date(step3.date.year, step3.date.month or 1, 1)
                     if step3 is not None and step3.date is not None and not step3.date.present
                     else None),
        divisions=_divisions(cv),
    )


def _divisions(cv: CV) -> frozenset[str]:
    """The geographic preferences of the CV's ERAS application part ("no preference": none)."""
    if cv.preferences.no_geographic_preference:
        return frozenset()
    return frozenset(cv.preferences.divisions)
