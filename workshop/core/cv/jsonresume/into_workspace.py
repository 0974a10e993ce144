"""A JSON Resume import into a workspace that never loses the CV already there.

The file is read and checked first, so a refused file changes nothing; then, in one transaction,
a non-empty CV is kept as a named version, the imported CV becomes the working copy, and the
import itself is a version too. The result says which version holds the old CV, so the CLI and
the GUI can tell the user where to find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workshop.core.cv.in_workspace import cv_document, load_workspace_cv, save_workspace_cv
from workshop.core.cv.jsonresume.importer import import_json_resume
from workshop.core.cv.model import CV
from workshop.core.errors import UserError
from workshop.core.storage.workspace import Workspace


@dataclass(frozen=True)
class ResumeImport:
    """What an import did: the new CV, the mapping notes, and the version that keeps the old one
    (``""`` when there was no CV, or only an empty one, to keep)."""

    cv: CV
    notes: list[str] = field(default_factory=list)
    kept_version: str = ""

    def summary(self, file_name: str) -> str:
        cv = self.cv
        counts = ", ".join(_n(len(items), word) for items, word in (
            (cv.experience, "experience"), (cv.education, "education entry"),
            (cv.publications, "publication")))
        text = f"Imported CV from {file_name}: {counts}."
        if self.kept_version:
            text += (f" Your previous CV was kept as the version “{self.kept_version}” "
                     "(Versions… on the CV page compares or restores it).")
        return text


def _n(count: int, word: str) -> str:
    plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return f"{count} {word if count == 1 else plural}"


def has_content(cv: CV) -> bool:
    """True unless the CV is the empty one a new workspace starts with."""
    return cv.to_dict() != CV().to_dict()


def import_json_resume_into(workspace: Workspace, path: Path | str, *,
                            parsed: tuple[CV, list[str]] | None = None) -> ResumeImport:
    """Read a JSON Resume file and make it the workspace's CV, keeping the previous one.

    ``parsed`` is :func:`import_json_resume`'s result when the caller read the file first (the
    CLI does, so a file that is not a résumé is refused before any workspace is opened).

    Raises:
        UserError: the file is refused (see :func:`import_json_resume`; nothing is changed), or
            the workspace cannot be written (the transaction leaves it as it was).
    """
    file = Path(path)
    cv, notes = parsed if parsed is not None else import_json_resume(file)
    kept = ""
    with workspace.transaction():
        doc = cv_document(workspace)
        if doc is not None and doc.body.strip() and _worth_keeping(workspace):
            kept = f"Before import of {file.name}"
            workspace.documents.save_version(doc.id, kept)
        cv.ensure_ids()
        new = save_workspace_cv(workspace, cv)
        workspace.documents.save_version(new.id, f"Imported from {file.name}")
    return ResumeImport(cv=cv, notes=notes, kept_version=kept)


def _worth_keeping(workspace: Workspace) -> bool:
    try:
        return has_content(load_workspace_cv(workspace))
    except (UserError, ValueError, TypeError, KeyError):
        return True  # a stored CV that does not load is kept as it is, to be safe
