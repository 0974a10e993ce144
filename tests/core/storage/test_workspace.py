"""Creating, opening, refusing and restoring workspaces."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from workshop.core.errors import UserError, WriteFailed
from workshop.core.model.documents import DocumentKind
from workshop.core.storage import backups, create_workspace, open_workspace
from workshop.core.storage.lock import WorkspaceLocked
from workshop.core.storage.schema import LATEST_VERSION
from workshop.core.storage.workspace import (
    WorkspaceDamaged,
    WorkspaceTooNew,
    restore_newest_backup,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_sets_pragmas_and_permissions(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        conn = ws.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        ws.documents.create(DocumentKind.NOTE, "n", "x")
        for side in (ws_path, ws_path.with_name(ws_path.name + "-wal")):
            assert stat.S_IMODE(os.stat(side).st_mode) == 0o600, side
    assert stat.S_IMODE(os.stat(ws_path.parent).st_mode) == 0o700
    backup_folder = backups.backup_dir(ws_path)
    assert stat.S_IMODE(os.stat(backup_folder).st_mode) == 0o700
    for made in backup_folder.iterdir():
        assert stat.S_IMODE(os.stat(made).st_mode) == 0o600


def test_create_refuses_existing_file(ws_path: Path) -> None:
    create_workspace(ws_path).close()
    with pytest.raises(UserError, match="already exists"):
        create_workspace(ws_path)


def test_missing_file_is_clear(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no workspace") as info:
        open_workspace(tmp_path / "nope.workshop")
    assert "workshop init" in str(info.value)


def test_second_open_is_refused_and_read_only_works(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        ws.documents.create(DocumentKind.NOTE, "shared", "text")
        with pytest.raises(WorkspaceLocked, match="already open in another window"):
            open_workspace(ws_path)
        viewer = open_workspace(ws_path, read_only=True)
        assert [d.title for d in viewer.documents.list()] == ["shared"]
        with pytest.raises(UserError, match="read-only"):
            viewer.documents.create(DocumentKind.NOTE, "nope")
        viewer.close()
    open_workspace(ws_path).close()  # lock released on close


def test_newer_schema_refused_and_file_untouched(ws_path: Path) -> None:
    create_workspace(ws_path).close()
    conn = sqlite3.connect(ws_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.close()
    before = digest(ws_path)
    with pytest.raises(WorkspaceTooNew, match="newer version"):
        open_workspace(ws_path)
    assert digest(ws_path) == before
    assert not ws_path.with_name(ws_path.name + "-wal").exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, I am a text file\n" * 20, b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["empty", "text", "truncated"],
)
def test_not_a_workspace(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.workshop"
    path.write_bytes(content)
    with pytest.raises(WorkspaceDamaged) as info:
        open_workspace(path)
    assert info.value.backup is None
    assert path.read_bytes() == content


def test_foreign_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceDamaged, match="another program"):
        open_workspace(path)


def corrupt(path: Path) -> None:
    """Overwrite the middle pages of a closed workspace with garbage."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, len(data) - page, page):
        data[offset + 8: offset + 400] = os.urandom(392)
    path.write_bytes(bytes(data))


def fill(ws_path: Path, words: int) -> None:
    with open_workspace(ws_path) as ws:
        doc = ws.documents.create(DocumentKind.PERSONAL_STATEMENT, "PS", "word " * words)
        for n in range(30):
            ws.documents.save_version(doc.id, f"v{n}")


def test_damaged_file_offers_backup_and_restore_keeps_bad_file(ws_path: Path) -> None:
    create_workspace(ws_path).close()
    fill(ws_path, 2000)  # closing makes a backup
    assert backups.list_backups(ws_path)
    corrupt(ws_path)
    bad_bytes = ws_path.read_bytes()
    with pytest.raises(WorkspaceDamaged) as info:
        open_workspace(ws_path)
    assert info.value.backup is not None
    assert "workshop restore" in str(info.value)
    assert ws_path.read_bytes() == bad_bytes  # never overwritten by the failed open

    source, aside = restore_newest_backup(ws_path)
    assert aside is not None and aside.read_bytes() == bad_bytes
    with open_workspace(ws_path) as ws:
        assert ws.documents.list()[0].title == "PS"
        assert len(ws.documents.versions(1)) == 30
    assert source.exists()


