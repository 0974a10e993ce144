"""Letters of recommendation: writers, ERAS letter requests, packets, due dates, assignments.

Pure core (no Qt). The repositories take a ``sqlite3.Connection`` whose schema includes
:data:`LETTERS_DDL`; everything else works on the dataclasses of :mod:`.model`.
"""

from workshop.core.letters.assignments import (
    AssignmentFinding,
    ProgramRef,
    as_program_refs,
    assignment_findings,
)
from workshop.core.letters.assignments_repo import (
    AssignmentRepository,
    PacketHistoryRepository,
    PacketRecord,
)
from workshop.core.letters.dashboard import DueItem, due_dashboard, mailto_url, reminder
from workshop.core.letters.letter_id import is_valid_letter_id, normalize_letter_id
from workshop.core.letters.listing import letters_listing
from workshop.core.letters.model import (
    GENERAL,
    LetterEvent,
    LetterRequest,
    LetterType,
    LetterWriter,
    Relationship,
    Status,
    WriterCase,
)
from workshop.core.letters.packet import build_packet_zip, case_summary, packet_parts
from workshop.core.letters.requests_repo import RequestRepository
from workshop.core.letters.sample import load_sample_letters, sample_letters_data
from workshop.core.letters.schema import LETTERS_DDL
from workshop.core.letters.status import advance, allowed_next, check_transition
from workshop.core.letters.writers_repo import WriterRepository

__all__ = [
    "GENERAL",
    "LETTERS_DDL",
    "AssignmentFinding",
    "AssignmentRepository",
    "DueItem",
    "LetterEvent",
    "LetterRequest",
    "LetterType",
    "LetterWriter",
    "PacketHistoryRepository",
    "PacketRecord",
    "ProgramRef",
    "Relationship",
    "RequestRepository",
    "Status",
    "WriterCase",
    "WriterRepository",
    "advance",
    "allowed_next",
    "as_program_refs",
    "assignment_findings",
    "build_packet_zip",
    "case_summary",
    "check_transition",
    "due_dashboard",
    "is_valid_letter_id",
    "letters_listing",
    "load_sample_letters",
    "mailto_url",
    "normalize_letter_id",
    "packet_parts",
    "reminder",
    "sample_letters_data",
]
