"""Recording files: private folder, 0600 files, no empty file survives, no path escapes."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from workshop.core.drills import recordings as rec
from workshop.core.errors import UserError

MOMENT = dt.datetime(2027, 2, 15, 10, 15, tzinfo=dt.UTC)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    path = tmp_path / "mine.workshop"
    path.write_bytes(b"")
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folder_sits_beside_the_workspace(ws: Path) -> None:
    assert rec.recordings_dir(ws) == ws.parent / "mine.workshop.recordings"


def test_prepared_file_is_private_and_named_readably(ws: Path) -> None:
    path = rec.prepare_recording(rec.new_recording_path(ws, "intro-001", MOMENT))
    assert path.name == "intro-001-20270215T101500.ogg"
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    again = rec.new_recording_path(ws, "intro-001", MOMENT)
    assert again.name == "intro-001-20270215T101500-2.ogg"


def test_hostile_question_id_stays_in_the_folder(ws: Path) -> None:
    path = rec.new_recording_path(ws, "../../etc/passwd", MOMENT)
    assert path.parent == rec.recordings_dir(ws)
    assert "/" not in path.name and ".." not in path.name


def test_unknown_suffix_is_refused(ws: Path) -> None:
    with pytest.raises(UserError, match="audio file type"):
        rec.new_recording_path(ws, "intro-001", MOMENT, suffix=".exe")


def test_empty_recording_is_not_kept(ws: Path) -> None:
    path = rec.prepare_recording(rec.new_recording_path(ws, "intro-001", MOMENT))
    assert rec.finish_recording(path) is None
    assert not path.exists()
    assert rec.finish_recording(path) is None  # already gone: still fine


def test_recording_with_audio_is_kept_private(ws: Path) -> None:
    path = rec.prepare_recording(rec.new_recording_path(ws, "intro-001", MOMENT))
    path.write_bytes(b"OggS" + b"\0" * 100)
    os.chmod(path, 0o644)  # as a recorder that replaced the file might leave it
    assert rec.finish_recording(path) == path
    assert mode(path) == 0o600


def test_cleanup_removes_only_empty_files(ws: Path) -> None:
    folder = rec.recordings_dir(ws)
    folder.mkdir()
    (folder / "a.ogg").write_bytes(b"")
    (folder / "b.ogg").write_bytes(b"audio")
    assert [p.name for p in rec.remove_empty_recordings(ws)] == ["a.ogg"]
    assert sorted(p.name for p in folder.iterdir()) == ["b.ogg"]
    assert rec.remove_empty_recordings(ws.with_name("other.workshop")) == []


def test_relative_names_round_trip(ws: Path) -> None:
    path = rec.prepare_recording(rec.new_recording_path(ws, "behav-003", MOMENT))
    stored = rec.relative_name(ws, path)
    assert stored == f"mine.workshop.recordings/{path.name}"
    assert rec.resolve(ws, stored) == path


@pytest.mark.parametrize("stored", [
    "", "/etc/passwd", "mine.workshop.recordings/../secret.ogg", "elsewhere/x.ogg",
    "mine.workshop.recordings",
])
def test_stored_paths_outside_the_folder_are_refused(ws: Path, stored: str) -> None:
    with pytest.raises(UserError, match="recordings folder"):
        rec.resolve(ws, stored)


def test_relative_name_refuses_outside_file(ws: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="inside the workspace"):
        rec.relative_name(ws, tmp_path / "x.ogg")


def test_prepare_reports_os_errors_plainly(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kw: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(rec.os, "open", refuse)
    with pytest.raises(UserError, match="permission was denied") as info:
        rec.prepare_recording(rec.new_recording_path(ws, "intro-001", MOMENT))
    assert "still timed" in (info.value.hint or "")
