"""The ``workshop`` command: no arguments opens the app; subcommands work headless.

Errors follow one rule: a :class:`UserError` prints one clear line on stderr and exits 1 (and,
for ``--format json``, a ``{"error": ..., "hint": ...}`` object on stdout); a usage mistake exits
2 (argparse); anything else is a bug, reported in one line unless ``--debug`` asks for the
traceback. Library warnings are silenced unless ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from workshop import APP_NAME, __version__
from workshop.core.errors import UserError, as_sentence

Handler = Callable[[argparse.Namespace], int]


def _add_workspace_option(parser: argparse.ArgumentParser, *, sub: bool = True) -> None:
    """``--workspace`` works before or after the subcommand (a subparser must not reset it)."""
    parser.add_argument(
        "--workspace", type=Path, metavar="PATH",
        default=argparse.SUPPRESS if sub else None,
        help="workspace file (default: the one in your user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop",
        description=f"{APP_NAME}: prepare your residency application offline. "
        "Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    _add_workspace_option(parser, sub=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="create a workspace file")
    init.add_argument("path", type=Path, help="where to create it (e.g. ~/residency.workshop)")
    init.add_argument("--sample", action="store_true",
                      help="fill it with the fictional sample applicant")
    init.set_defaults(handler=_cmd_init)

    restore = sub.add_parser("restore", help="replace a damaged workspace with its newest backup")
    restore.add_argument("path", type=Path)
    restore.set_defaults(handler=_cmd_restore)

    bench = sub.add_parser("bench", help="measure start-up time, memory and workspace opening")
    bench.add_argument("--runs", type=int, default=3, help="repetitions per measurement")
    bench.add_argument("--versions", type=int, default=10_000,
                       help="versions in the large-workspace test")
    bench.add_argument("--suite", choices=["startup", "visits", "history", "export", "crash",
                                            "all"], default="startup",
                       help="startup: start, memory, underlines; visits: first visit of each "
                            "section; history: Versions at scale; export: CV vs Typst; crash: "
                            "SIGKILL the save loop; all: every one")
    bench.add_argument("--kills", type=int, default=200, help="kills in the crash suite")
    bench.set_defaults(handler=_cmd_bench)

    shot = sub.add_parser("screenshot", help="render the main window to a PNG (offscreen)")
    _add_workspace_option(shot)
    shot.add_argument("--section", default="statements",
                      choices=["statements", "cv", "letters", "interviews", "interview", "programs",
                               "exports"])
    shot.add_argument("--size", default="1180x760", help="WIDTHxHEIGHT in pixels")
    shot.add_argument("--out", type=Path, required=True, help="PNG file to write")
    shot.add_argument("--dark", action="store_true", help="render with a dark colour scheme")
    shot.set_defaults(handler=_cmd_screenshot)

    for register in _extra_commands():
        register(sub)
    return parser


def _extra_commands() -> list[Callable[[argparse._SubParsersAction], None]]:  # type: ignore[type-arg]
    """Subcommands contributed by feature modules (each registers its own parser)."""
    from workshop.commands import registrars

    return registrars()


def _cmd_init(args: argparse.Namespace) -> int:
    from workshop.core.services import init_workspace

    workspace = init_workspace(args.path, sample=args.sample)
    workspace.close()
    what = "with the fictional sample applicant" if args.sample else "empty"
    print(f"Created workspace {args.path} ({what}).")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from workshop.core.storage.workspace import restore_newest_backup

    source, aside = restore_newest_backup(args.path)
    print(f"Restored {args.path} from backup {source.name}.")
    if aside:
        print(f"The damaged file was kept as {aside}.")
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from workshop.bench import SUITES, run_bench

    suites = SUITES if args.suite == "all" else tuple(s for s in (args.suite,) if s in SUITES)
    if suites:
        print(run_bench(runs=args.runs, versions=args.versions, suites=suites))
    if args.suite in {"crash", "all"}:
        import tempfile

        from workshop.harness.crash import run_crash_harness

        with tempfile.TemporaryDirectory(prefix="workshop-crash-") as tmp:
            report = run_crash_harness(Path(tmp), args.kills)
        print(f"crash harness: {report.summary()}")
        if report.failures:
            return 1
    return 0


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from workshop.core.paths import default_workspace
    from workshop.ui.screenshot import render_main_window

    try:
        width, height = (int(n) for n in args.size.lower().split("x"))
    except ValueError:
        raise UserError(f"--size must look like 1180x760, not {args.size!r}.") from None
    out = render_main_window(args.workspace or default_workspace(), args.out,
                             section=args.section, size=(width, height), dark=args.dark)
    print(f"Wrote {out}")
    return 0


def _open_app(args: argparse.Namespace) -> int:
    from workshop.app import run_app

    return run_app(workspace=args.workspace)


def _sentence(text: str) -> str:
    return as_sentence(text)


def render_error(exc: UserError) -> str:
    """One line: where, what is wrong (as a sentence), what to do."""
    what = _sentence(exc.message)
    parts = [f"{exc.where}: {what}" if exc.where else what]
    if exc.hint:
        parts.append(_sentence(exc.hint))
    return " ".join(parts)


def _json_wanted(args: argparse.Namespace) -> bool:
    return getattr(args, "format", None) == "json"


def _print_json_error(error: str, hint: str = "", where: str = "") -> None:
    """The failure as a JSON object on stdout, for scripts that asked for ``--format json``."""
    import json

    payload = {"error": error, "hint": hint}
    if where:
        payload["where"] = where
    print(json.dumps(payload, ensure_ascii=False))


def _quiet_library_warnings() -> None:
    """Library warnings (openpyxl's "Data Validation extension is not supported", ...) are for
    developers; the user gets our messages only. ``--debug`` shows them again."""
    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.captureWarnings(True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", _open_app)
    if not getattr(args, "debug", False):
        _quiet_library_warnings()
    try:
        return handler(args)
    except UserError as exc:
        if _json_wanted(args):
            _print_json_error(_sentence(exc.message), _sentence(exc.hint), exc.where)
        print(f"workshop: {render_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("workshop: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`workshop questions | head`): not an error worth a message.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if _json_wanted(args):
            _print_json_error(f"internal error: {type(exc).__name__}",
                              "This is a bug: run again with --debug and report what it prints.")
        if args.debug:
            traceback.print_exc()
        else:
            print(f"workshop: internal error: {type(exc).__name__}: {exc} "
                  "(run again with --debug for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
