"""Programs inside a workspace: the repository, the applicant's profile, the sample list.

Everything here reads the workspace on the caller's thread and returns plain values, so the
CLI, the Programs page and other sections (statements' "wrong program named" check, the season
timeline) share one programs model.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from workshop.core.cv.in_workspace import load_workspace_cv
from workshop.core.programs.importer import ImportReport, import_programs
from workshop.core.programs.model import Program
from workshop.core.programs.profile import ApplicantProfile, profile_from_cv
from workshop.core.programs.repository import ProgramRepository
from workshop.core.programs.tabular import read_table
from workshop.core.resources import resource
from workshop.core.season.timeline import (
    TimelineEvent,
    UserDate,
    load_season,
    merge_timeline,
    user_dates_from_programs,
)
from workshop.core.storage.workspace import Workspace


def repository(workspace: Workspace) -> ProgramRepository:
    return ProgramRepository(workspace.conn)


def programs(workspace: Workspace) -> list[Program]:
    return repository(workspace).list_programs(with_events=True)


def applicant_profile(workspace: Workspace, today: _dt.date) -> ApplicantProfile:
    """Step 2 CK, attempts, graduation, U.S. experience and visa need, from the CV."""
    return profile_from_cv(load_workspace_cv(workspace), today)


def import_program_file(workspace: Workspace, path: Path | str) -> ImportReport:
    """Import (or re-import, updating) a CSV or .xlsx list, in one transaction."""
    table = read_table(path)
    with workspace.transaction():
        return import_programs(repository(workspace), table)


def load_sample_programs(workspace: Workspace) -> ImportReport:
    return import_program_file(workspace, resource("sample", "programs.csv"))


def timeline_events(workspace: Workspace,
                    today: _dt.date | None = None) -> list[TimelineEvent]:
    """The dates of the season running on ``today`` (the newest season file without a day)
    merged with the user's own (program deadlines, interviews, letters)."""
    from workshop.core.letters.in_workspace import letter_due_dates

    dates: list[UserDate] = user_dates_from_programs(programs(workspace))
    dates.extend(letter_due_dates(workspace))
    return merge_timeline(load_season(today=today), dates)
