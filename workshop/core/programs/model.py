"""A residency program as the applicant records it, with its status pipeline.

Everything here comes from the user (their spreadsheet, the program's website as they read it):
the app never fills in program data. ``None`` means "not recorded", which the fit rules report as
unknown rather than guessing; for visa sponsorship an empty set means "sponsors no visa" and
``None`` means "not recorded".
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Final, Literal, get_args

from workshop.core.errors import UserError

#: NRMP position types (FACTS.md, "Tracks"): advanced programs start at PGY-2 and are ranked on
#: a supplemental rank-order list; reserved/physician positions are for physicians only.
Track = Literal["", "categorical", "preliminary", "transitional", "advanced", "reserved",
                "physician"]
TRACKS: Final[tuple[str, ...]] = get_args(Track)
TRACK_LABELS: Final[dict[str, str]] = {
    "": "",
    "categorical": "Categorical",
    "preliminary": "Preliminary",
    "transitional": "Transitional year",
    "advanced": "Advanced (PGY-2)",
    "reserved": "Reserved (PGY-2)",
    "physician": "Physician",
}

#: A program signal sent through MyERAS: one kind for specialties without tiers, gold or
#: silver where the specialty uses tiers (FACTS.md, "Program signals").
Signal = Literal["", "signal", "gold", "silver"]
SIGNALS: Final[tuple[str, ...]] = get_args(Signal)
SIGNAL_LABELS: Final[dict[str, str]] = {"": "", "signal": "Signal", "gold": "Gold signal",
                                        "silver": "Silver signal"}

HospitalType = Literal["", "academic", "community", "community-based university"]
HOSPITAL_TYPES: Final[tuple[str, ...]] = get_args(HospitalType)

Visa = Literal["J-1", "H-1B"]
VISAS: Final[tuple[str, ...]] = get_args(Visa)

Status = Literal[
    "researching", "applied", "interview-invited", "interviewed", "ranked", "matched",
    "withdrawn",
]
#: Pipeline order; "withdrawn" may follow any step.
STATUSES: Final[tuple[str, ...]] = get_args(Status)
STATUS_LABELS: Final[dict[str, str]] = {
    "researching": "Researching",
    "applied": "Applied",
    "interview-invited": "Interview invited",
    "interviewed": "Interviewed",
    "ranked": "Ranked",
    "matched": "Matched",
    "withdrawn": "Withdrawn",
}

FitLabel = Literal["not eligible", "not enough info", "reach", "target", "strong fit"]
#: Least to most confident: the order the property tests rely on. "not enough info" says the
#: program's or the applicant's data cannot support a label; "strong fit" means every stated
#: requirement is met with margin (never a promise of an interview: there is no "safety").
FIT_LABELS: Final[tuple[str, ...]] = get_args(FitLabel)
#: What the user may choose as their own label.
OVERRIDE_LABELS: Final[tuple[str, ...]] = ("not eligible", "reach", "target", "strong fit")

#: NRMP program codes look like 1234140C0: 7 digits, a track letter, a digit. A code that does not
#: match is kept as typed, with a warning (the user's data wins over our pattern).
PROGRAM_CODE_RE: Final = re.compile(r"^\d{7}[A-Z]\d$")


@dataclass
class ProgramEvent:
    """A dated step in a program's pipeline ("interview invited on 2026-10-14")."""

    status: Status
    on: _dt.date
    note: str = ""
    id: int | None = None
    program_id: int | None = None


