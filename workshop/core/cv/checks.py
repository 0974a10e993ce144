"""Run every CV rule: the one entry point the editor's issues panel and the CLI call.

Rule ids (stable; the UI may offer per-rule ignore):

=============================  ========  ======================================================
rule                           severity  fires when
=============================  ========  ======================================================
cv.gap                         warning   > 3 uncovered months (advice once explained)
cv.overlap                     warning   two full-time entries share > 1 month
cv.end-before-start            error     an entry ends before it starts
cv.future-date                 warning   a date after today (publication year too)
cv.missing-date                error/w.  no start (error), no end / no date (warning)
cv.missing-month               warning   a bare year where ERAS wants month/year
cv.order                       advice    a section not newest-first
cv.years-since-graduation      advice    medical degree older than 5 years
cv.outdated-exam               warning   Step 2 CS planned/pending (advice when historical)
cv.certification-expired       warning   BLS/ACLS past its expiry
eras.max-experiences           error     more than 10 experiences marked for ERAS
eras.description-length       error     an ERAS description over 750 characters
eras.max-most-meaningful       error     more than 3 most meaningful
eras.reflection-length         error     a reflection over 300 characters
eras.reflection-missing        warning   most meaningful without a reflection
=============================  ========  ======================================================

Spelling and grammar of descriptions go through the statements' check service (issue 4); the
lead wires that by running it over :func:`checkable_texts`.
"""

from __future__ import annotations

import datetime as _dt

from workshop.core.cv.dates import MonthYear
from workshop.core.cv.finding import Finding
from workshop.core.cv.model import CV
from workshop.core.cv.rules_application import check_impactful, check_preferences
from workshop.core.cv.rules_dates import check_gaps, check_order, check_overlaps, check_periods
from workshop.core.cv.rules_eras import (
    check_certifications,
    check_eras_limits,
    check_exams,
    check_graduation,
)


def _as_month(today: _dt.date | MonthYear) -> MonthYear:
    if isinstance(today, MonthYear):
        if today.present:
            raise ValueError("today must be a real month, not 'present'")
        return today
    return MonthYear.from_date(today)


def check_cv(cv: CV, today: _dt.date | MonthYear) -> list[Finding]:
    """All CV findings, errors first, then warnings, then advice (stable within a severity).

    Args:
        cv: the CV to check (not modified).
        today: the injected current date; "present" and future dates are judged against it.

    Returns:
        Findings (the shared ``Finding`` class when ``workshop.core.checks`` provides one).
    """
    month = _as_month(today)
    findings: list[Finding] = []
    findings += check_periods(cv, month)
    findings += check_gaps(cv, month)
    findings += check_overlaps(cv, month)
    findings += check_order(cv)
    findings += check_eras_limits(cv)
    findings += check_graduation(cv, month)
    findings += check_exams(cv)
    findings += check_certifications(cv, month)
    findings += check_preferences(cv)
    findings += check_impactful(cv)
    findings.sort(key=lambda f: f.severity_rank)
    return findings


def checkable_texts(cv: CV) -> list[tuple[str, str]]:
    """(field path, text) of every prose field worth a spelling/grammar pass."""
    out: list[tuple[str, str]] = []
    if cv.summary:
        out.append(("summary", cv.summary))
    for i, exp in enumerate(cv.experience):
        for name, text in (("description", exp.description),
                           ("eras.description", exp.eras.description),
                           ("eras.reflection", exp.eras.reflection)):
            if text.strip():
                out.append((f"experience[{i}].{name}", text))
        for j, line in enumerate(exp.highlights):
            if line.strip():
                out.append((f"experience[{i}].highlights[{j}]", line))
    for i, edu in enumerate(cv.education):
        if edu.description.strip():
            out.append((f"education[{i}].description", edu.description))
    for i, award in enumerate(cv.awards):
        if award.description.strip():
            out.append((f"awards[{i}].description", award.description))
    for path, text in (("preferences.geographic_essay", cv.preferences.geographic_essay),
                       ("preferences.setting_essay", cv.preferences.setting_essay),
                       ("impactful_experience", cv.impactful_experience)):
        if text.strip():
            out.append((path, text))
    for note in cv.gap_notes:
        if note.note.strip():
            out.append((f"gap_notes[{note.start}..{note.end}]", note.note))
    return out
