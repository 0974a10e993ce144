"""``workshop check FILE``: the statement checks, headless (exit 1 when an error is found)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "check", help="check a statement file (.txt, .md, .docx)",
        description="Exit status: 0 when no error-severity finding, 1 when there is one or the "
                    "file cannot be read, 2 for usage mistakes.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--engine", choices=["auto", "harper", "languagetool"], default="auto")
    parser.add_argument("--specialty", help="the statement's target specialty")
    parser.add_argument("--program", action="append", default=[], metavar="P",
                        help="a program this copy targets (repeatable)")
    parser.add_argument("--languagetool-url", default="", help="a LanguageTool server to use")
    parser.add_argument("--workspace", type=Path, default=argparse.SUPPRESS,
                        help="use this workspace's dictionary, ignore list and program names")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from workshop.core.checks.cli_check import run_check

    words: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    known: tuple[str, ...] = ()
    if getattr(args, "workspace", None):
        from workshop.commands import open_for_reading
        from workshop.core import statements

        with open_for_reading(args) as ws:
            words, ignored = statements.user_words(ws), statements.ignored_keys(ws)
            known = statements.known_programs(ws)
    output, code = run_check(args.file, args.format, args.engine, args.specialty, args.program,
                             known, args.languagetool_url, words, ignored)
    print(output)
    return code
