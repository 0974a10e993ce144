"""Seed the applicant's personal questions from the workspace's CV and statements.

No Qt here: this maps the workspace's documents to the plain inputs of
:mod:`workshop.core.drills.user_questions` (``GapInput``, ``StatementInput``) and stores the
result. It lives beside the page that calls it; the CLI could call it the same way.

Named experiences are found in a statement's text by a deliberately small pattern ("my
externship in Chicago", "an observership at a community hospital in New Jersey", "my research
year"): a seeded question must quote the applicant's own words, so a missed phrase costs less
than an invented one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workshop.core.cv.dates import MonthYear
from workshop.core.cv.in_workspace import load_workspace_cv
from workshop.core.cv.timeline import find_gaps
from workshop.core.drills import repository as repo
from workshop.core.drills.user_questions import (
    GapInput,
    StatementInput,
    questions_from_gaps,
    questions_from_statements,
)
from workshop.core.errors import UserError
from workshop.core.model.documents import DocumentKind
from workshop.core.storage.workspace import Workspace

MAX_EXPERIENCES = 5
_KINDS = (r"externship|observership|internship|clerkship|sub-internship|elective|rotation|"
          r"research year|research fellowship|fellowship|quality-improvement project|project|"
          r"residency")
_EXPERIENCE = re.compile(
    r"\b(?P<det>[Mm]y|[Aa]n?)\s+"
    r"(?P<body>(?:[\w-]+\s+){0,3}?(?:" + _KINDS + r"))\b"
    r"(?P<place>\s+(?:in|at)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
    r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?"
)


@dataclass(frozen=True, slots=True)
class SeedResult:
    """What seeding found and added."""

    gaps: int
    statements: int
    added: int

    @property
    def summary(self) -> str:
        """One sentence for the status line."""
        found = f"{self.gaps} CV gap{'s' if self.gaps != 1 else ''} and {self.statements} " \
                f"statement{'s' if self.statements != 1 else ''}"
        if self.added == 0:
            return f"Your questions are up to date ({found} checked)."
        return f"Added {self.added} personal question{'s' if self.added != 1 else ''} " \
               f"from {found}."


def gap_inputs(workspace: Workspace, today: dt.date) -> list[GapInput]:
    """The CV's gaps with the applicant's notes, plus notes whose gap has since moved."""
    cv = load_workspace_cv(workspace)
    gaps = find_gaps(cv, MonthYear(today.year, today.month))
    inputs = [GapInput(g.start, g.end, g.explanation) for g in gaps]
    covered = {(g.start.to_str(), g.end.to_str()) for g in gaps}
    for note in cv.gap_notes:
        if note.note.strip() and (note.start.to_str(), note.end.to_str()) not in covered \
                and not any(g.explanation == note.note for g in gaps):
            inputs.append(GapInput(note.start, note.end, note.note))
    return inputs


def statement_inputs(workspace: Workspace) -> list[StatementInput]:
    """One input per personal statement: title, programs, specialty, named experiences."""
    result = []
    for doc in workspace.documents.list(DocumentKind.PERSONAL_STATEMENT):
        result.append(StatementInput(
            title=doc.title or "Untitled statement",
            target_programs=tuple(doc.target_programs),
            specialty=doc.target_specialty,
            experiences=tuple(find_experiences(doc.body)),
        ))
    return result


def find_experiences(text: str, limit: int = MAX_EXPERIENCES) -> list[str]:
    """Named experiences in a statement, as the applicant would be asked about them.

    "my internal medicine externship in Chicago" becomes "your internal medicine externship in
    Chicago"; "an observership at a community hospital in New Jersey" becomes "the
    observership at a community hospital in New Jersey".
    """
    found: list[str] = []
    seen: set[str] = set()
    for m in _EXPERIENCE.finditer(text):
        det = "your" if m.group("det").lower() == "my" else "the"
        body = " ".join(m.group("body").split())
        place = " ".join((m.group("place") or "").split())
        phrase = f"{det} {body} {place}".strip()
        key = body.lower()
        if key in seen:
            continue
        seen.add(key)
        found.append(phrase)
        if len(found) >= limit:
            break
    return found


def seed_personal_questions(workspace: Workspace, today: dt.date) -> SeedResult:
    """Add questions seeded from the CV gaps and statements that are not there yet.

    Already-seeded questions (possibly edited by the applicant) are kept as they are.

    Raises:
        UserError: the workspace is read-only, or the CV cannot be read.
    """
    if workspace.read_only:
        raise UserError("This workspace is open read-only, so questions cannot be added.")
    gaps = gap_inputs(workspace, today)
    statements = statement_inputs(workspace)
    questions = questions_from_gaps(gaps) + questions_from_statements(statements)
    added = repo.add_seeded_questions(workspace.conn, questions)
    return SeedResult(len(gaps), len(statements), added)
