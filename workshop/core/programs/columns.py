"""Spreadsheet columns: the canonical headers and the words people use for them.

``COLUMNS`` is both the export/template layout (in order, with canonical headers that the
importer recognises exactly, so an export re-imports cleanly) and the synonym table used to guess
a mapping for the applicant's own spreadsheet. Pseudo-columns (``location``, ``grad_cutoff``,
``visa_j1``, ``visa_h1b``) are recognised on import only and fill real fields.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Column:
    """One importable column: the field key, its canonical header and header synonyms."""

    key: str
    header: str
    synonyms: tuple[str, ...] = ()
    export: bool = True


COLUMNS: Final[tuple[Column, ...]] = (
    Column("name", "Program name", ("program", "program name", "name", "institution",
                                    "hospital", "residency program", "program institution")),
    Column("program_code", "NRMP code", ("nrmp code", "program code", "nrmp", "code",
                                         "nrmp program code", "nrmp id")),
    Column("specialty", "Specialty", ("specialty", "speciality", "field", "discipline")),
    Column("track", "Track", ("track", "position type", "categorical preliminary")),
    Column("city", "City", ("city", "town")),
    Column("state", "State", ("state", "st", "state province")),
    Column("location", "Location", ("location", "city state", "city and state"), export=False),
    Column("hospital_type", "Hospital type", ("hospital type", "setting", "academic community",
                                              "institution type", "program setting")),
    Column("size", "Size (positions)", ("size", "positions", "number of positions",
                                        "residents", "spots", "program size", "pgy1 positions")),
    Column("img_share", "IMG share (%)", ("img share", "img", "imgs", "img percent",
                                          "percent img", "img ratio", "img friendly",
                                          "img residents", "fmg")),
    Column("visa_sponsorship", "Visa sponsorship", ("visa", "visa sponsorship", "visas",
                                                    "sponsors visa", "visa sponsored",
                                                    "j1 h1b")),
    Column("visa_j1", "J-1", ("j 1", "j1", "j 1 visa", "j1 visa", "sponsors j1",
                              "j 1 sponsorship", "j1 sponsorship"), export=False),
    Column("visa_h1b", "H-1B", ("h 1b", "h1b", "h1 b", "h 1 b", "h1b visa", "sponsors h1b",
                                "h 1b visa", "h1b sponsorship", "h 1b sponsorship"),
           export=False),
    Column("min_step2ck", "Step 2 CK minimum", ("step 2 ck minimum", "step 2 ck min",
                                                "min step 2", "min step 2 ck", "step 2 cutoff",
                                                "step 2 ck cutoff", "step2 ck minimum",
                                                "min step2", "step2 min", "step 2 ck",
                                                "step 2", "step2", "step2 ck", "minimum score",
                                                "min score", "score cutoff", "ck minimum")),
    Column("grad_within_years", "Graduated within (years)", ("graduated within",
                                                             "years since graduation",
                                                             "yog within", "graduation within")),
    Column("grad_year_min", "Graduation year cutoff", ("graduation year cutoff",
                                                       "earliest graduation year",
                                                       "graduation year minimum")),
    Column("grad_cutoff", "YOG cutoff", ("yog", "yog cutoff", "year of graduation",
                                         "graduation cutoff", "year of graduation cutoff",
                                         "graduation year", "grad cutoff", "yog limit"),
           export=False),
    Column("usce_months_required", "USCE required (months)", ("usce", "usce required",
                                                              "usce months", "us experience",
                                                              "us clinical experience",
                                                              "usce requirement",
                                                              "months of usce")),
    Column("usce_within_years", "USCE within (years)", ("usce within", "usce recency",
                                                        "usce within years",
                                                        "us experience within")),
    Column("attempts_accepted", "Attempts accepted", ("attempts", "attempts accepted",
                                                      "max attempts", "attempts allowed",
                                                      "usmle attempts", "attempt")),
    Column("limits_as_of", "Limits counted to", ("limits counted to", "limits as of",
                                                 "cutoff as of", "years counted to")),
    Column("visa_confirmed_on", "Visa policy confirmed", ("visa policy confirmed",
                                                          "visa confirmed", "visa checked")),
    Column("step3_required_by", "Step 3 required by", ("step 3 required by", "step 3 by",
                                                       "step3 by", "step 3 deadline")),
    Column("signal", "Signal", ("signal", "program signal", "signaled", "signalled")),
    Column("step2ck_matched_median", "Median Step 2 CK (matched)", (
        "median step 2 ck matched", "median step 2 ck", "matched step 2 ck",
        "step 2 ck median", "median ck")),
    Column("img_interviewed_share", "IMGs interviewed (%)", ("imgs interviewed",
                                                            "img interviewed",
                                                            "percent img interviewed")),
    Column("img_matched_share", "IMGs matched (%)", ("imgs matched", "img matched",
                                                    "percent img matched")),
    Column("evidence_source", "Evidence source", ("evidence source", "data source",
                                                  "source of numbers")),
    Column("interview_format", "Interview format", ("interview format", "interview type",
                                                    "interview mode", "virtual in person")),
    # ERAS sets no application deadline: a column so named is read as the program's own.
    Column("eras_deadline", "ERAS deadline", ("eras deadline", "eras due",
                                              "eras application deadline"), export=False),
    Column("program_deadline", "Program deadline", ("program deadline", "deadline",
                                                    "application deadline", "due date",
                                                    "due")),
    Column("website", "Website", ("website", "url", "link", "web", "site", "homepage")),
    Column("contacts", "Contacts", ("contacts", "contact", "coordinator", "email",
                                    "program coordinator", "pd", "program director")),
    Column("notes", "Notes", ("notes", "note", "comments", "comment", "remarks")),
    Column("status", "Status", ("status", "application status", "stage")),
    Column("interview_date", "Interview date", ("interview date", "interview on",
                                                "interview day")),
    Column("interview_notes", "Interview notes", ("interview notes", "interview comments",
                                                  "impressions")),
    Column("fit_override", "Fit override", ("fit override", "my label", "my fit",
                                            "fit label", "reach target safety")),
    Column("fit_override_reason", "Fit override reason", ("fit override reason",
                                                          "override reason", "fit reason")),
)
COLUMN_BY_KEY: Final[dict[str, Column]] = {c.key: c for c in COLUMNS}
EXPORT_COLUMNS: Final[tuple[Column, ...]] = tuple(c for c in COLUMNS if c.export)

_EXACT_BONUS: Final = 1000


def tokens(text: str) -> tuple[str, ...]:
    """Header words, lower-case, punctuation dropped, simple plurals folded."""
    words = re.findall(r"[a-z0-9]+", text.casefold().replace("%", " percent "))
    return tuple(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w
                 for w in words)


_SYNONYMS: Final[list[tuple[str, tuple[str, ...]]]] = [
    (col.key, tokens(syn)) for col in COLUMNS for syn in (col.header, *col.synonyms)
]


def match_score(header: str) -> tuple[int, str | None]:
    """How well a header names a column: (score, key); an exact synonym scores highest.

    A synonym whose words all appear in the header also matches, scored by its length, so
    "Min. Step 2 CK score (if published)" finds ``min_step2ck`` and "Interview notes" beats
    "notes".
    """
    words = tokens(header)
    if not words:
        return 0, None
    if _names_both_visas(words):  # "Visa (J-1/H-1B)", "J1 and H1B": one column, both flags
        return _EXACT_BONUS * 2, "visa_sponsorship"
    present = set(words)
    best: tuple[int, str | None] = (0, None)
    for key, syn in _SYNONYMS:
        if syn == words:
            score = _EXACT_BONUS + len(syn)
        elif set(syn) <= present:
            score = sum(len(w) for w in syn)
        else:
            continue
        if score > best[0]:
            best = (score, key)
    return best


def _names_both_visas(words: tuple[str, ...]) -> bool:
    joined = "".join(words)
    return "j1" in joined and ("h1b" in joined or "h1" in joined.replace("j1", ""))


def synonym_tokens(key: str, header: str) -> tuple[str, ...]:
    """The words of the synonym of ``key`` that best matches ``header`` (for group headers)."""
    present = set(tokens(header))
    best: tuple[str, ...] = ()
    for k, syn in _SYNONYMS:
        if k == key and set(syn) <= present and len(syn) > len(best):
            best = syn
    return best


def guess_mapping(headers: Sequence[str]) -> dict[int, str]:
    """Guess which column holds which field: ``{column index: field key}``.

    Each field goes to at most one column (the best-scoring one); columns that match nothing
    are left out, and the user maps them by hand in the preview.
    """
    scored = []
    for index, header in enumerate(headers):
        score, key = match_score(header)
        if key is not None:
            scored.append((-score, index, key))
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for _neg, index, key in sorted(scored):
        if key not in taken:
            mapping[index] = key
            taken.add(key)
    return dict(sorted(mapping.items()))


def check_mapping(mapping: dict[int, str], width: int) -> list[str]:
    """Problems with a user-edited mapping (unknown field, column out of range, duplicates)."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, key in mapping.items():
        if key not in COLUMN_BY_KEY:
            problems.append(f"column {index + 1}: unknown field '{key}'")
        if not 0 <= index < width:
            problems.append(f"column {index + 1} does not exist (the sheet has {width})")
        if key in seen:
            problems.append(f"'{COLUMN_BY_KEY[key].header}' is mapped to columns "
                            f"{seen[key] + 1} and {index + 1}; keep one")
        seen[key] = index
    if "name" not in mapping.values():
        problems.append("no column is mapped to 'Program name'; map the column holding names")
    return problems
