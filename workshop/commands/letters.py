"""``workshop letters``: writers and their letter requests, with statuses and due dates."""

from __future__ import annotations

import argparse
import datetime as _dt
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("letters", help="list letter writers and requests")
    parser.add_argument("--workspace", type=Path, default=argparse.SUPPRESS)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from workshop.commands import open_for_reading
    from workshop.core.letters import in_workspace
    from workshop.core.letters.listing import letters_listing

    with open_for_reading(args) as ws:
        text = letters_listing(in_workspace.writers(ws), in_workspace.requests(ws), args.format,
                               today=_dt.date.today())
    print(text)
    return 0
