"""Something went wrong: the user sees a dialog with the saved-up-to time, and hears at the next
start that the app did not close normally."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workshop.core.errors import UserError
from workshop.core.paths import data_home
from workshop.core.services import init_workspace
from workshop.core.session_journal import PreviousSession, SessionJournal
from workshop.ui.crash_dialog import ErrorDialog, ExceptionHooks, show_recovery_notice
from workshop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def hooks(sample_window: MainWindow, tmp_path: Path):  # type: ignore[no-untyped-def]
    journal = SessionJournal(tmp_path / "data" / "sessions")
    journal.begin()
    installed = ExceptionHooks(journal)
    installed.attach(sample_window.save_probe, sample_window)
    installed.install()
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()
    journal.end()


def raise_into_hook(message: str = "a bug in a slot") -> None:
    try:
        raise RuntimeError(message)
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]


def test_an_uncaught_exception_shows_the_dialog(qtbot, hooks: ExceptionHooks,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    with qtbot.waitSignal(hooks.shown, timeout=5000) as shown:
        raise_into_hook()
    dialog = shown.args[0]
    assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
    now = dt.datetime.now()
    headline = dialog.headline.text()
    assert headline.startswith("Something went wrong. Your work up to ")
    assert "is saved" in headline
    saved_at = dt.datetime.strptime(headline.split("up to ")[1][:8], "%H:%M:%S")
    assert abs((now - now.replace(hour=saved_at.hour, minute=saved_at.minute,
                                  second=saved_at.second)).total_seconds()) < 60
    assert "RuntimeError: a bug in a slot" in dialog.details.toPlainText()
    reports = list((tmp_path / "data" / "crashes").glob("crash-*.txt"))
    assert len(reports) == 1 and "a bug in a slot" in reports[0].read_text(encoding="utf-8")
    assert str(reports[0]) in dialog.where.text()
    dialog.copy_report()
    assert "RuntimeError: a bug in a slot" in QApplication.clipboard().text()
    raise_into_hook("a second one")
    qtbot.waitUntil(lambda: "a second one" in dialog.details.toPlainText(), timeout=5000)


def test_a_slot_that_raises_reaches_the_dialog(qtbot, hooks: ExceptionHooks) -> None:  # type: ignore[no-untyped-def]
    def broken_slot() -> None:
        raise KeyError("missing")

    with qtbot.waitSignal(hooks.shown, timeout=5000) as shown:
        QTimer.singleShot(0, broken_slot)
    assert "KeyError: 'missing'" in shown.args[0].details.toPlainText()


def test_a_worker_thread_error_is_shown_on_the_gui_thread(qtbot, hooks: ExceptionHooks) -> None:  # type: ignore[no-untyped-def]
    def work() -> None:
        raise ValueError("failed in the background")

    with qtbot.waitSignal(hooks.shown, timeout=5000) as shown:
        thread = threading.Thread(target=work, name="export-worker")
        thread.start()
        thread.join()
    dialog = shown.args[0]
    assert dialog.thread() is QApplication.instance().thread()
    text = dialog.details.toPlainText()
    assert "ValueError: failed in the background" in text and "thread export-worker" in text


def test_unsaved_edits_are_named_in_the_headline(qtbot, hooks: ExceptionHooks,  # type: ignore[no-untyped-def]
                                                 sample_window: MainWindow,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sample_window, "flush_all", lambda: False)
    sample_window.save_label.detail = "the disk is full"
    with qtbot.waitSignal(hooks.shown, timeout=5000) as shown:
        raise_into_hook()
    headline = shown.args[0].headline.text()
    assert "could not be saved yet (the disk is full)" in headline
    assert "stay in the window" in headline
    monkeypatch.undo()  # before the window closes: it would ask whether to discard


def test_a_user_error_is_a_plain_message(qtbot, hooks: ExceptionHooks,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    try:
        raise UserError("The file is not a .docx.", hint="Save it as .docx and try again.")
    except UserError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said == ["The file is not a .docx. Save it as .docx and try again."]
    assert hooks.dialog is None


def test_recovery_notice_names_the_last_saved_change(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    started = dt.datetime(2026, 12, 1, 14, 2).astimezone()
    previous = [PreviousSession(started, str(sample_window.workspace.path),
                                "Fatal Python error: Segmentation fault", Path("/tmp/r.txt"))]
    box = show_recovery_notice(sample_window, previous, sample_window.workspace)
    qtbot.addWidget(box)
    assert "did not close normally last time" in box.text()
    assert "01 Dec 2026 at 14:02" in box.text()
    info = box.informativeText()
    latest = sample_window.workspace.documents.latest_edit()
    assert latest is not None and f"“{latest.title}”" in info
    assert "/tmp/r.txt" in info
    assert "Segmentation fault" in box.detailedText()


def test_the_start_after_a_crash_says_so(tmp_path: Path) -> None:
    """A real native crash in one process; the next real start shows the notice, exits clean.

    Both run as child processes, as the app does (an event loop that has run ``exec`` and quit
    must not be reused by later tests in this process).
    """
    workspace = tmp_path / "mine.workshop"
    init_workspace(workspace, sample=True).close()
    sessions = data_home() / "sessions"
    crashed = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import faulthandler
        from pathlib import Path
        from workshop.core.session_journal import SessionJournal
        SessionJournal(Path({str(sessions)!r})).begin(Path({str(workspace)!r}))
        faulthandler._sigsegv()
    """)], cwd=ROOT, capture_output=True, timeout=60)
    assert crashed.returncode != 0
    restarted = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import json, sys
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
        from workshop.app import run_app
        from workshop.ui.main_window import MainWindow

        app = QApplication([])
        seen = {{}}

        def look_and_quit():
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMessageBox) and widget.isVisible():
                    seen["text"] = widget.text()
                    seen["info"] = widget.informativeText()
                    widget.close()
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, MainWindow):
                    widget.close()
            app.quit()

        QTimer.singleShot(1500, look_and_quit)
        seen["exit"] = run_app(Path({str(workspace)!r}))
        seen["hook_restored"] = sys.excepthook is sys.__excepthook__
        print("SEEN " + json.dumps(seen))
    """)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    lines = [line for line in restarted.stdout.splitlines() if line.startswith("SEEN ")]
    assert restarted.returncode == 0 and lines, restarted.stderr[-3000:]
    seen = json.loads(lines[0].removeprefix("SEEN "))
    assert seen["exit"] == 0
    assert "did not close normally" in seen["text"], seen
    assert "The last change saved:" in seen["info"] and "crash report" in seen["info"]
    assert seen["hook_restored"] is True, "run_app put the previous exception hook back"
    assert list(sessions.glob("*.session")) == [], "the clean exit removed its marker"


def test_a_bug_while_saving_on_close_keeps_the_window_open(qtbot, hooks: ExceptionHooks,  # type: ignore[no-untyped-def]
                                                           sample_window: MainWindow,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_flush() -> bool:
        raise RuntimeError("flush exploded")

    monkeypatch.setattr(sample_window, "flush_all", broken_flush)
    with qtbot.waitSignal(hooks.shown, timeout=5000) as shown:
        sample_window.close()
    assert sample_window.isVisible(), "the window (and the unsaved text) stays"
    assert not sample_window.workspace.closed
    assert "flush exploded" in shown.args[0].details.toPlainText()
    monkeypatch.undo()


def test_a_start_up_bug_is_reported_and_noticed_next_time(monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    import faulthandler

    from workshop import app as app_module

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    # The journal is left running (as after a real start-up failure); keep pytest's own
    # faulthandler output for the rest of this test process.
    monkeypatch.setattr(faulthandler, "enable", lambda *a, **k: None)

    def broken_start(*_args: object) -> None:
        raise RuntimeError("could not build the window")

    monkeypatch.setattr(app_module, "start_app", broken_start)
    with pytest.raises(RuntimeError):
        app_module.run_app(tmp_path / "x.workshop")
    assert shown and "Something went wrong while starting" in shown[0]
    reports = list((data_home() / "crashes").glob("crash-*.txt"))
    assert reports and "could not build the window" in reports[0].read_text(encoding="utf-8")
    assert list((data_home() / "sessions").glob("*.session")), "the next start will notice"
    assert not isinstance(getattr(sys.excepthook, "__self__", None), ExceptionHooks)
