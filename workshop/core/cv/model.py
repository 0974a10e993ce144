"""The CV of an international medical graduate, shaped the way ERAS and U.S. programs read it.

Plain dataclasses: the editor mutates them, the checks read them, the PDF/.docx renderer lays them
out, and the workspace stores ``cv.to_dict()`` as one JSON document. ``CV.from_dict`` validates
every field and names the path of the first bad one ("experience[3].start: expected YYYY-MM ...").

Shape (stable; the renderer depends on it):

* ``personal`` - names (passport Latin script, native script, preferred), contact, links and a
  private ``immigration`` block (citizenship, visa) left out of exports unless asked.
* ``education`` - medical school and other degrees; ``ecfmg``; ``exams`` (USMLE, OET...).
* ``experience`` - one list for every dated role, grouped for display by ``section``
  (clinical, research, teaching, volunteer, leadership, work); clinical entries add a
  ``clinical_type``, ``us`` flag, specialty, setting, supervisor. Each carries ``eras`` fields.
* ``publications``, ``presentations`` (oral or poster), ``awards``, ``certifications``,
  ``languages``, ``skills``, ``hobbies``, ``custom_sections``.
* ``gap_notes`` - the user's explanation of a gap, keyed by the gap's first and last month.
* ``preferences`` - MyERAS geographic (Census divisions) and setting preferences with essays;
  ``impactful_experience`` - the optional MyERAS essay (format 2).

Format 2 moved languages to the MyERAS scale; :mod:`workshop.core.cv.migrate` upgrades older
files on load, keeping the old word.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from workshop.core.cv.dates import MonthYear
from workshop.core.cv.migrate import upgrade
from workshop.core.cv.picklists import eras_picklists
from workshop.core.cv.preferences import Preferences
from workshop.core.cv.serial import dump_record, load_record
from workshop.core.errors import UserError

SCHEMA_VERSION: Final = 2

Section = Literal["clinical", "research", "teaching", "volunteer", "leadership", "work"]
SECTIONS: Final[tuple[Section, ...]] = (
    "clinical", "research", "teaching", "volunteer", "leadership", "work",
)
SECTION_TITLES: Final[dict[str, str]] = {
    "clinical": "Clinical Experience",
    "research": "Research Experience",
    "teaching": "Teaching Experience",
    "volunteer": "Volunteer Experience",
    "leadership": "Leadership",
    "work": "Work Experience",
}

ClinicalType = Literal[
    "sub-internship", "externship", "observership", "research-clinical",
    "residency-abroad", "internship", "other",
]
CLINICAL_TYPE_LABELS: Final[dict[str, str]] = {
    "sub-internship": "Sub-internship / acting internship",
    "externship": "Externship",
    "observership": "Observership",
    "research-clinical": "Research with clinical exposure",
    "residency-abroad": "Residency or house officer (abroad)",
    "internship": "Internship",
    "other": "Other clinical experience",
}

ErasType = Literal[
    "education-training", "military-service", "professional-organization", "extracurricular",
    "research", "teaching-mentoring", "volunteer-service-advocacy", "work",
]
#: The ERAS type an entry gets when the user has not chosen one.
DEFAULT_ERAS_TYPE: Final[dict[str, ErasType]] = {
    "clinical": "education-training",
    "research": "research",
    "teaching": "teaching-mentoring",
    "volunteer": "volunteer-service-advocacy",
    "leadership": "professional-organization",
    "work": "work",
}

EducationKind = Literal["medical-school", "university", "postgraduate", "other"]
EcfmgStatus = Literal["not-started", "in-progress", "certified"]
ExamKind = Literal[
    "usmle-step1", "usmle-step2ck", "usmle-step2cs", "usmle-step3", "oet-medicine", "other",
]
EXAM_LABELS: Final[dict[str, str]] = {
    "usmle-step1": "USMLE Step 1",
    "usmle-step2ck": "USMLE Step 2 CK",
    "usmle-step2cs": "USMLE Step 2 CS",
    "usmle-step3": "USMLE Step 3",
    "oet-medicine": "OET Medicine",
    "other": "Exam",
}
ExamResult = Literal["", "pass", "fail"]
PublicationStatus = Literal["published", "accepted", "in-press", "submitted", "in-preparation"]
PublicationKind = Literal[
    "journal-article", "case-report", "review", "abstract", "book-chapter", "other",
]
PresentationKind = Literal["oral", "poster"]
#: The MyERAS language scale (keys of ``resources/cv/eras_picklists.toml`` [language]).
Proficiency = Literal["native", "advanced", "good", "fair", "basic"]

KNOWN_DEGREES: Final = ("MBBS", "MBBCh", "MBChB", "MBBChir", "MD", "DO", "MBBCh BAO", "BMBS")


def new_id(prefix: str = "e") -> str:
    """A short stable id for an entry (the editor reorders and references entries by id)."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


