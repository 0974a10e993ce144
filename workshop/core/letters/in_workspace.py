"""Letters inside a workspace: writer packets (PDF or .zip of .docx), due dates, listings.

A packet uses the statement aimed at the request's specialty (else the first statement): its
newest named version when there is one, so the packet history can say exactly which version
went to which writer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.core.atomic import atomic_write_bytes
from workshop.core.cv.in_workspace import cv_document as cv_doc_row
from workshop.core.cv.in_workspace import load_workspace_cv
from workshop.core.errors import UserError
from workshop.core.letters.assignments_repo import (
    AssignmentRepository,
    PacketHistoryRepository,
    PacketRecord,
)
from workshop.core.letters.deidentify import (
    GATE_HINT,
    colleague_names,
    flagged_cases,
    gate_message,
)
from workshop.core.letters.model import LetterRequest, LetterWriter
from workshop.core.letters.packet import build_packet_zip, packet_parts
from workshop.core.letters.requests_repo import RequestRepository
from workshop.core.letters.writers_repo import WriterRepository
from workshop.core.model.documents import DocumentKind
from workshop.core.programs.repository import ProgramRepository
from workshop.core.season.timeline import UserDate
from workshop.core.storage.workspace import Workspace

if TYPE_CHECKING:
    from workshop.core.export.document import Document as ExportDocument


def writers(workspace: Workspace) -> list[LetterWriter]:
    return WriterRepository(workspace.conn).all()


def requests(workspace: Workspace) -> list[LetterRequest]:
    return RequestRepository(workspace.conn).all()


def profile_dict(workspace: Workspace) -> dict[str, Any]:
    return asdict(workspace.profile.get())


def pick_request(workspace: Workspace, writer: LetterWriter,
                 request_id: int | None) -> LetterRequest:
    mine = RequestRepository(workspace.conn).all(writer_id=writer.id)
    if request_id is not None:
        for request in mine:
            if request.id == request_id:
                return request
        raise UserError(f"{writer.display_name} has no request number {request_id}.",
                        hint="See `workshop letters` for the request numbers.")
    if not mine:
        raise UserError(f"There is no letter request for {writer.display_name} yet.",
                        hint="Add a request for this writer first.")
    return mine[0]


def statement_for(workspace: Workspace, specialty: str) -> tuple[dict[str, str], int | None, str]:
    """(statement dict for the packet, version id or None, label for the history)."""
    docs = workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)
    if not docs:
        raise UserError("A packet needs a personal statement, and there is none yet.",
                        hint="Write or import your statement first.")
    chosen = next((d for d in docs if d.target_specialty.casefold() == specialty.casefold()),
                  docs[0])
    versions = workspace.documents.versions(chosen.id)
    if versions:
        version = workspace.documents.version(versions[0].id)
        body, version_id, label = version.body, version.id, f"{chosen.title} — {version.name}"
    else:
        body, version_id, label = chosen.body, None, f"{chosen.title} — working copy"
    return ({"title": chosen.title, "body": body, "target": chosen.target_specialty},
            version_id, label)


def packet_document_for(workspace: Workspace, writer_name: str,
                        request_id: int | None = None) -> tuple[ExportDocument, dict[str, Any]]:
    """The packet document plus the facts the history records."""
    from workshop.core.export.builders import packet_document

    repo = WriterRepository(workspace.conn)
    writer = repo.find(writer_name)
    colleagues = colleague_names(repo.all())
    check_deidentified(writer, colleagues)
    request = pick_request(workspace, writer, request_id)
    parts = packet_parts(writer, request, profile_dict(workspace))
    statement, version_id, label = statement_for(workspace, request.target_specialty)
    cv = load_workspace_cv(workspace)
    document = packet_document(parts["cover_letter"], cv, statement, parts["case_summary"],
                               parts["request_form"])
    cv_row = cv_doc_row(workspace)
    cv_versions = workspace.documents.versions(cv_row.id) if cv_row else []
    facts = {"writer": writer, "request": request, "parts": parts, "statement": statement,
             "statement_version_id": version_id, "statement_label": label, "cv": cv,
             "cv_version": cv_versions[0].name if cv_versions else "working copy",
             "colleagues": colleagues}
    return document, facts


def check_deidentified(writer: LetterWriter, colleagues: list[str]) -> None:
    """The de-identification gate: refuse while a case may identify a patient.

    Raises:
        UserError: a case of ``writer`` is flagged and not confirmed for its current text.
    """
    flags = flagged_cases(writer, colleagues)
    if flags:
        raise UserError(gate_message(writer, flags), hint=GATE_HINT,
                        where=f"cases with {writer.name}")


@dataclass
class PreparedPacket:
    """Everything a packet needs, read from the workspace (on the caller's thread)."""

    document: Any
    facts: dict[str, Any]
    profile: dict[str, Any]


@dataclass
class RenderedPacket:
    path: Path
    files: dict[str, bytes]
    #: Characters no font could draw (kept as empty boxes), one line each; empty when none.
    warnings: list[str] = field(default_factory=list)


def prepare_packet(workspace: Workspace, writer_name: str,
                   request_id: int | None = None) -> PreparedPacket:
    document, facts = packet_document_for(workspace, writer_name, request_id)
    return PreparedPacket(document, facts, profile_dict(workspace))


def render_packet(prepared: PreparedPacket, out: Path | str, *, theme: str = "packet",
                  paper: str = "letter") -> RenderedPacket:
    """Write the packet as a bookmarked PDF or a .zip of .docx files (pure: any thread)."""
    from workshop.core.export.api import render_docx, render_pdf
    from workshop.core.export.builders import statement_document
    from workshop.core.export.coverage import font_warnings
    from workshop.core.export.cv_document import cv_document

    target = Path(out)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".zip"):
        raise UserError(f"A packet is written as .pdf or .zip, not '{suffix or target.name}'.",
                        hint="Use a file name ending in .pdf or .zip.")
    facts = prepared.facts
    check_deidentified(facts["writer"], list(facts.get("colleagues", ())))
    if suffix == ".pdf":
        data = render_pdf(prepared.document, theme, paper)
        files = {target.name: data}
    else:
        parts, statement = facts["parts"], facts["statement"]
        stem = parts["file_stem"]
        files = {
            f"{stem} - cover letter.docx": _text_docx(parts["cover_letter"], "Cover letter"),
            f"{stem} - CV.docx": render_docx(cv_document(facts["cv"]), "cv-classic", paper),
            f"{stem} - personal statement.docx": render_docx(statement_document(
                prepared.profile, statement["title"], statement["body"], statement["target"]),
                "statement", paper),
            f"{stem} - case summary.docx": _text_docx(parts["case_summary"]["body"],
                                                     parts["case_summary"]["title"]),
        }
        data = build_packet_zip(files)
    warnings = font_warnings(prepared.document, "the packet")
    return RenderedPacket(atomic_write_bytes(target, data), files, warnings)