def test_restore_without_backup_is_clear(ws_path: Path) -> None:
    ws_path.parent.mkdir(parents=True)
    ws_path.write_bytes(b"junk")
    with pytest.raises(UserError, match="no healthy backup"):
        restore_newest_backup(ws_path)
    assert ws_path.read_bytes() == b"junk"


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now


def test_interval_backup_only_when_changed_and_due(ws_path: Path) -> None:
    clock = FakeClock()
    policy = backups.BackupPolicy(interval=timedelta(minutes=10), keep=3, keep_at_least=2)
    create_workspace(ws_path, clock=clock, policy=policy).close()
    ws = open_workspace(ws_path, clock=clock, policy=policy)
    assert ws.backup_if_due() is None  # nothing changed
    ws.documents.create(DocumentKind.NOTE, "n", "1")
    clock.now += timedelta(minutes=5)
    assert ws.backup_if_due() is None  # not due yet
    clock.now += timedelta(minutes=6)
    assert ws.backup_if_due() is not None
    assert ws.backup_if_due() is None  # nothing new since
    for n in range(6):
        ws.documents.create(DocumentKind.NOTE, f"m{n}", "1")
        clock.now += timedelta(minutes=11)
        ws.backup_if_due()
    ws.close()
    assert len(backups.list_backups(ws_path)) == 3


def test_rotation_by_age_keeps_minimum(tmp_path: Path) -> None:
    ws_path = tmp_path / "w.workshop"
    clock = FakeClock()
    lenient = backups.BackupPolicy(max_age=timedelta(days=1000))
    with create_workspace(ws_path, clock=clock, policy=lenient) as ws:
        for _ in range(5):
            ws.backup_now()
            clock.now += timedelta(days=10)
    policy = backups.BackupPolicy(keep=10, max_age=timedelta(days=15), keep_at_least=3)
    deleted = backups.rotate(ws_path, policy, now=clock.now + timedelta(days=100))
    assert len(deleted) == 2
    assert len(backups.list_backups(ws_path)) == 3


def test_backup_failure_is_clear_and_workspace_intact(ws_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    ws = create_workspace(ws_path)
    ws.documents.create(DocumentKind.NOTE, "keep me", "text")

    def full(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    from workshop.core import atomic

    monkeypatch.setattr(atomic.os, "replace", full)  # backups write through the one helper
    with pytest.raises(WriteFailed, match="disk is full"):
        ws.backup_now()
    monkeypatch.undo()
    assert not [p for p in backups.backup_dir(ws_path).iterdir() if p.suffix == ".tmp"]
    assert ws.documents.list()[0].title == "keep me"
    ws.close()


def test_disk_full_on_save_is_write_failed(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        doc = ws.documents.create(DocumentKind.PERSONAL_STATEMENT, "PS", "saved text")
        page_count = ws.conn.execute("PRAGMA page_count").fetchone()[0]
        ws.conn.execute(f"PRAGMA max_page_count = {page_count}")
        with pytest.raises(WriteFailed, match="disk is full"):
            ws.documents.save_working_copy(doc.id, "x" * 200_000)
        assert ws.documents.get(doc.id).body == "saved text"


def test_fixture_copy_helper(tmp_path: Path) -> None:
    """Sanity check for the helper the migration tests use."""
    src = Path(__file__).parents[2] / "fixtures" / "schemas" / "v1.sqlite"
    dst = tmp_path / "copy.workshop"
    shutil.copyfile(src, dst)
    assert dst.stat().st_size == src.stat().st_size
