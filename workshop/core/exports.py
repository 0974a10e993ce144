"""What a workspace can export, and how: one catalogue for the Exports page and the CLI.

Each item knows its document kind and default theme; building the document reads the workspace
(fast, on the caller's thread) and rendering is pure (safe on a worker thread).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.core import statements
from workshop.core.errors import UserError
from workshop.core.model.documents import DocumentKind
from workshop.core.storage.workspace import Workspace


@dataclass(frozen=True)
class ExportItem:
    key: str
    label: str
    theme_kind: str
    default_theme: str
    suffixes: tuple[str, ...]


def catalogue(workspace: Workspace) -> list[ExportItem]:
    """Everything exportable now, statements first."""
    items = [
        ExportItem(f"statement:{doc.id}", f"Statement — {doc.title}", "statement", "statement",
                   (".pdf", ".docx", ".txt"))
        for doc in workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)
    ]
    if workspace.documents.list(DocumentKind.CV):
        items.append(ExportItem("cv", "CV", "cv", "cv-classic", (".pdf", ".docx", ".json")))
    for extra in _EXTRA_SOURCES:
        items.extend(extra(workspace))
    return items


# Feature areas (letters, drills) add their exportable items here.
_EXTRA_SOURCES: list[Callable[[Workspace], list[ExportItem]]] = []
_EXTRA_BUILDERS: dict[str, Callable[[Workspace, str], Any]] = {}


def register(source: Callable[[Workspace], list[ExportItem]], prefix: str,
             builder: Callable[[Workspace, str], Any]) -> None:
    if source not in _EXTRA_SOURCES:
        _EXTRA_SOURCES.append(source)
    _EXTRA_BUILDERS[prefix] = builder


def build_document(workspace: Workspace, key: str) -> Any:
    """The document description for ``key`` (read from the workspace now)."""
    prefix, _, rest = key.partition(":")
    if prefix == "statement":
        return statements.statement_pdf_document(workspace, workspace.documents.get(int(rest)))
    if prefix == "cv":
        from workshop.core.cv.in_workspace import load_workspace_cv
        from workshop.core.export.cv_document import cv_document

        return cv_document(load_workspace_cv(workspace))
    if prefix in _EXTRA_BUILDERS:
        return _EXTRA_BUILDERS[prefix](workspace, rest)
    raise UserError(f"Nothing to export under “{key}”.")


def render_preview(document: Any, theme: str, paper: str, user_dirs: tuple[Path, ...]) -> bytes:
    """PDF bytes for the preview pane (pure: call it on a worker thread)."""
    from workshop.core.export.api import render_pdf

    return render_pdf(document, theme, paper, user_dirs=user_dirs)


def export_item(workspace: Workspace, key: str, theme: str, paper: str, out: Path) -> Path:
    """Write ``key`` to ``out`` (format by suffix), through the atomic writer."""
    user_dirs = (statements.themes_folder(workspace),)
    suffix = out.suffix.lower()
    prefix, _, rest = key.partition(":")
    if prefix == "statement":
        doc = workspace.documents.get(int(rest))
        return statements.export_statement(workspace, doc, out, theme=theme, paper=paper,
                                           user_theme_dirs=user_dirs)
    if prefix == "cv" and suffix == ".json":
        from workshop.core.cv.in_workspace import load_workspace_cv
        from workshop.core.cv.jsonresume import write_json_resume

        write_json_resume(load_workspace_cv(workspace), out)
        return out
    from workshop.core.export.api import export

    return export(build_document(workspace, key), theme, paper, out, user_dirs=user_dirs)
