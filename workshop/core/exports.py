"""What a workspace can export, and how: one catalogue for the Exports page and the CLI.

Each item knows its document kind and default theme; building the document reads the workspace
(fast, on the caller's thread) and rendering is pure (safe on a worker thread).
"""

from __future__ import annotations

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
    from workshop.core.letters import in_workspace as letters

    names = {w.id: w.display_name for w in letters.writers(workspace)}
    for request in letters.requests(workspace):
        if request.status.value != "declined" and request.writer_id in names:
            items.append(ExportItem(
                f"packet:{request.id}",
                f"Packet — {names[request.writer_id]} ({request.target_specialty})",
                "packet", "packet", (".pdf", ".zip")))
    return items


def build_document(workspace: Workspace, key: str) -> Any:
    """The document description for ``key`` (read from the workspace now)."""
    prefix, _, rest = key.partition(":")
    if prefix == "statement":
        return statements.statement_pdf_document(workspace, workspace.documents.get(int(rest)))
    if prefix == "cv":
        from workshop.core.cv.in_workspace import load_workspace_cv
        from workshop.core.export.cv_document import cv_document

        return cv_document(load_workspace_cv(workspace))
    if prefix == "packet":
        from workshop.core.letters.in_workspace import packet_document_for

        writer = _packet_writer(workspace, int(rest))
        return packet_document_for(workspace, writer, int(rest))[0]
    raise UserError(f"Nothing to export under “{key}”.")


def _packet_writer(workspace: Workspace, request_id: int) -> str:
    from workshop.core.letters import in_workspace as letters

    request = next((r for r in letters.requests(workspace) if r.id == request_id), None)
    writer = next((w for w in letters.writers(workspace)
                   if request is not None and w.id == request.writer_id), None)
    if writer is None:
        raise UserError(f"There is no letter request number {request_id}.")
    return writer.name


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
    if prefix == "packet":
        from workshop.core.letters.in_workspace import export_packet

        return export_packet(workspace, _packet_writer(workspace, int(rest)), out,
                             request_id=int(rest), theme=theme, paper=paper)
    if prefix == "cv" and suffix == ".json":
        from workshop.core.cv.in_workspace import load_workspace_cv
        from workshop.core.cv.jsonresume import write_json_resume

        write_json_resume(load_workspace_cv(workspace), out)
        return out
    from workshop.core.export.api import export

    return export(build_document(workspace, key), theme, paper, out, user_dirs=user_dirs)
