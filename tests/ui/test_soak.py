"""Real-length use through the main window, in a child process (see tests/ui/soak.py).

20,000 keystrokes into a statement with the checker answering between bursts, 5,000 into CV
fields, a drill for 5,000 timer ticks, Versions… on 10,000 versions: with PySide6 6.12.0 on
Python 3.11 the child aborts (``Fatal Python error: none_dealloc``) during the typing; with the
locked pair it lives and everything typed is on disk.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_soak(workdir: Path, *args: str) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "tests.ui.soak", "--workdir", str(workdir), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=280, stdin=subprocess.DEVNULL)
    tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-25:])
    assert proc.returncode == 0, f"the soak process died with exit {proc.returncode}:\n{tail}"
    lines = [line for line in proc.stdout.splitlines() if line.startswith("SOAK-REPORT ")]
    assert lines, f"no report from the soak:\n{tail}"
    return json.loads(lines[-1].removeprefix("SOAK-REPORT "))  # type: ignore[no-any-return]


def test_a_long_session_stays_alive_and_loses_nothing(tmp_path: Path) -> None:
    report = run_soak(tmp_path)
    assert report["alive"] is True
    statement = report["statement"]
    assert statement["keys"] == 20_000 and statement["checks"] == 40, statement
    assert statement["editor_matches"] is True
    assert report["statement_saved"] is True, "the saved statement differs from what was typed"
    assert report["cv_saved"] is True, "the saved CV differs from what was typed"
    assert report["cv"]["keys"] >= 4_998
    drill = report["drill"]
    assert drill["ticks"] == 5_000 and drill["saved"] == drill["answers"] == 20, drill
    versions = report["versions"]
    assert versions["listed"] >= 10_000, versions
    # The window ran as the app runs it: its sections' code was preloaded on a worker meanwhile.
    assert len(report["preloaded"]) >= 5, report["preloaded"]
