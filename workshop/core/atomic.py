"""The one helper through which every file outside the database is written.

Write to a temporary file in the same folder, flush, fsync, then ``os.replace`` over the target,
so a crash or a full disk leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workshop.core.errors import WriteFailed

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EACCES: "permission was denied",
    errno.EPERM: "permission was denied",
    errno.EROFS: "the disk is read-only",
}


def describe_os_error(exc: OSError) -> str:
    """A short human reason for an OSError ("the disk is full")."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


#: Windows: an antivirus scanner or the search indexer briefly holding the target makes
#: ``os.replace`` fail with PermissionError; it succeeds a moment later. Elsewhere such an error
#: is a real permission problem and is reported at once.
RETRY_PERMISSION_ERRORS = os.name == "nt"
REPLACE_ATTEMPTS = 10
REPLACE_DELAY = 0.05


def replace_file(source: Path | str, target: Path | str) -> None:
    """``os.replace``, retried for a short while on Windows' transient PermissionError."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if not RETRY_PERMISSION_ERRORS or attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(REPLACE_DELAY * (attempt + 1))


def write_via_temp(target: Path, fill: Callable[[Path], object], *, mode: int = 0o600) -> Path:
    """Let ``fill`` write a temporary file beside ``target``, make it durable, put it in place.

    The one mechanism behind every file the app writes (documents, exports, backups, restores).

    Raises:
        OSError: (or whatever ``fill`` raises) with the target untouched and no temporary left.
    """
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        os.chmod(tmp_name, mode)
        fill(Path(tmp_name))
        with open(tmp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        replace_file(tmp_name, target)
        tmp_name = ""
        _fsync_folder(folder)
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return target


def atomic_write_bytes(path: Path | str, data: bytes, *, mode: int = 0o600) -> Path:
    """Write ``data`` to ``path`` atomically; the old file survives any failure.

    Raises:
        WriteFailed: with the reason and a hint; the target is untouched.
    """
    target = Path(path)
    try:
        return write_via_temp(target, lambda tmp: tmp.write_bytes(data), mode=mode)
    except OSError as exc:
        raise WriteFailed(
            f"Could not save {target.name}: {describe_os_error(exc)}.",
            hint="The previous file is unchanged. Free some space or pick another folder, "
            "then try again.",
            where=str(target),
        ) from exc


def atomic_write_text(path: Path | str, text: str, *, mode: int = 0o600) -> Path:
    """Text variant of :func:`atomic_write_bytes` (UTF-8, newlines as given)."""
    return atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; a no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
