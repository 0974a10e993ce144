"""Letter writers, their shared cases, and the ERAS letter requests made to them.

Plain dataclasses: the repositories persist them, the packet, dashboard and listing read them.
A request's status is not stored on its own: it is the last of its dated events, so the history
("asked on May 2, agreed on May 9") and the current state can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from workshop.core.cv.dates import MonthYear, format_range
from workshop.core.errors import UserError

GENERAL = "General"


class Relationship(StrEnum):
    """How the applicant knows the writer (drives the "what you supervised" phrase)."""

    ROTATION = "rotation"
    RESEARCH = "research"
    JOB = "job"
    OTHER = "other"


class LetterType(StrEnum):
    """ERAS letter type: a narrative letter or a standardized form (SLOE, SLOR...)."""

    NARRATIVE = "narrative"
    STANDARDIZED = "standardized"


class Status(StrEnum):
    """Steps of a letter request; DECLINED may happen at any step."""

    PLANNED = "planned"
    ASKED = "asked"
    AGREED = "agreed"
    PACKET_SENT = "packet_sent"
    UPLOADED = "uploaded"
    ASSIGNED = "assigned"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        """Human wording used in refusals, listings and the UI."""
        return _LABELS[self]


_LABELS = {
    Status.PLANNED: "planned",
    Status.ASKED: "asked",
    Status.AGREED: "agreed",
    Status.PACKET_SENT: "packet sent",
    Status.UPLOADED: "uploaded to the LoR Portal",
    Status.ASSIGNED: "assigned",
    Status.DECLINED: "declined",
}

class NameOrder(StrEnum):
    """How a writer's name is written: decides which word is the family name."""

    AUTO = "auto"
    GIVEN_FIRST = "given_first"
    FAMILY_FIRST = "family_first"

    @property
    def label(self) -> str:
        return {"auto": "Automatic (from country and native name)",
                "given_first": "Given name first (Ananya Iyer)",
                "family_first": "Family name first (Zhang Wei, Nagy Péter)"}[self.value]


# The ordered pipeline; DECLINED sits outside it.
PIPELINE: tuple[Status, ...] = (
    Status.PLANNED, Status.ASKED, Status.AGREED, Status.PACKET_SENT, Status.UPLOADED,
    Status.ASSIGNED,
)
# Writers may still be nudged about these; later steps need nothing from them.
AWAITING_WRITER = frozenset({Status.PLANNED, Status.ASKED, Status.AGREED, Status.PACKET_SENT})


@dataclass(frozen=True, slots=True)
class WriterCase:
    """A patient or piece of work the writer saw the applicant handle.

    Attributes:
        when: ISO date "2024-03-14" or month "2024-03" (applicants rarely remember the day).
        summary: de-identified: no names, dates of birth or record numbers.
        role: what the applicant did ("took the history, drafted the admission note").
        observed: what the writer saw first-hand (what the letter can speak to).
    """

    when: str
    summary: str
    role: str = ""
    observed: str = ""
    #: The applicant confirmed this exact text is de-identified (see ``letters.deidentify``);
    #: not part of equality, so an unchanged case compares equal whether confirmed or not.
    deidentified_confirmed: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if not self.summary.strip():
            raise UserError("A case needs a short de-identified summary.",
                            hint="Describe the patient or project without names or dates of "
                            "birth, e.g. 'Man in his 60s with decompensated heart failure'.")
        if self.when:
            parse_case_date(self.when)


def parse_case_date(text: str) -> dt.date | MonthYear:
    """Read a case date as a full ISO date, or a month/year when the day is unknown.

    Raises:
        UserError: neither form.
    """
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        return MonthYear.parse(text)
    except ValueError as exc:
        raise UserError(f'"{text}" is not a date.', hint="Use 2024-03-14 or 2024-03.",
                        where="case date") from exc


