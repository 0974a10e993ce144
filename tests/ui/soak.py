"""A long session through the real main window, as a person lives it, in a process of its own.

Why a separate process: the failure this guards against (PySide6 6.12.0 on Python 3.11 dropping a
reference to ``None``/``True`` on every Qt call) aborts the interpreter with ``Fatal Python
error``; run inside pytest it would take the whole test run down with it. ``tests/ui/test_soak.py``
runs this module, reads the JSON report it prints last and asserts on it.

    python -m tests.ui.soak --workdir DIR [--statement-keys 20000] [--cv-keys 5000]
                            [--drill-ticks 5000] [--versions 10000]

Every step goes through the window's own pages (keystrokes as key events into the focused editor,
the drill's key handler and timer tick on an injected clock, the Versions… dialog), and at the end
the workspace is opened again from disk to compare what was saved with what was typed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget  # noqa: E402

#: Burst text: ASCII, accents, Arabic, Han, and line breaks, as an IMG's draft has them.
BURST_TEXT = ("During my internship in Cairo I cared for a patient with diabetic ketoacidosis. "
              "Dr. Łukasz Öztürk taught me to listen. ياسمين 张伟 naïve café.\n")
NOON = dt.datetime(2027, 2, 15, 12, 0, tzinfo=dt.UTC)


def refcounts() -> dict[str, int]:
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
            "False": sys.getrefcount(False)}


def send_key(widget: QWidget, char: str) -> None:
    """One keystroke (press and release) of any Unicode character."""
    key = Qt.Key.Key_Return if char == "\n" else 0
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def pump_until(done: Callable[[], bool], timeout: float) -> bool:
    """Run the event loop until ``done()`` or the timeout; True when done."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if done():
            return True
        time.sleep(0.005)
    return done()


def text_of(count: int, offset: int = 0) -> str:
    return "".join(BURST_TEXT[(offset + i) % len(BURST_TEXT)] for i in range(count))


