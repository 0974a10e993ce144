"""Run a function on a thread pool and get its result back on the GUI thread by signal.

Used for exports (PDF/.docx rendering can take a second for a long CV). The job object is
parented to the caller and deletes itself once it has reported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workshop.core.errors import UserError


class Job(QObject):
    """``done(result)`` or ``failed(message)``, delivered on the thread that made the job."""

    done = Signal(object)
    failed = Signal(str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], job: Job) -> None:
        super().__init__()
        self.fn = fn
        self.job = job

    def run(self) -> None:
        try:
            result = self.fn()
        except UserError as exc:
            self.job.failed.emit(str(exc))
        except OSError as exc:
            self.job.failed.emit(f"Could not write the file: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - reported, never a silent dead worker
            self.job.failed.emit(f"Unexpected error ({type(exc).__name__}: {exc}).")
        else:
            self.job.done.emit(result)


def start_job(pool: QThreadPool, fn: Callable[[], Any], parent: QObject,
              on_done: Callable[[Any], None], on_failed: Callable[[str], None]) -> Job:
    """Queue ``fn`` on ``pool``; the callbacks are connected before it can finish."""
    job = Job(parent)
    job.done.connect(on_done)
    job.failed.connect(on_failed)
    job.done.connect(job.deleteLater)
    job.failed.connect(job.deleteLater)
    pool.start(_Runnable(fn, job))
    return job
