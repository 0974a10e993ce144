"""The UI reaches the workspace through core services only (STYLE.md: no SQL under ui/)."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "workshop" / "ui"
FORBIDDEN = re.compile(r"workshop\.core\.storage|\.conn\b|\.execute\(|import sqlite3\b.*connect")


def test_no_storage_import_and_no_database_access_under_ui() -> None:
    found = [f"{path.relative_to(UI)}:{n}: {line.strip()}"
             for path in UI.rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if FORBIDDEN.search(line) and not line.lstrip().startswith("#")]
    assert not found, "the UI touches storage directly:\n" + "\n".join(found)


def test_background_work_has_one_mechanism() -> None:
    """Threads are started in two places: Operations, and the checker's long-lived worker."""
    starters = re.compile(r"QThreadPool\(|QThread\(|threading\.Thread\(|moveToThread\(")
    users = sorted({str(path.relative_to(UI)) for path in UI.rglob("*.py")
                    if starters.search(path.read_text(encoding="utf-8"))})
    assert users == ["checker.py", "operations.py"], users
