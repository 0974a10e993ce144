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
from workshop.core.storage.diagnose import lock_error, unwritable, write_failure_hint
from workshop.core.storage.documents import DocumentRepository
from workshop.core.storage.file_guard import (
    WorkspaceChanged,
    changed_error,
    file_state,
    what_changed,
)
from workshop.core.storage.lock import WorkspaceLock, WorkspaceLocked
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


#: Guarded commits between checkpoints (the UI's backup timer also checkpoints every minute).
CHECKPOINT_EVERY = 25


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
        #: Why writing stopped (the file changed underneath), or None while all is well.
        self.stopped: WorkspaceChanged | None = None
        self._commits = 0
        if not self.read_only:
            # Only our own, guarded checkpoints may touch the main file (see file_guard).
            conn.execute("PRAGMA wal_autocheckpoint=0")
        self._state = None if self.read_only else file_state(path)
        self._bind(conn)

    def _bind(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.documents = DocumentRepository(conn, self.write)
        self.profile = ProfileRepository(conn, self.write)
        self.settings = SettingsRepository(conn, self.write)

    # -- the file underneath -------------------------------------------------------------
    def check_file(self) -> WorkspaceChanged | None:
        """Compare the file with how our last commit left it; stop writing if it changed.

        The UI calls this when its file watcher fires; every write calls it first."""
        if self.stopped is None and self._state is not None and not self._closed:
            happened = what_changed(self.path, self._state, APPLICATION_ID)
            if happened:
                self.stopped = changed_error(self.path, happened)
        return self.stopped

    def _guard(self) -> None:
        stopped = self.check_file()
        if stopped is not None:
            raise stopped

    def _committed(self) -> None:
        self._commits += 1
        if self._commits % CHECKPOINT_EVERY == 0:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Move committed pages from the WAL into the main file, if the file is still ours.

        Automatic checkpoints are off: a checkpoint is the only time the main file is written,
        so doing it here, after the file check, means a file changed underneath is never
        written into (the writes since go to the WAL, which the rescue copy reads)."""
        if self.read_only or self._closed or self.check_file() is not None:
            return
        with contextlib.suppress(sqlite3.OperationalError):  # busy or full: the WAL keeps it
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        self._state = file_state(self.path)

    def continue_in(self, target: Path | str) -> bool:
        """Copy everything this connection can still read into a new workspace file and go
        on there (same object, so every page keeps working and its unsaved edits land in the
        new file). Returns whether the copy passed SQLite's integrity check.

        Raises:
            UserError: the target exists or cannot be written (nothing changes then).
        """
        target = Path(target)
        if target.exists() or target == self.path:
            raise UserError("Choose a new file for the copy; that one already exists.",
                            where=str(target))
        lock = _take_lock(target)
        try:
            dest = sqlite3.connect(target)
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            healthy = backups.is_healthy(target)
            new = connect(target)
        except (OSError, sqlite3.Error) as exc:
            lock.release()
            with contextlib.suppress(OSError):
                target.unlink()
            raise UserError(f"Could not save the copy: {exc}.",
                            hint="Choose another folder (for example Documents) and retry.",
                            where=str(target)) from exc
        old_conn, old_lock = self.conn, self._lock
        self.path, self._lock, self.read_only = target, lock, False
        self._bind(new)
        self.stopped = None
        self._state = file_state(target)
        self._changes_at_backup = -1  # the first backup of the new file is due
        with contextlib.suppress(sqlite3.Error):
            old_conn.close()
        if old_lock is not None:
            old_lock.release()
        return healthy

    # -- writing -------------------------------------------------------------------------
    def write(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        """Run one modifying statement, committed at once; disk errors become WriteFailed."""
        self._refuse_if_read_only()
        # Inside a transaction the file was checked when it began (or, for a repository's own
        # transaction, the writes only reach the WAL until a checked checkpoint).
        if not self.conn.in_transaction:
            self._guard()
        try:
            cursor = self.conn.execute(sql, tuple(params))
        except sqlite3.OperationalError as exc:
            raise _as_write_failed(exc, self.path) from exc
        if not self.conn.in_transaction:
            self._committed()
        return cursor

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Several writes that land together or not at all (nests as a savepoint)."""
        self._refuse_if_read_only()
        self._guard()
        try:
            with atomic(self.conn):
                yield self.conn
        except sqlite3.OperationalError as exc:
            raise _as_write_failed(exc, self.path) from exc
        if not self.conn.in_transaction:
            self._committed()

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
        """Back up the live database (never a file that changed underneath: see check_file)."""
        self._guard()
        now = self._clock()
        made = backups.make_backup(self.conn, self.path, reason=reason, now=now)
        self._changes_at_backup = self.conn.total_changes
        self._last_backup = now
        backups.rotate(self.path, self.policy, now=now)
        return made

    def backup_if_due(self) -> Path | None:
        """Back up when something changed and the interval has passed (the UI calls this)."""
        if self._closed:
            return None  # a timer that fired after close: nothing to back up, nothing to read
        self.checkpoint()
        if self.read_only or not self.changed_since_backup or self.check_file() is not None:
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
            if (not self.read_only and self.changed_since_backup
                    and self.check_file() is None):
                # The data is safe in the workspace; a backup on close is a bonus.
                with contextlib.suppress(WriteFailed):
                    self.backup_now("close")
        finally:
            if self.check_file() is not None:
                _no_checkpoint_on_close(self.conn)
            self.conn.close()
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _no_checkpoint_on_close(conn: sqlite3.Connection) -> None:
    """Closing checkpoints the WAL into the main file: not into a file someone else wrote.

    Python 3.12+ can tell SQLite so; on 3.11 the close still checkpoints (the pages written
    are our own last commits, and the user has been told to save a copy)."""
    setconfig = getattr(conn, "setconfig", None)
    option = getattr(sqlite3, "SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE", None)
    if setconfig is not None and option is not None:
        with contextlib.suppress(sqlite3.Error):
            setconfig(option, True)


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
        hint=write_failure_hint(reason),
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
    lock = _take_lock(path)
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
    lock = None if read_only else _take_lock(path)
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


def _take_lock(path: Path) -> WorkspaceLock:
    """The lock, or a diagnosis: a read-only folder or file, or a full disk, is not damage."""
    problem = unwritable(path)
    if problem is not None:
        raise problem
    try:
        return WorkspaceLock.acquire(path)
    except WorkspaceLocked:
        raise
    except OSError as exc:
        raise lock_error(path, exc) from exc


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
