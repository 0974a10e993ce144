"""``workshop programs``: your program list with transparent fit labels and reasons.

``workshop programs signals`` shows signals used and allowed per specialty (``--set ID KIND``
gives or takes back one), ``workshop programs costs`` the cost planner; plain
``workshop programs`` prints the list as before.
"""

from __future__ import annotations

import argparse
import datetime as _dt
from pathlib import Path

SIGNAL_CHOICES = ("gold", "silver", "signal", "none")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("programs", help="list programs with fit labels and reasons")
    parser.add_argument("--workspace", type=Path, default=argparse.SUPPRESS)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(handler=run)
    what = parser.add_subparsers(dest="programs_view", metavar="VIEW")
    signals = what.add_parser("signals", help="program signals used and allowed per specialty")
    costs = what.add_parser("costs", help="ERAS fees per specialty and other costs")
    for child in (signals, costs):
        # SUPPRESS: an option given before the view (programs --format json costs) survives.
        child.add_argument("--workspace", type=Path, default=argparse.SUPPRESS)
        child.add_argument("--format", choices=["text", "json"], default=argparse.SUPPRESS)
    signals.add_argument("--set", nargs=2, metavar=("PROGRAM_ID", "KIND"),
                         help=f"give a signal to a program; KIND is one of "
                              f"{', '.join(SIGNAL_CHOICES)} (none takes it back)")
    signals.set_defaults(handler=run_signals)
    costs.set_defaults(handler=run_costs)


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


def run_signals(args: argparse.Namespace) -> int:
    from workshop.commands import open_for_reading, open_for_writing
    from workshop.core.errors import UserError
    from workshop.core.programs import in_workspace
    from workshop.core.season.application_listing import signals_listing
    from workshop.core.season.signals import assign_signal, load_signal_table, usage

    table = load_signal_table(_match_year())
    if args.set:
        raw_id, kind = args.set
        if not raw_id.isdigit() or kind not in SIGNAL_CHOICES:
            raise UserError(f"cannot read --set {raw_id} {kind}", where="signals",
                            hint=f"Give a program id (see the list) and one of "
                                 f"{', '.join(SIGNAL_CHOICES)}.")
        with open_for_writing(args) as ws:
            assign_signal(ws, int(raw_id), "" if kind == "none" else kind, table)
    with open_for_reading(args) as ws:
        listed = in_workspace.programs(ws)
    print(signals_listing(usage(listed, table), table, listed, args.format))
    return 0


def run_costs(args: argparse.Namespace) -> int:
    from workshop.commands import open_for_reading
    from workshop.core.programs import in_workspace
    from workshop.core.season.application_listing import costs_listing
    from workshop.core.season.fees import load_amounts, load_fee_table, plan_costs

    table = load_fee_table(_match_year())
    with open_for_reading(args) as ws:
        plan = plan_costs(in_workspace.programs(ws), table, load_amounts(ws.settings))
    print(costs_listing(plan, args.format))
    return 0


def _match_year() -> int:
    """The Match of the season running today (June starts the next Match's season)."""
    from workshop.core.programs.anchor import match_year_for

    return match_year_for(_dt.date.today())
