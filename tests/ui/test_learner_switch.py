"""Preferences ▸ learner-English checks: saved, explained when its model is missing, and
applied to the running checker (rebuilt on its worker; pages check their text again)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core.app_settings import AppSettings, load_app_settings, save_app_settings
from workshop.core.checks.engines import learner_engine
from workshop.ui import dialogs
from workshop.ui.dialogs import PreferencesDialog
from workshop.ui.main_window import MainWindow


def test_the_switch_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_app_settings(AppSettings(learner_grammar=True), path)
    assert load_app_settings(path).learner_grammar is True
    assert AppSettings().learner_grammar is False  # off by default


def test_dialog_explains_a_missing_model(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(learner_engine, "model_path", lambda: None)
    settings = AppSettings()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert not dialog.learner.isChecked()
    assert "Not installed on this computer" in dialog.learner_note.text()
    assert "pip install pocketsphinx" in dialog.learner_note.text()
    dialog.learner.setChecked(True)
    assert dialog.apply().learner_grammar is True


def test_dialog_without_the_warning_when_the_model_is_there(qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    monkeypatch.setattr(learner_engine, "model_path", lambda: tmp_path / "en-us.lm.bin")
    assert "Not installed" not in dialogs.learner_note()


def test_accepting_preferences_rebuilds_the_checker(qtbot, sample_window: MainWindow,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learner_engine, "model_path", lambda: None)
    window = sample_window
    window.persist = False
    page = window.statements
    checker = window.checker

    def accept(dialog: PreferencesDialog) -> int:
        dialog.learner.setChecked(True)
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", accept)
    rechecks: list[bool] = []
    page.check_timer.timeout.connect(lambda: rechecks.append(True))
    with qtbot.waitSignal(checker.reconfigured, timeout=60_000):
        window.show_preferences()
    assert window.settings.learner_grammar is True
    assert checker.worker.learner is True
    names = set(checker.worker.service.availability())
    assert "learner-lm" in names
    qtbot.waitUntil(lambda: "Learner grammar: off" in checker.last_status, timeout=10_000)
    qtbot.waitUntil(lambda: bool(rechecks), timeout=5_000)  # the statement is checked again
    assert checker.reconfigure(window.settings.languagetool_url, True) is False  # unchanged
