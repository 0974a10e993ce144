"""A child process that opens every section once and times how long each visit freezes the GUI.

Run as ``python -m workshop.harness.first_visits [SECTION ...]``; prints one JSON line. The real
main window is shown offscreen on the sample workspace, as the app starts it (the statements page
built one turn after the first paint, the checker warming meanwhile). After the first underlines,
the rules' data and the full check, each other section is shown once with
``window.show_section(key)``. A 1 ms heartbeat timer runs on the GUI thread; the freeze of a
visit is the longest gap between two moments the thread was free, from the call until 600 ms
later, so the page build, its first paint and any work it posts to the next turns all count,
and a check delivered meanwhile (another thread's work) does not.

For each section the report has ``freeze_ms``, ``call_ms`` (the ``show_section`` call itself),
the modules the visit imported (grouped by top-level package, with counts) and the resident
memory before and after. At the end it reports the resident memory of the process and its
child processes (a LanguageTool server, if one was started), with everything open and the
checker warm: the figure the memory goal is about. ``revisit`` times showing the statements page
again, already built: the anchor, what switching sections costs when nothing is built.

For finding where a freeze goes: ``WORKSHOP_NO_HEAD_START=1`` starts without the engine head
start, ``WORKSHOP_NO_PRELOAD=1`` without the section preloader, and
``WORKSHOP_VISIT_GAPS=1`` lists each visit's gaps over 15 ms as (start, length) in ms, and
``WORKSHOP_VISIT_PROFILE=DIR`` writes a cProfile of each visit's GUI-thread work to
``DIR/<section>.prof``. By default the idle page builder is stopped, so each visit builds its
page (a click before any idle time); ``WORKSHOP_IDLE_BUILD=1`` lets it build every page first
(a user who read the statement for a few seconds) and reports how long that took.
"""

from __future__ import annotations

import cProfile
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

SETTLE_MS = 600
#: Heavy libraries whose presence the report lists at first paint and at the end.
HEAVY = ("reportlab", "docx", "openpyxl", "lemminflect", "harper", "PySide6.QtMultimedia",
         "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtCharts", "pypdf", "uharfbuzz")


def heavy_loaded() -> list[str]:
    return [name for name in HEAVY if name in sys.modules]


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of one process, from ``/proc`` (0 where there is none)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def descendants(pid: int) -> list[int]:
    """Every process whose parent chain reaches ``pid`` (Linux ``/proc``)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def tree_rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    pid = os.getpid() if pid is None else pid
    return rss_mb(pid) + sum(rss_mb(child) for child in descendants(pid))


def module_groups(names: set[str]) -> dict[str, int]:
    """New modules counted by top-level package (``workshop`` split one level deeper)."""
    groups: Counter[str] = Counter()
    for name in names:
        parts = name.split(".")
        key = ".".join(parts[:3]) if parts[0] == "workshop" else parts[0]
        groups[key] += 1
    return dict(groups.most_common())


def _profiler() -> cProfile.Profile | None:
    """With ``WORKSHOP_VISIT_PROFILE=DIR``, a profile of each visit's GUI-thread work (to DIR)."""
    if not os.environ.get("WORKSHOP_VISIT_PROFILE"):
        return None
    profile = cProfile.Profile()
    profile.enable()
    return profile


