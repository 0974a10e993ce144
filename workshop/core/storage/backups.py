"""Rotating backups made with SQLite's online backup API.

Backups live in ``<workspace>.backups/`` beside the workspace (0700, files 0600). Each is a whole,
consistent copy written to a temporary name and renamed, so a crash mid-backup leaves no partial
file that could later be mistaken for a good one. Rotation keeps a bounded number by age.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from workshop.core.atomic import describe_os_error, replace_file, write_via_temp
from workshop.core.errors import UserError, WriteFailed
from workshop.core.paths import ensure_private_dir

STAMP = "%Y%m%dT%H%M%S%f"


@dataclass(frozen=True)
class BackupPolicy:
    """How often to back up and how many to keep."""

    interval: timedelta = timedelta(minutes=10)
    keep: int = 12
    max_age: timedelta = timedelta(days=30)
    keep_at_least: int = 3


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    reason: str


def backup_dir(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".backups")


def make_backup(conn: sqlite3.Connection, workspace: Path, *, reason: str, now: datetime) -> Path:
    """Copy the live database into a new backup file and return its path.

    Raises:
        WriteFailed: the disk is full or the folder is not writable; no partial file remains.
    """
    folder = backup_dir(workspace)
    target = folder / f"{workspace.stem}-{now.strftime(STAMP)}-{reason}.sqlite"

    def copy_into(tmp: Path) -> None:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
            check = dest.execute("PRAGMA quick_check").fetchone()
        finally:
            dest.close()
        if not check or check[0] != "ok":  # never keep (or rotate in) a bad copy
            raise sqlite3.DatabaseError(f"the copy failed its integrity check ({check[0]})"
                                        if check else "the copy failed its integrity check")

    try:
        ensure_private_dir(folder)
        write_via_temp(target, copy_into)
    except (OSError, sqlite3.DatabaseError) as exc:
        reason_text = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise WriteFailed(
            f"Could not write a backup: {reason_text}.",
            hint="Your workspace itself is unchanged; the app will try again later.",
            where=str(folder),
        ) from exc
    return target


def list_backups(workspace: Path) -> list[BackupInfo]:
    """Backups of this workspace, newest first."""
    folder = backup_dir(workspace)
    if not folder.is_dir():
        return []
    found = []
    prefix = f"{workspace.stem}-"
    for path in folder.glob(f"{glob_escape(prefix)}*.sqlite"):
        rest = path.stem[len(prefix):]
        stamp, _, reason = rest.partition("-")
        try:
            made_at = datetime.strptime(stamp, STAMP)
        except ValueError:
            continue
        found.append(BackupInfo(path, made_at, reason))
    found.sort(key=lambda info: info.made_at, reverse=True)
    return found


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def rotate(workspace: Path, policy: BackupPolicy, *, now: datetime) -> list[Path]:
    """Delete backups beyond ``policy.keep`` or older than ``policy.max_age``; return the deleted.

    The newest ``keep_at_least`` always survive, however old, so a workspace left alone for months
    still has something to restore; so does the newest one that passes ``quick_check``, even
    when damaged newer ones (copied in by hand) push it past the count.
    """
    deleted = []
    listed = list_backups(workspace)
    newest_good = next((info.path for info in listed if is_healthy(info.path)), None)
    for index, info in enumerate(listed):
        too_many = index >= policy.keep
        too_old = now - info.made_at > policy.max_age
        if info.path == newest_good:
            continue  # whatever the count and age, the newest healthy backup stays
        if index >= policy.keep_at_least and (too_many or too_old):
            with contextlib.suppress(OSError):
                info.path.unlink()
                deleted.append(info.path)
    return deleted


def is_healthy(path: Path) -> bool:
    """True when ``path`` is a readable SQLite file that passes ``quick_check``."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == "ok"


def restore_newest(workspace: Path, *, now: datetime) -> tuple[Path, Path | None]:
    """Put the newest healthy backup in place of a damaged workspace.

    The damaged file (and its ``-wal``/``-shm``) is renamed aside, never overwritten or deleted.

    Returns:
        (the backup restored from, where the damaged file was kept or None if there was none).
    """
    healthy = [info for info in list_backups(workspace) if is_healthy(info.path)]
    if not healthy:
        raise UserError(
            "There is no healthy backup of this workspace to restore.",
            hint=f"Backups are kept in {backup_dir(workspace)}.",
            where=str(workspace),
        )
    source = healthy[0].path
    kept_aside = None
    try:
        if workspace.exists():
            kept_aside = workspace.with_name(
                f"{workspace.name}.damaged-{now.strftime('%Y%m%dT%H%M%S')}"
            )
            replace_file(workspace, kept_aside)
            for suffix in ("-wal", "-shm"):
                side = workspace.with_name(workspace.name + suffix)
                if side.exists():
                    replace_file(side, kept_aside.with_name(kept_aside.name + suffix))
        write_via_temp(workspace, lambda tmp: shutil.copyfile(source, tmp))
    except OSError as exc:
        raise WriteFailed(
            f"Could not restore the backup: {describe_os_error(exc)}.",
            hint=f"The backup is still at {source}.",
            where=str(workspace),
        ) from exc
    return source, kept_aside
