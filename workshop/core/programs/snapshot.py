"""Everything the Programs page shows, read from the workspace in one go (no Qt here).

One snapshot per refresh keeps the tabs consistent: the table, the chart, the season and the
rank list all see the same programs and the same fit results.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field

from workshop.core.cv.in_workspace import load_workspace_cv
from workshop.core.letters.assignments_repo import AssignmentRepository
from workshop.core.letters.in_workspace import requests, writers
from workshop.core.letters.model import Status
from workshop.core.model.documents import DocumentKind
from workshop.core.programs import in_workspace
from workshop.core.programs.anchor import anchor_for
from workshop.core.programs.fit import ApplicantProfile, FitResult, MixSummary, assess_fit
from workshop.core.programs.fit import mix_summary as summarize
from workshop.core.programs.model import Program, normalize_key
from workshop.core.season.checklist import ChecklistInputs, inputs_from_cv
from workshop.core.storage.workspace import Workspace


@dataclass
class ProgramsData:
    """A consistent snapshot: programs, the applicant's profile, fit per program and counts."""

    programs: list[Program]
    profile: ApplicantProfile
    today: _dt.date
    fits: dict[int, FitResult] = field(default_factory=dict)
    mix: MixSummary | None = None
    letters: dict[int, int] = field(default_factory=dict)
    statements: list[tuple[int, str]] = field(default_factory=list)

    def program(self, program_id: int) -> Program | None:
        return next((p for p in self.programs if p.id == program_id), None)


def load_data(workspace: Workspace, today: _dt.date) -> ProgramsData:
    """Read programs, profile, letters per program and statements; assess every fit."""
    programs = in_workspace.programs(workspace)
    profile = in_workspace.applicant_profile(workspace, today)
    anchor = anchor_for(today)
    fits = {p.id or 0: assess_fit(p, profile, today, anchor=anchor) for p in programs}
    letters = Counter(pid for pid, _rid in AssignmentRepository(workspace.conn).all())
    statements = [(d.id, d.title) for d in
                  workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)]
    return ProgramsData(programs=programs, profile=profile, today=today, fits=fits,
                        mix=summarize(fits.values()), letters=dict(letters),
                        statements=statements)


def checklist_inputs(workspace: Workspace) -> ChecklistInputs:
    """Exams and ECFMG status from the CV, statements per specialty, and letters as they are.

    A letter counts once it is uploaded to the LoR Portal (or assigned); asked-for letters are
    reported as pending. "U.S. letters in the specialty" are uploaded letters from a writer
    marked as a U.S. physician that target one of the specialties applied to: the CV's target
    and every specialty on the program list (not withdrawn).
    """
    cv = load_workspace_cv(workspace)
    targets = list(inputs_from_cv(cv).target_specialties)
    seen = {normalize_key(t) for t in targets}
    for program in in_workspace.programs(workspace):
        key = normalize_key(program.specialty)
        if key and key not in seen and program.status != "withdrawn":
            seen.add(key)
            targets.append(program.specialty)
    statements = Counter(
        d.target_specialty for d in workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)
        if d.target_specialty.strip())
    us_writers = {w.id for w in writers(workspace) if w.is_us}
    active = [r for r in requests(workspace) if r.status is not Status.DECLINED]
    uploaded = [r for r in active if r.status in (Status.UPLOADED, Status.ASSIGNED)]
    us_in_specialty = sum(1 for r in uploaded if r.writer_id in us_writers
                          and normalize_key(r.target_specialty) in seen)
    return inputs_from_cv(cv, statements_by_specialty=dict(statements),
                          letters_total=len(uploaded), letters_us_in_specialty=us_in_specialty,
                          letters_pending=len(active) - len(uploaded),
                          target_specialties=targets)
