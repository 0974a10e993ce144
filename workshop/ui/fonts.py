"""Make the bundled script fonts available to Qt, so names in any script the exports cover show
in the UI even on a machine without those fonts installed (the PDF engine embeds the same
files). Latin, Greek and Cyrillic come with any desktop; every other face we ship is added."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from workshop.core.export.scripts import SCRIPTS  # not fonts.py: no reportlab at start-up
from workshop.core.resources import resource

#: One regular face per script (Qt synthesises bold where a bold face is missing).
UI_FONTS = tuple(f"{face.stem}.ttf" if face.single_file else f"{face.stem}-Regular.ttf"
                 for face in SCRIPTS.values())
_done = False


def register_bundled_fonts() -> int:
    """Register the fonts once per process; returns how many were added."""
    global _done
    if _done:
        return 0
    _done = True
    added = 0
    for name in UI_FONTS:
        path = resource("fonts", name)
        if path.is_file() and QFontDatabase.addApplicationFont(str(path)) >= 0:
            added += 1
    return added
