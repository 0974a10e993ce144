"""The typing harness behind `workshop bench`, run short: no paint may lose an underline."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_typing_keeps_every_unchanged_paragraph_underlined(  # type: ignore[no-untyped-def]
        tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKSHOP_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "workshop.harness.underlines", "36"],
                          env=env, capture_output=True, text=True, timeout=240,
                          stdin=subprocess.DEVNULL, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, proc.stderr[-2000:]
    report = json.loads(lines[-1])
    assert report["keystrokes"] == 36
    assert report["answered"] == 36  # every keystroke was covered by a check that came back
    assert report["underlined_paragraphs"] >= 8
    assert report["frames"] > 36 and report["frames_bare"] == 0, report
