"""The app opens a real X11 window (xcb platform) under Xvfb, as on a desktop.

Offscreen tests cannot catch a missing xcb library; this one starts the whole app under
``xvfb-run`` and waits for its first painted window. Skipped (with the reason) without Xvfb.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.core.services import init_workspace


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_app_paints_a_real_window_under_xvfb(tmp_path: Path) -> None:
    path = tmp_path / "x.workshop"
    init_workspace(path, sample=True).close()
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    env.update(WORKSHOP_EXIT_AFTER_PAINT="1", WORKSHOP_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-m", "workshop",
         "--workspace", str(path)],
        capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)
    assert "first-paint" in result.stdout, result.stderr[-2000:]
    assert "page-ready" in result.stdout
    assert "could not load the Qt platform plugin" not in result.stderr
