from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from tests.ui.conftest import type_text
from workshop.core.app_settings import AppSettings, load_app_settings
from workshop.core.errors import WriteFailed
from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace
from workshop.core.storage import open_workspace
from workshop.ui.dialogs import FirstRunDialog, PreferencesDialog, component_versions
from workshop.ui.empty_state import EmptyState
from workshop.ui.main_window import MainWindow
from workshop.ui.pages import PAGE_CLASSES
from workshop.ui.save_state import SaveState
from workshop.ui.sections import SECTIONS


def test_navigation_shows_each_section(sample_window: MainWindow) -> None:
    assert sample_window.nav.count() == len(SECTIONS) == 7
    for row, info in enumerate(SECTIONS):
        sample_window.nav.setCurrentRow(row)
        page = sample_window.pages.currentWidget()
        assert page.objectName() == f"page-{info.key}"
        if info.key not in PAGE_CLASSES:
            assert isinstance(page, EmptyState)
            assert page.accessibleName() == f"{info.title} (empty)"
    assert sample_window.settings.last_section == SECTIONS[-1].key


def test_sample_is_labelled(sample_window: MainWindow) -> None:
    assert sample_window.banner.isVisible()
    assert "fictional" in sample_window.banner.text()
    assert "Yasmin" in sample_window.header.text()


