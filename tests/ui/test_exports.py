"""Exports page: live preview off the GUI thread, theme/paper choices, export to a file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop.core.app_settings import AppSettings
from workshop.core.changes import Changes
from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace
from workshop.ui.context import UiContext
from workshop.ui.exports.page import ExportsPage

RENDER_TIMEOUT = 30_000


@pytest.fixture
def page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "e.workshop", sample=True)
    widget = ExportsPage(UiContext(ws, AppSettings()))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()
    ws.close()


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_preview_renders_and_follows_paper(qtbot, page: ExportsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.preview.pending, timeout=RENDER_TIMEOUT)
    assert "bus driver" in pdf_text(page.preview.last_pdf)
    cv_row = [i.key for i in page.items].index("cv")
    with qtbot.waitSignal(page.preview.rendered, timeout=RENDER_TIMEOUT):
        page.list.setCurrentRow(cv_row)
    assert "MBBCh" in pdf_text(page.preview.last_pdf)
    assert page.theme.currentData() == "cv-classic"
    with qtbot.waitSignal(page.preview.rendered, timeout=RENDER_TIMEOUT) as blocker:
        page.paper.setCurrentIndex(page.paper.findData("a4"))
    reader = PdfReader(io.BytesIO(blocker.args[1]))
    assert round(float(reader.pages[0].mediabox.width)) == 595


def test_preview_follows_a_change_broadcast(qtbot, page: ExportsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.preview.pending, timeout=RENDER_TIMEOUT)
    doc = page.workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)[0]
    page.workspace.documents.save_working_copy(doc.id, "A brand new opening line.\n")
    with qtbot.waitSignal(page.preview.rendered, timeout=RENDER_TIMEOUT) as blocker:
        page.on_changes(Changes(statements=True))
    assert "A brand new opening line." in pdf_text(blocker.args[1])


def test_typing_in_a_statement_reaches_the_exports_preview(qtbot, sample_window) -> None:  # type: ignore[no-untyped-def]
    """Through the main window: no polling, the statement's autosave is broadcast."""
    from tests.ui.conftest import type_text

    window = sample_window
    window.show_section("exports")
    exports_page = window.page("exports")
    qtbot.waitUntil(lambda: not exports_page.preview.pending, timeout=RENDER_TIMEOUT)
    window.show_section("statements")
    editor = window.statements.editor
    editor.selectAll()
    type_text(editor, "Óscar taught me to listen first.")
    assert window.statements.flush()
    with qtbot.waitSignal(exports_page.preview.rendered, timeout=RENDER_TIMEOUT) as blocker:
        window.show_section("exports")
    assert "Óscar taught me to listen first." in pdf_text(blocker.args[1])


def test_export_to_files(qtbot, page: ExportsPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for suffix in (".pdf", ".docx", ".txt"):
        with qtbot.waitSignal(page.exported, timeout=RENDER_TIMEOUT) as done:
            assert page.export_to(tmp_path / f"statement{suffix}") is not None
        assert done.args[0] == tmp_path / f"statement{suffix}" and done.args[0].stat().st_size
    page.list.setCurrentRow([i.key for i in page.items].index("cv"))
    with qtbot.waitSignal(page.exported, timeout=RENDER_TIMEOUT) as done:
        page.export_to(tmp_path / "cv.json")
    assert '"basics"' in done.args[0].read_text("utf-8")


def test_export_runs_off_the_gui_thread(qtbot, page: ExportsPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from workshop.core.export import api

    threads: list[str] = []
    real = api.export

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "export", spy)
    with qtbot.waitSignal(page.exported, timeout=RENDER_TIMEOUT):
        page.export_to(tmp_path / "statement.pdf")
    assert threads and threads[0] != threading.main_thread().name


def test_a_failed_export_says_why(qtbot, page: ExportsPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    blocker = tmp_path / "not a folder"
    blocker.write_text("x", encoding="utf-8")
    with qtbot.waitSignal(page.export_failed, timeout=RENDER_TIMEOUT):
        page.export_to(blocker / "statement.pdf")
    assert warned and "Could not" in warned[0]
    assert page.export_button.isEnabled()


def test_theme_list_has_cv_themes(qtbot, page: ExportsPage) -> None:  # type: ignore[no-untyped-def]
    page.list.setCurrentRow([i.key for i in page.items].index("cv"))
    names = {page.theme.itemData(i) for i in range(page.theme.count())}
    assert {"cv-classic", "cv-modern", "cv-compact"} <= names


def test_text_typed_just_before_opening_exports_is_in_its_preview(  # type: ignore[no-untyped-def]
        qtbot, sample_window) -> None:
    """Typed in a statement, then straight to Exports (before the autosave pause was over):
    the preview shows the new text at once, not the text saved before it."""
    window = sample_window
    window.show_section("statements")
    editor = window.page("statements").editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText(" Zanzibar ward rounds taught me patience.")
    exports = window.page("exports")
    with qtbot.waitSignal(exports.preview.rendered, timeout=RENDER_TIMEOUT):
        window.show_section("exports")
    qtbot.waitUntil(lambda: not exports.preview.pending, timeout=RENDER_TIMEOUT)
    assert "Zanzibar" in pdf_text(exports.preview.last_pdf)


def test_exports_starts_the_cv_with_the_theme_and_paper_of_the_cv_preview(  # type: ignore[no-untyped-def]
        qtbot, sample_window) -> None:
    window = sample_window
    window.show_section("cv")
    cv = window.page("cv")
    for combo, value in ((cv.preview.theme, "cv-modern"), (cv.preview.paper, "a4")):
        combo.setCurrentIndex(combo.findData(value))  # as a click would
    exports = window.page("exports")
    window.show_section("exports")
    exports.list.setCurrentRow(next(i for i, item in enumerate(exports.items)
                                    if item.key == "cv"))
    assert exports.theme.currentData() == "cv-modern"
    assert exports.paper.currentData() == "a4"


def test_exporting_a_statement_asks_first_when_its_check_found_problems(  # type: ignore[no-untyped-def]
        qtbot, sample_window, monkeypatch) -> None:
    import workshop.ui.exports.page as exports_page

    window = sample_window
    window.show_section("statements")
    statements = window.page("statements")
    monkeypatch.setattr(statements, "export_concerns", lambda: ["3 grammar problems are open."])
    asked: list[list[str]] = []
    monkeypatch.setattr(exports_page, "confirm_export",
                        lambda _parent, concerns: asked.append(concerns) or False)
    monkeypatch.setattr(exports_page, "save_file_name",
                        lambda *_a, **_k: pytest.fail("no file dialog after Cancel"))
    window.show_section("exports")
    exports = window.page("exports")
    row = next(i for i, item in enumerate(exports.items)
               if item.key == f"statement:{statements.current.id}")
    exports.list.setCurrentRow(row)
    exports.export_dialog()
    assert asked == [["3 grammar problems are open."]]  # asked, cancelled: nothing written
    other = next(i for i, item in enumerate(exports.items) if item.key == "cv")
    exports.list.setCurrentRow(other)
    assert window._statement_concerns(-1) == []  # noqa: SLF001 - a statement not open: nothing known