# -- personal -------------------------------------------------------------------------------------


@dataclass
class Link:
    """A labelled link (LinkedIn, ORCID, personal site)."""

    label: str = ""
    url: str = ""


@dataclass
class Immigration:
    """Citizenship and visa status: sensitive, so ``private`` by default.

    A private block is stored but emptied in exports unless the user asks to include it.
    """

    citizenship: str = ""
    visa_status: str = ""
    private: bool = True


@dataclass
class Personal:
    """Who the applicant is and how to reach them.

    ``legal_name`` is the name exactly as on the passport in Latin script (ERAS, ECFMG and the
    NRMP match on it); ``native_name`` is optional (e.g. Arabic script).
    """

    legal_name: str = ""
    native_name: str = ""
    preferred_name: str = ""
    headline: str = ""
    email: str = ""
    phone: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    links: list[Link] = field(default_factory=list)
    immigration: Immigration = field(default_factory=Immigration)


# -- education and exams --------------------------------------------------------------------------


@dataclass
class Education:
    """A degree; for an IMG the medical school comes first (``end`` is the graduation month)."""

    id: str = ""
    kind: EducationKind = "medical-school"
    institution: str = ""
    city: str = ""
    country: str = ""
    degree: str = ""
    field_of_study: str = "Medicine"
    start: MonthYear | None = None
    end: MonthYear | None = None
    full_time: bool = True
    honors: str = ""
    description: str = ""


@dataclass
class Ecfmg:
    """ECFMG certification, which IMGs need before starting residency."""

    status: EcfmgStatus = "not-started"
    date: MonthYear | None = None
    note: str = ""


@dataclass
class Exam:
    """One exam: USMLE steps (Step 1 pass/fail, Step 2 CK scored), OET Medicine, others."""

    id: str = ""
    kind: ExamKind = "other"
    name: str = ""
    date: MonthYear | None = None
    result: ExamResult = ""
    score: int | None = None
    attempts: int | None = None
    note: str = ""

    @property
    def label(self) -> str:
        """Display name: the user's name if given, else the standard one for the kind."""
        return self.name or EXAM_LABELS[self.kind]


# -- experience -----------------------------------------------------------------------------------


@dataclass
class ErasFields:
    """What MyERAS asks for an experience beyond the CV line.

    ``description`` is the ERAS text (750 characters); empty means "use the CV description".
    ``reflection`` is the most-meaningful reflection (300 characters).
    """

    include: bool = True
    experience_type: ErasType | None = None
    most_meaningful: bool = False
    reflection: str = ""
    description: str = ""
    frequency: str = ""
    primary_focus: str = ""
    key_characteristic: str = ""


@dataclass
class Experience:
    """A dated role: clinical rotation, research post, teaching, volunteering, leadership, job.

    Clinical fields (``clinical_type``, ``specialty``, ``setting``, ``supervisor``) apply to the
    clinical section and may be used by research and teaching entries too. ``us`` marks U.S.
    experience, which programs weigh heavily for IMGs.
    """

    id: str = ""
    section: Section = "clinical"
    title: str = ""
    organization: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    us: bool = False
    start: MonthYear | None = None
    end: MonthYear | None = None
    full_time: bool = False
    hours_per_week: int | None = None
    clinical_type: ClinicalType | None = None
    specialty: str = ""
    setting: str = ""
    supervisor: str = ""
    description: str = ""
    highlights: list[str] = field(default_factory=list)
    eras: ErasFields = field(default_factory=ErasFields)

    @property
    def eras_type(self) -> ErasType:
        """The chosen ERAS type, or the section's default."""
        return self.eras.experience_type or DEFAULT_ERAS_TYPE[self.section]

    @property
    def eras_description(self) -> str:
        """Text for the ERAS description box (the ERAS-specific one, else the CV description)."""
        return self.eras.description or self.description


# -- scholarly work -------------------------------------------------------------------------------


@dataclass
class Publication:
    """A publication; ``doi`` without the https://doi.org/ prefix, ``pmid`` digits only."""

    id: str = ""
    kind: PublicationKind = "journal-article"
    authors: list[str] = field(default_factory=list)
    title: str = ""
    journal: str = ""
    year: int | None = None
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    url: str = ""
    status: PublicationStatus = "published"


@dataclass
class Presentation:
    """An oral presentation or a poster at a meeting."""

    id: str = ""
    kind: PresentationKind = "poster"
    authors: list[str] = field(default_factory=list)
    title: str = ""
    event: str = ""
    location: str = ""
    date: MonthYear | None = None
    url: str = ""


# -- the rest -------------------------------------------------------------------------------------


@dataclass
class Award:
    id: str = ""
    title: str = ""
    awarder: str = ""
    date: MonthYear | None = None
    description: str = ""


