"""CV rules about ERAS limits and residency facts (graduation recency, retired exams).

Limits and their sources come from :mod:`workshop.core.cv.eras_facts` (FACTS.md). Characters are
counted as code points of the text exactly as it will be pasted.
"""

from __future__ import annotations

import re

from workshop.core.cv.dates import MonthYear
from workshop.core.cv.eras_facts import (
    ERAS_DESCRIPTION_CHARS,
    ERAS_MAX_EXPERIENCES,
    ERAS_MAX_MOST_MEANINGFUL,
    ERAS_REFLECTION_CHARS,
    SOURCE_EXPERIENCES,
    SOURCE_MOST_MEANINGFUL,
    SOURCE_RECENCY,
    SOURCE_USMLE,
)
from workshop.core.cv.finding import CATEGORY_LENGTH, CATEGORY_RESIDENCY, Finding, make_finding
from workshop.core.cv.model import CV

RECENT_GRADUATE_YEARS = 5
"""Advise past this many years since graduation (FACTS.md, The Match / List building)."""

STEP2_CS_END = MonthYear(2021, 1)
"""Step 2 CS was discontinued in early 2021 (FACTS.md, USMLE row)."""

_STEP2_CS_TEXT = re.compile(r"\bstep\s*2\s*-?\s*cs\b", re.IGNORECASE)
_STEP2_CS_NAME = re.compile(r"\bstep\s*2\s*-?\s*(cs|clinical\s+skills)\b", re.IGNORECASE)


def check_eras_limits(cv: CV) -> list[Finding]:
    """At most 10 experiences (750 characters each), at most 3 most meaningful (300 each)."""
    out = []
    included = [(i, e) for i, e in enumerate(cv.experience) if e.eras.include]
    if len(included) > ERAS_MAX_EXPERIENCES:
        out.append(make_finding(
            rule="eras.max-experiences", category=CATEGORY_LENGTH, severity="error",
            message=f"{len(included)} experiences are marked for ERAS; ERAS takes at most "
            f"{ERAS_MAX_EXPERIENCES}. Keep the strongest and untick 'include in ERAS' on the rest "
            "(they stay on the CV).",
            source=SOURCE_EXPERIENCES, where=f"experience[{included[ERAS_MAX_EXPERIENCES][0]}]",
        ))
    for i, exp in included:
        text = exp.eras_description
        if len(text) > ERAS_DESCRIPTION_CHARS:
            out.append(make_finding(
                rule="eras.description-length", category=CATEGORY_LENGTH, severity="error",
                message=f"The ERAS description of '{exp.title or exp.organization}' has "
                f"{len(text)} characters; ERAS allows {ERAS_DESCRIPTION_CHARS}. Cut "
                f"{len(text) - ERAS_DESCRIPTION_CHARS} or write a shorter ERAS-only description.",
                source=SOURCE_EXPERIENCES,
                where=f"experience[{i}].eras.description" if exp.eras.description
                else f"experience[{i}].description",
            ))
    meaningful = [(i, e) for i, e in included if e.eras.most_meaningful]
    if len(meaningful) > ERAS_MAX_MOST_MEANINGFUL:
        out.append(make_finding(
            rule="eras.max-most-meaningful", category=CATEGORY_LENGTH, severity="error",
            message=f"{len(meaningful)} experiences are marked most meaningful; ERAS allows "
            f"{ERAS_MAX_MOST_MEANINGFUL}. Choose the three that best show who you are.",
            source=SOURCE_MOST_MEANINGFUL,
            where=f"experience[{meaningful[ERAS_MAX_MOST_MEANINGFUL][0]}].eras.most_meaningful",
        ))
    for i, exp in meaningful:
        n = len(exp.eras.reflection)
        if n > ERAS_REFLECTION_CHARS:
            out.append(make_finding(
                rule="eras.reflection-length", category=CATEGORY_LENGTH, severity="error",
                message=f"The most-meaningful reflection of '{exp.title or exp.organization}' has "
                f"{n} characters; ERAS allows {ERAS_REFLECTION_CHARS}. Cut "
                f"{n - ERAS_REFLECTION_CHARS}.",
                source=SOURCE_MOST_MEANINGFUL, where=f"experience[{i}].eras.reflection",
            ))
        elif not exp.eras.reflection.strip():
            out.append(make_finding(
                rule="eras.reflection-missing", category=CATEGORY_RESIDENCY, severity="warning",
                message=f"'{exp.title or exp.organization}' is marked most meaningful but has no "
                "reflection; ERAS asks why it mattered to you (up to 300 characters).",
                source=SOURCE_MOST_MEANINGFUL, where=f"experience[{i}].eras.reflection",
            ))
    return out


