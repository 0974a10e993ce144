"""Documents (statements, CVs, notes...) and their named versions."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DocumentKind(StrEnum):
    PERSONAL_STATEMENT = "personal_statement"
    CV = "cv"
    LETTER_REQUEST = "letter_request"
    CASE_SUMMARY = "case_summary"
    NOTE = "note"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    DocumentKind.PERSONAL_STATEMENT: "Personal statement",
    DocumentKind.CV: "CV",
    DocumentKind.LETTER_REQUEST: "Letter request",
    DocumentKind.CASE_SUMMARY: "Case summary",
    DocumentKind.NOTE: "Note",
}


@dataclass
class Document:
    id: int
    kind: DocumentKind
    title: str
    body: str = ""
    target_specialty: str = ""
    target_programs: list[str] = field(default_factory=list)
    parent_id: int | None = None
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class VersionInfo:
    """A version without its body: what a version list shows."""

    id: int
    document_id: int
    name: str
    created_at: str
    length: int


@dataclass(frozen=True)
class Version:
    id: int
    document_id: int
    name: str
    body: str
    created_at: str