@dataclass
class Certification:
    """BLS, ACLS, PALS...; ``expires`` lets the checks warn about a lapsed card."""

    id: str = ""
    name: str = ""
    issuer: str = ""
    date: MonthYear | None = None
    expires: MonthYear | None = None
    url: str = ""


@dataclass
class Language:
    """A language on the MyERAS scale; ``former_proficiency`` keeps a pre-MyERAS level."""

    language: str = ""
    proficiency: Proficiency = "advanced"
    former_proficiency: str = ""

    @property
    def proficiency_label(self) -> str:
        """The level as MyERAS words it ("Advanced"), for exports and the editor."""
        return eras_picklists().language_label(self.proficiency)


@dataclass
class Skill:
    name: str = ""
    level: str = ""
    keywords: list[str] = field(default_factory=list)


@dataclass
class Hobby:
    name: str = ""
    keywords: list[str] = field(default_factory=list)


@dataclass
class CustomItem:
    title: str = ""
    subtitle: str = ""
    start: MonthYear | None = None
    end: MonthYear | None = None
    description: str = ""
    url: str = ""
    highlights: list[str] = field(default_factory=list)


@dataclass
class CustomSection:
    """A section the model has no slot for; ``origin`` records where an import found it."""

    id: str = ""
    title: str = ""
    origin: str = ""
    items: list[CustomItem] = field(default_factory=list)


@dataclass
class GapNote:
    """The user's "explain this gap" note, keyed by the gap's first and last uncovered month."""

    start: MonthYear = field(default_factory=lambda: MonthYear(2000, 1))
    end: MonthYear = field(default_factory=lambda: MonthYear(2000, 1))
    note: str = ""


@dataclass
class CV:
    """The whole CV. ``sample_notice`` is non-empty only for fictional sample data."""

    schema_version: int = SCHEMA_VERSION
    sample_notice: str = ""
    target_specialty: str = ""
    personal: Personal = field(default_factory=Personal)
    summary: str = ""
    education: list[Education] = field(default_factory=list)
    ecfmg: Ecfmg = field(default_factory=Ecfmg)
    exams: list[Exam] = field(default_factory=list)
    experience: list[Experience] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    presentations: list[Presentation] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    certifications: list[Certification] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    hobbies: list[Hobby] = field(default_factory=list)
    custom_sections: list[CustomSection] = field(default_factory=list)
    gap_notes: list[GapNote] = field(default_factory=list)
    preferences: Preferences = field(default_factory=Preferences)
    impactful_experience: str = ""

    # -- serialization --------------------------------------------------------------------------

    def to_dict(self, *, include_private: bool = True) -> dict[str, Any]:
        """JSON-ready dict; ``include_private=False`` empties private blocks (for exports)."""
        return dump_record(self, include_private=include_private)

    @classmethod
    def from_dict(cls, data: Any) -> CV:
        """Validate and build a CV from :meth:`to_dict` output (or a hand-edited file).

        Raises:
            UserError: naming the field path of the first problem.
        """
        if isinstance(data, dict):
            version = data.get("schema_version", SCHEMA_VERSION)
            if isinstance(version, int) and not isinstance(version, bool) and (
                version > SCHEMA_VERSION
            ):
                raise UserError(
                    f"this CV was saved by a newer version (format {version}, "
                    f"this app reads up to {SCHEMA_VERSION})",
                    where="schema_version",
                    hint="Update the app to open it.",
                )
        cv = load_record(cls, upgrade(data))
        cv.schema_version = SCHEMA_VERSION
        return cv

    # -- helpers --------------------------------------------------------------------------------

    def in_section(self, section: Section) -> list[Experience]:
        """Experience entries of one section, in stored order."""
        return [e for e in self.experience if e.section == section]

    def gap_note(self, start: MonthYear, end: MonthYear) -> str:
        """The note saved for exactly this gap, or ""."""
        for note in self.gap_notes:
            if note.start == start and note.end == end:
                return note.note
        return ""

    def set_gap_note(self, start: MonthYear, end: MonthYear, text: str) -> None:
        """Save (or with empty text, remove) the explanation of the gap ``start``..``end``."""
        self.gap_notes = [n for n in self.gap_notes if not (n.start == start and n.end == end)]
        if text.strip():
            self.gap_notes.append(GapNote(start, end, text))

    def ensure_ids(self) -> None:
        """Give every list entry that lacks one a fresh id (after an import, say)."""
        groups: list[tuple[str, list[Any]]] = [
            ("edu", self.education), ("exam", self.exams), ("exp", self.experience),
            ("pub", self.publications), ("pres", self.presentations), ("award", self.awards),
            ("cert", self.certifications), ("sec", self.custom_sections),
        ]
        for prefix, items in groups:
            for item in items:
                if not item.id:
                    item.id = new_id(prefix)


def public_copy(cv: CV, *, include_private: bool = False) -> CV:
    """A deep copy for export: private blocks emptied unless ``include_private``."""
    return CV.from_dict(cv.to_dict(include_private=include_private))
