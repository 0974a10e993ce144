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

Track = Literal["", "categorical", "preliminary", "transitional"]
TRACKS: Final[tuple[str, ...]] = get_args(Track)
TRACK_LABELS: Final[dict[str, str]] = {
    "": "",
    "categorical": "Categorical",
    "preliminary": "Preliminary",
    "transitional": "Transitional year",
}

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

FitLabel = Literal["not eligible", "reach", "target", "safety"]
#: Worst to best: the order the property tests rely on.
FIT_LABELS: Final[tuple[str, ...]] = get_args(FitLabel)

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
        attempts_accepted: most attempts per USMLE Step the program accepts (1 = first try only).
        visa_sponsorship: visas sponsored; empty = none; None = not recorded.
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
    attempts_accepted: int | None = None
    interview_format: str = ""
    eras_deadline: _dt.date | None = None
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
        if self.fit_override:
            _check_choice(self.fit_override, FIT_LABELS, "fit override", where)
        if self.visa_sponsorship is not None:
            bad = sorted(v for v in self.visa_sponsorship if v not in VISAS)
            if bad:
                raise UserError(f"unknown visa {bad[0]!r}", where=where,
                                hint="Use J-1, H-1B, or leave the set empty for none.")
        if self.img_share is not None and not 0 <= self.img_share <= 100:
            raise UserError(f"IMG share {self.img_share:g}% is not between 0 and 100",
                            where=where, hint="Type a percentage such as 35.")
        for label, value, low, high in (
            ("size", self.size, 0, 10_000),
            ("Step 2 CK minimum", self.min_step2ck, 1, 300),
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
