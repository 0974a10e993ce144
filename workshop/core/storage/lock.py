"""One process at a time writes a workspace.

An advisory lock on ``<workspace>.lock`` (``flock`` on POSIX, ``msvcrt.locking`` on Windows). The
operating system drops it when the holder dies, even by SIGKILL, so a crash never leaves a stale
lock behind. A second process gets :class:`WorkspaceLocked` and may open the file read-only instead.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from workshop.core.errors import UserError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl


class WorkspaceLocked(UserError):
    """The workspace is open for writing in another window or process."""


def lock_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".lock")


class WorkspaceLock:
    """Holds the lock until :meth:`release` (or process exit)."""

    def __init__(self, workspace: Path, handle: IO[str]) -> None:
        self.workspace = workspace
        self._handle: IO[str] | None = handle

    @classmethod
    def acquire(cls, workspace: Path) -> WorkspaceLock:
        """Take the lock or raise :class:`WorkspaceLocked` naming the holder."""
        path = lock_path(workspace)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        try:
            lock_handle(handle)
        except OSError:  # POSIX: BlockingIOError; Windows: PermissionError
            try:
                holder = handle.read().strip() or "another process"
            except OSError:  # Windows: the holder's lock also forbids reading the locked byte
                holder = "another process"
            handle.close()
            raise WorkspaceLocked(
                f"This workspace is already open in another window ({holder}).",
                hint="Switch to that window, or open the workspace read-only.",
                where=str(workspace),
            ) from None
        with contextlib.suppress(OSError):  # a full disk: the lock holds without the note
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()} on {_host()}")
            handle.flush()
        return cls(workspace, handle)

    def release(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self._handle.seek(0)
            self._handle.truncate()
            unlock_handle(self._handle)
        self._handle.close()
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


def _host() -> str:
    try:
        return os.uname().nodename
    except AttributeError:  # pragma: no cover - Windows
        return os.environ.get("COMPUTERNAME", "this computer")


#: The locked region on Windows: byte 0 (msvcrt locks ranges from the current position).
LOCKED_OFFSET = 0


def lock_handle(handle: IO[str]) -> None:
    """Take an exclusive, non-blocking lock on an open file (OSError if another holds it)."""
    if sys.platform == "win32":  # pragma: no cover
        handle.seek(LOCKED_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def unlock_handle(handle: IO[str]) -> None:
    """Release :func:`lock_handle`'s lock, wherever the file position has moved since.

    msvcrt unlocks the range at the *current* position: after a read or write that is not the
    locked byte, and unlocking a range that was never locked raises PermissionError.
    """
    if sys.platform == "win32":  # pragma: no cover
        handle.seek(LOCKED_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
