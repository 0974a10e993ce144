"""The one way the UI runs core work off the GUI thread (Anki's CollectionOp/QueryOp, our size).

``operations.run(fn, on_done=..., changes=...)`` queues ``fn`` on a worker thread and calls
``on_done(result)`` back on the GUI thread. Errors are handled in one place: a
:class:`~workshop.core.errors.UserError` becomes ``on_failed(message)`` (or a plain warning
dialog), anything else is a bug and goes to ``sys.excepthook``, which the app routes to the
bug-report dialog. When the call says what it changed (a :class:`Changes`, or a function of the
result returning one), :attr:`Operations.changed` carries it; the main window broadcasts it to
every page.

``fn`` must not touch widgets or the GUI thread's database connection: read what it needs on the
GUI thread first and hand the worker plain data (see ``core.exports.plan_export``). A preview
that only wants its newest render checks its own generation number inside ``fn``
(``ui/pdf_preview.py``).

The statement checker keeps its own long-lived worker (a warm grammar engine, answers superseded
by typing): ``ui/checker.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from workshop.core.changes import Changes
from workshop.core.errors import UserError

#: Work that finishes within this shows no progress dialog at all (no flicker).
PROGRESS_DELAY_MS = 400

Done = Callable[[Any], object]
Failed = Callable[[str], object]
ChangesFor = Changes | Callable[[Any], Changes] | None


class _Call(QRunnable):
    def __init__(self, operations: Operations, token: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.operations = operations
        self.token = token
        self.fn = fn

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, never lost
            self.operations._finished.emit(self.token, False, exc)
        else:
            self.operations._finished.emit(self.token, True, result)


class Operations(QObject):
    """Queues calls on worker threads; results, errors and changes arrive on the GUI thread."""

    changed = Signal(object)  # Changes
    _finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None, *, threads: int = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._next = 0
        self._pending: dict[int, tuple[Done | None, Failed | None, ChangesFor,
                                       QObject | None]] = {}
        self._progress: dict[int, QProgressDialog] = {}
        self._finished.connect(self._deliver)

    def run(self, fn: Callable[[], Any], *, on_done: Done | None = None,
            on_failed: Failed | None = None, changes: ChangesFor = None,
            parent: QObject | None = None, progress: str = "",
            on_cancel: Callable[[], object] | None = None) -> int:
        """Run ``fn`` off the GUI thread; returns its token.

        Args:
            on_done: called with the result on the GUI thread.
            on_failed: called with a user-facing message for a UserError (and, after the bug
                dialog, for an unexpected error) so the page can re-enable its buttons.
            changes: what a successful call changed, broadcast after ``on_done``.
            parent: the widget a warning dialog belongs to when ``on_failed`` is not given, and
                whose :meth:`discard` drops the delivery (a page that shuts down).
            progress: for work that can take long (reading a large spreadsheet): when it has
                not finished after :data:`PROGRESS_DELAY_MS`, a busy dialog with this text and
                a Cancel button shows. Cancel drops the result (the worker cannot be
                interrupted mid-parse, so it finishes unseen) and calls ``on_cancel``.
        """
        self._next += 1
        token = self._next
        self._pending[token] = (on_done, on_failed, changes, parent)
        call = _Call(self, token, fn)
        call.setAutoDelete(True)
        self.pool.start(call)
        if progress and isinstance(parent, QWidget):
            QTimer.singleShot(PROGRESS_DELAY_MS,
                              lambda: self._show_progress(token, progress, parent, on_cancel))
        return token

    def _show_progress(self, token: int, text: str, parent: QWidget,
                       on_cancel: Callable[[], object] | None) -> None:
        if token not in self._pending:
            return  # finished before anyone needed to wait
        dialog = QProgressDialog(text, "Cancel", 0, 0, parent)
        dialog.setWindowTitle("Working…")
        dialog.setAccessibleName(text)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        self._progress[token] = dialog

        def cancelled() -> None:
            if self._pending.pop(token, None) is not None and on_cancel is not None:
                on_cancel()
            self._progress.pop(token, None)

        dialog.canceled.connect(cancelled)
        dialog.show()

    def discard(self, parent: QObject) -> None:
        """Deliver nothing more to ``parent`` (it is shutting down); its work still finishes."""
        for token, entry in list(self._pending.items()):
            if entry[3] is parent:
                del self._pending[token]

    @property
    def pending(self) -> int:
        """Calls whose result has not been delivered yet."""
        return len(self._pending)

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the queue is empty (shutdown, tests)."""
        return bool(self.pool.waitForDone(msecs))

    @Slot(int, bool, object)
    def _deliver(self, token: int, ok: bool, payload: object) -> None:
        dialog = self._progress.pop(token, None)
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.close()
        entry = self._pending.pop(token, None)
        if entry is None:
            return
        on_done, on_failed, changes, owner = entry
        parent = owner if isinstance(owner, QWidget) else None
        if ok:
            if on_done is not None:
                on_done(payload)
            found = changes(payload) if callable(changes) else changes
            if found is not None and found.any:
                self.changed.emit(found)
            return
        assert isinstance(payload, BaseException)
        if isinstance(payload, UserError):
            message = str(payload)
        elif isinstance(payload, OSError):  # a disk problem the core did not name: the user's
            message = f"Could not write the file: {payload.strerror or payload}"
        else:  # a bug: the report dialog, then the page hears why its work did not happen
            sys.excepthook(type(payload), payload, payload.__traceback__)
            if on_failed is not None:
                on_failed(f"Unexpected error ({type(payload).__name__}); a report was kept.")
            return
        if on_failed is not None:
            on_failed(message)
        else:
            QMessageBox.warning(parent, "Could not finish that", message)
