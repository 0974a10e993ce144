"""UI tests: offscreen Qt, dialogs patched, Unicode typed with QKeyEvent."""

from __future__ import annotations

import os

from workshop.harness.offscreen import use_offscreen_screen

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
use_offscreen_screen(1920, 1080)  # a desktop, not Qt's 800x600 (windows fit to the screen)

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from workshop.core.app_settings import AppSettings  # noqa: E402
from workshop.core.services import init_workspace  # noqa: E402
from workshop.core.storage.workspace import Workspace  # noqa: E402
from workshop.ui.main_window import MainWindow  # noqa: E402


def type_text(widget: QWidget, text: str) -> None:
    """Type any Unicode text: qtbot.keyClicks aborts the process on non-ASCII."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key.Key_Return if char == "\n" else 0
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     char))


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """The sample workspace, closed afterwards (test files needing another override it)."""
    ws = init_workspace(tmp_path / "sample.workshop", sample=True)
    yield ws
    if not ws.closed:
        ws.close()


@pytest.fixture
def sample_window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "sample.workshop", sample=True)
    window = MainWindow(ws, AppSettings())
    qtbot.addWidget(window)
    window.show()
    yield window
    window.persist = False  # never write the developer's own settings after the test's home
    if window.isVisible():
        window.close()
