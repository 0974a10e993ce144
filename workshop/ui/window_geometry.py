"""The main window's size and place: restored as the user left it, or fitted to the screen.

A 1366×768 laptop, or a 1920×1080 screen at 150 % (1280×720 logical pixels), cannot hold the
default size once the taskbar and the title bar are taken: there the window starts maximized,
so the status bar and the bottom buttons are never below the screen's edge.
"""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1180, 760)
FRAME_ALLOWANCE = QSize(16, 40)  # borders and title bar, unknown until the window is shown


def encode(window: QWidget) -> str:
    """The geometry (size, place, maximized) as text for the settings file."""
    return base64.b64encode(bytes(window.saveGeometry().data())).decode("ascii")


def _restore(window: QWidget, saved: str) -> bool:
    if not saved:
        return False
    try:
        data = base64.b64decode(saved, validate=True)
    except (ValueError, binascii.Error):  # a hand-edited settings file: fall back to a fit
        return False
    return bool(data) and window.restoreGeometry(QByteArray(data))


def fit_to_screen(window: QWidget) -> bool:
    """Give ``window`` the default size where it fits, centred; returns True when it should
    start maximized because the screen is too small for it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(DEFAULT_SIZE)
        return False
    available: QRect = screen.availableGeometry()
    room = QSize(available.width() - FRAME_ALLOWANCE.width(),
                 available.height() - FRAME_ALLOWANCE.height())
    size = DEFAULT_SIZE.boundedTo(room).expandedTo(window.minimumSize())
    window.resize(size)
    window.move(available.x() + (available.width() - size.width()) // 2,
                available.y() + max(0, (available.height() - size.height()) // 2 - 10))
    return room.width() < DEFAULT_SIZE.width() or room.height() < DEFAULT_SIZE.height()


def restore_or_fit(window: QWidget, saved: str) -> bool:
    """Restore the saved geometry; without one (or with a broken one) fit to the screen.

    Returns True when the window should be shown maximized (restoreGeometry keeps a saved
    maximized state by itself)."""
    if _restore(window, saved):
        return False
    return fit_to_screen(window)
