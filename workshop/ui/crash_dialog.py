"""When something goes wrong, the user hears about it: the error dialog and the next-start notice.

:class:`ExceptionHooks` replaces ``sys.excepthook`` and ``threading.excepthook``. An exception
that escapes a slot or a worker thread is written to a report (``crashes/`` beside the session
journal) and shown in :class:`ErrorDialog`, on the GUI thread whatever thread raised it, with the
time up to which the user's work is saved. A :class:`UserError` that escapes is shown as the
plain message it is. Native crashes cannot be caught in-process; the session journal keeps their
trace and :func:`show_recovery_notice` tells the user at the next start.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.core.crash_notice import error_headline, last_saved_change, recovery_notice
from workshop.core.errors import UserError
from workshop.core.services import Workspace
from workshop.core.session_journal import PreviousSession, SessionJournal, format_exception_report

#: Returns (saved_ok, saved_at, reason) after trying to save everything pending.
SaveProbe = Callable[[], tuple[bool, object, str]]


def _report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
            where: str) -> str:
    """The bug report, with the Qt versions the core cannot know."""
    return format_exception_report(exc_type, exc, tb, where=where,
                                   extra={"qt": qVersion(), "pyside6": pyside_version})


def _nothing_to_save() -> tuple[bool, object, str]:
    return True, dt.datetime.now(), ""


class ErrorDialog(QDialog):
    """"Something went wrong", the saved-up-to time, the details and a Copy report button."""

    def __init__(self, headline: str, report: str, report_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        self.setAccessibleName("Something went wrong")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(640, 420)
        self.headline = QLabel(headline)
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold;")
        self.headline.setAccessibleName("What happened")
        where = (f"A report was kept in {report_path}." if report_path is not None
                 else "The report could not be written to disk; copy it from below.")
        self.where = QLabel(f"{where} It helps the developers fix this; it is not sent "
                            "anywhere unless you send it.")
        self.where.setWordWrap(True)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName("Error details")
        self.copy_button = QPushButton("Copy report")
        self.copy_button.setAccessibleName("Copy report")
        self.copy_button.clicked.connect(self.copy_report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.where)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def add_report(self, report: str) -> None:
        """A second error while the dialog is open goes below the first."""
        self.details.appendPlainText("\n" + report)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText("Copied")


class ExceptionHooks(QObject):
    """Routes uncaught exceptions of any thread to one dialog on the GUI thread."""

    _reported = Signal(str, object)  # report text, kept path (queued to the GUI thread)
    _user_error = Signal(str)
    shown = Signal(object)  # the dialog, for tests

    def __init__(self, journal: SessionJournal) -> None:
        super().__init__()
        self.journal = journal
        self.save_probe: SaveProbe = _nothing_to_save
        self.parent_window: QWidget | None = None
        self.dialog: ErrorDialog | None = None
        self._previous_hooks: tuple[object, object] | None = None
        self._reported.connect(self._show_report, Qt.ConnectionType.QueuedConnection)
        self._user_error.connect(self._show_user_error, Qt.ConnectionType.QueuedConnection)

    def attach(self, save_probe: SaveProbe, parent: QWidget) -> None:
        """Once the main window exists: it saves pending edits and parents the dialog."""
        self.save_probe = save_probe
        self.parent_window = parent

    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            self._previous_hooks = None

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "a worker thread"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, where=f"thread {name}")

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None, where: str = "") -> None:
        """Report one uncaught exception (safe to call from any thread)."""
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, UserError):
            self._user_error.emit(str(exc))
            return
        report = _report(exc_type, exc, tb, where)
        if sys.stderr is not None:  # None in a windowed launcher (pythonw, the bundle)
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(report)  # developers running from a terminal see it too
        self._reported.emit(report, self.journal.write_report(report))

    def _show_report(self, report: str, path: object) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_report(report)
            return
        try:
            saved_ok, saved_at, reason = self.save_probe()
        except Exception as exc:  # noqa: BLE001 - the save itself failed: say so, don't recurse
            saved_ok, saved_at, reason = False, dt.datetime.now(), type(exc).__name__
        headline = error_headline(saved_ok, saved_at, reason)  # type: ignore[arg-type]
        self.dialog = ErrorDialog(headline, report, path if isinstance(path, Path) else None,
                                  self.parent_window)
        self.dialog.show()
        self.shown.emit(self.dialog)

    def _show_user_error(self, message: str) -> None:
        QMessageBox.warning(self.parent_window, "Could not finish that", message)


def show_recovery_notice(parent: QWidget, sessions: list[PreviousSession],
                         workspace: Workspace) -> QMessageBox:
    """Tell the user, at the first start after an abnormal exit, what happened and what is safe."""
    headline, body = recovery_notice(sessions, workspace.path, last_saved_change(workspace))
    box = QMessageBox(QMessageBox.Icon.Information, "The app closed unexpectedly", headline,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName("The app closed unexpectedly")
    box.setInformativeText(body)
    traces = "\n\n".join(s.native_trace for s in sessions if s.native_trace)
    if traces:
        box.setDetailedText(traces)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.show()
    return box


def show_start_failure(journal: SessionJournal, exc: BaseException) -> None:
    """The app could not start or stopped on a bug outside the event loop: keep and show why."""
    report = _report(type(exc), exc, exc.__traceback__, "start-up")
    path = journal.write_report(report)
    kept = f"A report was kept in {path}." if path is not None else ""
    box = QMessageBox(QMessageBox.Icon.Critical, "The app could not start",
                      "Something went wrong while starting. Your workspace was not changed. "
                      + kept, QMessageBox.StandardButton.Close)
    box.setDetailedText(report)
    box.exec()
