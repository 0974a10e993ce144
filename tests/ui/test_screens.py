"""Every page fits a laptop: 1366×768 and 1280×720 at 100 %, 1366×768 at 125 % (Windows'
default on many of them: 1093×614 logical pixels) and 1920×1080 at 150 %.

The screens harness lays the real main window out on an offscreen screen of that size (in a
child process: the scale factor is read once, when Qt starts) and lists every button or label
whose text is cut and every control the window cuts off.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def audit(tmp_path: Path, size: str, scale: str = "1") -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale,
           "WORKSHOP_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "workshop.harness.screens", size],
                          env=env, capture_output=True, text=True, timeout=240,
                          stdin=subprocess.DEVNULL, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, proc.stderr[-2000:]
    result: dict[str, object] = json.loads(lines[-1])
    return result


@pytest.mark.parametrize(("size", "scale", "logical"), [
    ("1366x768", "1", [1366, 698]),
    ("1280x720", "1", [1280, 650]),
    ("1920x1080", "1.5", [1280, 650]),
    ("1366x768", "1.25", [1093, 544]),
])
def test_every_page_fits_a_laptop_screen(tmp_path: Path, size: str, scale: str,
                                         logical: list[int]) -> None:
    result = audit(tmp_path, size, scale)
    assert result["maximized"] is True  # too small for the default size: start maximized
    assert result["window"] == logical  # the minimum size never pushes past the screen
    assert result["problems"] == []


def test_a_large_screen_gets_the_default_size_not_a_maximized_window(tmp_path: Path) -> None:
    result = audit(tmp_path, "2560x1440")
    assert result["maximized"] is False
    assert result["problems"] == []
