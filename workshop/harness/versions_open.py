"""A child process that times opening the Versions dialog on a long history.

Run as ``python -m workshop.harness.versions_open [SMALL] [LARGE] [RUNS]``; prints one JSON line.
Two workspaces get SMALL and LARGE named versions of the sample statement (defaults 1,000 and
10,000). The dialog is then opened on each in turn, A B A B ..., RUNS times: built, shown, and
the event loop turned until it has painted (what a person waits for before the list and the two
texts show). ``growth`` is the median of the pairwise LARGE/SMALL ratios (1.0 is flat). The word
diff of the default pick (the newest version against the working copy) is timed apart:
``diff_ms``, run off the GUI thread since this round.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main(small: int = 1_000, large: int = 10_000, runs: int = 7) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from workshop.bench import build_large_workspace
    from workshop.core.model.documents import DocumentKind
    from workshop.core.storage import open_workspace
    from workshop.core.worddiff import word_diff
    from workshop.ui.operations import Operations
    from workshop.ui.statements.versions import VersionsDialog

    app = QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="workshop-versions-"))
    os.environ.setdefault("WORKSHOP_HOME", str(tmp / "home"))
    spaces = {}
    for count in (small, large):
        path = tmp / f"v{count}.workshop"
        build_large_workspace(path, count)
        ws = open_workspace(path)
        spaces[count] = (ws, ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0].id)
    operations = Operations()
    times: dict[int, list[float]] = {small: [], large: []}

    def open_once(count: int) -> float:
        ws, doc_id = spaces[count]
        start = time.perf_counter()
        dialog = VersionsDialog(ws, doc_id, operations=operations)
        dialog.show()
        app.processEvents()
        elapsed = time.perf_counter() - start
        listed = dialog.left_pick.count()
        dialog.close()
        dialog.deleteLater()
        operations.wait()
        app.processEvents()
        assert listed > 1
        return elapsed

    for count in (small, large):
        open_once(count)  # warm: first dialog, fonts, SQLite cache
    for _ in range(runs):
        for count in (small, large):
            times[count].append(open_once(count))
    ws, doc_id = spaces[large]
    newest = ws.documents.versions_page(doc_id, 0, 1)[0]
    old_body, new_body = ws.documents.version(newest.id).body, ws.documents.get(doc_id).body
    diffs = []
    for _ in range(3):
        start = time.perf_counter()
        word_diff(old_body, new_body)
        diffs.append(time.perf_counter() - start)
    full = []
    for _ in range(3):
        start = time.perf_counter()
        ws.documents.versions(doc_id)
        full.append(time.perf_counter() - start)
    report = {
        "small": small, "large": large,
        "small_ms": round(statistics.median(times[small]) * 1000, 1),
        "large_ms": round(statistics.median(times[large]) * 1000, 1),
        "growth": round(statistics.median(b / a for a, b in zip(times[small], times[large],
                                                                 strict=True)), 2),
        "diff_ms": round(statistics.median(diffs) * 1000, 1),
        "full_list_query_ms": round(statistics.median(full) * 1000, 1),
    }
    print(json.dumps(report), flush=True)
    for ws, _ in spaces.values():
        ws.close()
    os._exit(0)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:4]))
