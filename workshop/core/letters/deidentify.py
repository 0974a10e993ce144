"""The de-identification gate: patient identifiers in case text keep a packet from being built.

A writer's packet leaves the applicant's hands, so a case that names a patient ("Mr. John
Smith, 67, MRN 4471920") must not reach it by accident. :func:`scan` looks for the identifiers
HIPAA's Safe Harbor list and hospital privacy rules name most often in free text: names with a
title, record numbers, dates of birth, a name with an age, phone numbers and street addresses or
ZIP codes. Patterns are deliberately specific (a title before a capitalised word, a number
after "MRN"), so a de-identified case ("Man in his 60s with heart failure") passes.

A flag is not a verdict: the applicant may edit the case or confirm it is de-identified. The
confirmation is kept per case *and* per text hash (:func:`case_hash`), so any later edit
re-opens the gate.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workshop.core.letters.model import LetterWriter, WriterCase

NAME_WITH_TITLE = "name with title"
RECORD_NUMBER = "record number"
DATE_OF_BIRTH = "date of birth"
NAME_WITH_AGE = "name with age"
PHONE = "phone number"
ADDRESS = "street address"
ZIP_CODE = "ZIP code"
KINDS = (NAME_WITH_TITLE, RECORD_NUMBER, DATE_OF_BIRTH, NAME_WITH_AGE, PHONE, ADDRESS, ZIP_CODE)

_NAME = r"[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?"
_DATE = (r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
         r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
         r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})")
_STREET_TYPES = (r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Court|Ct|Way|"
                 r"Place|Pl|Terrace|Highway|Hwy|Parkway|Pkwy|Square|Sq")
# U.S. state codes, joined with "|" into the ZIP pattern.
_STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|"
           "NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Mr. Smith", "Mrs Li", "Ms. Ana Lopez"; "Dr. X" only when X is not a known colleague
    # (filtered in scan), since case text often says which doctor saw the work.
    (NAME_WITH_TITLE, re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+{_NAME}")),
    (RECORD_NUMBER, re.compile(
        r"\b(?:MRN|UHID|medical\s+record(?:\s+(?:number|no\.?|#))?|record\s+(?:number|no\.?|#)|"
        r"chart\s+(?:number|no\.?|#)|patient\s+(?:ID|number|no\.?|#)|hospital\s+(?:number|no\.?)|"
        r"bed\s+(?:number|no\.?)|reg(?:istration)?\.?\s+(?:number|no\.?))\s*[:#.]?\s*"
        r"[A-Z]{0,3}[-\s]?\d[\d\-]{2,}", re.IGNORECASE)),
    (RECORD_NUMBER, re.compile(r"(?<![\d.,+\-/])\d{7,12}(?![\d.,/])")),
    (DATE_OF_BIRTH, re.compile(
        rf"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born(?:\s+on)?|birth\s*date)\s*[:\-]?\s*{_DATE}",
        re.IGNORECASE)),
    (DATE_OF_BIRTH, re.compile(r"\b(?:DOB|D\.O\.B\.?)(?![a-z])")),
    (NAME_WITH_AGE, re.compile(
        r"\b[A-Z][a-z'’\-]+\s+[A-Z][a-z'’\-]+,?\s*(?:\(\s*|,\s*)(?:aged?\s*)?\d{1,3}"
        r"(?:\s*(?:y|yo|yrs?|years?(?:\s+old)?|M|F))?\s*\)?(?![\d/.-])")),
    (NAME_WITH_AGE, re.compile(
        rf"\b\d{{1,3}}[\s\-]*(?:year|yr)s?[\s\-]*old\s+(?:named\s+|called\s+){_NAME}")),
    (PHONE, re.compile(
        r"(?<![\w+])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,4}\)|\d{3})[\s.\-]\d{3}[\s.\-]\d{4}(?!\d)")),
    (PHONE, re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s.\-]?\d{2,5}){2,5}(?!\d)")),
    (ADDRESS, re.compile(rf"\b\d{{1,5}}\s+(?:[A-Z][a-z]+\.?\s+){{1,3}}(?:{_STREET_TYPES})\b\.?")),
    (ADDRESS, re.compile(r"\b(?:P\.?\s?O\.?\s+Box|Apt\.?|Apartment|Suite)\s+\d+[A-Z]?\b",
                         re.IGNORECASE)),
    (ZIP_CODE, re.compile(rf"\b(?:{_STATES})\s+\d{{5}}(?:-\d{{4}})?\b")),
    (ZIP_CODE, re.compile(r"\b(?:ZIP|zip\s*code|postal\s*code|PIN\s*code)\s*[:#]?\s*\d{5,6}\b",
                          re.IGNORECASE)),
)
#: Words that look like a name after a title but are not a person ("Dr. Office").
_NOT_A_NAME = {"On", "In", "At", "The"}


@dataclass(frozen=True, slots=True)
class Finding:
    """One possible identifier: its kind, the text matched and where (within one field)."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CaseFlag:
    """A case of a writer that may identify a patient, with what was found in which field."""

    number: int  # 1-based, as the Cases table shows it
    case: WriterCase
    findings: tuple[tuple[str, Finding], ...]  # (field name, finding)

    def describe(self) -> str:
        """"case 2: “Mr. John Smith” (name with title), “MRN 4471920” (record number)"."""
        found = ", ".join(f"“{f.text}” ({f.kind})" for _, f in self.findings)
        return f"case {self.number}: {found}"


