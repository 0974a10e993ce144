"""Small two-way conversions shared by the JSON Resume importer and exporter.

Where JSON Resume has no field for something a residency CV needs (exam results, authors of a
poster), the exporter writes it in a readable form inside a text field and the importer reads the
same form back, so a CV survives a trip through JSON Resume and other tools still show it sensibly.
"""

from __future__ import annotations

import re
from typing import Final

from workshop.core.cv.dates import MonthYear
from workshop.core.cv.model import EXAM_LABELS, ClinicalType, Exam, ExamKind, Proficiency, Section

SCHEMA_URL: Final = (
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
)

# -- dates ----------------------------------------------------------------------------------------


def date_out(date: MonthYear | None) -> str | None:
    """JSON Resume date ("2021-07" or "2021"); None for missing and for "present"."""
    if date is None or date.present:
        return None
    return date.to_str()


def date_in(text: str | None) -> MonthYear | None:
    """Read a validated JSON Resume date (the day is dropped: CVs use months)."""
    if not text or not text.strip():
        return None  # empty or missing: for an end date, ongoing
    return MonthYear.parse(text.strip()[:7])


# -- locations ------------------------------------------------------------------------------------

US_NAMES: Final = frozenset({"united states", "united states of america", "usa", "us", "u.s.",
                             "u.s.a."})


def location_out(city: str, region: str, country: str) -> str:
    """"City, Region, Country" with empty parts left out."""
    return ", ".join(p for p in (city, region, country) if p)


