"""Windows behaviour, simulated: mandatory locks and transient PermissionErrors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from workshop.core import atomic
from workshop.core.storage import create_workspace, open_workspace
from workshop.core.storage import lock as lock_module
from workshop.core.storage.backups import make_backup
from workshop.core.storage.lock import WorkspaceLock, WorkspaceLocked


class WindowsLockedHandle(io.StringIO):
    """What msvcrt gives a second process: the locked byte cannot even be read."""

    def read(self, *_args: object) -> str:
        raise PermissionError(13, "Permission denied")


def test_a_windows_lock_refusal_is_the_already_open_offer(ws_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    create_workspace(ws_path).close()

    def refuse(_handle: object) -> None:
        raise PermissionError(13, "Permission denied")  # msvcrt.locking's LK_NBLCK refusal

    real_fdopen = lock_module.os.fdopen

    def fdopen(fd: int, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        real_fdopen(fd, *args, **kwargs).close()  # type: ignore[call-overload]
        return WindowsLockedHandle()

    monkeypatch.setattr(lock_module, "lock_handle", refuse)
    monkeypatch.setattr(lock_module.os, "fdopen", fdopen)
    with pytest.raises(WorkspaceLocked) as caught:
        WorkspaceLock.acquire(ws_path)
    assert "already open in another window (another process)" in str(caught.value)


def test_the_opener_offers_read_only_on_a_windows_refusal(ws_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The same refusal, through open_workspace: a clear WorkspaceLocked, never PermissionError."""
    create_workspace(ws_path).close()

    def refuse(_handle: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lock_module, "lock_handle", refuse)
    with pytest.raises(WorkspaceLocked):
        open_workspace(ws_path)


def test_replace_is_retried_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "statement.docx"
    target.write_bytes(b"old")
    failures = {"left": 3}
    real_replace = atomic.os.replace

    def flaky_replace(src: str, dst: str) -> None:
        if failures["left"]:
            failures["left"] -= 1
            raise PermissionError(13, "The process cannot access the file (antivirus)")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", flaky_replace)
    monkeypatch.setattr(atomic, "RETRY_PERMISSION_ERRORS", True)
    monkeypatch.setattr(atomic, "REPLACE_DELAY", 0.001)
    atomic.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and failures["left"] == 0
    assert [p.name for p in tmp_path.iterdir()] == ["statement.docx"], "no temporary left"


def test_a_lasting_permission_error_is_reported_and_nothing_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "cv.pdf"
    target.write_bytes(b"old")

    def always(_src: str, _dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", always)
    monkeypatch.setattr(atomic, "RETRY_PERMISSION_ERRORS", True)
    monkeypatch.setattr(atomic, "REPLACE_DELAY", 0.001)
    with pytest.raises(atomic.WriteFailed, match="permission was denied"):
        atomic.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["cv.pdf"]


def test_backups_go_through_the_one_writer(ws_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    ws = create_workspace(ws_path)
    seen: list[Path] = []
    real = atomic.replace_file

    def spy(src: Path | str, dst: Path | str) -> None:
        seen.append(Path(dst))
        real(src, dst)

    monkeypatch.setattr(atomic, "replace_file", spy)
    backup = make_backup(ws.conn, ws_path, reason="manual", now=dt.datetime(2026, 12, 1, 9))
    ws.close()
    assert seen == [backup] and backup.is_file()
