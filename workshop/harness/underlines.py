"""A child process that types into the real main window and times the underlines.

Run as ``python -m workshop.harness.underlines [KEYSTROKES] [SEED]``; prints one JSON line:

- ``first_underline_ms``: from the window's first paint to the first underlines on screen
  (the checker warms after that paint, so this includes building Harper);
- ``pause_ms``: for each pause in typing, from the last keystroke to the moment the editor
  shows findings of a text that includes it (the debounce is included);
- ``key_ms``: the same for every keystroke (a result for a later text covers earlier keys);
- ``frames`` and ``frames_bare``: viewport paints during typing, and those in which a paragraph
  that was not edited and had underlines showed none (the goal is 0).

Typing is driven by timers inside the event loop, at a human rate with jitter and a pause
every dozen keys, so results come back exactly as they do for a person typing.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from workshop.core.model.documents import DocumentKind
from workshop.core.resources import resource
from workshop.core.services import init_workspace

EXTRA = ("During my research year I recieved training in biostatistics and learned to "
         "question every asumption before I trusted a result.")
PHRASE = "the pateint and her family trusted our team becuase we listened to them "


def statement_text() -> str:
    """About 850 words: the sample statement, a typo in each paragraph, one more paragraph."""
    body = resource("sample", "statement_internal_medicine.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    paragraphs = [p + " I definately learned alot." for p in paragraphs]
    while len(" ".join(paragraphs).split()) < 830:
        paragraphs.append(EXTRA)
    return "\n\n".join(paragraphs)


def paragraph_of(position: int, starts: list[int]) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= position:
            index = i
    return index


def main(keystrokes: int = 240, seed: int = 7) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from workshop.core import engine_head_start

    engine_head_start.begin(engine_head_start.APP_ENGINE, "")  # as run_app does
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from workshop.core.app_settings import AppSettings
    from workshop.ui.main_window import MainWindow

    rng = random.Random(seed)
    app = QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="workshop-underlines-"))
    os.environ.setdefault("WORKSHOP_HOME", str(tmp / "home"))
    ws = init_workspace(tmp / "bench.workshop", sample=True)
    doc = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0]
    ws.documents.save_working_copy(doc.id, statement_text())
    settings = AppSettings()
    settings.last_section = "statements"
    window = MainWindow(ws, settings, persist=False, defer_first_page=True)
    window.resize(1280, 800)
    state: dict[str, float] = {}
    key_times: list[tuple[int, float]] = []  # (revision after the key, time)
    pause_keys: set[int] = set()
    latencies: dict[int, float] = {}
    frames = {"all": 0, "bare": 0}
    sent: dict[int, int] = {}  # generation -> revision
    page_box: list[object] = []

    def now() -> float:
        return time.perf_counter()

    window.first_painted.connect(lambda: state.setdefault("painted", now()))
    state["created"] = now()
    window.checker.status.connect(
        lambda text: state.setdefault("warm", now()) if "starting" not in text else None)

    class Paints(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "typing" in state:
                frames["all"] += 1
                if bare_paragraphs():
                    frames["bare"] += 1
            return False

    paints = Paints()
    watched: dict[str, object] = {}

    def bare_paragraphs() -> list[int]:
        page = page_box[0]
        editor = page.editor  # type: ignore[attr-defined]
        text = editor.toPlainText()
        starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
        marked = {paragraph_of(start, starts) for start, _end in editor.spans()}
        return [p for p in watched["underlined"] if p not in marked  # type: ignore[attr-defined]
                and p != watched["edited"]]

    def on_checked(_result: object) -> None:
        page = page_box[0]
        applied = page.live.applied  # type: ignore[attr-defined]
        revision = sent.get(applied)
        if "first" not in state and page.editor.findings:  # type: ignore[attr-defined]
            state["first"] = now()
            QTimer.singleShot(300, start_typing)
        if revision is None or "typing" not in state:
            return
        for key_revision, at in key_times:
            if key_revision <= revision and key_revision not in latencies:
                latencies[key_revision] = now() - at

    def on_sent() -> None:
        page = page_box[0]
        sent[page.live.generation] = page.editor.revision  # type: ignore[attr-defined]

    def hook_page() -> None:
        if page_box or "statements" not in window.page_widgets:
            QTimer.singleShot(5, hook_page)
            return
        page = window.page_widgets["statements"]
        page_box.append(page)
        page.checked.connect(on_checked)  # type: ignore[attr-defined]
        page.check_timer.timeout.connect(on_sent)  # type: ignore[attr-defined]
        page.editor.viewport().installEventFilter(paints)  # type: ignore[attr-defined]

    def start_typing() -> None:
        page = page_box[0]
        editor = page.editor  # type: ignore[attr-defined]
        text = editor.toPlainText()
        starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
        watched["underlined"] = sorted({paragraph_of(start, starts)
                                        for start, _end in editor.spans()})
        middle = starts[len(starts) // 2]
        end = text.index(".", middle) + 1  # type after the first sentence of a middle paragraph
        watched["edited"] = paragraph_of(end, starts)
        cursor = editor.textCursor()
        cursor.setPosition(end)
        editor.setTextCursor(cursor)
        editor.setFocus()
        state["typing"] = now()
        type_next(0)

    def type_next(count: int) -> None:
        page = page_box[0]
        editor = page.editor  # type: ignore[attr-defined]
        if count >= keystrokes:
            QTimer.singleShot(1500, finish)
            return
        char = " " if count == 0 else PHRASE[count % len(PHRASE)]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))
        key_times.append((editor.revision, now()))
        pause = (count + 1) % 12 == 0
        if pause:
            pause_keys.add(editor.revision)
        delay = rng.randint(600, 900) if pause else rng.randint(90, 260)
        QTimer.singleShot(delay, lambda: type_next(count + 1))

    def finish() -> None:
        key_ms = [latencies[r] * 1000 for r, _ in key_times if r in latencies]
        pause_ms = [latencies[r] * 1000 for r in sorted(pause_keys) if r in latencies]
        report = {
            "first_underline_ms": round((state["first"] - state["painted"]) * 1000),
            "window_to_paint_ms": round((state["painted"] - state["created"]) * 1000),
            "warm_after_paint_ms": round((state.get("warm", 0) - state["painted"]) * 1000),
            "keystrokes": len(key_times),
            "answered": len(key_ms),
            "pause_ms": summary(pause_ms),
            "key_ms": summary(key_ms),
            "frames": frames["all"],
            "frames_bare": frames["bare"],
            "underlined_paragraphs": len(watched["underlined"]),  # type: ignore[arg-type]
        }
        print(json.dumps(report), flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(0, hook_page)
    QTimer.singleShot(60_000 + 500 * keystrokes, lambda: (print(json.dumps({"error": "timed out",
                                                          **state})), os._exit(3)))
    window.show()
    app.exec()


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"n": len(values), "p50": round(statistics.median(values), 1),
            "p95": round(p95, 1), "max": round(ordered[-1], 1)}


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
