"""The CV page: entries, reorder, counters, preview, checks and gaps, autosave, read-only."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QPlainTextEdit

from tests.ui.conftest import type_text
from workshop.core.app_settings import AppSettings
from workshop.core.cv.in_workspace import cv_document, load_sample_cv, load_workspace_cv
from workshop.core.services import init_workspace
from workshop.core.storage.workspace import open_workspace
from workshop.ui.context import UiContext
from workshop.ui.cv.page import CvPage

RENDER_TIMEOUT = 30_000
TODAY = dt.date(2025, 6, 15)


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(page.extract_text() or "" for page in reader.pages)


def sample_workspace(path: Path):  # type: ignore[no-untyped-def]
    """A workspace holding only the sample CV (independent of the other sample loaders)."""
    ws = init_workspace(path, sample=False)
    load_sample_cv(ws)
    return ws


@pytest.fixture
def workspace(tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = sample_workspace(tmp_path / "cv.workshop")
    yield ws
    if not ws.closed:
        ws.close()


@pytest.fixture
def page(qtbot, workspace):  # type: ignore[no-untyped-def]
    widget = CvPage(UiContext(workspace, AppSettings()), today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1000, 720)
    widget.show()
    qtbot.waitUntil(lambda: not widget.preview.busy, timeout=RENDER_TIMEOUT)
    yield widget
    widget.shutdown()


def field(editor, path: str):  # type: ignore[no-untyped-def]
    return editor.form.widgets[path]


def test_add_an_entry_updates_model_and_list(qtbot, page: CvPage) -> None:  # type: ignore[no-untyped-def]
    page.show_section("awards")
    awards = page.lists["awards"]
    before = len(page.cv.awards)
    awards.list.setCurrentRow(awards.list.count() - 1)
    qtbot.mouseClick(awards.add_button, Qt.MouseButton.LeftButton)
    assert len(page.cv.awards) == before + 1
    title = field(awards, "title")
    assert isinstance(title, QLineEdit)
    title.setFocus()
    type_text(title, "Dean’s Prize — القاهرة")
    new = page.cv.awards[-1]
    assert new.title == "Dean’s Prize — القاهرة"
    assert new.id.startswith("award-")
    assert awards.list.currentItem().text().startswith("Dean’s Prize")
    date = field(awards, "date")
    type_text(date, "Jul 202")
    assert new.date is None and date.property("invalid") is True  # half-typed: model unchanged
    type_text(date, "3")
    assert new.date is not None and new.date.to_str() == "2023-07"
    assert date.property("invalid") is False


def test_reorder_with_buttons_and_drag_order_sync(page: CvPage) -> None:
    exams = page.lists["exams"]
    ids = [e.id for e in page.cv.exams]
    exams.select(0)
    assert not exams.up_button.isEnabled()
    assert exams.move(1)
    assert [e.id for e in page.cv.exams] == [ids[1], ids[0], *ids[2:]]
    assert exams.list.currentRow() == 1
    assert exams.move(-1)
    assert [e.id for e in page.cv.exams] == ids
    exams.select(len(ids) - 1)
    assert not exams.move(1)  # already last
    # A drag and drop reorders the widget; the model follows.
    moved = exams.list.takeItem(0)
    exams.list.insertItem(len(ids) - 1, moved)
    exams._sync_order()
    assert [e.id for e in page.cv.exams] == [*ids[1:], ids[0]]
    assert page.autosave.dirty


def test_sort_newest_first_restores_order(page: CvPage) -> None:
    exams = page.lists["exams"]
    exams.select(0)
    exams.move(1)
    assert page.sort_newest_first() == ["exams"]
    dates = [e.date.sort_key() for e in page.cv.exams]
    assert dates == sorted(dates, reverse=True)
    assert exams.list.item(0).text().startswith(page.cv.exams[0].label)


def test_counters_update_and_colour(page: CvPage) -> None:
    page.show_section("experience")
    experience = page.lists["experience"]
    experience.select(0)
    reflection = field(experience, "eras.reflection")
    counter = experience.form.counters["eras.reflection"]
    assert isinstance(reflection, QPlainTextEdit)
    reflection.setPlainText("x" * 100)
    assert counter.text().startswith("100 / 300") and counter.state == "ok"
    reflection.setPlainText("x" * 280)
    assert counter.state == "near" and "#b9770e" in counter.styleSheet()
    reflection.setPlainText("x" * 301)
    assert counter.state == "over" and "#c0392b" in counter.styleSheet()
    assert "1 over" in counter.text()
    assert page.cv.experience[0].eras.reflection == "x" * 301
    page.run_checks()
    assert any(f.rule == "eras.reflection-length" for f in page.findings)
    description = experience.form.counters["eras.description"]
    field(experience, "eras.description").setPlainText("y" * 760)
    assert description.state == "over"


def test_preview_rerenders_after_edit(qtbot, page: CvPage) -> None:  # type: ignore[no-untyped-def]
    first = page.preview.last_pdf
    assert b"%PDF" in first[:10]
    name = field(page.lists["experience"], "title")
    page.show_section("experience")
    page.lists["experience"].select(0)
    with qtbot.waitSignal(page.preview.rendered, timeout=RENDER_TIMEOUT) as blocker:
        name.setFocus()
        name.selectAll()
        type_text(name, "Zanzibar Externship Unique")
    generation, pdf = blocker.args
    assert generation == page.preview.pdf.generation
    assert "Zanzibar Externship Unique" in pdf_text(pdf)
    # Private immigration data stays out of the preview (and exports).
    assert "J-1" not in pdf_text(pdf)


def test_stale_render_is_dropped(qtbot, page: CvPage) -> None:  # type: ignore[no-untyped-def]
    shown = page.preview.last_pdf
    page.preview.pdf._done(page.preview.pdf.generation - 1, b"%PDF-stale")
    assert page.preview.last_pdf == shown


def test_gap_note_persists(qtbot, page: CvPage, workspace) -> None:  # type: ignore[no-untyped-def]
    gap = next(g for g in page.gaps if g.key == "2021-08..2022-01")
    editor = page.checks.gap_editors[gap.key]
    editor.edit.setPlainText("")
    editor.edit.setFocus()
    type_text(editor.edit, "Preparing for Step 1 and caring for my father.")
    assert page.flush()
    stored = load_workspace_cv(workspace)
    assert stored.gap_note(gap.start, gap.end) == "Preparing for Step 1 and caring for my father."
    page.run_checks()
    assert page.checks.gap_editors[gap.key] is editor  # not rebuilt while typing
    gap_finding = next(f for f in page.findings if f.rule == "cv.gap")
    assert gap_finding.severity == "advice"


def test_sections_are_built_when_first_shown(qtbot, page: CvPage) -> None:  # type: ignore[no-untyped-def]
    """Opening the CV builds the section shown; the others bind to the CV when first shown."""
    assert list(page.records.built()) == ["personal"]
    assert page.lists.built() == {}
    page.cv.experience[0].title = "Observer, Internal Medicine"
    page.show_section("experience")
    editor = page.lists["experience"]
    assert list(page.lists.built()) == ["experience"]
    assert editor.list.count() == len(page.cv.experience)
    assert field(editor, "title").text() == "Observer, Internal Medicine"
    assert not page.autosave.dirty  # showing a CV is not an edit
    page.set_editable(False)
    page.show_section("awards")
    assert field(page.lists["awards"], "title").isReadOnly()
    assert not page.lists["awards"].editable


def test_click_finding_jumps_to_field(qtbot, page: CvPage) -> None:  # type: ignore[no-untyped-def]
    page.cv.experience[2].end = None
    page.run_checks()
    assert page.jump_to("experience[2].end")
    assert page.forms.currentWidget() is page.pages["experience"]
    assert page.lists["experience"].parent() is page.pages["experience"]
    assert page.lists["experience"].list.currentRow() == 2
    assert page.focusWidget() is field(page.lists["experience"], "end")
    assert page.jump_to("personal.email")
    assert page.focusWidget() is page.records["personal"].widgets["personal.email"]
    assert page.jump_to("gap_notes[2021-08..2022-01]")
    assert page.side.currentWidget() is page.checks
    assert not page.jump_to("nonsense[[")


def test_autosave_writes_workspace_cv(qtbot, page: CvPage, workspace) -> None:  # type: ignore[no-untyped-def]
    page.show_section("personal")
    native = page.records["personal"].widgets["personal.native_name"]
    native.setFocus()
    native.selectAll()
    type_text(native, "ياسمين")
    assert page.autosave.dirty
    qtbot.waitUntil(lambda: not page.autosave.dirty, timeout=5_000)
    assert load_workspace_cv(workspace).personal.native_name == "ياسمين"


def test_save_version_asks_for_a_name(page: CvPage, workspace,  # type: ignore[no-untyped-def]
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Before Chicago", True))
    assert page.save_version()
    doc = cv_document(workspace)
    assert "Before Chicago" in [v.name for v in workspace.documents.versions(doc.id)]


def test_read_only_workspace_disables_editing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ro.workshop"
    sample_workspace(path).close()
    ws = open_workspace(path, read_only=True)
    widget = CvPage(UiContext(ws, AppSettings()), today=lambda: TODAY)
    qtbot.addWidget(widget)
    try:
        experience = widget.lists["experience"]
        assert not experience.add_button.isEnabled()
        assert not experience.remove_button.isEnabled()
        assert field(experience, "title").isReadOnly()
        assert not field(experience, "us").isEnabled()
        assert widget.records["personal"].widgets["personal.legal_name"].isReadOnly()
        assert not widget.sort_button.isEnabled()
        assert experience.add() is None
        assert not widget.save_version("x")
        assert all(e.edit.isReadOnly() for e in widget.checks.gap_editors.values())
    finally:
        widget.shutdown()
        ws.close()


def test_empty_workspace_starts_cv_from_profile(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "empty.workshop", sample=False)
    widget = CvPage(UiContext(ws, AppSettings()), today=lambda: TODAY)
    qtbot.addWidget(widget)
    try:
        assert widget.stack.currentWidget() is widget.empty
        widget.start_cv()
        assert cv_document(ws) is not None
        assert widget.stack.currentIndex() == 1
    finally:
        widget.shutdown()
        ws.close()


def test_export_pdf_off_thread(qtbot, page: CvPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "cv.pdf"
    from workshop.ui.cv import transfer

    with qtbot.waitSignal(page.exported, timeout=RENDER_TIMEOUT):
        transfer.export_path(page, out)
    assert "Yasmin Farouk El-Sayed" in pdf_text(out.read_bytes())


def test_export_bad_suffix_warns(qtbot, page: CvPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    from workshop.ui.cv import transfer

    with qtbot.waitSignal(page.export_failed, timeout=RENDER_TIMEOUT):
        transfer.export_path(page, tmp_path / "cv.txt")
    assert warned and ".pdf or .docx" in warned[0]


def test_json_resume_round_trip_through_page(qtbot, page: CvPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop.ui.cv import transfer

    shown: list[str] = []
    monkeypatch.setattr(transfer, "show_notes", lambda _p, _t, lead, notes: shown.append(lead))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    out = tmp_path / "resume.json"
    with qtbot.waitSignal(page.exported, timeout=RENDER_TIMEOUT):
        transfer.export_json_resume_path(page, out)
    assert json.loads(out.read_text("utf-8"))["basics"]["name"] == "Yasmin Farouk El-Sayed"
    page.cv.personal.legal_name = "Changed"
    notes = transfer.import_path(page, out)
    assert notes is not None
    assert page.cv.personal.legal_name == "Yasmin Farouk El-Sayed"
    doc = cv_document(page.workspace)
    assert any(v.name.startswith("Before import") for v in page.workspace.documents.versions(
        doc.id))
    broken = tmp_path / "broken.json"
    broken.write_text('{"basics": {"name": 5}}', "utf-8")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    assert transfer.import_path(page, broken) is None
    assert warned and "basics.name" in warned[0]


def test_eras_blocks_dialog_copies(qtbot, page: CvPage) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    from workshop.ui.cv import transfer

    page.cv.experience[0].eras.description = "word " * 200
    dialog = transfer.show_eras_blocks(page)
    qtbot.addWidget(dialog)
    assert len(dialog.copy_buttons) == len(dialog.blocks) > 0
    dialog.copy_buttons[0].click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Experience type:")
    assert "description" in dialog.blocks[0].cut
    dialog.close()


def test_every_control_has_an_accessible_name(qtbot, page: CvPage) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_main_window import interactive_widgets
    from workshop.ui.cv import transfer

    dialog = transfer.show_eras_blocks(page)
    qtbot.addWidget(dialog)
    missing = [f"{type(w).__name__} {w.objectName()}"
               for root in (page, dialog) for w in interactive_widgets(root)
               if not w.accessibleName() and not getattr(w, "text", lambda: "")()]
    dialog.close()
    assert missing == []


def test_joined_text_maps_offsets_back_to_fields(workspace) -> None:  # type: ignore[no-untyped-def]
    from workshop.ui.cv import language

    cv = load_workspace_cv(workspace)
    joined = language.join_texts(cv)
    for start, path in zip(joined.starts, joined.paths, strict=True):
        assert joined.path_at(start) == (path, 0)
    second = joined.starts[1]
    assert joined.path_at(second + 4) == (joined.paths[1], 4)


def test_spelling_of_descriptions_via_shared_checker(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from workshop.ui.checker import CheckerHost

    host = CheckerHost("harper", "")
    host.warm()
    widget = CvPage(UiContext(workspace, AppSettings(), {"checker": host}), today=lambda: TODAY)
    qtbot.addWidget(widget)
    try:
        widget.cv.experience[1].description = "I observd hospitalist teams every day."
        with qtbot.waitSignal(widget.language_checked, timeout=60_000) as blocker:
            widget.request_language_check()
        found = [f for f in blocker.args[0] if f.where == "experience[1].description"]
        assert any(f.excerpt == "observd" and f.category == "spelling" for f in found), found
        assert all(f.category in {"spelling", "grammar", "punctuation"} for f in blocker.args[0])
        texts = [widget.checks.list.item(i).text() for i in range(widget.checks.list.count())]
        entry = widget.cv.experience[1]
        named = f"Experience “{entry.title} — {entry.organization}”, description"
        assert any("observd" in t and named in t for t in texts), texts  # the entry, not a path
        # The header and the tab count what the list shows, spelling included.
        every = [*widget.findings, *widget.language_findings]
        warnings = sum(1 for f in every if f.severity == "warning")
        errors = sum(1 for f in every if f.severity == "error")
        assert any(f.severity in ("warning", "error") for f in widget.language_findings)
        assert f"{errors} error" in widget.summary.text()
        assert f"{warnings} warning" in widget.summary.text()
        assert widget.side.tabText(1) != "Checks ✓"
        assert widget.jump_to("experience[1].description")
    finally:
        widget.shutdown()
        host.shutdown()


def test_failed_save_keeps_edits_and_retries(qtbot, page: CvPage, workspace,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop.core.errors import UserError
    from workshop.ui.cv import page as page_module
    from workshop.ui.save_state import SaveState

    real = page_module.save_workspace_cv

    def full_disk(*_a, **_k):  # type: ignore[no-untyped-def]
        raise UserError("Could not save to the workspace: disk full.")

    monkeypatch.setattr(page_module, "save_workspace_cv", full_disk)
    page.cv.personal.preferred_name = "Yas"
    page._edited("personal.preferred_name")
    with qtbot.waitSignal(page.save_state_changed, timeout=5_000,
                          check_params_cb=lambda state, _d: state is SaveState.FAILED):
        pass
    assert page.autosave.dirty
    assert load_workspace_cv(workspace).personal.preferred_name == "Yasmin"
    monkeypatch.setattr(page_module, "save_workspace_cv", real)
    qtbot.waitUntil(lambda: not page.autosave.dirty, timeout=5_000)
    assert load_workspace_cv(workspace).personal.preferred_name == "Yas"


def test_cv_versions_compare_as_text_and_restore(qtbot, page: CvPage,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from workshop.core.cv.in_workspace import cv_document as cv_row
    from workshop.core.cv.in_workspace import cv_plain_text
    from workshop.ui.statements.versions import VersionsDialog

    assert page.save_version("before rename")
    page.cv.personal.headline = "Applicant to Internal Medicine, 2027 Match"
    page._edited()
    assert page.flush()
    doc = cv_row(page.workspace)
    dialog = VersionsDialog(page.workspace, doc.id, render=cv_plain_text)
    qtbot.addWidget(dialog)
    assert "{" not in dialog.right_view.toPlainText()  # readable text, not JSON
    assert "2027 Match" in dialog.right_view.toPlainText()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    dialog.restore_left()
    names = [v.name for v in page.workspace.documents.versions(doc.id)]
    assert names[1] == "Before restoring “before rename”", names  # the working copy, kept
    page.reload()
    assert page.cv.personal.headline != "Applicant to Internal Medicine, 2027 Match"


def test_a_save_announces_the_profile_only_when_name_or_contact_changed(  # type: ignore[no-untyped-def]
        qtbot, page: CvPage, workspace) -> None:
    announced: list = []
    page.changed.connect(announced.append)
    page.cv.personal.headline = "IMG, Internal Medicine"  # CV-only
    page._edited()
    assert page.flush()
    page.cv.personal.phone = "+1 312 555 0199"  # shared with the profile
    page._edited()
    assert page.flush()
    assert [(c.cv, c.profile) for c in announced] == [(True, False), (True, True)]
    assert workspace.profile.get().phone == "+1 312 555 0199"


def test_restoring_a_version_brings_the_profile_along(  # type: ignore[no-untyped-def]
        qtbot, page: CvPage, workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop.ui.statements.versions import VersionsDialog

    assert page.save_version("before the new phone")
    page.cv.personal.phone = "+1 312 555 0199"
    page._edited()
    assert page.flush()
    assert workspace.profile.get().phone == "+1 312 555 0199"
    announced: list = []
    page.changed.connect(announced.append)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)

    def restore(dialog: VersionsDialog) -> int:
        dialog.restore_left()
        return 0

    monkeypatch.setattr(VersionsDialog, "exec", restore)
    page.show_versions()
    assert page.cv.personal.phone == "+1 (312) 555-0142"
    assert workspace.profile.get().phone == "+1 (312) 555-0142"
    assert any(c.profile for c in announced)


def test_a_short_form_stays_at_the_top_of_its_page(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """ECFMG has three fields: they sit under their heading, not spread down a tall page."""
    page.show()
    page.show_section("ecfmg")
    form = page.records["ecfmg"]
    qtbot.waitUntil(lambda: form.isVisible() and form.height() > 300)
    note = form.widgets["ecfmg.note"]
    bottom = note.mapTo(form, note.rect().bottomLeft()).y()
    assert bottom < 200 < form.height(), (bottom, form.height())
