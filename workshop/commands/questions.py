"""``workshop questions``: the interview question bank (and your own questions)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("questions", help="list interview questions")
    parser.add_argument("--category", help="only this category (id or alias)")
    parser.add_argument("--specialty",
                        help="general questions plus this specialty's own "
                             "(e.g. 'Internal Medicine', 'IM', 'OB/GYN')")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--workspace", type=Path, default=argparse.SUPPRESS,
                        help="also list your own questions from this workspace")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from workshop.core.drills.bank import load_bank
    from workshop.core.drills.listing import questions_listing
    from workshop.core.drills.repository import list_user_questions

    user = []
    if getattr(args, "workspace", None):
        from workshop.commands import open_for_reading

        with open_for_reading(args) as ws:
            user = list_user_questions(ws.conn)
    print(questions_listing(load_bank(), args.category, args.format, user,
                            specialty=args.specialty))
    return 0
