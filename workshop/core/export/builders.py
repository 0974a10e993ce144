"""Documents built from plain data: personal statement, letter-writer packet, drill report.

The CV has its own module (:mod:`workshop.core.export.cv_document`). Builders take plain dicts
and strings so the services layer, the CLI and tests can call them without the storage layer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from workshop.core.cv.model import CV
from workshop.core.errors import UserError
from workshop.core.export.cv_document import as_cv, cv_part
from workshop.core.export.document import (
    Block,
    BulletList,
    Document,
    Heading,
    Inline,
    KeyValue,
    Masthead,
    Paragraph,
    Part,
    Table,
    TableOfContents,
    autolink,
    link,
    text,
)


def paragraphs(body: str, *, keep_lines: bool = False) -> list[str]:
    """Split plain text into paragraphs at blank lines.

    Single newlines become spaces (text pasted from e-mail is often hard-wrapped), except with
    ``keep_lines``: letters keep the closing and signature lines on their own lines, and a
    statement keeps every line break where the editor shows one (many applicants end
    paragraphs with a single Enter, and MyERAS keeps those breaks too).
    """
    chunks = re.split(r"\n\s*\n", body.replace("\r\n", "\n").strip())
    joiner = "\n" if keep_lines else " "
    return [joiner.join(line.strip() for line in c.splitlines() if line.strip()) for c in chunks
            if c.strip()]


def _profile_name(profile: Mapping[str, Any]) -> str:
    return str(profile.get("full_name") or profile.get("legal_name") or profile.get("name") or "")


def _contact(profile: Mapping[str, Any]) -> tuple[Inline, ...]:
    items: list[Inline] = []
    email = str(profile.get("email") or "")
    if email:
        items.append((link(email, f"mailto:{email}"),))
    phone = str(profile.get("phone") or "")
    if phone:
        items.append(text(phone))
    return tuple(items)


STATEMENT_LABEL = "Personal statement"


def statement_document(
    profile: Mapping[str, Any],
    title: str,
    body_text: str,
    target: str,
    *,
    notice: str = "",
    programs: Sequence[str] = (),
    show_target: bool = False,
) -> Document:
    """A personal statement: the applicant's name and contact on top, then the text.

    One PDF usually goes to every program of a specialty (and to mentors), so nothing here
    names a program unless the applicant asks for it, and the internal title ("IM — main
    statement") is neither printed nor put in the file's properties: both are the applicant's
    own labels, and a program that sees another program's name in a statement reads it as
    carelessness.

    Args:
        profile: the applicant profile (``full_name``, optional ``native_name``, ``email``,
            ``phone``), as in resources/sample/applicant.json.
        title: the statement's name in the workspace; kept for callers, never printed.
        body_text: plain text; blank lines separate paragraphs, a single newline is a line
            break inside one.
        target: the specialty, e.g. "Internal Medicine" (shown beside "Personal statement").
        notice: small print in the footer (the SAMPLE label for fictional data).
        programs: the programs this version is meant for.
        show_target: print ``programs`` after the specialty in the page header (top of page 1
            and the running header); the file's properties never name them.

    Raises:
        UserError: the body is empty.
    """
    del title  # the applicant's own label: see above
    if not body_text.strip():
        raise UserError("The statement is empty, so there is nothing to export.",
                        hint="Write the statement first.")
    name = _profile_name(profile)
    specialty = target.strip()
    shown = [p.strip() for p in programs if p.strip()] if show_target else []
    headline = " \u00b7 ".join([STATEMENT_LABEL, *([specialty] if specialty else []), *shown])
    blocks: list[Block] = [Paragraph(autolink(p)) for p in paragraphs(body_text, keep_lines=True)]
    masthead = Masthead(name, str(profile.get("native_name") or ""), headline, _contact(profile))
    label = f"{STATEMENT_LABEL} \u2014 {name}" if name else STATEMENT_LABEL
    subject = f"{STATEMENT_LABEL} for residency in {specialty}" if specialty else label
    return Document(
        title=label,
        author=name,
        subject=subject,
        keywords=tuple(k for k in ("personal statement", "residency application", specialty) if k),
        header_name=name,
        notice=notice,
        parts=[Part(STATEMENT_LABEL, blocks, masthead=masthead)],
        running_title=" \u00b7 ".join([STATEMENT_LABEL, *shown]),
    )


def _text_part(title: str, value: str | Mapping[str, Any], *, show_title: bool = True,
               keep_lines: bool = False) -> Part:
    """A part from plain text, or from a dict with ``title``/``body`` (and optional ``target``)."""
    if isinstance(value, Mapping):
        heading = str(value.get("title") or title)
        body = str(value.get("body") or value.get("text") or "")
        target = str(value.get("target") or "")
    else:
        heading, body, target = title, value, ""
    blocks: list[Block] = []
    if target:
        blocks.append(Paragraph(text(target, italic=True), "muted"))
    blocks += [Paragraph(autolink(p)) for p in paragraphs(body, keep_lines=keep_lines)]
    part = Part(title, blocks, show_title=show_title)
    if heading != title:
        part.blocks.insert(0, Heading(heading, level=2))
    return part


def packet_document(
    cover_letter_text: str,
    cv: CV | Mapping[str, Any],
    statement: str | Mapping[str, Any],
    case_summary: str | Mapping[str, Any],
    request_form: Mapping[str, Any],
) -> Document:
    """A letter-writer packet: cover letter, contents, then CV, statement and case summary.

    Each document is a bookmarked part starting on a new page; the contents page lists them
    with page numbers and links.

    Args:
        cover_letter_text: the note to the letter writer (plain text, paragraphs at blank lines).
        cv: the CV model or its dict form.
        statement: the statement text, or ``{"title", "body", "target"}``.
        case_summary: a summary of cases seen with the writer: text or ``{"title", "body"}``.
        request_form: label -> value rows of the ERAS Letter Request details (Letter ID, due
            date, waiver...); printed on the cover page. Values may be str, numbers or bools.
    """
    model = as_cv(cv)
    name = model.personal.legal_name
    rows: list[tuple[str, Inline]] = []
    for label, value in request_form.items():
        shown = {True: "Yes", False: "No", None: ""}.get(value, value) if isinstance(
            value, bool | None) else value
        rows.append((str(label), autolink(str(shown))))
    cover_blocks: list[Block] = [
        Paragraph(autolink(p)) for p in paragraphs(cover_letter_text, keep_lines=True)
    ]
    if rows:
        cover_blocks += [Heading("Letter request details"), KeyValue(tuple(rows))]
    cover = Part("Cover letter", cover_blocks,
                 masthead=Masthead(name, model.personal.native_name,
                                   "Materials for my letter of recommendation",
                                   _cv_contact(model)))
    contents = Part("Contents", [TableOfContents("Contents")])
    cv_doc = cv_part(model)
    parts = [cover, contents, cv_doc,
             _text_part("Personal statement", statement, keep_lines=True),
             _text_part("Case summary", case_summary)]
    return Document(
        title="Letter of recommendation packet",
        author=name,
        subject=f"Materials for the letter writers of {name}",
        keywords=("letter of recommendation", "residency application"),
        header_name=name,
        notice=model.sample_notice,
        parts=parts,
    )


def _cv_contact(model: CV) -> tuple[Inline, ...]:
    p = model.personal
    return _contact({"email": p.email, "phone": p.phone})


def report_document(
    title: str,
    sections: Sequence[Mapping[str, Any]],
    *,
    applicant: str = "",
    subtitle: str = "",
    notice: str = "",
    keywords: tuple[str, ...] = ("interview practice", "report"),
) -> Document:
    """A drill (or any) report from plain sections.

    Each section is a mapping with ``heading`` and any of: ``text`` (paragraphs at blank
    lines), ``bullets`` (list of str), ``rows`` (list of [label, value]) and ``table``
    (``{"header": [...], "rows": [[...], ...], "widths": [fractions]}``), shown in that order.

    Raises:
        UserError: a section is not a mapping or has an unknown key.
    """
    allowed = {"heading", "text", "bullets", "rows", "table"}
    blocks: list[Block] = []
    for i, sec in enumerate(sections):
        if not isinstance(sec, Mapping) or set(sec) - allowed:
            extra = sorted(set(sec) - allowed) if isinstance(sec, Mapping) else []
            raise UserError(
                f"Report section {i + 1} is not usable" + (f" (unknown keys: {extra})" if extra
                                                           else "") + ".",
                hint=f"Use the keys {', '.join(sorted(allowed))}.",
                where=f"sections[{i}]",
            )
        if sec.get("heading"):
            blocks.append(Heading(str(sec["heading"])))
        blocks += [Paragraph(autolink(p)) for p in paragraphs(str(sec.get("text") or ""))]
        if sec.get("bullets"):
            blocks.append(BulletList(tuple(autolink(str(b)) for b in sec["bullets"])))
        if sec.get("rows"):
            blocks.append(KeyValue(tuple((str(k), autolink(str(v))) for k, v in sec["rows"])))
        if sec.get("table"):
            tb = sec["table"]
            blocks.append(Table(tuple(str(h) for h in tb["header"]),
                                tuple(tuple(str(c) for c in row) for row in tb["rows"]),
                                tuple(float(w) for w in tb.get("widths", ()))))
    masthead = Masthead(title, "", subtitle or applicant, ())
    return Document(
        title=title, author=applicant, subject=subtitle or title,
        keywords=keywords, header_name=applicant, notice=notice,
        parts=[Part(title, blocks, masthead=masthead)],
    )
