"""Every released schema opens, migrates (after a backup) and keeps its data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from workshop.core.storage import backups, open_workspace
from workshop.core.storage.schema import LATEST_VERSION, MIGRATIONS

FIXTURES = Path(__file__).parents[2] / "fixtures" / "schemas"
VERSIONS = list(range(1, LATEST_VERSION + 1))


def test_a_fixture_per_released_schema() -> None:
    assert sorted(p.name for p in FIXTURES.glob("v*.sqlite")) == sorted(
        f"v{n}.sqlite" for n in VERSIONS)


@pytest.mark.parametrize("version", VERSIONS)
def test_open_migrates_and_keeps_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"old-v{version}.workshop"
    shutil.copyfile(FIXTURES / f"v{version}.sqlite", path)
    with open_workspace(path) as ws:
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert ws.profile.get().full_name == "Fixture Applicant Ñúñez-Ωmega"
        doc = ws.documents.list()[0]
        assert doc.title == "IM statement" and "Cairo" in doc.body
        assert [v.name for v in ws.documents.versions(doc.id)] == ["v1"]
        assert ws.settings.get("user_dictionary") == ["Shubra"]
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ws.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    made = backups.list_backups(path)
    if version < LATEST_VERSION:
        pre = [b for b in made if b.reason == f"before-upgrade-v{version}"]
        assert len(pre) == 1
        old = sqlite3.connect(pre[0].path)
        assert old.execute("PRAGMA user_version").fetchone()[0] == version
        old.close()


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v1.workshop"
    shutil.copyfile(FIXTURES / "v1.sqlite", path)
    broken = [*MIGRATIONS[:1], [*MIGRATIONS[1], "THIS IS NOT SQL"]]
    monkeypatch.setattr("workshop.core.storage.workspace.MIGRATIONS", broken)
    with pytest.raises(sqlite3.OperationalError):
        open_workspace(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    assert "parent_id" not in columns
    conn.close()
    monkeypatch.undo()
    open_workspace(path).close()  # and the real migration still works afterwards


def test_the_season_rebuild_keeps_programs_events_and_letter_assignments(
        tmp_path: Path) -> None:
    """Version 6 rebuilds the programs table; with foreign keys on, the DROP would cascade."""
    path = tmp_path / "v5-with-programs.workshop"
    shutil.copyfile(FIXTURES / "v5.sqlite", path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("INSERT INTO programs (id, name, eras_deadline, fit_override, match_key) VALUES "
                 "(1, 'Lakeview (SAMPLE)', '2026-09-24', 'safety', 'lakeview')")
    conn.execute("INSERT INTO programs (id, name, eras_deadline, program_deadline) VALUES "
                 "(2, 'Harbor (SAMPLE)', '2026-09-24', '2026-10-15')")
    conn.execute("INSERT INTO program_events (program_id, status, on_date) VALUES "
                 "(1, 'applied', '2026-09-25')")
    conn.execute("INSERT INTO letter_writers (id, name) VALUES (1, 'Dr. A (SAMPLE)')")
    conn.execute("INSERT INTO letter_requests (id, writer_id) VALUES (1, 1)")
    conn.execute("INSERT INTO letter_assignments (program_id, request_id) VALUES (1, 1)")
    conn.close()
    with open_workspace(path) as ws:
        rows = ws.conn.execute("SELECT id, program_deadline, fit_override, signal, track "
                               "FROM programs ORDER BY id").fetchall()
        assert [tuple(r) for r in rows] == [(1, "2026-09-24", "strong fit", "", ""),
                                            (2, "2026-10-15", "", "", "")]
        assert ws.conn.execute("SELECT count(*) FROM program_events").fetchone()[0] == 1
        assert ws.conn.execute("SELECT count(*) FROM letter_assignments").fetchone()[0] == 1
        columns = [r[1] for r in ws.conn.execute("PRAGMA table_info(programs)")]
        assert "eras_deadline" not in columns and "signal" in columns
        assert ws.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # back on
        ws.conn.execute("DELETE FROM programs WHERE id = 1")  # and cascading again
        assert ws.conn.execute("SELECT count(*) FROM program_events").fetchone()[0] == 0