def location_in(text: str) -> tuple[str, str, str]:
    """Split "City, Region, Country" (2 parts: city and country; 1: city)."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 3:
        return ", ".join(parts[:-2]), parts[-2], parts[-1]
    if len(parts) == 2:
        return parts[0], "", parts[1]
    return (parts[0] if parts else ""), "", ""


# -- labelled lines inside a free-text field ------------------------------------------------------


def lines_out(pairs: list[tuple[str, str]]) -> str:
    """"Authors: A; B" style lines for the non-empty values."""
    return "\n".join(f"{key}: {value}" for key, value in pairs if value)


def lines_in(text: str, keys: tuple[str, ...]) -> tuple[dict[str, str], str]:
    """Read back :func:`lines_out`; returns (known key -> value, leftover text)."""
    found: dict[str, str] = {}
    rest: list[str] = []
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() in keys and key.strip() not in found:
            found[key.strip()] = value.strip()
        elif line.strip():
            rest.append(line)
    return found, "\n".join(rest)


def split_names(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


CITATION_RE: Final = re.compile(r"^(?P<vol>[^():]*)(?:\((?P<iss>[^)]*)\))?(?::(?P<pages>.*))?$")


def citation_out(volume: str, issue: str, pages: str) -> str:
    """Vancouver-style "12(3):101-110"."""
    out = volume
    if issue:
        out += f"({issue})"
    if pages:
        out += f":{pages}"
    return out


def citation_in(text: str) -> tuple[str, str, str]:
    m = CITATION_RE.match(text.strip())
    if not m:
        return "", "", ""
    return (m.group("vol") or "").strip(), m.group("iss") or "", (m.group("pages") or "").strip()


# -- exams as certificates ------------------------------------------------------------------------

_EXAM_PATTERNS: Final[tuple[tuple[str, ExamKind], ...]] = (
    (r"\bstep\s*1\b", "usmle-step1"),
    (r"\bstep\s*2\s*-?\s*ck\b", "usmle-step2ck"),
    (r"\bstep\s*2\s*-?\s*cs\b", "usmle-step2cs"),
    (r"\bstep\s*3\b", "usmle-step3"),
    (r"\boet\b", "oet-medicine"),
)
EXAM_ISSUERS: Final[dict[str, str]] = {
    "usmle-step1": "USMLE", "usmle-step2ck": "USMLE", "usmle-step2cs": "USMLE",
    "usmle-step3": "USMLE", "oet-medicine": "OET", "other": "",
}
ECFMG_NAME: Final = "ECFMG Certification"


def exam_certificate_name(exam: Exam) -> str:
    """"USMLE Step 2 CK: 246 (Pass)", "USMLE Step 1: Pass" (what :func:`exam_from_name` reads)."""
    parts = [str(exam.score)] if exam.score is not None else []
    if exam.result:
        word = exam.result.capitalize()
        parts.append(f"({word})" if parts else word)
    return f"{exam.label}: {' '.join(parts)}" if parts else exam.label


def exam_from_name(name: str) -> Exam | None:
    """An exam when a certificate name is a USMLE step or OET; None otherwise."""
    lowered = name.lower()
    if not ("usmle" in lowered or re.search(r"\boet\b", lowered)):
        return None
    kind: ExamKind | None = next(
        (k for pattern, k in _EXAM_PATTERNS if re.search(pattern, lowered)), None
    )
    if kind is None:
        return None
    label, _, result = name.partition(":")
    exam = Exam(kind=kind, name="" if label.strip() == EXAM_LABELS[kind] else label.strip())
    if m := _RESULT_RE.match(result.strip().lower()):
        exam.score = int(m.group("score")) if m.group("score") else None
        word = m.group("word") or ""
        exam.result = "pass" if word.startswith("pass") else "fail" if word else ""
    return exam


_RESULT_RE: Final = re.compile(
    r"^(?P<score>\d{1,4})?\s*\(?(?P<word>passed|pass|failed|fail)?\)?$"
)


# -- languages ------------------------------------------------------------------------------------

#: MyERAS level -> JSON Resume fluency text (the MyERAS labels; see eras_picklists.toml).
FLUENCY_OUT: Final[dict[str, str]] = {
    "native": "Native", "advanced": "Advanced", "good": "Good", "fair": "Fair",
    "basic": "Basic",
}
# Free-text fluency words -> the MyERAS level, first match wins (longer phrases first).
_FLUENCY_WORDS: Final[tuple[tuple[str, Proficiency], ...]] = (
    ("native", "native"), ("mother", "native"), ("bilingual", "native"),
    ("full professional", "advanced"), ("fluent", "advanced"), ("advanced", "advanced"),
    ("professional", "good"), ("good", "good"),
    ("intermediate", "fair"), ("conversational", "fair"), ("fair", "fair"),
    ("limited", "basic"), ("basic", "basic"), ("elementary", "basic"), ("beginner", "basic"),
)


def fluency_in(text: str) -> Proficiency | None:
    """Our proficiency level for a free-text fluency, or None when it is not recognised."""
    lowered = text.lower()
    return next((level for word, level in _FLUENCY_WORDS if word in lowered), None)


# -- which section a JSON Resume "work" entry belongs to -----------------------------------------

_CLINICAL_WORDS: Final[tuple[tuple[str, ClinicalType], ...]] = (
    (r"sub-?\s?intern|acting intern", "sub-internship"),
    (r"\bextern", "externship"),
    (r"\bobserv", "observership"),
    (r"house officer|\bresident\b|\bregistrar\b|medical officer|\bresidency\b",
     "residency-abroad"),
    (r"\bintern\b|\binternship\b", "internship"),
)
_SECTION_WORDS: Final[tuple[tuple[str, Section], ...]] = (
    (r"president|\bchair|founder|captain|\bboard\b", "leadership"),
    (r"research", "research"),
    (r"teach|tutor|instructor|lecturer|demonstrator", "teaching"),
)


def classify_position(position: str) -> tuple[Section, ClinicalType | None]:
    """Guess the CV section (and clinical type) of a job title such as "Extern, Cardiology"."""
    lowered = position.lower()
    for pattern, clinical in _CLINICAL_WORDS:
        if re.search(pattern, lowered):
            return "clinical", clinical
    for pattern, section in _SECTION_WORDS:
        if re.search(pattern, lowered):
            return section, None
    return "work", None
