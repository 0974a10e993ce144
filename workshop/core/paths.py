"""Where the app keeps things by default (platform folders via platformdirs).

Paths are computed here and passed in everywhere else, never looked up globally, so tests point
the whole app at a temporary folder with one environment variable (``WORKSHOP_HOME``).
"""

from __future__ import annotations

import os
from pathlib import Path

from workshop import APP_ID

WORKSPACE_SUFFIX = ".workshop"


def data_home() -> Path:
    """The user data folder (``WORKSHOP_HOME`` overrides, for tests and portable installs)."""
    override = os.environ.get("WORKSHOP_HOME")
    if override:
        return Path(override)
    import platformdirs  # imported here: it costs start-up time and is needed once

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def config_home() -> Path:
    """Folder for app-level preferences (recent workspaces, window geometry)."""
    override = os.environ.get("WORKSHOP_HOME")
    if override:
        return Path(override) / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def cache_home() -> Path:
    """Folder for files the app can rebuild at any time (parsed fonts); safe to delete."""
    override = os.environ.get("WORKSHOP_HOME")
    if override:
        return Path(override) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))


def default_workspace() -> Path:
    """The workspace opened when none is named."""
    return data_home() / f"My application{WORKSPACE_SUFFIX}"


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` readable by the owner only (0700) if it does not exist yet."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
    return folder