@dataclass
class Program:
    """One program (one NRMP code: a categorical and a preliminary track are two programs).

    Attributes:
        grad_within_years: "graduated within the last N years", if the program states it.
        grad_year_min: "graduated in year Y or later", if stated that way instead.
        usce_months_required: months of U.S. clinical experience asked for.
        usce_within_years: ...obtained within the last N years.
        limits_as_of: the day the program counts those years to; None = July 1 of the Match
            year, the day training starts (never the day the app runs).
        attempts_accepted: most attempts per USMLE Step the program accepts (1 = first try only).
        visa_sponsorship: visas sponsored; empty = none; None = not recorded.
        visa_confirmed_on: when the user confirmed the visa policy for this season.
        step3_required_by: for an H-1B, the day Step 3 must be passed by (None: not stated;
            programs often want it by the rank-order-list deadline).
        signal: the program signal sent to it in MyERAS.
        step2ck_matched_median, img_interviewed_share, img_matched_share: evidence the user
            copies from Residency Explorer or FREIDA, with ``evidence_source``.
        statement_document_id: the statement version sent (``documents.id`` in the workspace).
        fit_override: the user's own label, shown instead of the computed one, with a reason.
    """

    name: str
    program_code: str = ""
    specialty: str = ""
    track: Track = ""
    city: str = ""
    state: str = ""
    hospital_type: HospitalType = ""
    size: int | None = None
    img_share: float | None = None
    visa_sponsorship: frozenset[str] | None = None
    min_step2ck: int | None = None
    grad_within_years: int | None = None
    grad_year_min: int | None = None
    usce_months_required: int | None = None
    usce_within_years: int | None = None
    limits_as_of: _dt.date | None = None
    attempts_accepted: int | None = None
    visa_confirmed_on: _dt.date | None = None
    step3_required_by: _dt.date | None = None
    signal: Signal = ""
    step2ck_matched_median: int | None = None
    img_interviewed_share: float | None = None
    img_matched_share: float | None = None
    evidence_source: str = ""
    interview_format: str = ""
    program_deadline: _dt.date | None = None
    website: str = ""
    contacts: str = ""
    notes: str = ""
    status: Status = "researching"
    interview_date: _dt.date | None = None
    interview_notes: str = ""
    statement_document_id: int | None = None
    fit_override: FitLabel | Literal[""] = ""
    fit_override_reason: str = ""
    events: list[ProgramEvent] = field(default_factory=list)
    id: int | None = None

    @property
    def location(self) -> str:
        """ "Chicago, IL" (or whichever part is known)."""
        return ", ".join(part for part in (self.city, self.state) if part)

    @property
    def display_name(self) -> str:
        """Name with the track when known, as lists show it."""
        track = TRACK_LABELS.get(self.track, "")
        return f"{self.name} ({track})" if track else self.name

    def validate(self) -> None:
        """Check the invariants the database and the fit rules rely on.

        Raises:
            UserError: naming the field and what to type instead.
        """
        where = self.name or "program"
        if not self.name.strip():
            raise UserError("A program needs a name.", hint="Type the program's name.",
                            where="name")
        _check_choice(self.track, TRACKS, "track", where)
        _check_choice(self.hospital_type, HOSPITAL_TYPES, "hospital type", where)
        _check_choice(self.status, STATUSES, "status", where)
        _check_choice(self.signal, SIGNALS, "signal", where)
        if self.fit_override:
            _check_choice(self.fit_override, OVERRIDE_LABELS, "fit override", where)
        if self.visa_sponsorship is not None:
            bad = sorted(v for v in self.visa_sponsorship if v not in VISAS)
            if bad:
                raise UserError(f"unknown visa {bad[0]!r}", where=where,
                                hint="Use J-1, H-1B, or leave the set empty for none.")
        for what, share in (("IMG share", self.img_share),
                            ("IMGs among those interviewed", self.img_interviewed_share),
                            ("IMGs among those matched", self.img_matched_share)):
            if share is not None and not 0 <= share <= 100:
                raise UserError(f"{what} {share:g}% is not between 0 and 100",
                                where=where, hint="Type a percentage such as 35.")
        for label, value, low, high in (
            ("size", self.size, 0, 10_000),
            ("Step 2 CK minimum", self.min_step2ck, 1, 300),
            ("median Step 2 CK of matched residents", self.step2ck_matched_median, 1, 300),
            ("graduated within (years)", self.grad_within_years, 0, 80),
            ("graduation year cutoff", self.grad_year_min, 1900, 2200),
            ("U.S. clinical experience (months)", self.usce_months_required, 0, 120),
            ("U.S. clinical experience within (years)", self.usce_within_years, 0, 80),
            ("attempts accepted", self.attempts_accepted, 1, 10),
        ):
            if value is not None and not low <= value <= high:
                raise UserError(f"{label} {value} is not between {low} and {high}",
                                where=where, hint="Correct the number or leave it empty.")


def _check_choice(value: str, allowed: tuple[str, ...], label: str, where: str) -> None:
    if value not in allowed:
        choices = ", ".join(a for a in allowed if a)
        raise UserError(f"{label} {value!r} is not one of: {choices}", where=where)


def status_rank(status: str) -> int:
    """Position in the pipeline (withdrawn last), for sorting and transition checks."""
    return STATUSES.index(status)


def check_transition(current: str, new: str) -> None:
    """Refuse a step back in the pipeline (a correction deletes the wrong event instead).

    Moving forward may skip steps (an applicant may learn of an invitation and the interview at
    once); "withdrawn" may follow any step; a withdrawn program may be re-opened at any step.

    Raises:
        UserError: saying which step is current and what to do.
    """
    _check_choice(new, STATUSES, "status", "program")
    if new == "withdrawn" or current == "withdrawn" or new == current:
        return
    if status_rank(new) < status_rank(current):
        raise UserError(
            f"cannot move from {STATUS_LABELS[current]!r} back to {STATUS_LABELS[new]!r}",
            hint="Delete the mistaken event instead, then add the right one.",
            where="status",
        )


def normalize_key(*parts: str) -> str:
    """Case-, space- and punctuation-insensitive key for matching a program on re-import."""
    text = " ".join(parts).casefold()
    return " ".join(re.findall(r"\w+", text))
