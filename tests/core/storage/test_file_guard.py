"""Issue 19: a workspace replaced, deleted or overwritten while open stops writing, says so,
and can continue in a new file with everything it can still read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from workshop.core.model.documents import DocumentKind
from workshop.core.programs.model import Program
from workshop.core.programs.repository import ProgramRepository
from workshop.core.storage import backups
from workshop.core.storage.file_guard import WorkspaceChanged
from workshop.core.storage.workspace import CHECKPOINT_EVERY, create_workspace


def opened(tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = create_workspace(tmp_path / "mine.workshop")
    doc = ws.documents.create(DocumentKind.PERSONAL_STATEMENT, "IM", "My first patient…")
    return ws, doc


def test_our_own_writes_never_look_like_a_change(tmp_path: Path) -> None:
    ws, doc = opened(tmp_path)
    repo = ProgramRepository(ws.conn)  # a repository that writes on the connection directly
    for n in range(CHECKPOINT_EVERY * 3):
        ws.documents.save_working_copy(doc.id, f"draft {n}")
        if n % 7 == 0:
            repo.add(Program(name=f"P{n} (SAMPLE)"))
    ws.checkpoint()
    assert ws.check_file() is None
    ws.close()


def test_a_deleted_file_stops_writes_and_the_copy_keeps_everything(tmp_path: Path) -> None:
    ws, doc = opened(tmp_path)
    ws.documents.save_working_copy(doc.id, "the latest draft")
    os.remove(ws.path)
    with pytest.raises(WorkspaceChanged, match="was deleted or moved"):
        ws.documents.save_working_copy(doc.id, "typed after the delete")
    assert ws.backup_if_due() is None  # no backup of a file that is not ours any more
    target = tmp_path / "rescued.workshop"
    assert ws.continue_in(target) is True
    assert ws.path == target and ws.stopped is None
    assert ws.documents.get(doc.id).body == "the latest draft"
    ws.documents.save_working_copy(doc.id, "typed after the delete")  # lands in the copy
    ws.close()
    assert not (tmp_path / "mine.workshop").exists()
    from workshop.core.storage.workspace import open_workspace

    with open_workspace(target) as again:
        assert again.documents.get(doc.id).body == "typed after the delete"


def test_a_file_replaced_by_another_stops_writes_and_takes_no_backup(tmp_path: Path) -> None:
    other = create_workspace(tmp_path / "other.workshop")
    other.close()
    ws, doc = opened(tmp_path)
    before = len(backups.list_backups(ws.path))
    shutil.copyfile(tmp_path / "other.workshop", tmp_path / "swap")
    os.replace(tmp_path / "swap", ws.path)
    with pytest.raises(WorkspaceChanged, match="was replaced by another file") as caught:
        ws.documents.save_working_copy(doc.id, "more")
    assert "Save everything to a new file" in caught.value.hint
    ws.close()  # no "close" backup taken from someone else's file
    assert len(backups.list_backups(ws.path)) == before


def test_a_file_overwritten_in_place_is_named_as_such(tmp_path: Path) -> None:
    ws, doc = opened(tmp_path)
    ws.checkpoint()
    with open(ws.path, "r+b") as handle:
        handle.write(b"\0" * 4096)
    with pytest.raises(WorkspaceChanged, match="no longer an SQLite database"):
        ws.documents.save_working_copy(doc.id, "more")
    assert isinstance(ws.check_file(), WorkspaceChanged)
    ws.close()


def test_continuing_in_an_existing_file_is_refused(tmp_path: Path) -> None:
    ws, _doc = opened(tmp_path)
    (tmp_path / "taken.workshop").write_text("x")
    with pytest.raises(Exception, match="already exists"):
        ws.continue_in(tmp_path / "taken.workshop")
    assert ws.path == tmp_path / "mine.workshop"
    ws.close()


def test_rotation_never_removes_the_newest_healthy_backup(tmp_path: Path) -> None:
    import datetime as dt

    ws, _doc = opened(tmp_path)
    good = ws.backup_now("manual")
    folder = backups.backup_dir(ws.path)
    start = dt.datetime.now() + dt.timedelta(minutes=1)
    for n in range(5):  # damaged backups, newer than the good one
        stamp = (start + dt.timedelta(minutes=n)).strftime(backups.STAMP)
        (folder / f"mine-{stamp}-interval.sqlite").write_bytes(b"not a database")
    policy = backups.BackupPolicy(keep=2, keep_at_least=2)
    backups.rotate(ws.path, policy, now=start + dt.timedelta(minutes=10))
    assert good.exists()
    ws.close()


def test_a_read_only_folder_or_file_is_diagnosed_not_called_damaged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop.core.errors import UserError
    from workshop.core.storage import diagnose
    from workshop.core.storage.workspace import open_workspace

    ws, _doc = opened(tmp_path)
    ws.close()
    path = tmp_path / "mine.workshop"
    denied: set[Path] = {path}  # as a read-only file looks to os.access (root ignores chmod)
    real = os.access
    monkeypatch.setattr(diagnose.os, "access",
                        lambda p, mode: False if Path(p) in denied else real(p, mode))
    with pytest.raises(UserError, match="file is read-only") as caught:
        open_workspace(path)
    assert "backup" not in caught.value.hint and "damaged" not in caught.value.message.replace(
        "not damaged", "")
    denied = {tmp_path}
    with pytest.raises(UserError, match="does not allow saving"):
        open_workspace(path)
    with open_workspace(path, read_only=True) as viewer:  # reading still works
        assert viewer.documents.list()


def test_write_failures_say_what_to_do_by_cause() -> None:
    from workshop.core.storage.diagnose import write_failure_hint

    assert "free some space" in write_failure_hint("the disk is full")
    assert "Save a copy" in write_failure_hint("the file or disk is read-only")
    assert "free some space" not in write_failure_hint("the file or disk is read-only")


def test_a_backup_timer_after_close_does_nothing(tmp_path: Path) -> None:
    ws, _doc = opened(tmp_path)
    ws.close()
    assert ws.backup_if_due() is None
    assert ws.check_file() is None
