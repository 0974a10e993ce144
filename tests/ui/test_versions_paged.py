"""The Versions dialog over a long history: pages read as the list scrolls, diffs off-thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from workshop.core.model.documents import DocumentKind
from workshop.core.services import Workspace, init_workspace
from workshop.ui.operations import Operations
from workshop.ui.statements import versions as versions_module
from workshop.ui.statements.versions import CURRENT, VersionListModel, VersionsDialog

LONG = " ".join(f"word{n}" for n in range(400))  # past the inline diff: compared off-thread


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = init_workspace(tmp_path / "history.workshop")
    yield ws
    ws.close()


def with_versions(ws: Workspace, count: int, body: str = "draft") -> int:
    doc = ws.documents.create(DocumentKind.PERSONAL_STATEMENT, "IM", body)
    with ws.transaction():
        for n in range(count):
            ws.documents.save_version(doc.id, f"v{n}")
    return doc.id


def test_the_model_reads_one_page_at_a_time(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    doc_id = with_versions(workspace, 250)
    model = VersionListModel(workspace, doc_id, page_size=100)
    assert model.rowCount() == 101 and model.canFetchMore()
    assert model.data(model.index(0)) == "Working copy (now)"
    assert model.data(model.index(0), versions_module.Qt.ItemDataRole.UserRole) == CURRENT
    assert model.data(model.index(1)).startswith("v249 — ")
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 251 and not model.canFetchMore()
    assert model.data(model.index(250)).startswith("v0 — ")
    assert model.data(model.index(251)) is None
    model.fetchMore()  # nothing more: no rows, no error
    assert model.rowCount() == 251


def test_dialog_lists_the_first_page_and_scrolling_fetches_more(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace) -> None:
    doc_id = with_versions(workspace, 1000)
    dialog = VersionsDialog(workspace, doc_id, operations=Operations())
    qtbot.addWidget(dialog)
    assert dialog.left_pick.count() == 1 + versions_module.PAGE_SIZE
    assert dialog.left_pick.currentText().startswith("v999")
    assert dialog.right_pick.currentText() == "Working copy (now)"
    dialog.versions_model.fetchMore()  # what the popup's list view does at its bottom
    assert dialog.left_pick.count() == 1 + 2 * versions_module.PAGE_SIZE
    assert dialog.summary.text() == "No differences."


def test_long_texts_are_compared_off_the_gui_thread(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace) -> None:
    doc_id = with_versions(workspace, 2, LONG)
    workspace.documents.save_working_copy(doc_id, LONG.replace("word7 ", "seven "))
    dialog = VersionsDialog(workspace, doc_id, operations=Operations())
    qtbot.addWidget(dialog)
    if dialog.summary.text() == "Comparing…":  # the texts show at once, unmarked
        assert "seven" in dialog.right_view.toPlainText()
        with qtbot.waitSignal(dialog.diff_shown, timeout=10_000):
            pass
    assert dialog.summary.text() == "1 words added, 1 removed."
    assert "seven" in dialog.right_view.toHtml() and "background" in dialog.right_view.toHtml()


def test_a_newer_pick_supersedes_a_diff_still_running(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace) -> None:
    doc_id = with_versions(workspace, 1, LONG)
    workspace.documents.save_working_copy(doc_id, LONG + " tail")
    dialog = VersionsDialog(workspace, doc_id, operations=Operations())
    qtbot.addWidget(dialog)
    shown: list[str] = []
    dialog.diff_shown.connect(lambda: shown.append(dialog.summary.text()))
    dialog.left_pick.setCurrentIndex(0)  # working copy vs itself, while the first runs
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    dialog.operations.wait()
    qtbot.wait(50)
    assert shown == ["No differences."], shown  # the stale diff was never shown
    assert not dialog.restore_button.isEnabled()


def test_restore_from_a_long_history_rereads_the_first_page(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    doc_id = with_versions(workspace, 300)
    workspace.documents.save_working_copy(doc_id, "changed")
    dialog = VersionsDialog(workspace, doc_id, operations=Operations())
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    dialog.restore_left()
    assert workspace.documents.get(doc_id).body == "draft"
    assert dialog.versions_model.total == 302
    assert dialog.left_pick.itemText(1).startswith("Restored from “v299”")
    assert dialog.left_pick.itemText(2).startswith("Before restoring “v299”")
    assert dialog.left_pick.count() == 1 + versions_module.PAGE_SIZE


def test_a_dialog_opened_from_a_page_uses_the_pages_operations(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace) -> None:
    from PySide6.QtWidgets import QWidget

    from workshop.core.app_settings import AppSettings
    from workshop.ui.context import UiContext

    page = QWidget()
    qtbot.addWidget(page)
    page.context = UiContext(workspace, AppSettings())  # type: ignore[attr-defined]
    doc_id = with_versions(workspace, 1)
    dialog = VersionsDialog(workspace, doc_id, page)
    assert dialog.operations is page.context.operations  # type: ignore[attr-defined]