@dataclass(slots=True)
class LetterWriter:
    """Someone who writes (or may write) a letter; several requests may point to one writer.

    Attributes:
        name: as it should appear in a salutation's source, e.g. "Dr. Ananya Iyer".
        native_name: the name in its own script, optional ("अनन्या अय्यर").
        title: position, e.g. "Attending Physician, Internal Medicine".
        is_us: a U.S. physician (programs look for at least two such letters).
        setting: what the work was called ("Internal Medicine externship"); fills the
            "what you supervised" phrase of the templates.
        salutation: overrides the derived "Dear Dr. Iyer".
        name_order: which word of ``name`` is the family name (see ``letters.salutation``).
    """

    name: str
    title: str = ""
    specialty: str = ""
    institution: str = ""
    country: str = ""
    is_us: bool = False
    email: str = ""
    phone: str = ""
    relationship: Relationship = Relationship.OTHER
    worked_from: MonthYear | None = None
    worked_to: MonthYear | None = None
    cases: list[WriterCase] = field(default_factory=list)
    native_name: str = ""
    setting: str = ""
    salutation: str = ""
    notes: str = ""
    name_order: NameOrder = NameOrder.AUTO
    id: int | None = None

    def __post_init__(self) -> None:
        self.name_order = NameOrder(self.name_order)
        self.name = self.name.strip()
        if not self.name:
            raise UserError("A letter writer needs a name.", hint="Type the name as you would "
                            "address the envelope, e.g. 'Dr. Ananya Iyer'.")
        self.relationship = Relationship(self.relationship)
        if (self.worked_from and self.worked_to and not self.worked_to.present
                and self.worked_to.sort_key() < self.worked_from.sort_key()):
            raise UserError(f"{self.name}: the end of your work together "
                            f"({self.worked_to.display()}) is before its start "
                            f"({self.worked_from.display()}).", hint="Swap the two dates.")
        email = self.email.strip()
        if email and ("@" not in email or " " in email or email.startswith("@")
                      or email.endswith("@")):
            raise UserError(f'"{email}" does not look like an e-mail address.',
                            where=f"letter writer {self.name}")
        self.email = email

    @property
    def display_name(self) -> str:
        """"Dr. Ananya Iyer (अनन्या अय्यर)" when a native-script name is known."""
        return f"{self.name} ({self.native_name})" if self.native_name else self.name

    @property
    def period(self) -> str:
        """"Mar 2024 – May 2024", or empty when no dates were given."""
        return format_range(self.worked_from, self.worked_to)


@dataclass(frozen=True, slots=True)
class LetterEvent:
    """One dated step of a request (``on`` is the day it happened, not when it was typed)."""

    status: Status
    on: dt.date
    note: str = ""


@dataclass(slots=True)
class LetterRequest:
    """One ERAS letter entry: a writer writes one letter per request.

    Attributes:
        target_specialty: the specialty the letter speaks to, or "General".
        standardized_form: for standardized letters, the form's name ("SLOE", "SLOR").
        waived: the applicant waived the right to see the letter (ERAS asks yes/no).
        letter_id: the ERAS Letter ID in canonical form, "" until MyERAS creates it.
        events: dated steps, oldest first; the last one is the status.
    """

    writer_id: int
    target_specialty: str = GENERAL
    letter_type: LetterType = LetterType.NARRATIVE
    standardized_form: str = ""
    department_chair: bool = False
    waived: bool = True
    letter_id: str = ""
    due: dt.date | None = None
    events: list[LetterEvent] = field(default_factory=list)
    notes: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        self.letter_type = LetterType(self.letter_type)
        self.target_specialty = self.target_specialty.strip() or GENERAL

    @property
    def status(self) -> Status:
        """The last event's status; a request with no events is planned."""
        return self.events[-1].status if self.events else Status.PLANNED

    @property
    def last_event_on(self) -> dt.date | None:
        return self.events[-1].on if self.events else None

    @property
    def type_label(self) -> str:
        """"Narrative" or "Standardized (SLOE)"."""
        if self.letter_type is LetterType.NARRATIVE:
            return "Narrative"
        form = self.standardized_form.strip()
        return f"Standardized ({form})" if form else "Standardized"

    def event_for(self, status: Status) -> LetterEvent | None:
        """The latest event of that status, e.g. when the packet was sent."""
        for event in reversed(self.events):
            if event.status is status:
                return event
        return None
