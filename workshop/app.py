"""Composition root: QApplication, preferences, the first workspace, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from workshop import APP_NAME, DESKTOP_ID, __version__
from workshop.core.app_settings import AppSettings, load_app_settings
from workshop.core.errors import UserError
from workshop.core.paths import default_workspace


def require_display() -> None:
    """Fail with a clear message instead of Qt's abort when there is no screen."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        raise UserError(
            "No display found, so the window cannot open.",
            hint="Run it from a desktop session, or use the headless commands "
            "(see `workshop --help`).",
        )


def choose_start_path(explicit: Path | None, settings: AppSettings) -> Path | None:
    """The workspace to open at start, or None when this is a first run."""
    if explicit is not None:
        return explicit
    for recent in settings.recent_workspaces:
        if Path(recent).is_file():
            return Path(recent)
    fallback = default_workspace()
    return fallback if fallback.is_file() else None


def run_app(workspace: Path | None = None) -> int:
    """Open the app and run its event loop until the window closes."""
    require_display()
    settings = load_app_settings()
    from workshop.ui.gil_share import favour_gui_thread

    favour_gui_thread()  # before any worker starts
    from workshop.core import engine_head_start as head_start

    head_start.begin(head_start.APP_ENGINE, settings.languagetool_url,
                     settings.learner_grammar)  # builds while Qt starts
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    from workshop.ui.app_icon import app_icon

    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    from workshop.ui.palette import apply_color_scheme

    apply_color_scheme(app)
    from PySide6.QtCore import QTimer

    from workshop.core.paths import data_home
    from workshop.core.session_journal import SessionJournal
    from workshop.ui.crash_dialog import ExceptionHooks, show_recovery_notice, show_start_failure

    # Before anything else can fail: native crashes leave a trace, exceptions get a dialog.
    journal = SessionJournal(data_home() / "sessions")
    previous = journal.begin(workspace)
    hooks = ExceptionHooks(journal)
    hooks.install()
    try:
        window = start_app(workspace, settings, journal)
        if window is not None:
            hooks.attach(window.save_probe, window)
            journal.note_workspace(window.workspace.path)
            window.show_as_left()
            if previous:
                QTimer.singleShot(0, lambda: show_recovery_notice(window, previous,
                                                                  window.workspace))
            code = int(app.exec())
        else:
            code = 0
    except Exception as exc:
        # A bug before or outside the event loop: keep a report, say so in a dialog (a windowed
        # launcher has no console), and leave the session marker so the next start notices.
        show_start_failure(journal, exc)
        raise
    finally:
        hooks.uninstall()
    journal.end()
    return code


def start_app(workspace: Path | None, settings: AppSettings,  # type: ignore[no-untyped-def]
              journal=None):
    """Pick or create the workspace (first-run dialog) and build the main window.

    Returns None when the user cancels. Separate from :func:`run_app` so tests can drive it.
    ``journal`` (a :class:`~workshop.core.session_journal.SessionJournal`) learns which
    workspace is open, for crash reports.
    """
    from PySide6.QtWidgets import QFileDialog

    from workshop.core.services import init_workspace
    from workshop.ui.dialogs import FirstRunDialog
    from workshop.ui.main_window import MainWindow
    from workshop.ui.opener import open_interactively

    path = choose_start_path(workspace, settings)
    if path is None:
        dialog = FirstRunDialog(default_workspace())
        if not dialog.exec():
            return None
        opened = _create(dialog.chosen_path, dialog.sample.isChecked(), init_workspace)
    else:
        opened = open_interactively(path)
    if opened is None:
        return None
    window = MainWindow(opened, settings, defer_first_page=True, preload_sections=True)

    def switch(target: str) -> None:
        if not window.flush_all():
            window.warn_unsaved()
            return
        new = open_interactively(Path(target), window)
        if new is not None:
            window.replace_workspace(new)
            if journal is not None:
                journal.note_workspace(new.path)

    def new_workspace() -> None:
        target, _ = QFileDialog.getSaveFileName(
            window, "New workspace", str(default_workspace().parent / "New.workshop"),
            "Workspace (*.workshop)")
        if not target:
            return
        if not window.flush_all():
            window.warn_unsaved()
            return
        created = _create(Path(target), False, init_workspace, window)
        if created is not None:
            window.replace_workspace(created)
            if journal is not None:
                journal.note_workspace(created.path)

    def open_dialog() -> None:
        target, _ = QFileDialog.getOpenFileName(
            window, "Open workspace", str(default_workspace().parent), "Workspace (*.workshop)")
        if target:
            switch(target)

    window.open_requested.connect(switch)
    window.new_requested.connect(new_workspace)
    window.open_dialog_requested.connect(open_dialog)
    window.persist_settings()
    return window


def _create(path: Path, sample: bool, init, parent=None):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    try:
        return init(path, sample=sample)
    except UserError as exc:
        QMessageBox.critical(parent, "Cannot create workspace", str(exc))
        return None
