"""File ▸ Applicant profile…: edit the name once, see it in the header, the CV and the exports."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from tests.ui.conftest import type_text
from workshop.core.app_settings import AppSettings
from workshop.core.changes import Changes
from workshop.core.model.documents import DocumentKind
from workshop.core.model.profile import Profile
from workshop.core.profile_service import profile_problems
from workshop.core.services import init_workspace
from workshop.core.statements import export_statement
from workshop.core.storage.workspace import open_workspace
from workshop.ui.main_window import MainWindow, header_html
from workshop.ui.profile_dialog import ProfileDialog, is_right_to_left

ARABIC = "ياسمين فاروق السيد"
BENGALI = "রাহুল চৌধুরী"

Driver = Callable[[ProfileDialog], None]


def drive_dialog(monkeypatch: pytest.MonkeyPatch, driver: Driver) -> list[ProfileDialog]:
    """Patch ProfileDialog.exec: ``driver`` fills it in (and accepts or not), no event loop."""
    seen: list[ProfileDialog] = []

    def fake_exec(dialog: ProfileDialog) -> int:
        seen.append(dialog)
        driver(dialog)
        return int(dialog.result())

    monkeypatch.setattr(ProfileDialog, "exec", fake_exec)
    return seen


def retype(edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    edit.del_()
    edit.setFocus()
    type_text(edit, text)


def menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout


@pytest.fixture
def empty_window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "mine.workshop")
    window = MainWindow(ws, AppSettings(), persist=False)
    qtbot.addWidget(window)
    window.show()
    yield window
    if window.isVisible():
        window.close()


def test_the_menu_entry_sits_before_preferences(sample_window: MainWindow) -> None:
    file_menu = sample_window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in file_menu.actions() if a.text()]
    assert texts.index("Applicant profile…") == texts.index("Preferences…") - 1


def test_edit_the_name_from_the_menu_header_cv_and_statement_pdf_follow(  # type: ignore[no-untyped-def]
        qtbot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cv_page = sample_window.page("cv")  # built, hidden behind the statements
    assert not cv_page.isVisible()

    def fill(dialog: ProfileDialog) -> None:
        assert dialog.edits["full_name"].text() == "Yasmin Farouk El-Sayed"  # what was stored
        retype(dialog.edits["full_name"], "Rahul Chowdhury")
        retype(dialog.edits["native_name"], BENGALI)
        retype(dialog.edits["preferred_name"], "Rahul")
        retype(dialog.edits["phone"], "+880 1712-345678")
        assert dialog.try_accept()

    seen = drive_dialog(monkeypatch, fill)
    menu_action(sample_window, "Applicant profile…").trigger()
    assert len(seen) == 1 and seen[0].changes == Changes(profile=True, cv=True)

    header = sample_window.header.text()
    assert "Rahul Chowdhury" in header and BENGALI in header and "Yasmin" not in header
    profile = sample_window.workspace.profile.get()
    assert (profile.full_name, profile.native_name, profile.phone) == (
        "Rahul Chowdhury", BENGALI, "+880 1712-345678")

    sample_window.show_section("cv")  # a hidden page refreshes when shown
    widgets = cv_page.records["personal"].widgets
    assert widgets["personal.legal_name"].text() == "Rahul Chowdhury"
    assert widgets["personal.native_name"].text() == BENGALI
    assert cv_page.cv.personal.phone == "+880 1712-345678"
    assert not cv_page.autosave.dirty  # the workspace's CV already has it

    doc = sample_window.workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)[0]
    out = export_statement(sample_window.workspace, doc, tmp_path / "statement.pdf")
    text = pdf_text(out)
    assert "Rahul Chowdhury" in text and "Yasmin Farouk El-Sayed" not in text


def test_a_shown_cv_page_refreshes_at_once(  # type: ignore[no-untyped-def]
        qtbot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    sample_window.show_section("cv")
    cv_page = sample_window.page("cv")
    assert cv_page.isVisible()
    drive_dialog(monkeypatch, lambda d: (retype(d.edits["email"], "rahul.c@example.com"),
                                         d.try_accept()))
    sample_window.show_profile()
    assert cv_page.records["personal"].widgets["personal.email"].text() == "rahul.c@example.com"


def test_typing_the_name_in_the_cv_updates_the_header(  # type: ignore[no-untyped-def]
        qtbot, sample_window: MainWindow) -> None:
    sample_window.show_section("cv")
    cv_page = sample_window.page("cv")
    edit = cv_page.records["personal"].widgets["personal.legal_name"]
    retype(edit, "Yasmin F. El-Sayed")
    assert cv_page.flush()
    assert "Yasmin F. El-Sayed" in sample_window.header.text()
    assert sample_window.workspace.profile.get().full_name == "Yasmin F. El-Sayed"


def test_a_new_workspace_asks_for_a_name_and_the_header_link_opens_the_dialog(  # type: ignore[no-untyped-def]
        qtbot, empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    header = empty_window.header.text()
    assert "Add your name" in header and "New applicant" not in header

    def fill(dialog: ProfileDialog) -> None:
        retype(dialog.edits["full_name"], "Yasmin Farouk El-Sayed")
        retype(dialog.edits["native_name"], ARABIC)
        dialog.specialty.setCurrentText("Internal Medicine")
        dialog.month.setCurrentIndex(dialog.month.findData(7))
        dialog.year.setCurrentIndex(dialog.year.findData(2021))
        assert dialog.try_accept()

    seen = drive_dialog(monkeypatch, fill)
    empty_window.header.linkActivated.emit("profile")
    assert len(seen) == 1
    assert seen[0].changes == Changes(profile=True)  # no CV yet
    header = empty_window.header.text()
    assert "Yasmin Farouk El-Sayed" in header and ARABIC in header
    assert "Add your name" not in header and "Internal Medicine" in header
    profile = empty_window.workspace.profile.get()
    assert (profile.graduation, profile.target_specialty) == ("2021-07", "Internal Medicine")


def test_problems_show_under_their_fields_and_nothing_is_saved(  # type: ignore[no-untyped-def]
        qtbot, empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(dialog: ProfileDialog) -> None:
        dialog.show()
        retype(dialog.edits["full_name"], ARABIC)  # the native script in the passport field
        retype(dialog.edits["email"], "yasmin@")
        dialog.year.setCurrentIndex(dialog.year.findData(2021))  # a year without its month
        assert not dialog.try_accept()
        for name in ("full_name", "email", "graduation"):
            assert dialog.errors[name].isVisible(), name
        assert "Latin" in dialog.errors["full_name"].text()
        assert "native script" in dialog.errors["full_name"].text()
        assert "name@example.com" in dialog.errors["email"].text()
        assert dialog.status.isVisible()
        assert dialog.focusWidget() is dialog.edits["full_name"]
        type_text(dialog.edits["full_name"], " ")  # typing there clears its message
        assert not dialog.errors["full_name"].isVisible()
        dialog.reject()

    drive_dialog(monkeypatch, fill)
    empty_window.show_profile()
    assert empty_window.workspace.profile.get() == Profile()
    assert "Add your name" in empty_window.header.text()


def test_cancel_writes_nothing(  # type: ignore[no-untyped-def]
        qtbot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    before = sample_window.workspace.profile.get()

    def fill(dialog: ProfileDialog) -> None:
        retype(dialog.edits["full_name"], "Somebody Else")
        dialog.reject()

    drive_dialog(monkeypatch, fill)
    sample_window.show_profile()
    assert sample_window.workspace.profile.get() == before
    assert "Somebody Else" not in sample_window.header.text()


def test_native_name_runs_right_to_left_for_arabic_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ProfileDialog(Profile(), lambda _p: Changes())
    qtbot.addWidget(dialog)
    native = dialog.edits["native_name"]
    type_text(native, ARABIC)
    assert native.text() == ARABIC
    assert native.layoutDirection() == Qt.LayoutDirection.RightToLeft
    retype(native, BENGALI)
    assert native.text() == BENGALI
    assert native.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert is_right_to_left(ARABIC) and not is_right_to_left(BENGALI)
    assert not is_right_to_left("Yasmin " + ARABIC)


def test_a_write_failure_is_shown_in_the_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    from workshop.core.errors import WriteFailed

    def full_disk(_profile: Profile) -> Changes:
        raise WriteFailed("Could not save to the workspace: the disk is full.")

    dialog = ProfileDialog(Profile(), full_disk)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.edits["full_name"], "Rahul Chowdhury")
    assert not dialog.try_accept()
    assert dialog.isVisible() and "disk is full" in dialog.status.text()


def test_read_only_workspace_opens_the_profile_read_only(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ro.workshop"
    init_workspace(path, sample=True).close()
    ws = open_workspace(path, read_only=True)
    window = MainWindow(ws, AppSettings(), persist=False)
    qtbot.addWidget(window)
    try:
        assert "View profile" in window.header.text()
        assert menu_action(window, "Applicant profile…").isEnabled()

        def look(dialog: ProfileDialog) -> None:
            assert dialog.edits["full_name"].isReadOnly()
            assert not dialog.specialty.isEnabled()
            assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok) is None
            assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close) is not None
            dialog.reject()

        seen = drive_dialog(monkeypatch, look)
        window.show_profile()
        assert len(seen) == 1
    finally:
        window.close()


def test_header_without_a_name() -> None:
    assert "Add your name" in header_html(Profile())
    assert "New applicant" in header_html(Profile(), read_only=True)
    assert "&lt;b&gt;" in header_html(Profile(full_name="<b>"))


def test_nothing_is_squeezed_or_clipped_with_big_text_on_a_short_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Like 150 % scaling on a small laptop: the form scrolls; no row or label is cut."""
    dialog = ProfileDialog(Profile(full_name="Yasmin Farouk El-Sayed"), lambda _p: Changes())
    qtbot.addWidget(dialog)
    font = dialog.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    dialog.setFont(font)
    dialog.show()
    dialog.show_problems(profile_problems(Profile(full_name=ARABIC, email="x@")))
    dialog.resize(dialog.width(), 300)
    qtbot.waitUntil(lambda: dialog.height() == 300)
    assert dialog.scroll.verticalScrollBar().maximum() > 0
    for edit in dialog.edits.values():
        assert edit.height() >= edit.sizeHint().height(), edit.accessibleName()
    labels = [dialog.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
              for row in range(dialog.form.rowCount())]
    for item in labels:
        if item is not None and isinstance(item.widget(), QLabel):
            label = item.widget()
            assert label.width() >= label.sizeHint().width(), label.text()
    error = dialog.errors["full_name"]
    assert error.height() >= error.heightForWidth(error.width()), "error text cut"
