"""Run core calls off the GUI thread and get the result back by signal.

One thread is enough (loading progress, rendering a PDF) and keeps the two cores free for the
GUI and the checker. Jobs get a token; the page ignores results whose token is stale (a newer
refresh was asked for). A job must not touch Qt widgets or the workspace's GUI-thread
connection: it opens its own read-only connection (:func:`read_connection`).
"""

from __future__ import annotations

import sqlite3
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from workshop.core.errors import UserError
from workshop.core.storage.connection import connect

Done = Callable[[Any], None]
Failed = Callable[[str], None]


def read_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection for a worker (WAL lets it read while the GUI writes)."""
    return connect(path, read_only=True)


class _Job(QRunnable):
    def __init__(self, runner: BackgroundRunner, token: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.runner = runner
        self.token = token
        self.fn = fn

    def run(self) -> None:
        try:
            result = self.fn()
        except UserError as exc:
            self.runner._finished.emit(self.token, False, str(exc))
        except Exception as exc:  # a bug: report it in the UI rather than kill the thread
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            self.runner._finished.emit(self.token, False, f"Unexpected error: {detail}")
        else:
            self.runner._finished.emit(self.token, True, result)


class BackgroundRunner(QObject):
    """Queues jobs on one worker thread; callbacks run on the GUI thread."""

    _finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._next = 0
        self._callbacks: dict[int, tuple[Done, Failed]] = {}
        self._finished.connect(self._dispatch)

    def submit(self, fn: Callable[[], Any], on_done: Done, on_failed: Failed) -> int:
        """Run ``fn`` in the background; returns the job's token."""
        self._next += 1
        self._callbacks[self._next] = (on_done, on_failed)
        job = _Job(self, self._next, fn)
        job.setAutoDelete(True)
        self.pool.start(job)
        return self._next

    @property
    def pending(self) -> int:
        """Jobs whose result has not been delivered yet."""
        return len(self._callbacks)

    @Slot(int, bool, object)
    def _dispatch(self, token: int, ok: bool, payload: object) -> None:
        callbacks = self._callbacks.pop(token, None)
        if callbacks is None:
            return
        on_done, on_failed = callbacks
        if ok:
            on_done(payload)
        else:
            on_failed(str(payload))

    def shutdown(self, msecs: int = 5000) -> None:
        """Wait for the running job (called when the page closes)."""
        self._callbacks.clear()
        self.pool.waitForDone(msecs)
