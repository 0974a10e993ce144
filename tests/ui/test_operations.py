"""Operations: the one way work leaves the GUI thread, with one way of handling what comes back."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

from workshop.core.changes import Changes
from workshop.core.errors import UserError
from workshop.ui import operations as operations_module
from workshop.ui.operations import Operations


@pytest.fixture
def ops(qtbot):  # type: ignore[no-untyped-def]
    runner = Operations()
    yield runner
    runner.wait()


def test_results_arrive_on_the_gui_thread_with_their_changes(qtbot, ops: Operations) -> None:  # type: ignore[no-untyped-def]
    threads: list[str] = []
    got: list[object] = []

    def work() -> int:
        threads.append(threading.current_thread().name)
        return 42

    with qtbot.waitSignal(ops.changed, timeout=5000) as broadcast:
        ops.run(work, on_done=lambda value: got.append(
            (value, threading.current_thread() is threading.main_thread())),
            changes=lambda value: Changes(programs=value == 42))
    assert threads and threads[0] != threading.main_thread().name
    assert got == [(42, True)]
    assert broadcast.args[0] == Changes(programs=True)


def test_a_user_error_is_a_message_and_a_bug_goes_to_the_report(qtbot, ops: Operations,  # type: ignore[no-untyped-def]
                                                                monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    failed: list[str] = []

    def refuse() -> None:
        raise UserError("The sheet has no header row.", hint="Add one and try again.")

    ops.run(refuse, on_failed=failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert failed == ["The sheet has no header row. Add one and try again."]

    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: reported.append(exc))

    def bug() -> None:
        raise ZeroDivisionError("division by zero")

    ops.run(bug, on_failed=failed.append)
    qtbot.waitUntil(lambda: len(failed) == 2, timeout=5000)
    assert isinstance(reported[0], ZeroDivisionError), "the bug-report dialog gets it"
    assert "Unexpected error (ZeroDivisionError)" in failed[1]

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))

    def disk() -> None:
        raise PermissionError(13, "Permission denied")

    ops.run(disk)  # no on_failed: a plain warning
    qtbot.waitUntil(lambda: bool(warned), timeout=5000)
    assert warned == ["Could not write the file: Permission denied"]


def test_a_page_that_shuts_down_gets_nothing(qtbot, ops: Operations) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    got: list[object] = []
    gate = threading.Event()
    ops.run(lambda: gate.wait(5) and "late", on_done=got.append, parent=page)
    ops.discard(page)
    gate.set()
    ops.wait()
    QApplication.processEvents()
    assert got == [] and ops.pending == 0


def test_long_work_shows_progress_and_cancel_drops_the_result(qtbot, ops: Operations,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.setattr(operations_module, "PROGRESS_DELAY_MS", 50)
    page = QWidget()
    qtbot.addWidget(page)
    page.show()
    gate = threading.Event()
    got: list[object] = []
    cancelled: list[bool] = []
    ops.run(lambda: gate.wait(10) and "sheet", on_done=got.append, parent=page,
            progress="Reading programs.xlsx…", on_cancel=lambda: cancelled.append(True))

    def dialog() -> QProgressDialog | None:
        found = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QProgressDialog) and w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=5000)
    assert dialog().labelText() == "Reading programs.xlsx…"  # type: ignore[union-attr]
    cancel_button = dialog().findChild(QPushButton)  # type: ignore[union-attr]
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert cancelled == [True]
    gate.set()
    ops.wait()
    time.sleep(0.05)
    QApplication.processEvents()
    assert got == [], "a cancelled result is never delivered"


def test_quick_work_shows_no_progress(qtbot, ops: Operations) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    page.show()
    got: list[object] = []
    with qtbot.waitSignal(ops._finished, timeout=5000):
        ops.run(lambda: "fast", on_done=got.append, parent=page, progress="Reading…")
    qtbot.wait(500)
    assert got == ["fast"]
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]
