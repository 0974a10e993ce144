"""Content of a writer packet: cover letter, request e-mail, case summary, request-form details.

The documents engine renders the PDF (``workshop.core.export.packet_document``); this module
only produces the plain texts it takes, plus the deterministic .zip of .docx versions::

    parts = packet_parts(writer, request, profile)
    doc = packet_document(parts["cover_letter"], cv, statement, parts["case_summary"],
                          parts["request_form"])
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workshop.core.errors import UserError
from workshop.core.letters.deidentify import flagged_cases
from workshop.core.letters.emails import email_for, tidy
from workshop.core.letters.facts import letter_facts, load_template, render
from workshop.core.letters.model import (
    AWAITING_WRITER,
    LetterRequest,
    LetterWriter,
    parse_case_date,
)
from workshop.core.letters.wording import NO_LETTER_ID, common_values, long_date

# 1980-01-01 is the earliest time a zip entry can hold: no build time leaks into the archive.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_MAX_ZIP_ENTRY = 50 * 1024 * 1024


def case_summary(writer: LetterWriter) -> dict[str, str]:
    """The "summary for your letter writer" sheet as ``{"title", "body"}`` plain text.

    Each case is one paragraph: when, what, the applicant's role and what the writer saw, so
    the writer can cite concrete observations instead of general praise.
    """
    title = f"Patients and work with {writer.display_name}"
    lines: list[str] = []
    header = ", ".join(x for x in (writer.setting, writer.institution, writer.period) if x)
    if header:
        lines.append(header + ".")
    for case in writer.cases:
        when = _case_when(case.when)
        text = f"{when}: {case.summary.strip()}" if when else case.summary.strip()
        text = text.rstrip(".") + "."
        if case.role.strip():
            text += f" My role: {case.role.strip().rstrip('.')}."
        if case.observed.strip():
            text += f" What you saw: {case.observed.strip().rstrip('.')}."
        lines.append(text)
    if not writer.cases:  # writer-facing: no applicant hint here (the app warns separately)
        lines.append("I would be glad to go over the patients and work we shared in a short "
                     "call, whenever it suits you.")
    return {"title": title, "body": "\n\n".join(lines)}


def _case_when(text: str) -> str:
    if not text.strip():
        return ""
    value = parse_case_date(text)
    return long_date(value) if isinstance(value, dt.date) else value.display(long=True)


def request_form(writer: LetterWriter, request: LetterRequest,
                 profile: Mapping[str, Any]) -> dict[str, str | bool]:
    """The Letter Request Form details block, label → value, in the order ERAS shows them."""
    applicant = str(profile.get("full_name") or "").strip()
    rows: dict[str, str | bool] = {
        "Applicant": applicant,
        "Letter ID": request.letter_id or NO_LETTER_ID,
        "Letter writer": writer.display_name,
        "Writer's title": writer.title,
        "Writer's email": writer.email,
        "Specialty": request.target_specialty,
        "Letter type": request.type_label,
        "Department chair letter": request.department_chair,
        "Right to see the letter waived": request.waived,
        "Please upload by": long_date(request.due) if request.due else "",
        "Upload through": "ERAS Letter of Recommendation Portal (LoR Portal)",
    }
    return {label: value for label, value in rows.items() if value != ""}  # no empty rows


def packet_parts(writer: LetterWriter, request: LetterRequest, profile: Mapping[str, Any], *,
                 template_dir: Path | None = None,
                 today: dt.date | None = None) -> dict[str, Any]:
    """Every plain text of one writer's packet.

    Args:
        writer: the writer of ``request``.
        request: the letter request the packet is for.
        profile: the applicant profile (``full_name``, ``email``...).
        template_dir: a user folder whose cover_letter.txt / request_email.txt win.
        today: when given, a due date already past is a warning (the cover letter would ask
            the writer for a day that has gone).

    Returns:
        ``cover_letter`` (str), ``request_email_subject``, ``request_email`` (str),
        ``case_summary`` ({"title", "body"}), ``request_form`` (label → str/bool),
        ``waiver_explanation`` (str), ``file_stem`` (safe file name stem) and ``warnings``
        (list of str: things to fix before sending, e.g. no Letter ID yet).

    Raises:
        UserError: the request belongs to another writer, or a template is broken.
    """
    if request.writer_id != writer.id:
        raise UserError(f"Request {request.id} is not for {writer.name}.",
                        where="writer packet")
    values = common_values(writer, request, profile)
    cover = tidy(render(load_template("cover_letter.txt", template_dir), values,
                         name="cover_letter.txt"))
    email = email_for(writer, request, profile, template_dir=template_dir)
    warnings: list[str] = []
    if not request.letter_id:
        warnings.append("No ERAS Letter ID yet: create the letter entry in MyERAS and enter its "
                        "Letter ID before sending the packet.")
    if request.due is None:
        warnings.append("No due date: writers plan better with a date.")
    elif today is not None and request.due < today and request.status in AWAITING_WRITER:
        warnings.append(f"The due date, {long_date(request.due)}, has passed: agree a new date "
                        f"with {writer.name} and change it in the request, or the cover letter "
                        "asks for a day that has gone.")
    if not writer.email:
        warnings.append(f"No e-mail address for {writer.name}.")
    if not writer.cases:
        warnings.append(f"No cases recorded with {writer.name}: the summary sheet is empty.")
    for flag in flagged_cases(writer):
        warnings.append(f"Possible patient identifier in {flag.describe()}: edit the case or "
                        "confirm it is de-identified (Cases tab) before building the packet.")
    return {
        "cover_letter": cover,
        "request_email_subject": email.subject,
        "request_email": email.body,
        "email_kind": email.kind,
        "email_purpose": email.purpose,
        "case_summary": case_summary(writer),
        "request_form": request_form(writer, request, profile),
        "waiver_explanation": letter_facts().waiver_explanation,
        "file_stem": file_stem(writer, request),
        "warnings": warnings,
    }


def file_stem(writer: LetterWriter, request: LetterRequest) -> str:
    """"letter-packet-ananya-iyer-internal-medicine": ASCII, safe on every file system."""
    raw = unicodedata.normalize("NFKD", f"{writer.name} {request.target_specialty}")
    ascii_text = raw.encode("ascii", "ignore").decode().lower()
    ascii_text = re.sub(r"\b(dr|prof|professor)\b\.?", "", ascii_text)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return f"letter-packet-{slug or f'request-{request.id}'}"[:80].rstrip("-")


def build_packet_zip(docx_files: Mapping[str, bytes]) -> bytes:
    """A deterministic .zip of the packet's .docx files.

    Same input, same bytes: entries sorted by name, a fixed 1980-01-01 timestamp, fixed
    permissions, no archive comment, no extra fields, no folders (so no user paths leak).

    Raises:
        UserError: no files, a name that is not a plain ``*.docx`` file name, two names that
            differ only in case, or a file too large to be a packet document.
    """
    if not docx_files:
        raise UserError("There are no .docx files to put in the packet .zip.",
                        where="writer packet")
    seen: dict[str, str] = {}
    for name, data in docx_files.items():
        bad = (not name or name != name.strip() or "/" in name or "\\" in name
               or name.startswith(".") or not name.lower().endswith(".docx")
               or any(unicodedata.category(c).startswith("C") for c in name))
        if bad:
            raise UserError(f'"{name}" is not a plain .docx file name.',
                            hint="Use names like cv.docx, without folders.",
                            where="writer packet")
        if name.casefold() in seen:
            raise UserError(f'"{name}" and "{seen[name.casefold()]}" differ only in case; '
                            "some systems would overwrite one with the other.",
                            where="writer packet")
        if len(data) > _MAX_ZIP_ENTRY:
            raise UserError(f"{name} is {len(data) / 1e6:.0f} MB, too large for a packet.",
                            where="writer packet")
        seen[name.casefold()] = name
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(docx_files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, docx_files[name], compresslevel=6)
    return buffer.getvalue()
