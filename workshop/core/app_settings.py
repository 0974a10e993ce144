"""App-level preferences kept outside any workspace: recent workspaces, window geometry.

A small JSON file in the user config folder, written through the atomic-write helper (Qt's
QSettings would write it non-atomically and from outside the core). Workspace-specific settings
(user dictionary, checker engine, LanguageTool URL) live in the workspace instead.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from workshop.core.atomic import atomic_write_text
from workshop.core.paths import config_home, ensure_private_dir

MAX_RECENT = 8


@dataclass
class AppSettings:
    recent_workspaces: list[str] = field(default_factory=list)
    window_geometry: str = ""
    window_state: str = ""
    last_section: str = "statements"
    languagetool_url: str = ""
    #: The learner-English checks (issue 21): off by default, they flag more than they find.
    learner_grammar: bool = False
    autosave_idle_ms: int = 700
    backup_interval_minutes: int = 10

    def remember(self, workspace: Path) -> None:
        """Put a workspace at the top of the recent list (bounded, no duplicates)."""
        text = str(Path(workspace).resolve())
        self.recent_workspaces = [text] + [p for p in self.recent_workspaces if p != text]
        del self.recent_workspaces[MAX_RECENT:]


def settings_path(folder: Path | None = None) -> Path:
    return (folder or config_home()) / "settings.json"


def load_app_settings(path: Path | None = None) -> AppSettings:
    """Read preferences; a missing or unreadable file gives defaults, never an error."""
    path = path or settings_path()
    try:
        raw: Any = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return AppSettings()
    if not isinstance(raw, dict):
        return AppSettings()
    defaults = asdict(AppSettings())
    values = {
        key: raw[key] for key in defaults
        if key in raw and isinstance(raw[key], type(defaults[key]))
    }
    return AppSettings(**values)


def save_app_settings(settings: AppSettings, path: Path | None = None) -> None:
    path = path or settings_path()
    ensure_private_dir(path.parent)
    atomic_write_text(path, json.dumps(asdict(settings), indent=2, ensure_ascii=False))
