"""What a workspace can export, and how: one catalogue for the Exports page and the CLI.

Each item knows its document kind and default theme; building the document reads the workspace
(fast, on the caller's thread) and rendering is pure (safe on a worker thread).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.core import statements
from workshop.core.changes import NOTHING, Changes
from workshop.core.errors import UserError
from workshop.core.model.documents import DocumentKind
from workshop.core.storage.workspace import Workspace

if TYPE_CHECKING:
    from workshop.core.export.document import Document as ExportDocument


@dataclass(frozen=True)
class ExportItem:
    key: str
    label: str
    theme_kind: str
    default_theme: str
    suffixes: tuple[str, ...]
    #: The paper to start with ("" keeps the one chosen): the CV's is chosen in its preview.
    default_paper: str = ""


def catalogue(workspace: Workspace) -> list[ExportItem]:
    """Everything exportable now, statements first."""
    items = [
        ExportItem(f"statement:{doc.id}", f"Statement — {doc.title}", "statement", "statement",
                   (".pdf", ".docx", ".txt"))
        for doc in workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)
    ]
    if workspace.documents.list(DocumentKind.CV):
        from workshop.core.cv.in_workspace import print_options

        # The theme and paper picked in the CV's preview, so both places export the same CV.
        theme, paper = print_options(workspace, paper="")  # no choice yet: keep the one shown
        items.append(ExportItem("cv", "CV", "cv", theme, (".pdf", ".docx", ".json"), paper))
    from workshop.core.letters import in_workspace as letters

    # The name as written in Latin letters: the list is narrow, and a second script made two
    # packets of one writer look alike once cut (the packet itself prints both).
    names = {w.id: w.name for w in letters.writers(workspace)}
    for request in letters.requests(workspace):
        if request.status.value != "declined" and request.writer_id in names:
            items.append(ExportItem(
                f"packet:{request.id}",
                f"Packet — {names[request.writer_id]} ({request.target_specialty})",
                "packet", "packet", (".pdf", ".zip")))
    return items


def build_document(workspace: Workspace, key: str, *, show_target: bool = False) -> ExportDocument:
    """The document description for ``key`` (read from the workspace now).

    ``show_target`` is for statements: name the target programs in the page header.
    """
    prefix, _, rest = key.partition(":")
    if prefix == "statement":
        return statements.statement_pdf_document(workspace, workspace.documents.get(int(rest)),
                                                 show_target=show_target)
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


def render_preview(document: ExportDocument, theme: str, paper: str,
                   user_dirs: tuple[Path, ...]) -> bytes:
    """PDF bytes for the preview pane (pure: call it on a worker thread)."""
    from workshop.core.export.api import render_pdf

    return render_pdf(document, theme, paper, user_dirs=user_dirs)


@dataclass(frozen=True)
class ExportPlan:
    """An export split by thread: ``write`` is pure (any thread), ``finish`` is the caller's.

    ``finish`` records what the export leaves in the workspace (a packet's history) and says
    what that changed.
    """

    write: Callable[[], Any]
    finish: Callable[[Any], tuple[Path, Changes]]
    #: Characters no shipped or system font draws: kept in the file, named here.
    warnings: tuple[str, ...] = ()


def _writes_only(write: Callable[[], Any], warnings: tuple[str, ...] = ()) -> ExportPlan:
    """A plan whose only effect is the file: nothing in the workspace changes."""
    return ExportPlan(write, lambda path: (Path(path), NOTHING), warnings)


def _font_warnings(value: Any, suffix: str) -> tuple[str, ...]:
    """What no font can draw, for a PDF (a .docx leaves the fonts to Word)."""
    if suffix != ".pdf":
        return ()
    from workshop.core.export.coverage import font_warnings

    return tuple(font_warnings(value))


def plan_export(workspace: Workspace, key: str, theme: str, paper: str, out: Path, *,
                show_target: bool = False) -> ExportPlan:
    """Read everything ``key`` needs now (on the caller's thread) and plan writing ``out``.

    ``show_target`` is for statements: name the target programs in the page header.
    """
    user_dirs = (statements.themes_folder(workspace),)
    suffix = out.suffix.lower()
    prefix, _, rest = key.partition(":")
    if prefix == "statement":
        doc = workspace.documents.get(int(rest))
        write = statements.plan_statement_export(workspace, doc, out, theme=theme, paper=paper,
                                                 user_theme_dirs=user_dirs,
                                                 show_target=show_target)
        profile = workspace.profile.get()
        return _writes_only(write, _font_warnings(
            {"body": doc.body, "name": profile.full_name, "native": profile.native_name},
            suffix))
    if prefix == "packet":
        from workshop.core.letters.in_workspace import (
            prepare_packet,
            record_packet,
            render_packet,
        )

        prepared = prepare_packet(workspace, _packet_writer(workspace, int(rest)), int(rest))

        def recorded(rendered: Any) -> tuple[Path, Changes]:
            record_packet(workspace, prepared, rendered)
            return Path(rendered.path), Changes(letters=True)

        return ExportPlan(lambda: render_packet(prepared, out, theme=theme, paper=paper),
                          recorded)
    if prefix == "cv" and suffix == ".json":
        from workshop.core.cv.in_workspace import load_workspace_cv
        from workshop.core.cv.jsonresume import write_json_resume

        cv = load_workspace_cv(workspace)

        def write_json() -> Path:
            write_json_resume(cv, out)
            return out

        return _writes_only(write_json)
    document = build_document(workspace, key)

    def write_document() -> Path:
        from workshop.core.export.api import export

        return export(document, theme, paper, out, user_dirs=user_dirs)

    return _writes_only(write_document, _font_warnings(document, suffix))


def export_item(workspace: Workspace, key: str, theme: str, paper: str, out: Path, *,
                show_target: bool = False) -> Path:
    """Write ``key`` to ``out`` (format by suffix) in one go: the CLI's path."""
    plan = plan_export(workspace, key, theme, paper, out, show_target=show_target)
    return plan.finish(plan.write())[0]


def safe_file_part(text: str) -> str:
    """``text`` as a portable piece of a file name: ASCII letters, digits and hyphens joined by
    underscores ("Internal Medicine — main statement" -> "Internal_Medicine_main_statement";
    "Kovalenko, Olena" -> "Kovalenko_Olena"). Accents are dropped, other scripts removed."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "_".join(re.findall(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", plain))


def suggested_file_name(workspace: Workspace, item: ExportItem, suffix: str) -> str:
    """A file name a program coordinator or a mentor can keep: the applicant's name, then what
    the document is ("Yasmin_Farouk_El-Sayed_CV.pdf"), in ASCII with no spaces or dashes that
    mail programs and portals mangle."""
    return file_name(workspace, item.label.replace("Statement — ", "Statement "), suffix)


def file_name(workspace: Workspace, what: str, suffix: str) -> str:
    """The applicant's name and ``what`` as a portable file name (see suggested_file_name)."""
    name = safe_file_part(workspace.profile.get().full_name)
    stem = "_".join(part for part in (name, safe_file_part(what)) if part) or "export"
    return stem + suffix
