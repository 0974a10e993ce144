"""An offscreen Qt platform with a screen of a chosen size.

Qt's offscreen platform pretends to a 800×600 screen, smaller than any laptop, so a window
that fits itself to the screen (``ui/window_geometry.py``) would be laid out as on no real
machine. Its ``configfile`` option takes the screens from a JSON file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def offscreen_platform(width: int = 1920, height: int = 1080) -> str:
    """A ``QT_QPA_PLATFORM`` value for an offscreen screen of ``width``×``height`` pixels.

    The config file is the same for every run of a size: written once into the temporary
    folder (atomically, so parallel test processes never read half of it), then reused."""
    path = Path(tempfile.gettempdir()) / f"workshop-offscreen-{width}x{height}.json"
    if not path.is_file():
        config = {"screens": [{"name": f"offscreen-{width}x{height}", "x": 0, "y": 0,
                               "width": width, "height": height,
                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_text(json.dumps(config), encoding="utf-8")
        os.replace(partial, path)
    return f"offscreen:configfile={path}"


def use_offscreen_screen(width: int = 1920, height: int = 1080) -> None:
    """Before Qt starts: when the platform is plain ``offscreen``, give it a real screen size."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(width, height)