def record_packet(workspace: Workspace, prepared: PreparedPacket, rendered: RenderedPacket,
                  now: dt.datetime | None = None) -> None:
    """Log which statement and CV versions went to the writer (on the caller's thread)."""
    if workspace.read_only:
        return
    facts = prepared.facts
    when = now or dt.datetime.now().replace(microsecond=0)
    PacketHistoryRepository(workspace.conn).record(PacketRecord(
        facts["request"].id, when, facts["statement_version_id"], facts["statement_label"],
        facts["cv_version"],
        [{"name": name, "sha256": hashlib.sha256(blob).hexdigest()}
         for name, blob in rendered.files.items()]))


def export_packet(workspace: Workspace, writer_name: str, out: Path | str, *,
                  request_id: int | None = None, theme: str = "packet",
                  paper: str = "letter", now: dt.datetime | None = None) -> Path:
    """Prepare, write and log one writer's packet (the CLI's one-step version)."""
    prepared = prepare_packet(workspace, writer_name, request_id)
    rendered = render_packet(prepared, out, theme=theme, paper=paper)
    record_packet(workspace, prepared, rendered, now)
    return rendered.path


def _text_docx(text: str, title: str) -> bytes:
    from workshop.core.export.api import render_docx
    from workshop.core.export.builders import paragraphs
    from workshop.core.export.document import (
        Block,
        Document,
        Heading,
        Paragraph,
        Part,
        autolink,
    )

    blocks: list[Block] = [Heading(title, level=1),
                           *(Paragraph(autolink(p)) for p in paragraphs(text))]
    doc = Document(title=title, author="", subject=title, parts=[Part(title, blocks)])
    return render_docx(doc, "report")


def letter_due_dates(workspace: Workspace) -> list[UserDate]:
    """Due dates of open requests, for the season timeline."""
    names = {w.id: w.display_name for w in writers(workspace)}
    found = []
    for request in requests(workspace):
        if request.due is None or request.status.value in {"declined", "uploaded", "assigned"}:
            continue
        found.append(UserDate(f"Letter due: {names.get(request.writer_id, 'writer')}",
                              request.due, "letter-due", ref=f"request-{request.id}"))
    return found


@dataclass(frozen=True)
class LetterRepositories:
    """The repositories the Letters section works through, over one workspace."""

    writers: WriterRepository
    requests: RequestRepository
    assignments: AssignmentRepository
    history: PacketHistoryRepository
    programs: ProgramRepository


def repositories(workspace: Workspace) -> LetterRepositories:
    """Repositories over ``workspace`` (the UI never sees its connection)."""
    conn = workspace.conn
    return LetterRepositories(WriterRepository(conn), RequestRepository(conn),
                              AssignmentRepository(conn), PacketHistoryRepository(conn),
                              ProgramRepository(conn))
