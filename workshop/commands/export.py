"""``workshop export KIND --out FILE``: documents from a workspace, by the app's own engine."""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from pathlib import Path

from workshop.core.errors import UserError

KINDS = ("statement", "cv", "packet", "timeline")
DEFAULT_THEMES = {"statement": "statement", "cv": "cv-classic"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("export", help="export a statement, the CV (PDF, .docx...) or the "
                                           "season timeline (.ics)")
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("--workspace", type=Path, default=argparse.SUPPRESS)
    parser.add_argument("--theme", help="theme name (see templates/themes or your own)")
    parser.add_argument("--paper", choices=["letter", "a4"], default="letter")
    parser.add_argument("--statement", metavar="ID_OR_TITLE",
                        help="which statement (default: the first)")
    parser.add_argument("--show-target", action="store_true",
                        help="statement only: name the target programs in the page header "
                             "(by default only the specialty, so one PDF suits every program)")
    parser.add_argument("--no-check", action="store_true",
                        help="statement only: skip the spelling and grammar check whose open "
                             "problems are printed as warnings before the export")
    parser.add_argument("--writer", metavar="NAME", help="packet only: the letter writer")
    parser.add_argument("--request", type=int, metavar="ID",
                        help="packet only: which of the writer's requests (default: the first)")
    parser.add_argument("--format", choices=["auto", "jsonresume"], default="auto",
                        help="cv only: jsonresume writes JSON Resume v1.0.0")
    parser.add_argument("--out", type=Path, required=True,
                        help="file to write: .pdf, .docx (statement also .txt; cv also .json)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from workshop.commands import open_for_reading, open_to_record
    from workshop.core import statements

    opener = open_to_record if args.kind == "packet" else open_for_reading
    with opener(args) as ws:
        user_dirs = (statements.themes_folder(ws),)
        theme = args.theme or DEFAULT_THEMES.get(args.kind, "")
        if args.kind == "timeline":
            written = export_timeline(ws, args.out)
        elif args.kind == "packet":
            from workshop.core.letters.in_workspace import export_packet

            if not args.writer:
                raise UserError("Which writer's packet?", hint="Add --writer NAME.")
            written = export_packet(ws, args.writer, args.out, request_id=args.request,
                                    theme=args.theme or "packet", paper=args.paper)
        elif args.kind == "statement":
            doc = pick_statement(ws, args.statement)
            written = statements.export_statement(ws, doc, args.out, theme=theme,
                                                  paper=args.paper, user_theme_dirs=user_dirs,
                                                  show_target=args.show_target)
            for concern in statement_concerns(ws, doc, args, theme, user_dirs):
                print(f"warning: {concern}", file=sys.stderr)
            if args.out.suffix.lower() == ".pdf":
                from workshop.core.export.coverage import font_warnings

                for warning in font_warnings({"body": doc.body}):
                    print(f"warning: {warning}", file=sys.stderr)
        else:
            written = export_cv(ws, args, theme, user_dirs)
    print(f"Wrote {written}")
    return 0


def statement_concerns(ws, doc, args: argparse.Namespace, theme: str,  # type: ignore[no-untyped-def]
                       user_dirs) -> list[str]:
    """What the statements page would warn about: length, open problems, pages of a PDF.

    The file is written either way; these go to stderr so a script still gets the file and
    a person still reads why it may not be ready.
    """
    from dataclasses import asdict

    from workshop.core.statement_export_checks import export_concerns, statement_concerns

    page_count = None
    if args.out.suffix.lower() == ".pdf":
        from workshop.core.export.page_estimate import estimate

        page_count = estimate(doc.body, theme, args.paper, profile=asdict(ws.profile.get()),
                              specialty=doc.target_specialty, user_dirs=user_dirs).page_count
    if args.no_check:
        return export_concerns(doc.body, 0, 0, page_count=page_count)
    return statement_concerns(ws, doc, page_count=page_count)


def export_timeline(ws, out: Path, today: _dt.date | None = None) -> Path:  # type: ignore[no-untyped-def]
    """The season running ``today`` (default: the real today, at this shell's boundary) merged
    with the workspace's own dates, with reminders, as an .ics file."""
    from workshop.core.programs.in_workspace import timeline_events
    from workshop.core.season.ics import export_timeline_ics
    from workshop.core.season.timeline import load_season, rebase_season

    if out.suffix.lower() != ".ics":
        raise UserError("The timeline exports as an iCalendar file.",
                        hint="Use a file name ending in .ics.")
    day = today or _dt.date.today()
    events = rebase_season(timeline_events(ws), load_season(today=day))
    return export_timeline_ics(events, out, today=day)


def pick_statement(ws, wanted: str | None):  # type: ignore[no-untyped-def]
    from workshop.core.model.documents import DocumentKind

    docs = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)
    if not docs:
        raise UserError("This workspace has no personal statement yet.",
                        hint="Write one in the app or `workshop import statement FILE`.")
    if wanted is None:
        return docs[0]
    for doc in docs:
        if str(doc.id) == wanted or doc.title.casefold() == wanted.casefold():
            return doc
    # Part of a title will do when only one title holds it: "internal medicine" for
    # "Internal Medicine — main statement" (an em dash is hard to type in a terminal).
    part = _loose(wanted)
    matches = [doc for doc in docs if part and part in _loose(doc.title)]
    if len(matches) == 1:
        return matches[0]
    titles = "; ".join(f"{d.id}: {d.title}" for d in (matches or docs))
    if matches:
        raise UserError(f"“{wanted}” is part of {len(matches)} statement titles.",
                        hint=f"Give the number or more of the title: {titles}.")
    raise UserError(f"No statement matches “{wanted}”.", hint=f"Statements: {titles}.")


def _loose(title: str) -> str:
    """A title compared loosely: case, dashes and runs of spaces ignored."""
    return " ".join(re.sub(r"[\u2010-\u2015\-–—]", " ", title).casefold().split())


def export_cv(ws, args: argparse.Namespace, theme: str, user_dirs) -> Path:  # type: ignore[no-untyped-def]
    from workshop.core.cv.in_workspace import load_workspace_cv

    cv = load_workspace_cv(ws)
    if not (cv.personal.legal_name or cv.experience or cv.education):
        raise UserError("The CV in this workspace is empty.",
                        hint="Fill it in the app or `workshop import jsonresume FILE`.")
    if args.format == "jsonresume" or args.out.suffix.lower() == ".json":
        from workshop.core.cv.jsonresume import write_json_resume

        notes = write_json_resume(cv, args.out)
        for note in notes:
            print(f"  note: {note}")
        return Path(args.out)
    from workshop.core.export.api import export
    from workshop.core.export.coverage import font_warnings
    from workshop.core.export.cv_document import cv_document

    document = cv_document(cv)
    written = export(document, theme, args.paper, args.out, user_dirs=user_dirs)
    if args.out.suffix.lower() == ".pdf":
        for warning in font_warnings(document):
            print(f"warning: {warning}", file=sys.stderr)
    return written
