"""Light and dark: follow the desktop's colour scheme, and keep our own accents readable in both.

Qt's Fusion style takes the platform palette; where a platform reports a dark scheme but hands
Fusion no dark palette, :func:`apply_color_scheme` supplies one. Colours we draw ourselves ask
this module rather than hard-coding a grey that vanishes on a dark background.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#2b2d30",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#3c3f41",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#3c3f41",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8c8f94",
        QPalette.ColorRole.Link: "#6fa8ff",
        QPalette.ColorRole.Mid: "#55585c",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d82"))
    return palette


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_color_scheme(app: QApplication, *, force_dark: bool = False) -> None:
    """Use a dark palette when the desktop asks for one (or when forced, for screenshots)."""
    wants_dark = force_dark or app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    if wants_dark and not is_dark():
        app.setPalette(dark_palette())


def muted(widget: QWidget | None = None) -> str:
    """A secondary-text colour that reads on the current background."""
    return "#9a9da3" if is_dark(widget) else "#6b6b6b"
