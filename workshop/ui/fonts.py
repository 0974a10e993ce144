"""Make the bundled Noto fonts available to Qt, so names in Devanagari or Arabic show in the UI
even on a machine without those fonts installed (the PDF engine embeds the same files)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from workshop.core.resources import resource

# Only the scripts system fonts often lack; Latin, Greek and Cyrillic come with any desktop.
UI_FONTS = ("NotoSansDevanagari-Regular.ttf", "NotoNaskhArabic-Regular.ttf")
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
