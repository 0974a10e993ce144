"""Issue 19: the window notices its workspace file deleted under it, says so once, and
File ▸ Save As… carries everything — including text not yet saved — into a new file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.conftest import type_text
from workshop.core.storage.workspace import open_workspace
from workshop.ui.main_window import MainWindow


def test_a_deleted_workspace_is_noticed_and_saved_elsewhere_with_unsaved_text(
        sample_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = sample_window
    window.show_section("statements")
    page = window.statements
    old = window.workspace.path
    target = tmp_path / "rescued.workshop"
    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        save = next(b for b in box.buttons() if b.text() == "Save As…")
        monkeypatch.setattr(box, "clickedButton", lambda: save)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    os.remove(old)
    type_text(page.editor, " Typed after the file vanished.")  # not saved yet
    window.guard.check()  # the file watcher may have got there first: either way, once
    window.guard.check()
    assert len(shown) == 1 and "deleted or moved" in shown[0]
    assert window.workspace.path == target and window.workspace.stopped is None
    assert "rescued" in window.windowTitle()
    doc_id = page.current.id
    assert page.flush()
    with open_workspace(target, read_only=True) as again:
        assert again.documents.get(doc_id).body.endswith("Typed after the file vanished.")
    assert not old.exists()


def test_our_own_saves_never_raise_the_alarm(sample_window: MainWindow) -> None:
    page = sample_window.statements
    for n in range(30):
        type_text(page.editor, f" word{n}")
        assert page.flush()
    assert sample_window.guard.check() is False
    assert sample_window.workspace.stopped is None