def scan(text: str, colleagues: Iterable[str] = ()) -> list[Finding]:
    """Possible patient identifiers in ``text``, in text order, overlapping matches merged.

    Args:
        text: free text of one case field.
        colleagues: family names of doctors the text may name on purpose (the writers);
            "Dr. Iyer reviewed my note" is not a patient.
    """
    allowed = {name.casefold() for name in colleagues if name}
    found: list[Finding] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            words = match.group(0).split()
            if kind == NAME_WITH_TITLE:
                if words[1] in _NOT_A_NAME:
                    continue
                if words[0].rstrip(".") == "Dr" and any(
                        w.strip("’'").casefold() in allowed for w in words[1:]):
                    continue
            found.append(Finding(kind, match.group(0).strip(), match.start(), match.end()))
    found.sort(key=lambda f: (f.start, -f.end))
    merged: list[Finding] = []
    for finding in found:
        if merged and finding.start < merged[-1].end:
            continue
        merged.append(finding)
    return merged


def case_hash(case: WriterCase) -> str:
    """A stable hash of a case's text: a confirmation holds for exactly this text."""
    raw = "\x1f".join((case.when, case.summary, case.role, case.observed))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def colleague_names(writers: Sequence[LetterWriter]) -> list[str]:
    """Family names (last word of the name, as typed) of every writer."""
    names: list[str] = []
    for writer in writers:
        words = [w for w in writer.name.replace(",", " ").split() if not w.endswith(".")]
        names.extend(words[-1:] + words[:1])
    return names


def flag_case(number: int, case: WriterCase, colleagues: Iterable[str] = ()) -> CaseFlag | None:
    """The flag for one case, or None when nothing in it looks identifying."""
    names = list(colleagues)
    findings = tuple((field, f) for field in ("summary", "role", "observed")
                     for f in scan(getattr(case, field), names))
    return CaseFlag(number, case, findings) if findings else None


def flagged_cases(writer: LetterWriter, colleagues: Iterable[str] = (), *,
                  include_confirmed: bool = False) -> list[CaseFlag]:
    """Cases of ``writer`` that may identify a patient; confirmed cases are left out unless
    ``include_confirmed`` (the Cases tab shows them, marked)."""
    names = [*colleagues, *colleague_names([writer])]
    flags = []
    for number, case in enumerate(writer.cases, start=1):
        if case.deidentified_confirmed and not include_confirmed:
            continue
        flag = flag_case(number, case, names)
        if flag is not None:
            flags.append(flag)
    return flags


def gate_message(writer: LetterWriter, flags: Sequence[CaseFlag]) -> str:
    """The refusal text when a packet would carry a flagged case."""
    listed = "; ".join(flag.describe() for flag in flags)
    noun = "A case" if len(flags) == 1 else f"{len(flags)} cases"
    return (f"{noun} shared with {writer.name} may identify a patient ({listed}). "
            "The packet was not built.")


GATE_HINT = ("In Letters ▸ Cases, remove the name, number, date of birth, phone or address, "
             "or confirm the case is de-identified if the flag is wrong.")
