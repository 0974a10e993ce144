"""The statement editor: live checks, fixes, counters, versions, tailoring, import/export."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from tests.ui.conftest import type_text
from workshop.core.app_settings import AppSettings
from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace
from workshop.ui.context import UiContext
from workshop.ui.statements.page import StatementsPage
from workshop.ui.statements.versions import VersionsDialog

CHECK_TIMEOUT = 30_000


@pytest.fixture
def page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "s.workshop", sample=True)
    context = UiContext(ws, AppSettings())
    widget = StatementsPage(context)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()
    context.services["checker"].shutdown()
    ws.close()


def replace_text(qtbot, page: StatementsPage, text: str) -> object:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.checked, timeout=CHECK_TIMEOUT) as blocker:
        page.editor.selectAll()
        type_text(page.editor, text)
    return blocker.args[0]


def test_typing_shows_underlines_and_counters(qtbot, page: StatementsPage) -> None:  # type: ignore[no-untyped-def]
    result = replace_text(qtbot, page, "Ever since I was a child I wanted to becme a doctor.")
    rules = {f.rule for f in result.findings}
    categories = {f.category for f in result.findings}
    assert "spelling" in categories, rules
    assert any("clich" in r or "opener" in r for r in rules), rules
    assert page.editor.extraSelections(), "findings are underlined"
    assert page.counters.labels["words"].text().startswith("12 words")
    assert page.counters.labels["words"].property("state") == "advice"  # under 650
    assert "Not ready for ERAS" in page.summary.text()
    assert "spelling" in page.summary.text() and "words short" in page.summary.text()
    tree = page.issues.tree
    assert tree.topLevelItemCount() >= 2
    assert any("Spelling" in tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount()))


def test_apply_fix_changes_text(qtbot, page: StatementsPage) -> None:  # type: ignore[no-untyped-def]
    result = replace_text(qtbot, page, "I want to becme a doctor.")
    typo = next(f for f in result.findings if f.category == "spelling")
    assert "become" in typo.suggestions
    with qtbot.waitSignal(page.checked, timeout=CHECK_TIMEOUT):
        page.apply_fix(typo, "become")
    assert page.editor.toPlainText() == "I want to become a doctor."
    assert page.flush()
    assert page.workspace.documents.get(page.current.id).body == "I want to become a doctor."


def test_add_to_dictionary_and_ignore(qtbot, page: StatementsPage) -> None:  # type: ignore[no-untyped-def]
    result = replace_text(qtbot, page, "I grew up in Zagazigville near the Nile.")
    typo = next(f for f in result.findings if f.category == "spelling")
    with qtbot.waitSignal(page.checked, timeout=CHECK_TIMEOUT) as blocker:
        page.add_word(typo.excerpt)
    assert all(f.category != "spelling" for f in blocker.args[0].findings)
    assert typo.excerpt in page.workspace.settings.get("user_dictionary")


def test_tailored_copy_naming_another_program_is_an_error(qtbot, page: StatementsPage,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: ("Lakeside Internal Medicine Program", True))
    page.tailor()
    assert "Lakeside Internal Medicine Program" in page.current.target_programs
    statements = page.workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)
    assert len(statements) == 2
    other = page.workspace.documents.create(
        DocumentKind.PERSONAL_STATEMENT, "Other", "x", target_programs=["Harbor View Program"])
    assert other.id
    text = ("I am excited to train at Harbor View Program because of its clinic. " * 3).strip()
    result = replace_text(qtbot, page, text)
    wrong = [f for f in result.findings if f.category == "residency" and f.severity == "error"]
    assert wrong, [f.rule for f in result.findings]
    assert "Not ready for ERAS" in page.summary.text()
    assert "residency" in page.summary.text()


def test_versions_diff_and_restore(qtbot, page: StatementsPage,  # type: ignore[no-untyped-def]
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    replace_text(qtbot, page, "I cared for forty patients overnight.")
    assert page.save_version("forty")
    replace_text(qtbot, page, "I cared for sixty patients overnight.")
    page.flush()
    dialog = VersionsDialog(page.workspace, page.current.id, apply_text=page.restore_text)
    qtbot.addWidget(dialog)
    assert "1 words added, 1 removed" in dialog.summary.text()
    assert "sixty" in dialog.right_view.toHtml() and "forty" in dialog.left_view.toHtml()
    asked: list[str] = []

    def cancel(_parent, _title, text, *_a):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    dialog.restore_left()
    assert asked and "nothing is lost" in asked[0]
    assert page.editor.toPlainText().startswith("I cared for sixty")  # cancelled: untouched
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Yes)
    dialog.restore_left()
    assert page.editor.toPlainText() == "I cared for forty patients overnight."
    assert page.workspace.documents.get(page.current.id).body.startswith(
        "I cared for forty")
    names = [v.name for v in page.workspace.documents.versions(page.current.id)]
    assert names[:2] == ["Restored from “forty”", "Before restoring “forty”"], names
    before = page.workspace.documents.version(
        page.workspace.documents.versions(page.current.id)[1].id)
    assert before.body == "I cared for sixty patients overnight."  # the working copy, kept
    page.editor.undo()  # and the restore itself is one undoable edit
    assert page.editor.toPlainText() == "I cared for sixty patients overnight."


def test_make_eras_safe_is_undoable(qtbot, page: StatementsPage) -> None:  # type: ignore[no-untyped-def]
    replace_text(qtbot, page, "“Quoted” — dash\tand tab")
    assert page.make_eras_safe() > 0
    text = page.editor.toPlainText()
    assert "“" not in text and "—" not in text and "\t" not in text
    page.editor.undo()
    assert page.editor.toPlainText() == "“Quoted” — dash\tand tab"


def test_find_replace_all(qtbot, page: StatementsPage) -> None:  # type: ignore[no-untyped-def]
    replace_text(qtbot, page, "ward ward Ward")
    page.show_find()
    finder = page._find
    assert finder is not None
    finder.find_edit.setText("ward")
    finder.replace_edit.setText("unit")
    assert finder.replace_all() == 3
    assert page.editor.toPlainText() == "unit unit unit"
    page.editor.undo()
    assert page.editor.toPlainText() == "ward ward Ward"


def test_import_docx_and_bad_file(qtbot, page: StatementsPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "Family_Medicine.docx"
    document = docx.Document()
    document.add_paragraph("First paragraph about continuity of care.")
    document.add_paragraph("Second paragraph — with an Arabic name: ياسمين.")
    document.save(source)
    doc = page.import_path(source)
    assert doc is not None and doc.title == "Family Medicine"
    assert page.import_report.isVisible()  # what was kept, converted and left out
    assert "ياسمين" in page.editor.toPlainText()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip at all")
    assert page.import_path(fake) is None
    assert warnings and "fake.docx" in warnings[0]


def test_export_all_formats(qtbot, page: StatementsPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for suffix in (".pdf", ".docx", ".txt"):
        with qtbot.waitSignal(page.exported, timeout=CHECK_TIMEOUT) as done:
            assert page.export_path(tmp_path / f"out{suffix}") is not None
        written = done.args[0]
        assert written == tmp_path / f"out{suffix}" and written.stat().st_size > 100
    text = (tmp_path / "out.txt").read_text("utf-8")
    assert "The first patient I admitted" in text
    assert "’" not in text  # ERAS-safe: straight apostrophes


def test_statement_fields_persist(qtbot, page: StatementsPage) -> None:  # type: ignore[no-untyped-def]
    page.programs.setText("Riverside IM; Lakeside IM")
    page.specialty.setCurrentText("Family Medicine")
    page._save_targets()
    stored = page.workspace.documents.get(page.current.id)
    assert stored.target_programs == ["Riverside IM", "Lakeside IM"]
    assert stored.target_specialty == "Family Medicine"
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.list.count() == 2


def test_export_warns_about_what_is_left(qtbot, page: StatementsPage,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with qtbot.waitSignal(page.checked, timeout=CHECK_TIMEOUT):
        page.editor.selectAll()
        page.editor.insertPlainText(("I recieved it. " * 2200).strip())  # a 33,000-char paste
    concerns = page.export_concerns()
    assert any("MyERAS refuses more than 28,000" in c for c in concerns), concerns
    assert any("still open" in c for c in concerns), concerns
    shown: list[str] = []

    def cancel(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        return 0  # closed without choosing "Export anyway"

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *a, **k: pytest.fail("asked for a file after Cancel"))
    page.export_file(".pdf")
    assert shown and "28,000" in shown[0]
