"""The app icon, from the rendered PNG sizes in resources/icons/ (the SVG is their source)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from workshop.core.resources import resource

ICON_NAME = "residency-workshop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """Every size, so each place (title bar, task bar, Alt+Tab) gets a sharp one."""
    icon = QIcon()
    for size in SIZES:
        path = resource("icons", f"{ICON_NAME}-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
