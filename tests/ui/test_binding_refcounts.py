"""The Qt binding must not leak references to None, True or False.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every Qt call that returns
nothing and one to ``True`` on every emit of a Python ``Signal`` into a Python slot; after a few
minutes of use the interpreter aborts. The probe runs in a child process so that such an abort
fails this test instead of killing the test run. On Python 3.12+ these objects are immortal
(their count never changes), so the test is skipped there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CALLS = 20_000
TOLERANCE = 50

PROBE = f"""
import json, sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])

class Emitter(QObject):
    fired = Signal(int)

received = []
emitter = Emitter()
emitter.fired.connect(lambda value: received.append(value) and None)
label = QLabel()

def counts():
    return {{"None": sys.getrefcount(None), "True": sys.getrefcount(True),
             "False": sys.getrefcount(False)}}

received.clear()
start = counts()
for n in range({CALLS}):
    emitter.fired.emit(n)
after_emits = counts()
for n in range({CALLS}):
    label.setText("x")   # a void Qt call
    label.setVisible(False)
after_calls = counts()
received_count = len(received)
print("PROBE " + json.dumps({{
    "emits": {{k: after_emits[k] - start[k] for k in start}},
    "void_calls": {{k: after_calls[k] - after_emits[k] for k in start}},
    "received": received_count}}))
"""


def _immortal() -> bool:
    before = sys.getrefcount(None)
    held = [None] * 1000
    immortal = sys.getrefcount(None) == before
    del held
    return immortal


@pytest.mark.skipif(_immortal(), reason="None/True/False are immortal on this Python")
def test_signals_and_void_calls_keep_refcounts_steady() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, (
        f"the probe died (exit {proc.returncode}): the Qt binding corrupts reference counts\n"
        + proc.stderr[-2000:])
    report = json.loads(next(line for line in proc.stdout.splitlines()
                             if line.startswith("PROBE ")).removeprefix("PROBE "))
    assert report["received"] == CALLS, "every emit reached the slot"
    for phase in ("emits", "void_calls"):
        for name, change in report[phase].items():
            assert abs(change) <= TOLERANCE, (
                f"{CALLS} {phase.replace('_', ' ')} changed the refcount of {name} by {change}")


def test_the_immortality_probe_tells_the_truth() -> None:
    """The skip above must only fire where the Python really has immortal objects (3.12+)."""
    assert _immortal() == (sys.version_info >= (3, 12))
