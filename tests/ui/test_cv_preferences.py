"""CV editor: the Preferences page, MyERAS picklists in the experience form, the worksheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QFileDialog, QPlainTextEdit

from tests.ui.conftest import type_text
from workshop.core.app_settings import AppSettings
from workshop.core.cv.in_workspace import load_sample_cv, load_workspace_cv
from workshop.core.services import init_workspace
from workshop.ui.context import UiContext
from workshop.ui.cv import transfer
from workshop.ui.cv.checks_box import ChecksBox
from workshop.ui.cv.page import CvPage

TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "cv.workshop", sample=False)
    load_sample_cv(ws)
    widget = CvPage(UiContext(ws, AppSettings()), today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    yield widget
    widget.shutdown()
    ws.close()


def test_divisions_and_settings_edit_the_model(page: CvPage) -> None:
    form = page.records["preferences"]
    divisions = form.widgets["preferences.divisions"]
    assert isinstance(divisions, ChecksBox)
    assert divisions.values() == ["Middle Atlantic", "East North Central"]
    divisions.boxes["Pacific"].setChecked(True)
    assert page.cv.preferences.divisions == ["Middle Atlantic", "East North Central", "Pacific"]
    divisions.boxes["New England"].setChecked(True)
    page.run_checks()
    assert "eras.max-divisions" in {f.rule for f in page.findings}
    settings = form.widgets["preferences.settings"]
    assert isinstance(settings, ChecksBox)
    settings.boxes["rural"].setChecked(True)
    assert page.cv.preferences.settings == ["urban", "suburban", "rural"]
    assert page.flush()
    saved = load_workspace_cv(page.workspace)
    assert len(saved.preferences.divisions) == 4 and "rural" in saved.preferences.settings


def test_unknown_division_is_shown_and_kept(page: CvPage) -> None:
    page.cv.preferences.divisions = ["Pacific", "Far West"]
    page.set_cv(page.cv)
    box = page.records["preferences"].widgets["preferences.divisions"]
    assert isinstance(box, ChecksBox)
    assert "Far West" in box.extra and box.extra["Far West"].isChecked()
    assert "not a MyERAS choice" in box.extra["Far West"].text()
    box.boxes["Mountain"].setChecked(True)
    assert page.cv.preferences.divisions == ["Mountain", "Pacific", "Far West"]


def test_essay_counters(page: CvPage) -> None:
    form = page.records["preferences"]
    geo = form.counters["preferences.geographic_essay"]
    assert "limit not confirmed" in geo.text()
    impactful = form.counters["impactful_experience"]
    assert impactful.limit == 750 and "(limit unconfirmed)" in impactful.text()
    box = form.widgets["impactful_experience"]
    assert isinstance(box, QPlainTextEdit)
    box.setPlainText("é" * 760)
    assert impactful.state == "over" and "10 over" in impactful.text()
    assert page.cv.impactful_experience == "é" * 760
    page.jump_to("impactful_experience")
    assert page.forms.currentWidget() is page.pages["preferences"]


def test_picklists_in_the_experience_form(page: CvPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.show_section("experience")
    editor = page.lists["experience"]
    editor.select(0)
    for path in ("setting", "eras.frequency", "eras.primary_focus", "eras.key_characteristic"):
        combo = editor.form.widgets[path]
        assert isinstance(combo, QComboBox) and combo.isEditable() and combo.isEnabled()
    focus = editor.form.widgets["eras.key_characteristic"]
    assert isinstance(focus, QComboBox)
    assert focus.currentText() == "Teamwork and leadership"
    index = focus.findText("Communication")
    focus.setCurrentIndex(index)
    focus.activated.emit(index)
    assert page.cv.experience[0].eras.key_characteristic == "Communication"
    # an old free-text value is shown exactly as stored, and typing keeps what is typed
    page.cv.experience[0].eras.frequency = "50 hours/week"
    editor.refresh(select=0)
    frequency = editor.form.widgets["eras.frequency"]
    assert isinstance(frequency, QComboBox)
    assert frequency.currentText() == "50 hours/week"
    line = frequency.lineEdit()
    assert line is not None
    line.clear()
    type_text(line, "Twice a week")
    assert page.cv.experience[0].eras.frequency == "Twice a week"
    assert "unconfirmed" in frequency.toolTip()


def test_worksheet_saved_from_the_eras_dialog(page: CvPage, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "worksheet.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = transfer.show_eras_blocks(page)
    assert "BIOGRAPHICAL INFORMATION" in dialog.worksheet
    with qtbot.waitSignal(page.exported, timeout=10_000):
        dialog.save_button.click()
    text = target.read_text(encoding="utf-8")
    assert text.startswith("MyERAS worksheet - Yasmin Farouk El-Sayed")
    assert "Key characteristic: Teamwork and leadership" in text
    dialog.close()


def test_worksheet_write_error_is_a_clear_message(page: CvPage, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))

    def refuse(*_a: object, **_k: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(transfer, "atomic_write_text", refuse)
    with qtbot.waitSignal(page.export_failed, timeout=10_000):
        transfer.save_worksheet_path(page, tmp_path / "w.txt")
    assert shown and "No space left on device" in shown[0]
