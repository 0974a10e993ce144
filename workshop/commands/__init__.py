"""Subcommands of ``workshop`` beyond the foundation ones; each module has ``register(sub)``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from workshop.core.errors import UserError
from workshop.core.storage.lock import WorkspaceLocked
from workshop.core.storage.workspace import Workspace, open_workspace

Register = Callable[[argparse._SubParsersAction], None]  # type: ignore[type-arg]


def registrars() -> list[Register]:
    from workshop.commands import check, export, import_, interviews, letters, programs, questions

    return [check.register, export.register, import_.register, questions.register,
            programs.register, letters.register, interviews.register]


def workspace_path(args: argparse.Namespace) -> Path:
    from workshop.core.paths import default_workspace

    return Path(getattr(args, "workspace", None) or default_workspace())


def open_for_reading(args: argparse.Namespace) -> Workspace:
    """Open read-only: no lock, no backup, nothing written (so reads work beside the app, in a
    read-only folder and on a full disk). Only a workspace that needs an upgrade is opened
    for writing, once, to migrate it."""
    from workshop.core.storage.schema import LATEST_VERSION
    from workshop.core.storage.workspace import probe

    path = workspace_path(args)
    if not path.is_file() or probe(path).version >= LATEST_VERSION:
        return open_workspace(path, read_only=True)
    try:
        return open_workspace(path)
    except WorkspaceLocked:
        return open_workspace(path, read_only=True)


def open_to_record(args: argparse.Namespace) -> Workspace:
    """For a command that reads and leaves a small record (a packet's history): writable
    when it can be, read-only beside the app (the record is skipped then)."""
    path = workspace_path(args)
    try:
        return open_workspace(path)
    except WorkspaceLocked:
        return open_workspace(path, read_only=True)


def open_for_writing(args: argparse.Namespace) -> Workspace:
    path = workspace_path(args)
    try:
        return open_workspace(path)
    except WorkspaceLocked as exc:
        raise UserError(exc.message, hint="Close the app window that has it open, then retry.",
                        where=exc.where) from None
