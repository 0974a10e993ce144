"""An offscreen Qt platform with a screen of a chosen size.

Qt's offscreen platform pretends to a 800×600 screen, smaller than any laptop, so a window
that fits itself to the screen (``ui/window_geometry.py``) would be laid out as on no real
machine. Its ``configfile`` option takes the screens from a JSON file.
"""

from __future__ import annotations

import json
import os
import tempfile


def offscreen_platform(width: int = 1920, height: int = 1080) -> str:
    """A ``QT_QPA_PLATFORM`` value for an offscreen screen of ``width``×``height`` pixels."""
    config = {"screens": [{"name": f"offscreen-{width}x{height}", "x": 0, "y": 0,
                           "width": width, "height": height,
                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    handle, path = tempfile.mkstemp(prefix="workshop-screen-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(config, out)
    return f"offscreen:configfile={path}"


def use_offscreen_screen(width: int = 1920, height: int = 1080) -> None:
    """Before Qt starts: when the platform is plain ``offscreen``, give it a real screen size."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(width, height)