def main(sections: list[str]) -> None:
    from workshop.harness.offscreen import use_offscreen_screen

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    use_offscreen_screen(1440, 900)
    tmp = Path(tempfile.mkdtemp(prefix="workshop-visits-"))
    os.environ.setdefault("WORKSHOP_HOME", str(tmp / "home"))
    from workshop.core import engine_head_start
    from workshop.ui.gil_share import favour_gui_thread

    favour_gui_thread()  # as the app does (workshop.app.run_app)

    if os.environ.get("WORKSHOP_NO_HEAD_START") != "1":
        engine_head_start.begin(engine_head_start.APP_ENGINE, "")  # as run_app does
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from workshop.core.app_settings import AppSettings
    from workshop.core.services import init_workspace
    from workshop.ui.main_window import MainWindow
    from workshop.ui.sections import SECTIONS

    app = QApplication(sys.argv[:1])
    ws = init_workspace(tmp / "visits.workshop", sample=True)
    settings = AppSettings()
    settings.last_section = "statements"
    window = MainWindow(ws, settings, persist=False, defer_first_page=True,
                        preload_sections=os.environ.get("WORKSHOP_NO_PRELOAD") != "1")
    window.resize(1280, 800)
    keys = sections or [info.key for info in SECTIONS if info.key != "statements"]
    state: dict[str, float] = {"created": time.perf_counter()}
    report: dict[str, object] = {"sections": {}}
    visits: dict[str, dict[str, object]] = report["sections"]  # type: ignore[assignment]
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))

    def painted() -> None:
        state.setdefault("painted", time.perf_counter())
        report["rss_first_paint_mb"] = round(rss_mb(), 1)
        report["heavy_at_first_paint"] = heavy_loaded()

    window.first_painted.connect(painted)

    def hook_statements() -> None:
        page = window.page_widgets.get("statements")
        if page is None:
            QTimer.singleShot(5, hook_statements)
            return
        state["statements_built"] = time.perf_counter()
        report["rss_statements_mb"] = round(rss_mb(), 1)
        page.first_underlines.connect(underlined)  # type: ignore[attr-defined]

    window.checker.status.connect(
        lambda text: state.setdefault("warm", time.perf_counter())
        if "starting" not in text else None)

    def underlined() -> None:
        if "underlined" in state:
            return
        state["underlined"] = time.perf_counter()
        QTimer.singleShot(100, wait_warm)

    def wait_warm() -> None:
        """The rules' data loads after the quick first check, then the full check runs: the
        visits start once both are done, so their memory and freezes are theirs alone."""
        checker = window.checker
        if "warm" not in state or checker._running or checker._waiting:  # noqa: SLF001
            QTimer.singleShot(100, wait_warm)
            return
        report["rss_checker_warm_mb"] = round(rss_mb(), 1)
        report["heavy_when_warm"] = heavy_loaded()
        report["pages_when_warm"] = sorted(window.page_widgets)
        builder = window.idle_builder
        if builder is not None and not idle_build:
            builder.stop()  # each visit builds its page: the cost of a visit before idle time
        if builder is not None and idle_build:
            state["idle_wait"] = time.perf_counter()
            QTimer.singleShot(100, wait_idle_built)
            return
        QTimer.singleShot(500, lambda: visit(0))

    def wait_idle_built() -> None:
        """With ``WORKSHOP_IDLE_BUILD=1``: the user reads for a while before clicking, so the
        idle builder builds the pages first; the visits then show built pages."""
        builder = window.idle_builder
        if builder is not None and builder.pending():
            QTimer.singleShot(100, wait_idle_built)
            return
        report["idle_build_s"] = round(time.perf_counter() - state["idle_wait"], 2)
        report["rss_idle_built_mb"] = round(rss_mb(), 1)
        QTimer.singleShot(500, lambda: visit(0))

    idle_build = os.environ.get("WORKSHOP_IDLE_BUILD") == "1"
    plan = [*keys, "statements"]  # the last: a second visit, the anchor (nothing to build)

    def visit(index: int) -> None:
        if index >= len(plan):
            QTimer.singleShot(300, finish)
            return
        key = plan[index]
        before_modules = set(sys.modules)
        before_rss = rss_mb()
        beats.clear()
        heartbeat.start()
        profile = _profiler()
        start = time.perf_counter()
        window.show_section(key)
        called = time.perf_counter()

        def measured() -> None:
            heartbeat.stop()
            if profile is not None:
                profile.disable()
                profile.dump_stats(str(Path(os.environ["WORKSHOP_VISIT_PROFILE"]) / f"{key}.prof"))
            moments = [start, *beats]
            gaps = [b - a for a, b in zip(moments, moments[1:], strict=False)]
            new = set(sys.modules) - before_modules
            entry: dict[str, object] = {
                "freeze_ms": round(max(gaps, default=called - start) * 1000, 1),
                "call_ms": round((called - start) * 1000, 1),
                "modules": len(new),
                "imported": module_groups(new),
                "rss_before_mb": round(before_rss, 1),
                "rss_after_mb": round(rss_mb(), 1),
            }
            if os.environ.get("WORKSHOP_VISIT_GAPS") == "1":
                entry["gaps"] = [(round((a - start) * 1000), round((b - a) * 1000))
                                 for a, b in zip(moments, moments[1:], strict=False)
                                 if b - a > 0.015]
            (visits if index < len(keys) else report.setdefault("revisit", {}))[key] = entry
            QTimer.singleShot(50, lambda: visit(index + 1))

        QTimer.singleShot(SETTLE_MS, measured)

    def finish() -> None:
        report["first_paint_ms"] = round((state["painted"] - state["created"]) * 1000)
        report["statements_after_paint_ms"] = round(
            (state["statements_built"] - state["painted"]) * 1000)
        report["underlines_after_paint_ms"] = round((state["underlined"] - state["painted"])
                                                    * 1000)
        report["warm_after_paint_ms"] = round((state["warm"] - state["painted"]) * 1000)
        report["rss_all_sections_mb"] = round(rss_mb(), 1)
        report["rss_tree_mb"] = round(tree_rss_mb(), 1)
        report["helper_processes"] = len(descendants(os.getpid()))
        report["heavy_at_end"] = heavy_loaded()
        report["over_50_ms"] = [k for k, v in visits.items()
                                if float(v["freeze_ms"]) > 50]  # type: ignore[arg-type]
        print(json.dumps(report), flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(0, hook_statements)
    QTimer.singleShot(120_000, lambda: (print(json.dumps({"error": "timed out", **state})),
                                        os._exit(3)))
    window.show()
    app.exec()
    os._exit(0)  # skip interpreter teardown (the checker thread, Qt objects)


if __name__ == "__main__":
    main(sys.argv[1:])
