"""Letters of recommendation: writers, ERAS letter requests, packets, due dates, assignments.

Pure core (no Qt). The repositories take a ``sqlite3.Connection`` whose schema includes
:data:`LETTERS_DDL`; everything else works on the dataclasses of :mod:`.model`.
"""

from importlib import import_module
from typing import Any

# Names are imported on first use (PEP 562), so loading ``letters.schema`` for the workspace
# migrations at start-up does not pull in the whole letters area.
_WHERE: dict[str, str] = {
    "AssignmentFinding": "workshop.core.letters.assignments",
    "AssignmentRepository": "workshop.core.letters.assignments_repo",
    "DueItem": "workshop.core.letters.dashboard",
    "GENERAL": "workshop.core.letters.model",
    "LETTERS_DDL": "workshop.core.letters.schema",
    "LetterEvent": "workshop.core.letters.model",
    "LetterRequest": "workshop.core.letters.model",
    "LetterType": "workshop.core.letters.model",
    "LetterWriter": "workshop.core.letters.model",
    "PacketHistoryRepository": "workshop.core.letters.assignments_repo",
    "PacketRecord": "workshop.core.letters.assignments_repo",
    "ProgramRef": "workshop.core.letters.assignments",
    "Relationship": "workshop.core.letters.model",
    "RequestRepository": "workshop.core.letters.requests_repo",
    "Status": "workshop.core.letters.model",
    "WriterCase": "workshop.core.letters.model",
    "WriterRepository": "workshop.core.letters.writers_repo",
    "advance": "workshop.core.letters.status",
    "allowed_next": "workshop.core.letters.status",
    "as_program_refs": "workshop.core.letters.assignments",
    "assignment_findings": "workshop.core.letters.assignments",
    "build_packet_zip": "workshop.core.letters.packet",
    "case_summary": "workshop.core.letters.packet",
    "check_transition": "workshop.core.letters.status",
    "due_dashboard": "workshop.core.letters.dashboard",
    "is_valid_letter_id": "workshop.core.letters.letter_id",
    "letters_listing": "workshop.core.letters.listing",
    "load_sample_letters": "workshop.core.letters.sample",
    "mailto_url": "workshop.core.letters.dashboard",
    "normalize_letter_id": "workshop.core.letters.letter_id",
    "packet_parts": "workshop.core.letters.packet",
    "reminder": "workshop.core.letters.dashboard",
    "sample_letters_data": "workshop.core.letters.sample",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