def test_typing_autosaves_and_shows_state(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = sample_window.statements
    editor = page.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Thank you.")
    assert sample_window.save_label.state == SaveState.UNSAVED
    qtbot.waitUntil(lambda: sample_window.save_label.state == SaveState.SAVED, timeout=5000)
    saved = sample_window.workspace.documents.get(page.current.id).body
    assert saved.endswith(" Thank you.")
    assert sample_window.save_label.text() == "Saved"


def test_unicode_typing_is_saved(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = sample_window.statements
    page.new_statement()
    type_text(page.editor, "Ich heiße Ångström — ياسمين\nनमस्ते")
    assert page.flush()
    body = sample_window.workspace.documents.get(page.current.id).body
    assert body == "Ich heiße Ångström — ياسمين\nनमस्ते"


def test_failed_save_keeps_text_and_retries(qtbot, sample_window: MainWindow,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    page = sample_window.statements
    docs = sample_window.workspace.documents

    def full(*_args: object) -> bool:
        raise WriteFailed("Could not save to the workspace: the disk is full.")

    monkeypatch.setattr(docs, "save_working_copy", full)
    qtbot.keyClicks(page.editor, "precious words")
    qtbot.waitUntil(lambda: sample_window.save_label.state == SaveState.FAILED, timeout=5000)
    assert "disk is full" in sample_window.save_label.text()
    assert "precious words" in page.editor.toPlainText()
    monkeypatch.undo()
    qtbot.waitUntil(lambda: sample_window.save_label.state == SaveState.SAVED, timeout=5000)
    assert "precious words" in docs.get(page.current.id).body


def test_save_version_shortcut(qtbot, sample_window: MainWindow,  # type: ignore[no-untyped-def]
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Before mentor review", True))
    doc_id = sample_window.statements.current.id
    before = len(sample_window.workspace.documents.versions(doc_id))
    assert sample_window.action_save_version.shortcut().toString() == "Ctrl+S"
    sample_window.action_save_version.trigger()
    versions = sample_window.workspace.documents.versions(doc_id)
    assert len(versions) == before + 1 and versions[0].name == "Before mentor review"


def test_undo_redo(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = sample_window.statements.editor
    original = editor.toPlainText()
    qtbot.keyClicks(editor, "xyz")
    sample_window.statements.undo()
    assert editor.toPlainText() == original
    sample_window.statements.redo()
    assert "xyz" in editor.toPlainText()


def test_new_statement_in_empty_workspace(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "empty.workshop")
    window = MainWindow(ws, AppSettings(), persist=False)
    qtbot.addWidget(window)
    page = window.statements
    assert page.stack.currentWidget() is page.empty
    assert page.empty.button is not None
    qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == 1
    assert ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0].title == "Untitled statement"
    assert not window.banner.isVisibleTo(window)
    window.close()


def interactive_widgets(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QListWidget, QAbstractSpinBox)
    return [w for w in root.findChildren(QWidget) if isinstance(w, kinds)
            and not w.objectName().startswith("qt_")]


def test_every_control_has_an_accessible_name(sample_window: MainWindow, tmp_path: Path) -> None:
    roots: list[QWidget] = [sample_window, PreferencesDialog(AppSettings()),
                            FirstRunDialog(tmp_path / "x.workshop")]
    missing = [f"{type(w).__name__} in {type(root).__name__}"
               for root in roots for w in interactive_widgets(root)
               if not w.accessibleName() and not getattr(w, "text", lambda: "")()]
    assert missing == []


def test_preferences_and_geometry_persist(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "p.workshop", sample=True)
    window = MainWindow(ws, load_app_settings())
    qtbot.addWidget(window)
    window.show()
    dialog = PreferencesDialog(window.settings, window)
    dialog.lt_url.setText("http://localhost:8081")
    dialog.backup.setValue(25)
    dialog.apply()
    window.resize(980, 660)  # smaller than the default, within the test screen
    window.show_section("programs")
    window.close()
    settings = load_app_settings()
    assert settings.languagetool_url == "http://localhost:8081"
    assert settings.backup_interval_minutes == 25
    assert settings.last_section == "programs"
    assert settings.recent_workspaces[0] == str((tmp_path / "p.workshop").resolve())
    again = MainWindow(open_workspace(tmp_path / "p.workshop"), settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (980, 660)
    assert again.pages.currentWidget().objectName() == "page-programs"
    assert again.start_maximized is False
    again.close()


def test_a_maximized_window_opens_maximized_again(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "m.workshop", sample=True)
    window = MainWindow(ws, load_app_settings())
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.close()
    again = MainWindow(open_workspace(tmp_path / "m.workshop"), load_app_settings())
    qtbot.addWidget(again)
    again.show_as_left()
    qtbot.waitUntil(again.isMaximized)
    again.persist = False
    again.close()


def test_a_broken_saved_geometry_falls_back_to_a_fitted_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from workshop.ui.window_geometry import DEFAULT_SIZE

    settings = AppSettings(window_geometry="not base64 at all!")
    window = MainWindow(init_workspace(tmp_path / "b.workshop"), settings, persist=False)
    qtbot.addWidget(window)
    window.show_as_left()
    assert window.size() == DEFAULT_SIZE  # the test screen (1920x1080) holds the default
    assert not window.isMaximized()
    screen = window.screen().availableGeometry()
    assert screen.contains(window.geometry())  # centred on the screen, not off its edge
    window.close()


def test_first_run_creates_sample_workspace(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop import app

    target = tmp_path / "first" / "mine.workshop"

    def accept(dialog: FirstRunDialog) -> int:
        dialog.path_edit.setText(str(target))
        dialog.sample.setChecked(True)
        return 1

    monkeypatch.setattr(FirstRunDialog, "exec", accept)
    window = app.start_app(None, AppSettings())
    assert window is not None
    qtbot.addWidget(window)
    assert target.is_file()
    assert window.workspace.profile.get().is_sample
    assert window.statements.list.count() == 1
    window.close()


def test_first_run_cancel_creates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop import app

    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: 0)
    assert app.start_app(None, AppSettings()) is None
    assert not list(tmp_path.rglob("*.workshop"))


def test_locked_workspace_opens_read_only(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop.ui.opener import open_interactively

    path = tmp_path / "l.workshop"
    holder = init_workspace(path, sample=True)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Open)
    viewer = open_interactively(path)
    assert viewer is not None and viewer.read_only
    window = MainWindow(viewer, AppSettings(), persist=False)
    qtbot.addWidget(window)
    assert window.save_label.state == SaveState.READ_ONLY
    assert window.statements.editor.isReadOnly()
    assert "(read-only)" in window.windowTitle()
    window.close()
    holder.close()


def test_damaged_workspace_restored_from_dialog(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop.ui.opener import open_interactively

    path = tmp_path / "d.workshop"
    init_workspace(path, sample=True).close()
    path.write_bytes(b"\x00" * 5000)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    restored = open_interactively(path)
    assert restored is not None
    assert restored.profile.get().full_name == "Yasmin Farouk El-Sayed"
    restored.close()
    assert list(tmp_path.glob("d.workshop.damaged-*"))


def test_about_lists_versions() -> None:
    versions = component_versions()
    assert versions["Qt"].startswith("6.")
    assert versions["Harper (harper-py)"] != "not installed"


def test_switching_workspace_saves_pending_text_first(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from workshop import app

    first, second = tmp_path / "a.workshop", tmp_path / "b.workshop"
    init_workspace(first, sample=True).close()
    init_workspace(second).close()
    window = app.start_app(first, AppSettings())
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    editor = window.statements.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Typed just before switching.")
    window.open_requested.emit(str(second))  # File > Open recent
    assert window.workspace.path == second
    window.close()
    with open_workspace(first) as ws:
        body = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0].body
    assert body.endswith(" Typed just before switching.")
