"""``workshop interviews``: invitations, dates in both time zones, conflicts; .ics export."""

from __future__ import annotations

import argparse
import datetime as _dt
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("interviews",
                            help="list interview invitations, dates and conflicts")
    parser.add_argument("--workspace", type=Path, default=argparse.SUPPRESS)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--export-ics", type=Path, metavar="FILE",
                        help="write the scheduled interviews, with reminders, as .ics")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from workshop.commands import open_for_reading
    from workshop.core.interviews import in_workspace
    from workshop.core.interviews.listing import listing

    today = _dt.date.today()
    with open_for_reading(args) as ws:
        if args.export_ics:
            path, count = in_workspace.export_ics(ws, args.export_ics,
                                                  now=_dt.datetime.now(_dt.UTC))
            print(f"Wrote {count} interview{'s' if count != 1 else ''} to {path}")
            return 0
        print(listing(in_workspace.overview(ws, today), today, args.format))
    return 0
