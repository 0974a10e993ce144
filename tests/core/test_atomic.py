from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from workshop.core import atomic
from workshop.core.atomic import atomic_write_bytes, atomic_write_text
from workshop.core.errors import WriteFailed


def test_writes_new_file_private(tmp_path: Path) -> None:
    target = atomic_write_text(tmp_path / "a" / "out.txt", "héllo ✓")
    assert target.read_text("utf-8") == "héllo ✓"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_replaces_existing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.txt"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
def test_failure_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str, code: int
) -> None:
    target = tmp_path / "statement.txt"
    target.write_text("the draft that was saved before")

    def boom(*_args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, failing, boom)
    with pytest.raises(WriteFailed) as info:
        atomic_write_text(target, "half a new draft")
    monkeypatch.undo()
    assert target.read_text() == "the draft that was saved before"
    assert os.listdir(tmp_path) == ["statement.txt"]
    message = str(info.value)
    assert "statement.txt" in message and "unchanged" in message
    assert ("full" in message) if code == errno.ENOSPC else ("permission" in message)
