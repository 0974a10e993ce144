"""The CV inside a workspace: one document of kind ``cv`` whose body is the CV's JSON.

Reusing the documents table gives the CV the statements' autosave and named versions for free;
the JSON is validated on every read, so a hand-damaged body is a clear error, not a crash.

The CV's personal section and the applicant's profile are one truth: every save of the CV
writes the shared fields (``SHARED_WITH_CV``) to the profile in the same transaction, so the
editor's autosave and a JSON Resume import (app or CLI) never leave the two disagreeing. The
other direction, profile to CV, is ``workshop.core.profile_service.save_profile``.
"""

from __future__ import annotations

import json

from workshop.core.cv.model import CV
from workshop.core.cv.store import sample_cv
from workshop.core.errors import UserError
from workshop.core.model.documents import Document, DocumentKind
from workshop.core.model.profile import SHARED_WITH_CV
from workshop.core.storage.workspace import Workspace

TITLE = "CV"


def cv_document(workspace: Workspace) -> Document | None:
    found = workspace.documents.list(DocumentKind.CV)
    return found[0] if found else None


def load_workspace_cv(workspace: Workspace) -> CV:
    """The workspace's CV, or an empty one when none was started."""
    doc = cv_document(workspace)
    if doc is None or not doc.body.strip():
        return CV()
    try:
        data = json.loads(doc.body)
    except ValueError as exc:
        raise UserError("The CV stored in this workspace is not valid JSON.",
                        hint="Restore an earlier CV version or a backup.") from exc
    return CV.from_dict(data)


def cv_json(cv: CV) -> str:
    return json.dumps(cv.to_dict(), ensure_ascii=False, indent=1, sort_keys=False)


def save_workspace_cv(workspace: Workspace, cv: CV) -> Document:
    """Store ``cv`` as the working copy (creating the CV document on first save).

    The profile's shared fields follow the CV's personal section in the same transaction (see
    the module docstring).
    """
    body = cv_json(cv)
    with workspace.transaction():
        doc = cv_document(workspace)
        if doc is None:
            doc = workspace.documents.create(DocumentKind.CV, TITLE, body,
                                             target_specialty=cv.target_specialty)
        else:
            workspace.documents.save_working_copy(doc.id, body)
            doc = workspace.documents.get(doc.id)
        sync_profile_from_cv(workspace, cv)
    return doc


def profile_values_from_cv(cv: CV) -> dict[str, str]:
    """The profile's shared fields as the CV's personal section has them (trimmed)."""
    return {name: str(getattr(cv.personal, cv_name)).strip()
            for name, cv_name in SHARED_WITH_CV.items()}


def sync_profile_from_cv(workspace: Workspace, cv: CV) -> bool:
    """Bring the profile's shared fields to the CV's; True when the profile changed.

    Writes only what differs, so the CV's autosave (every 1.5 s while typing) costs one read
    when the personal section did not change.
    """
    current = workspace.profile.get()
    changed = {name: value for name, value in profile_values_from_cv(cv).items()
               if getattr(current, name) != value}
    if changed:
        workspace.profile.update(**changed)
    return bool(changed)


def load_sample_cv(workspace: Workspace) -> Document:
    doc = save_workspace_cv(workspace, sample_cv())
    workspace.documents.save_version(doc.id, "Sample CV")
    return doc


def cv_plain_text(body: str) -> str:
    """A readable text of a stored CV (for comparing versions word by word).

    Sections become headings and each entry one line of its filled-in values, so a diff shows
    "Externship → Sub-internship", not JSON punctuation. A body that does not parse is shown
    as it is.
    """
    try:
        data = json.loads(body) if body.strip() else {}
    except ValueError:
        return body
    lines: list[str] = []
    for section, value in data.items():
        if section in {"schema_version", "sample_notice"} or value in ("", [], {}, None):
            continue
        lines.append(section.replace("_", " ").upper())
        entries = value if isinstance(value, list) else [value]
        for entry in entries:
            lines.append("  " + _flatten(entry))
        lines.append("")
    return "\n".join(lines).strip() + "\n"


def _flatten(value: object) -> str:
    if isinstance(value, dict):
        parts = [_flatten(v) for k, v in value.items() if k != "id" and v not in ("", [], {}, None)]
        return " · ".join(p for p in parts if p)
    if isinstance(value, list):
        return "; ".join(_flatten(v) for v in value)
    return str(value)


#: Where the CV preview's theme and paper are kept; Exports starts the CV with the same.
THEME_KEY, PAPER_KEY = "cv.theme", "cv.paper"


def print_options(workspace: Workspace, *, paper: str = "letter") -> tuple[str, str]:
    """(theme, paper) picked in the CV's preview: "cv-classic" and ``paper`` until one is."""
    return (str(workspace.settings.get(THEME_KEY) or "cv-classic"),
            str(workspace.settings.get(PAPER_KEY) or paper))


def remember_print_options(workspace: Workspace, theme: str, paper: str) -> None:
    """Keep the preview's theme and paper for the next session and for Exports."""
    workspace.settings.set(THEME_KEY, theme)
    workspace.settings.set(PAPER_KEY, paper)
