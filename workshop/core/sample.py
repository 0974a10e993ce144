"""Loads the fictional sample applicant from ``resources/sample/`` into a workspace.

The sample grows with every feature: each section of the app reads its part from the files here,
so a newcomer sees believable data everywhere. It is always marked ``is_sample`` so the UI can
label it and nobody mistakes it for their own.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from workshop.core.model.documents import DocumentKind
from workshop.core.resources import resource
from workshop.core.storage.workspace import Workspace


def sample_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("sample", "applicant.json").read_text("utf-8"))
    return data


# The sample letters are written as of this day; loading shifts them to "today" so the due-date
# dashboard always shows a believable mix (one overdue, some due this week, some later).
LETTERS_ANCHOR = dt.date(2026, 8, 12)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def shift_dates(value: Any, days: int) -> Any:
    """Every ``YYYY-MM-DD`` string inside ``value`` moved by ``days``."""
    if isinstance(value, dict):
        return {key: shift_dates(item, days) for key, item in value.items()}
    if isinstance(value, list):
        return [shift_dates(item, days) for item in value]
    if isinstance(value, str) and _ISO_DAY.match(value):
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    return value


def shift_letter_requests(data: dict[str, Any], days: int) -> dict[str, Any]:
    """The sample letters with only their requests' dates moved by ``days``.

    The requests (asked, due, uploaded) make the due-date dashboard; the writers' cases and the
    months worked together are history and stay where they were: moved with the requests, a
    case fell outside the months the writer and the applicant worked together.
    """
    return {**data, "writers": [{**writer, "requests": shift_dates(writer["requests"], days)}
                                for writer in data["writers"]]}


def _sample_versions(workspace: Workspace, document_id: int, final: str,
                     versions: list[Any]) -> None:
    """Named versions of a sample statement, oldest first. A version is a name (the text as
    it is now) or {"name", "replace": [[now, then], ...]}: the earlier draft is the final
    text with those sentences as they read then, so comparing versions shows real edits."""
    for version in versions:
        if isinstance(version, str):
            workspace.documents.save_version(document_id, version)
            continue
        draft = final
        for now, then in version.get("replace", []):
            if now not in draft:
                raise ValueError(f"sample version {version['name']!r}: {now[:40]!r} not found")
            draft = draft.replace(now, then)
        workspace.documents.save_working_copy(document_id, draft)
        workspace.documents.save_version(document_id, version["name"])
    workspace.documents.save_working_copy(document_id, final)


def load_sample(workspace: Workspace, today: dt.date | None = None) -> None:
    """Fill an empty workspace with the sample applicant (one transaction)."""
    today = today or dt.date.today()
    data = sample_data()
    with workspace.transaction():
        workspace.profile.update(**data["profile"], is_sample=True)
        for entry in data["documents"]:
            body = entry.get("body", "")
            if "body_file" in entry:
                body = resource("sample", entry["body_file"]).read_text("utf-8")
            doc = workspace.documents.create(
                DocumentKind(entry["kind"]),
                entry["title"],
                body.strip() + "\n" if body else "",
                target_specialty=entry.get("target_specialty", ""),
                target_programs=entry.get("target_programs", []),
            )
            _sample_versions(workspace, doc.id, doc.body, entry.get("versions", []))
        from workshop.core.cv.in_workspace import load_sample_cv

        load_sample_cv(workspace)
        from workshop.core.drills.sample import load_sample_attempts

        load_sample_attempts(workspace.conn, today)
        from workshop.core.programs.in_workspace import load_sample_programs

        load_sample_programs(workspace)
        from workshop.core.letters.sample import load_sample_letters, sample_letters_data

        letters = shift_letter_requests(sample_letters_data(), (today - LETTERS_ANCHOR).days)
        load_sample_letters(workspace.conn, letters, today=today)
        from workshop.core.interviews.sample import load_sample_interviews

        load_sample_interviews(workspace, today)
