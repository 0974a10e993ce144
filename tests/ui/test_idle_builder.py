"""Pages are built in idle spells: never while the user types, never under a dialog, and a
built page leaves the section, the keyboard focus and the text being typed where they were."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from workshop.ui.idle_builder import IdleBuilder
from workshop.ui.main_window import MainWindow


def _builder(qtbot, built: list[str], ready: set[str], idle_s: float = 0.3,  # type: ignore[no-untyped-def]
             busy=lambda: False):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    builder = IdleBuilder(["cv", "letters", "programs"], lambda k: k in built,
                          lambda k: k in ready, built.append, window, idle_s=idle_s, busy=busy)
    return window, builder


def _press_key(target: QWidget) -> None:
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                             Qt.KeyboardModifier.NoModifier, "a"))


def test_builds_one_page_per_idle_spell_in_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    built: list[str] = []
    _window, builder = _builder(qtbot, built, {"cv", "letters", "programs"})
    builder.start()
    with qtbot.waitSignal(builder.finished, timeout=10_000):
        pass
    assert built == ["cv", "letters", "programs"]
    assert builder.pending() == []


def test_typing_holds_the_builds_off(qtbot) -> None:  # type: ignore[no-untyped-def]
    built: list[str] = []
    window, builder = _builder(qtbot, built, {"cv", "letters", "programs"}, idle_s=0.6)
    builder.start()
    end = time.monotonic() + 1.5
    while time.monotonic() < end:  # a key every 100 ms: never 0.6 s idle
        _press_key(window)
        qtbot.wait(100)
    assert built == []
    qtbot.waitUntil(lambda: built == ["cv", "letters", "programs"], timeout=10_000)


def test_waits_for_the_preloader_and_skips_pages_the_user_opened(qtbot) -> None:  # type: ignore[no-untyped-def]
    built: list[str] = []
    ready = {"letters"}
    _window, builder = _builder(qtbot, built, ready)
    built.append("programs")  # the user opened Programs meanwhile
    builder.start()
    qtbot.waitUntil(lambda: built == ["programs", "letters"], timeout=5_000)
    qtbot.wait(600)
    assert built == ["programs", "letters"]  # CV's code is not loaded yet: not built
    ready.add("cv")
    with qtbot.waitSignal(builder.finished, timeout=5_000):
        pass
    assert built == ["programs", "letters", "cv"]


def test_no_build_under_a_modal_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    built: list[str] = []
    window, builder = _builder(qtbot, built, {"cv", "letters", "programs"})
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=5_000)
    builder.start()
    qtbot.wait(1_000)
    assert built == []
    dialog.close()
    qtbot.waitUntil(lambda: len(built) == 3, timeout=10_000)


def test_no_build_while_a_drill_runs(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A drill's silence is not idleness: the countdown must not stall for a page build."""
    built: list[str] = []
    drilling = {"on": True}
    _window, builder = _builder(qtbot, built, {"cv", "letters", "programs"},
                                busy=lambda: drilling["on"])
    builder.start()
    qtbot.wait(1_000)
    assert built == []
    drilling["on"] = False
    qtbot.waitUntil(lambda: len(built) == 3, timeout=10_000)
    page = sample_window.page("interview")
    assert page.timing_something is False  # no drill on screen
    assert sample_window.page("statements").timing_something is False


def test_prebuilt_page_keeps_section_focus_and_text(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = sample_window
    window.show_section("statements")
    editor = window.statements.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=5_000)
    cursor = editor.textCursor()
    cursor.setPosition(40)
    editor.setTextCursor(cursor)
    text = editor.toPlainText()
    for key in ("programs", "cv", "interview"):
        window.prebuild_page(key)
        assert key in window.page_widgets
        assert window.current_key() == "statements"
        assert window.pages.currentWidget() is window.statements
        assert QApplication.focusWidget() is editor
        assert editor.textCursor().position() == 40
        assert not window.page_widgets[key].isVisible()
    assert editor.toPlainText() == text
    window.show_section("programs")
    assert window.pages.currentWidget() is window.page_widgets["programs"]
