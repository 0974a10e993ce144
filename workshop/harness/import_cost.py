"""What importing one module costs a fresh process: seconds and resident memory.

Run as ``python -m workshop.harness.import_cost MODULE [MODULE ...]``; prints one JSON line.
Each module is imported in a child process of its own, after the same base (``PySide6.QtWidgets``
and a ``QApplication``, as in the app), so a figure is that module's cost alone, including what
it pulls in that the base did not have. Resident memory is read from ``/proc`` before and after.
``HARPER`` (an alias) builds Harper's linter as our engine does, for the cost of the built
linter rather than of its import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

#: The heavy imports issue 20 names, and our modules that pull them in.
DEFAULT = ("lemminflect", "workshop.core.checks.rules.inflections", "openpyxl", "docx",
           "reportlab.platypus", "PySide6.QtMultimedia", "PySide6.QtPdf", "PySide6.QtCharts",
           "harper", "HARPER",
           "workshop.core.export.api", "workshop.ui.main_window")

_CHILD = """
import os, sys, time, json
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from workshop.harness.first_visits import rss_mb
name = sys.argv[1]
before = rss_mb(); known = set(sys.modules); start = time.perf_counter()
if name == "HARPER":
    from workshop.core.checks.factory import build_service
    service = build_service("harper", "")
    service.warm_engines()
else:
    __import__(name)
    if name == "lemminflect":  # its tables load on first use
        import lemminflect
        lemminflect.getAllInflections("walk")
        lemminflect.getAllLemmas("walked")
    if name.endswith(".inflections"):  # the table that replaced it: opened on first use
        sys.modules[name].warm()
elapsed = time.perf_counter() - start
print(json.dumps({"module": name, "ms": round(elapsed * 1000, 1),
                  "rss_mb": round(rss_mb() - before, 1),
                  "new_modules": len(set(sys.modules) - known)}))
"""


def cost(module: str) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    proc = subprocess.run([sys.executable, "-c", _CHILD, module], env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"module": module, "error": proc.stderr.strip().splitlines()[-1:]}
    result: dict[str, object] = json.loads(lines[-1])
    return result


def main(modules: list[str]) -> None:
    started = time.perf_counter()
    rows = [cost(name) for name in modules or DEFAULT]
    print(json.dumps({"imports": rows, "seconds": round(time.perf_counter() - started, 1)}))


if __name__ == "__main__":
    main(sys.argv[1:])