def soak_statement(window, keys: int, burst: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Type ``keys`` characters in bursts, letting the checker answer after each burst."""
    window.show_section("statements")
    page = window.statements
    page.editor.setFocus()
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    before = page.editor.toPlainText()
    typed = 0
    checks = 0
    started = time.monotonic()
    while typed < keys:
        chunk = text_of(min(burst, keys - typed), typed)
        for char in chunk:
            send_key(page.editor, char)
        typed += len(chunk)
        answered = {"result": None}

        def on_checked(result: object, box: dict[str, object] = answered) -> None:
            box["result"] = result

        page.checked.connect(on_checked)
        if not pump_until(lambda box=answered: box["result"] is not None, 60):
            raise SystemExit("the checker did not answer within 60 s")
        page.checked.disconnect(on_checked)
        checks += 1
    expected = before + text_of(keys)
    if not page.flush():
        raise SystemExit("the statement could not be saved")
    return {"keys": typed, "checks": checks, "seconds": round(time.monotonic() - started, 2),
            "document_id": page.current.id, "expected": expected,
            "editor_matches": page.editor.toPlainText() == expected}


def soak_cv(window, keys: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Type into the CV's personal details, field after field."""
    window.show_section("cv")
    page = window.page("cv")
    page.show_section("personal")
    widgets = page.records["personal"].widgets
    fields = ["personal.headline", "personal.city", "personal.preferred_name"]
    per_field = keys // len(fields)
    started = time.monotonic()
    expected: dict[str, str] = {}
    for index, path in enumerate(fields):
        edit = widgets[path]
        assert isinstance(edit, QLineEdit), path
        edit.setFocus()
        edit.selectAll()
        text = text_of(per_field, index * 7).replace("\n", " ")
        for n, char in enumerate(text):
            send_key(edit, char)
            if n % 250 == 0:
                QApplication.processEvents()
        expected[path] = text
    QApplication.processEvents()
    if not page.flush():
        raise SystemExit("the CV could not be saved")
    return {"keys": per_field * len(fields), "seconds": round(time.monotonic() - started, 2),
            "expected": expected}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def soak_drill(window, ticks: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Answer questions on an injected clock: ``ticks`` timer ticks in all, 250 a question."""
    from workshop.core.drills import repository as repo

    window.show_section("interview")
    page = window.page("interview")
    clock = FakeClock()
    page.drill.clock = clock
    page.drill.wall_clock = lambda: NOON
    before = len(repo.list_attempts(page.workspace.conn, question_id="intro-001"))
    done = 0
    answers = 0
    started = time.monotonic()
    while done < ticks:
        if not page.practise_question("intro-001"):
            raise SystemExit("the drill did not start")
        page.drill.handle_key("space")  # think
        for _ in range(min(250, ticks - done)):
            clock.now += 1.0
            page.drill.tick()
            done += 1
            if done % 50 == 0:
                QApplication.processEvents()
        page.drill.handle_key("space")  # stop answering
        for digit in "4354":
            page.drill.handle_key(digit)
        page.drill.handle_key("n")  # save and move on (one question: the drill ends)
        answers += 1
        QApplication.processEvents()
    after = len(repo.list_attempts(page.workspace.conn, question_id="intro-001"))
    return {"ticks": done, "answers": answers, "saved": after - before,
            "seconds": round(time.monotonic() - started, 2)}


def soak_versions(window, count: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Give the open statement ``count`` versions, then open Versions… through the page."""
    from workshop.ui.statements import versions as versions_module

    window.show_section("statements")
    page = window.statements
    docs = window.workspace.documents
    with window.workspace.transaction():
        for n in range(count):
            docs.save_version(page.current.id, f"draft {n}")
    shown: dict[str, object] = {}

    def exec_once(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        model = dialog.left_pick.model()
        while model.canFetchMore():  # scroll to the end of the history, a page at a time
            model.fetchMore()
            QApplication.processEvents()
        shown["items"] = dialog.left_pick.count()
        dialog.left_pick.setCurrentIndex(min(5, dialog.left_pick.count() - 1))
        QApplication.processEvents()
        dialog.reject()
        return 0

    started = time.monotonic()
    original = versions_module.VersionsDialog.exec
    versions_module.VersionsDialog.exec = exec_once  # type: ignore[method-assign]
    try:
        page.show_versions()
    finally:
        versions_module.VersionsDialog.exec = original  # type: ignore[method-assign]
    return {"versions": count, "listed": shown.get("items", 0),
            "seconds": round(time.monotonic() - started, 2)}


def verify(workdir: Path, statement: dict[str, object], cv: dict[str, object]) -> dict[str, bool]:
    """Open the workspace again from disk and compare with what was typed."""
    from workshop.core.cv.in_workspace import load_workspace_cv
    from workshop.core.storage.workspace import open_workspace
    from workshop.ui.cv.fields import get_path

    ws = open_workspace(workdir / "soak.workshop")
    try:
        body = ws.documents.get(int(statement["document_id"])).body  # type: ignore[call-overload]
        saved_cv = load_workspace_cv(ws)
        cv_ok = all(get_path(saved_cv, path) == text
                    for path, text in cv["expected"].items())  # type: ignore[attr-defined]
    finally:
        ws.close()
    return {"statement_saved": body == statement["expected"], "cv_saved": cv_ok}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--statement-keys", type=int, default=20_000)
    parser.add_argument("--burst", type=int, default=500)
    parser.add_argument("--cv-keys", type=int, default=5_000)
    parser.add_argument("--drill-ticks", type=int, default=5_000)
    parser.add_argument("--versions", type=int, default=10_000)
    args = parser.parse_args(argv)
    os.environ["WORKSHOP_HOME"] = str(args.workdir / "home")

    from workshop.core.app_settings import AppSettings
    from workshop.core.services import init_workspace
    from workshop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    ws = init_workspace(args.workdir / "soak.workshop", sample=True)
    # As the app starts it: the section preloader and the idle page builder run meanwhile.
    window = MainWindow(ws, AppSettings(), persist=False, preload_sections=True)
    window.show()
    QApplication.processEvents()
    start_counts = refcounts()
    report: dict[str, object] = {"python": sys.version.split()[0]}
    import PySide6

    report["pyside6"] = PySide6.__version__
    started = time.monotonic()
    statement = soak_statement(window, args.statement_keys, args.burst)
    cv = soak_cv(window, args.cv_keys)
    report["drill"] = soak_drill(window, args.drill_ticks)
    report["versions"] = soak_versions(window, args.versions)
    end_counts = refcounts()
    report["pages_built"] = sorted(window.page_widgets)
    report["preloaded"] = sorted(window.preloader.done())
    window.close()
    QApplication.processEvents()
    report["statement"] = {k: v for k, v in statement.items() if k != "expected"}
    report["cv"] = {k: v for k, v in cv.items() if k != "expected"}
    report.update(verify(args.workdir, statement, cv))
    report["refcount_change"] = {k: end_counts[k] - start_counts[k] for k in start_counts}
    report["seconds"] = round(time.monotonic() - started, 2)
    report["alive"] = True
    del app
    print("SOAK-REPORT " + json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
