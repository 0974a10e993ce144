"""Render the main window (any section) to PNG, offscreen: README images and visual checks."""

from __future__ import annotations

import os
from pathlib import Path

from workshop.core.app_settings import AppSettings
from workshop.core.atomic import atomic_write_bytes
from workshop.core.services import WorkspaceLocked, open_workspace


def render_main_window(workspace: Path, out: Path, *, section: str = "statements",
                       size: tuple[int, int] = (1180, 760), dark: bool = False) -> Path:
    """Open ``workspace`` (read-only if another window holds it) and save a PNG of the window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtWidgets import QApplication

    from workshop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    from workshop.ui.palette import apply_color_scheme

    apply_color_scheme(app, force_dark=dark)  # dark: what a user with a dark desktop sees
    try:
        ws = open_workspace(workspace)
    except WorkspaceLocked:
        ws = open_workspace(workspace, read_only=True)
    settings = AppSettings(last_section=section)
    window = MainWindow(ws, settings, persist=False)
    window.resize(*size)
    window.show()
    window.show_section(section)
    import time

    window.checker.warm()
    page = window.page(section)
    deadline = time.monotonic() + 15
    # Pages that load in the background (checks, previews) say so with ``ready_for_screenshot``.
    while time.monotonic() < deadline and not page.ready_for_screenshot:
        app.processEvents()
        time.sleep(0.02)
    settle = time.monotonic() + 1.0  # let asynchronous painters (PDF pages, charts) finish
    while time.monotonic() < settle:
        app.processEvents()
        time.sleep(0.02)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    window.grab().save(buffer, "PNG")
    atomic_write_bytes(out, bytes(buffer.data().data()), mode=0o644)
    window.close()
    return out
