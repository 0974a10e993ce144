"""Tell a crash from a clean exit, and keep what a crash left behind.

Why: a native abort (a Qt binding bug, a full disk at the wrong moment) kills the process
without a word; the user only sees the window vanish. Each app session therefore

* holds a marker file ``sessions/<id>.session`` under an exclusive OS lock (the operating system
  drops the lock when the process dies, even by SIGKILL, so a live session and a dead one are
  told apart without process ids, on POSIX and Windows alike);
* points :mod:`faulthandler` at ``sessions/<id>.native.log``, so a native crash leaves its
  Python stack there;
* removes both on a clean exit.

At the next start, :meth:`SessionJournal.begin` finds the markers it can lock (their owners are
gone), reports them as :class:`PreviousSession` and keeps their traces in ``crashes/`` as a
report the user can read or send. Python exceptions that do not kill the process go to
:meth:`SessionJournal.write_report` from the UI's exception hooks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import json
import os
import platform
import sys
import time
import traceback
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from workshop import __version__
from workshop.core.atomic import atomic_write_text
from workshop.core.errors import WriteFailed
from workshop.core.paths import ensure_private_dir
from workshop.core.storage.lock import lock_handle, unlock_handle

MARKER_SUFFIX = ".session"
NATIVE_SUFFIX = ".native.log"
#: Reports kept in ``crashes/``; older ones are removed so the folder cannot grow without bound.
KEEP_REPORTS = 20


@dataclass(frozen=True)
class PreviousSession:
    """A session that ended without closing: a crash, a kill, a power cut."""

    started_at: dt.datetime | None
    workspace: str
    native_trace: str
    report: Path | None


class SessionJournal:
    """The marker of this app session; see the module docstring."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.crash_folder = folder.parent / "crashes"
        self.session_id = uuid.uuid4().hex[:12]
        self._marker: IO[str] | None = None
        self._native: IO[str] | None = None
        self._info: dict[str, str] = {}

    @property
    def marker_path(self) -> Path:
        return self.folder / f"{self.session_id}{MARKER_SUFFIX}"

    @property
    def native_path(self) -> Path:
        return self.folder / f"{self.session_id}{NATIVE_SUFFIX}"

    # -- lifecycle ---------------------------------------------------------------------------
    def begin(self, workspace: Path | None = None) -> list[PreviousSession]:
        """Start this session; return the earlier sessions that ended abnormally.

        Never raises for an unwritable data folder: crash reporting is a safety net and must
        not stop the app from opening (it then simply reports nothing).
        """
        previous: list[PreviousSession] = []
        try:
            ensure_private_dir(self.folder)
            previous = self._collect_dead_sessions()
        except (OSError, ValueError):
            previous = []  # an unreadable leftover must not stop this session from starting
        try:
            self._info = {"started_at": _now().isoformat(), "pid": str(os.getpid()),
                          "version": __version__, "workspace": str(workspace or "")}
            self._open_marker()
            self._native = open(self.native_path, "w", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(file=self._native, all_threads=True)
        except OSError:
            return previous
        return previous

    def note_workspace(self, workspace: Path) -> None:
        """Record which workspace is open, so a crash report can say so."""
        self._info["workspace"] = str(workspace)
        with contextlib.suppress(OSError):
            self._write_marker()

    def end(self) -> None:
        """A clean exit: nothing to report next time."""
        if self._native is not None:
            with contextlib.suppress(RuntimeError, ValueError):
                faulthandler.disable()
            self._native.close()
            self._native = None
        if self._marker is not None:
            with contextlib.suppress(OSError):
                unlock_handle(self._marker)
            self._marker.close()
            self._marker = None
        for path in (self.marker_path, self.native_path):
            with contextlib.suppress(OSError):
                path.unlink()

    # -- reports -----------------------------------------------------------------------------
    def write_report(self, text: str) -> Path | None:
        """Keep a report in ``crashes/``; None when it cannot be written (the text still shows)."""
        try:
            ensure_private_dir(self.crash_folder)
            stamp = _now().strftime("%Y%m%d-%H%M%S")
            path = self.crash_folder / f"crash-{stamp}-{uuid.uuid4().hex[:6]}.txt"
            atomic_write_text(path, text)
        except (OSError, WriteFailed):
            return None
        self._prune_reports()
        return path

    # -- internals ---------------------------------------------------------------------------
    def _open_marker(self) -> None:
        fd = os.open(self.marker_path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        lock_handle(handle)
        self._marker = handle
        self._write_marker()

    def _write_marker(self) -> None:
        if self._marker is None:
            return
        self._marker.seek(0)
        self._marker.truncate()
        self._marker.write(json.dumps(self._info))
        self._marker.flush()

    def _collect_dead_sessions(self) -> list[PreviousSession]:
        found = []
        for marker in sorted(self.folder.glob(f"*{MARKER_SUFFIX}")):
            if _just_created(marker):
                continue  # another window is starting: it locks and fills it in a moment
            try:
                info = _read_if_dead(marker)
            except (OSError, ValueError):
                info = {}  # unreadable: its owner is gone (we could lock it); clear it away
            if info is None:
                continue  # another window of the app is running
            native = marker.with_name(marker.name.removesuffix(MARKER_SUFFIX) + NATIVE_SUFFIX)
            trace = ""
            with contextlib.suppress(OSError):
                trace = native.read_text(encoding="utf-8", errors="replace").strip()
            started = _parse_time(info.get("started_at", ""))
            report = self.write_report(_dead_session_report(info, trace)) if trace else None
            found.append(PreviousSession(started, info.get("workspace", ""), trace, report))
            for path in (marker, native):
                with contextlib.suppress(OSError):
                    path.unlink()
        return found

    def _prune_reports(self) -> None:
        with contextlib.suppress(OSError):
            reports = sorted(self.crash_folder.glob("crash-*.txt"))
            for old in reports[:-KEEP_REPORTS]:
                old.unlink()


def format_exception_report(exc_type: type[BaseException], exc: BaseException,
                            tb: TracebackType | None, *, where: str = "",
                            extra: dict[str, str] | None = None) -> str:
    """The text of a bug report: what happened, where, and the versions involved."""
    lines = [f"Residency Application Workshop {__version__} — error report",
             f"time: {_now().isoformat(timespec='seconds')}",
             f"python: {sys.version.split()[0]} on {platform.platform()}"]
    lines += [f"{key}: {value}" for key, value in (extra or {}).items()]
    if where:
        lines.append(f"where: {where}")
    lines.append("")
    lines += traceback.format_exception(exc_type, exc, tb)
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def _dead_session_report(info: dict[str, str], trace: str) -> str:
    return "\n".join([
        f"Residency Application Workshop {info.get('version', '?')} — crash report",
        f"session started: {info.get('started_at', '?')}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        f"workspace: {info.get('workspace') or '(none)'}",
        "", "The app stopped without closing. What Python last saw:", "", trace, ""])


def _just_created(marker: Path) -> bool:
    """An empty marker younger than a minute: a starting window has not written it yet."""
    try:
        stat = marker.stat()
    except OSError:
        return False
    return stat.st_size == 0 and time.time() - stat.st_mtime < 60


def _read_if_dead(marker: Path) -> dict[str, str] | None:
    """The marker's info when its owner is gone (we can lock it), else None."""
    try:
        handle = open(marker, "r+", encoding="utf-8", errors="replace")  # noqa: SIM115
    except OSError:
        return None
    try:
        try:
            lock_handle(handle)
        except OSError:
            return None  # its owner still runs
        text = handle.read()
        unlock_handle(handle)
    finally:
        handle.close()
    try:
        data = json.loads(text or "{}")
    except ValueError:
        data = {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _parse_time(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None
