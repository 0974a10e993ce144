"""The CV inside a workspace: one document of kind ``cv`` whose body is the CV's JSON.

Reusing the documents table gives the CV the statements' autosave and named versions for free;
the JSON is validated on every read, so a hand-damaged body is a clear error, not a crash.
"""

from __future__ import annotations

import json

from workshop.core.cv.model import CV
from workshop.core.cv.store import sample_cv
from workshop.core.errors import UserError
from workshop.core.model.documents import Document, DocumentKind
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
    """Store ``cv`` as the working copy (creating the CV document on first save)."""
    body = cv_json(cv)
    doc = cv_document(workspace)
    if doc is None:
        return workspace.documents.create(DocumentKind.CV, TITLE, body,
                                          target_specialty=cv.target_specialty)
    workspace.documents.save_working_copy(doc.id, body)
    return workspace.documents.get(doc.id)


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
