"""``workshop programs``: your program list with transparent fit labels and reasons."""

from __future__ import annotations

import argparse
import datetime as _dt
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("programs", help="list programs with fit labels and reasons")
    parser.add_argument("--workspace", type=Path, default=argparse.SUPPRESS)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from workshop.commands import open_for_reading
    from workshop.core.programs import in_workspace
    from workshop.core.programs.listing import programs_listing

    today = _dt.date.today()
    with open_for_reading(args) as ws:
        listed = in_workspace.programs(ws)
        profile = in_workspace.applicant_profile(ws, today)
    print(programs_listing(listed, profile, args.format, today=today))
    return 0