def check_graduation(cv: CV, today: MonthYear) -> list[Finding]:
    """Advise when the medical degree is more than five years old."""
    grads = [
        (i, e.end) for i, e in enumerate(cv.education)
        if e.kind == "medical-school" and e.end is not None and not e.end.present
    ]
    if not grads:
        return []
    i, end = max(grads, key=lambda g: g[1].sort_key())
    months = today.first_index() - end.last_index()
    if months <= RECENT_GRADUATE_YEARS * 12:
        return []
    years = months // 12
    return [make_finding(
        rule="cv.years-since-graduation", category=CATEGORY_RESIDENCY, severity="advice",
        message=f"You graduated {years} years ago ({end.display()}). Many programs prefer "
        f"graduates within {RECENT_GRADUATE_YEARS} years and want recent U.S. clinical "
        "experience: put recent clinical work first and show continuous clinical activity.",
        source=SOURCE_RECENCY, where=f"education[{i}].end",
    )]


def check_exams(cv: CV) -> list[Finding]:
    """Step 2 CS is discontinued: listing it as pending or required is out of date."""
    out = []
    for i, exam in enumerate(cv.exams):
        if exam.kind != "usmle-step2cs" and not _STEP2_CS_NAME.search(exam.name):
            continue
        historical = (
            exam.result in ("pass", "fail") and exam.date is not None
            and not exam.date.present and exam.date.sort_key() < STEP2_CS_END.sort_key()
        )
        if historical:
            out.append(make_finding(
                rule="cv.outdated-exam", category=CATEGORY_RESIDENCY, severity="advice",
                message="Step 2 CS was discontinued in 2021. A result from before then may stay, "
                "but label it '(discontinued 2021)' so it does not read as current.",
                source=SOURCE_USMLE, where=f"exams[{i}]",
            ))
        else:
            out.append(make_finding(
                rule="cv.outdated-exam", category=CATEGORY_RESIDENCY, severity="warning",
                message="USMLE Step 2 CS was permanently discontinued in 2021: it cannot be "
                "planned or pending. Remove this entry; OET Medicine and ECFMG pathways now "
                "cover clinical and communication skills.",
                source=SOURCE_USMLE, where=f"exams[{i}]",
            ))
    for i, exp in enumerate(cv.experience):
        for field_name, text in (("description", exp.description),
                                 ("eras.description", exp.eras.description)):
            if _STEP2_CS_TEXT.search(text):
                out.append(make_finding(
                    rule="cv.outdated-exam", category=CATEGORY_RESIDENCY, severity="advice",
                    message="This text mentions USMLE Step 2 CS, discontinued in 2021; make sure "
                    "it does not present it as a current requirement.",
                    source=SOURCE_USMLE, where=f"experience[{i}].{field_name}",
                ))
    return out


def check_certifications(cv: CV, today: MonthYear) -> list[Finding]:
    """A lapsed BLS/ACLS card is a common, easily fixed red flag."""
    out = []
    for i, cert in enumerate(cv.certifications):
        if cert.expires is None or cert.expires.present:
            continue
        if cert.expires.last_index() < today.first_index():
            out.append(make_finding(
                rule="cv.certification-expired", category=CATEGORY_RESIDENCY, severity="warning",
                message=f"{cert.name or 'This certification'} expired {cert.expires.display()}. "
                "Renew it before applying (programs expect current BLS/ACLS), or remove it.",
                source="CV consistency (no FACTS.md row: program onboarding practice)",
                where=f"certifications[{i}].expires",
            ))
    return out
