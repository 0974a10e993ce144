"""Edit and Help menus: standard shortcuts, undo from anywhere, a shortcut list."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.conftest import type_text
from workshop.ui.edit_menu import shortcuts_for
from workshop.ui.help_menu import shortcut_rows, shortcuts_html
from workshop.ui.main_window import MainWindow

CHECK_TIMEOUT = 30_000


def test_edit_menu_is_complete(sample_window: MainWindow) -> None:
    actions = sample_window.edit_actions
    assert set(actions) >= {"undo", "redo", "cut", "copy", "paste", "selectAll", "find",
                            "replace", "next"}
    for name in ("cut", "copy", "paste", "selectAll", "find"):
        assert actions[name].shortcuts(), name


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS has one redo key")
def test_redo_answers_to_ctrl_y_and_ctrl_shift_z() -> None:
    keys = [k.toString() for k in shortcuts_for("redo", QKeySequence.StandardKey.Redo)]
    assert "Ctrl+Y" in keys and "Ctrl+Shift+Z" in keys


def _statements(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    window.show_section("statements")
    page = window.statements
    qtbot.waitUntil(lambda: page.result is not None, timeout=CHECK_TIMEOUT)
    return page


def test_undo_after_make_eras_safe_with_focus_on_the_button(  # type: ignore[no-untyped-def]
        qtbot, sample_window: MainWindow) -> None:
    page = _statements(qtbot, sample_window)
    page.editor.setFocus()
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    type_text(page.editor, " “quoted” — dash")
    original = page.editor.toPlainText()
    assert page.make_eras_safe() > 0
    button = next(b for b in page.findChildren(type(page.new_button))
                  if b.text() == "Make ERAS-safe")
    button.setFocus()
    assert QApplication.focusWidget() is button
    sample_window.edit_actions["undo"].trigger()
    assert page.editor.toPlainText() == original
    sample_window.edit_actions["redo"].trigger()
    assert "“" not in page.editor.toPlainText()


def test_undo_after_apply_fix(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = _statements(qtbot, sample_window)
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(page.checked, timeout=CHECK_TIMEOUT) as blocker:
        type_text(page.editor, "\n\nI recieved good feedback.")
    typo = next(f for f in blocker.args[0].findings if f.excerpt == "recieved")
    before = page.editor.toPlainText()
    page.issues.setFocus()
    page.apply_fix(typo, "received")
    assert "I received good feedback." in page.editor.toPlainText()
    sample_window.edit_actions["undo"].trigger()
    assert page.editor.toPlainText() == before


def test_find_opens_the_finder_from_any_section(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    sample_window.show_section("cv")
    sample_window.edit_actions["find"].trigger()
    assert sample_window.current_key() == "statements"
    finder = sample_window.statements._find
    assert finder is not None and finder.isVisible()
    finder.close()


def test_help_lists_every_shortcut(qtbot, sample_window: MainWindow,  # type: ignore[no-untyped-def]
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    rows = dict(shortcut_rows(sample_window.edit_actions.values()))
    assert "Ctrl+Y" in rows["Redo"] and "Ctrl+Z" in rows["Undo"]
    text = shortcuts_html(sample_window.edit_actions.values())
    assert "Find and Replace" in text and "Right-click" in text
    shown: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    sample_window.help_actions["shortcuts"].trigger()
    sample_window.help_actions["start"].trigger()
    assert shown == ["Keyboard shortcuts", "Getting started"]
    assert {"start", "shortcuts", "data", "about"} <= set(sample_window.help_actions)
