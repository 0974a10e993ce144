"""Migration 7 on a workspace from the previous release (v6 fixture): the interview tables
appear, the old data stays, and they hang off programs with ON DELETE CASCADE."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from workshop.core.interviews import in_workspace as service
from workshop.core.programs.model import Program
from workshop.core.programs.repository import ProgramRepository
from workshop.core.storage.schema import LATEST_VERSION, MIGRATIONS
from workshop.core.storage.workspace import open_workspace

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "schemas"


def test_v6_workspace_upgrades_to_7(tmp_path: Path) -> None:
    assert LATEST_VERSION == len(MIGRATIONS) >= 7
    path = tmp_path / "old.workshop"
    shutil.copy(FIXTURES / "v6.sqlite", path)
    ws = open_workspace(path)
    try:
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        tables = {r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master")}
        assert {"interview_invitations", "interview_slots", "interview_events",
                "interview_messages"} <= tables
        assert ws.documents.list()[0].title == "IM statement"  # old data kept
        pid = ProgramRepository(ws.conn).add(Program("Upgrade Test", state="NY"))
        inv = service.add_invitation(ws, pid, received_on=dt.date(2026, 12, 1))
        assert inv.time_zone == "America/New_York"
        ProgramRepository(ws.conn).delete(pid)
        assert ws.conn.execute("SELECT count(*) FROM interview_invitations").fetchone()[0] == 0
        assert ws.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        ws.close()
