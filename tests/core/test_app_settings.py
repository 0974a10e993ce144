from __future__ import annotations

import json
from pathlib import Path

from workshop.core.app_settings import (
    MAX_RECENT,
    AppSettings,
    load_app_settings,
    save_app_settings,
)


def test_round_trip_and_recent_bounded(tmp_path: Path) -> None:
    settings = AppSettings()
    for n in range(MAX_RECENT + 3):
        settings.remember(tmp_path / f"w{n}.workshop")
    settings.remember(tmp_path / "w2.workshop")
    assert len(settings.recent_workspaces) == MAX_RECENT
    assert settings.recent_workspaces[0].endswith("w2.workshop")
    assert len(set(settings.recent_workspaces)) == MAX_RECENT
    path = tmp_path / "cfg" / "settings.json"
    settings.languagetool_url = "http://localhost:8081"
    save_app_settings(settings, path)
    assert load_app_settings(path) == settings


def test_broken_file_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe not json")
    assert load_app_settings(path) == AppSettings()
    path.write_text(json.dumps({"autosave_idle_ms": "fast", "last_section": "cv"}))
    loaded = load_app_settings(path)
    assert loaded.autosave_idle_ms == AppSettings().autosave_idle_ms
    assert loaded.last_section == "cv"
