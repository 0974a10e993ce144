"""``workshop import KIND FILE``: bring a statement or a JSON Resume into a workspace."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("import", help="import a statement, a JSON Resume or a program list")
    parser.add_argument("kind", choices=["statement", "jsonresume", "programs"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--workspace", type=Path, default=argparse.SUPPRESS)
    parser.add_argument("--title", default="",
                        help="statement title (default: the document's title or first "
                        "heading, else the file name)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from workshop.commands import open_for_writing

    if args.kind == "statement":
        from workshop.core.statements import import_statement_with_report

        with open_for_writing(args) as ws:
            imported = import_statement_with_report(ws, args.file, title=args.title)
        report = imported.report
        print(f"Imported statement “{imported.document.title}” ({report.words:,} words, "
              f"{report.characters:,} characters).")
        print(f"  {report.title_line()}")
        for line in report.lines():
            print(f"  {line.text}")
        return 0
    if args.kind == "programs":
        from workshop.core.programs.in_workspace import import_program_file

        with open_for_writing(args) as ws:
            report = import_program_file(ws, args.file)
        print(report.summary())
        for line in [*report.errors, *report.warnings]:
            print(f"  {line}")
        return 1 if report.errors and not (report.created or report.updated) else 0
    from workshop.core.cv.jsonresume import import_json_resume, import_json_resume_into

    # A file with no résumé in it is refused before any workspace is opened; a non-empty CV is
    # kept as a version before the import replaces it (and the summary says so).
    parsed = import_json_resume(args.file)
    with open_for_writing(args) as ws:
        result = import_json_resume_into(ws, args.file, parsed=parsed)
    print(result.summary(args.file.name))
    for note in result.notes:
        print(f"  note: {note}")
    return 0
