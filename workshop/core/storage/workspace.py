"""Opening, creating, migrating and closing a workspace file.

The order on open matters: take the lock, look at the file read-only (is it SQLite, is it ours,
which schema, does ``quick_check`` pass), and only then open it for writing. A file from a newer
app or a damaged file is refused before anything could modify it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from workshop.core.atomic import describe_os_error
from workshop.core.errors import UserError, WriteFailed
from workshop.core.paths import ensure_private_dir
from workshop.core.storage import backups
from workshop.core.storage.connection import connect, has_sqlite_header
from workshop.core.storage.documents import DocumentRepository
from workshop.core.storage.lock import WorkspaceLock
from workshop.core.storage.profile import ProfileRepository
from workshop.core.storage.schema import APPLICATION_ID, LATEST_VERSION, MIGRATIONS, REBUILDS
from workshop.core.storage.settings import SettingsRepository
from workshop.core.storage.sqlatomic import atomic

Clock = Callable[[], datetime]


class WorkspaceTooNew(UserError):
    """Made by a newer version of the app; opened by nobody here, never modified."""


class WorkspaceDamaged(UserError):
    """Not a workspace, or one that fails its integrity check. ``backup`` is the way back."""

    def __init__(self, message: str, *, backup: Path | None, where: str) -> None:
        hint = (
            f"The newest backup is {backup.name}. Restore it with `workshop restore \"{where}\"`"
            " or choose Restore in the app; the damaged file is kept aside, not deleted."
            if backup
            else "No backup was found beside it. The file has not been changed."
        )
        super().__init__(message, hint=hint, where=where)
        self.backup = backup


@dataclass(frozen=True)
class Probe:
    version: int
    application_id: int


def probe(path: Path) -> Probe:
    """Read the schema version without writing to the file.

    Raises:
        WorkspaceDamaged: not SQLite, not ours, or ``quick_check`` fails.
        WorkspaceTooNew: made by a newer app.
    """
    newest = next(iter(backups.list_backups(path)), None)
    newest_path = newest.path if newest else None
    if path.stat().st_size == 0 or not has_sqlite_header(path):
        raise WorkspaceDamaged(
            "This file is not a workspace (it is not an SQLite database, or it is empty).",
            backup=newest_path, where=str(path),
        )
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [side.exists() for side in sides]
    try:
        conn = connect(path, read_only=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if app_id != APPLICATION_ID and (version or tables):
                raise WorkspaceDamaged(
                    "This SQLite file belongs to another program; it is not a workspace.",
                    backup=newest_path, where=str(path),
                )
            if version > LATEST_VERSION:
                raise WorkspaceTooNew(
                    f"This workspace was made by a newer version of the app (schema {version};"
                    f" this version reads up to {LATEST_VERSION}).",
                    hint="Update the app to open it. The file has not been changed.",
                    where=str(path),
                )
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
            _remove_created_side_files(sides, existed)
    except sqlite3.DatabaseError as exc:
        raise WorkspaceDamaged(
            f"This workspace file is damaged ({exc}).", backup=newest_path, where=str(path)
        ) from exc
    if check != "ok":
        raise WorkspaceDamaged(
            f"This workspace file is damaged (integrity check: {check}).",
            backup=newest_path, where=str(path),
        )
    return Probe(version=version, application_id=app_id)


def _remove_created_side_files(sides: list[Path], existed: list[bool]) -> None:
    """A read-only look at a WAL database leaves empty -wal/-shm files: tidy up what we made."""
    wal, shm = sides
    if existed[0] or existed[1] or not wal.exists() or wal.stat().st_size:
        return
    for side in sides:
        side.unlink(missing_ok=True)


class Workspace:
    """An open workspace: a connection, its lock, repositories and the backup schedule."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        lock: WorkspaceLock | None,
        clock: Clock,
        policy: backups.BackupPolicy,
    ) -> None:
        self.path = path
        self.conn = conn
        self.read_only = lock is None
        self._lock = lock
        self._clock = clock
        self.policy = policy
        self._changes_at_backup = conn.total_changes
        self._last_backup = clock()
        self._closed = False
        self.documents = DocumentRepository(conn, self.write)
        self.profile = ProfileRepository(conn, self.write)
        self.settings = SettingsRepository(conn, self.write)

    # -- writing -------------------------------------------------------------------------
    def write(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        """Run one modifying statement, committed at once; disk errors become WriteFailed."""
        self._refuse_if_read_only()
        try:
            return self.conn.execute(sql, tuple(params))
        except sqlite3.OperationalError as exc:
            raise _as_write_failed(exc, self.path) from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Several writes that land together or not at all (nests as a savepoint)."""
        self._refuse_if_read_only()
        try:
            with atomic(self.conn):
                yield self.conn
        except sqlite3.OperationalError as exc:
            raise _as_write_failed(exc, self.path) from exc

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise UserError(
                "This workspace is open read-only, so changes cannot be saved.",
                hint="Close the other window that has it open, then reopen it here.",
                where=str(self.path),
            )

    # -- backups -------------------------------------------------------------------------
    @property
    def changed_since_backup(self) -> bool:
        return self.conn.total_changes != self._changes_at_backup

    def backup_now(self, reason: str = "manual") -> Path:
        now = self._clock()
        made = backups.make_backup(self.conn, self.path, reason=reason, now=now)
        self._changes_at_backup = self.conn.total_changes
        self._last_backup = now
        backups.rotate(self.path, self.policy, now=now)
        return made

    def backup_if_due(self) -> Path | None:
        """Back up when something changed and the interval has passed (the UI calls this)."""
        if self.read_only or not self.changed_since_backup:
            return None
        if self._clock() - self._last_backup < self.policy.interval:
            return None
        return self.backup_now("interval")

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Back up if anything changed, then release the file and its lock (idempotent)."""
        if self._closed:
            return
        self._closed = True
        try:
            if not self.read_only and self.changed_since_backup:
                # The data is safe in the workspace; a backup on close is a bonus.
                with contextlib.suppress(WriteFailed):
                    self.backup_now("close")
        finally:
            self.conn.close()
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _as_write_failed(exc: sqlite3.OperationalError, path: Path) -> WriteFailed:
    text = str(exc)
    if "full" in text:
        reason = "the disk is full"
    elif "readonly" in text or "read-only" in text:
        reason = "the file or disk is read-only"
    else:
        reason = text
    return WriteFailed(
        f"Could not save to the workspace: {reason}.",
        hint="What was saved before is unchanged; free some space and the app will retry.",
        where=str(path),
    )


def _migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Apply every migration after ``from_version`` in one transaction.

    A migration that rebuilds a table (``REBUILDS``) runs with foreign keys off, SQLite's own
    recipe for schema changes ALTER TABLE cannot make; the keys are checked before the commit,
    so a rebuild that broke a reference rolls everything back.
    """
    rebuild = any(n in REBUILDS for n in range(from_version + 1, LATEST_VERSION + 1))
    if rebuild:
        conn.execute("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
    conn.execute("BEGIN IMMEDIATE")
    try:
        if from_version == 0:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for statements in MIGRATIONS[from_version:]:
            for statement in statements:
                conn.execute(statement)
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.IntegrityError(f"migration left {len(broken)} broken references "
                                         f"(first in table {broken[0][0]})")
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        if rebuild:
            conn.execute("PRAGMA foreign_keys=ON")


def create_workspace(
    path: Path | str,
    *,
    clock: Clock = datetime.now,
    policy: backups.BackupPolicy | None = None,
) -> Workspace:
    """Create a new, empty workspace (0600 in a 0700 folder) and open it."""
    path = Path(path)
    if path.exists():
        raise UserError(
            "A file already exists there.", hint="Choose another name or open it instead.",
            where=str(path),
        )
    try:
        ensure_private_dir(path.parent)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise WriteFailed(
            f"Could not create the workspace: {describe_os_error(exc)}.",
            hint="Pick a folder you can write to.", where=str(path),
        ) from exc
    lock = WorkspaceLock.acquire(path)
    try:
        conn = connect(path)
        _migrate(conn, 0)
    except BaseException:
        lock.release()
        raise
    return Workspace(path, conn, lock=lock, clock=clock, policy=policy or backups.BackupPolicy())


def open_workspace(
    path: Path | str,
    *,
    read_only: bool = False,
    clock: Clock = datetime.now,
    policy: backups.BackupPolicy | None = None,
) -> Workspace:
    """Open an existing workspace, migrating it (after a backup) when it is older.

    Raises:
        UserError: missing file; :class:`WorkspaceLocked`, :class:`WorkspaceTooNew`,
            :class:`WorkspaceDamaged` as their names say.
    """
    path = Path(path)
    policy = policy or backups.BackupPolicy()
    if not path.is_file():
        raise UserError(
            "There is no workspace at this path.",
            hint="Check the path, or create one with `workshop init PATH`.", where=str(path),
        )
    lock = None if read_only else WorkspaceLock.acquire(path)
    try:
        found = probe(path)
        if read_only:
            if found.version < LATEST_VERSION:
                raise UserError(
                    "This workspace needs an upgrade before it can be read.",
                    hint="Open it once for writing (close other windows first).", where=str(path),
                )
            conn = connect(path, read_only=True)
        else:
            conn = connect(path)
            if found.version < LATEST_VERSION:
                if found.version > 0:
                    backups.make_backup(
                        conn, path, reason=f"before-upgrade-v{found.version}", now=clock()
                    )
                _migrate(conn, found.version)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Workspace(path, conn, lock=lock, clock=clock, policy=policy)


def restore_newest_backup(
    path: Path | str, *, clock: Clock = datetime.now
) -> tuple[Path, Path | None]:
    """Replace a damaged workspace with its newest healthy backup (damaged file kept aside)."""
    path = Path(path)
    lock = WorkspaceLock.acquire(path) if path.exists() else None
    try:
        return backups.restore_newest(path, now=clock())
    finally:
        if lock is not None:
            lock.release()
