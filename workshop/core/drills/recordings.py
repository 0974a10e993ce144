"""Where answer recordings live, and the rules that keep that folder private and tidy.

Recordings sit beside the workspace file in ``<workspace>.recordings/`` (as backups sit in
``<workspace>.backups/``), so the workspace stays one small SQLite file and a backup never copies
megabytes of audio. The folder is 0700 and every file 0600: an applicant's rehearsed answers
about a family illness or a failed exam are as private as the statement.

An attempt stores the path *relative to the workspace's folder* ("x.workshop.recordings/
intro-001-20270215T101500.ogg"), so moving the workspace together with its folder keeps the
links. :func:`resolve` refuses a stored path that would point outside the folder (a hand-edited
database must not make the app play or delete arbitrary files).

The recorder on a machine without a microphone still creates the output file and leaves it
empty ("Audio device is null"); :func:`finish_recording` and :func:`remove_empty_recordings`
make sure no empty file survives.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from pathlib import Path

from workshop.core.atomic import describe_os_error
from workshop.core.errors import UserError
from workshop.core.paths import ensure_private_dir

FOLDER_SUFFIX = ".recordings"
FILE_MODE = 0o600
DEFAULT_SUFFIX = ".ogg"
AUDIO_SUFFIXES = (".ogg", ".oga", ".opus", ".m4a", ".mp4", ".wav", ".flac", ".mka", ".webm")
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def recordings_dir(workspace_path: Path) -> Path:
    """The recordings folder of the workspace at ``workspace_path`` (not created)."""
    return workspace_path.with_name(workspace_path.name + FOLDER_SUFFIX)


def new_recording_path(workspace_path: Path, question_id: str, moment: dt.datetime, *,
                       suffix: str = DEFAULT_SUFFIX) -> Path:
    """A fresh file name for an answer to ``question_id`` started at ``moment``.

    The name is readable in a file manager ("intro-001-20270215T101500.ogg") and never reuses
    an existing file: a retake in the same second gets "-2".
    """
    if suffix not in AUDIO_SUFFIXES:
        raise UserError(f"'{suffix}' is not an audio file type the app records.",
                        hint=f"Use one of: {', '.join(AUDIO_SUFFIXES)}.")
    stem = _SAFE.sub("-", question_id).strip("-")[:60] or "answer"
    stamp = moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S")
    folder = recordings_dir(workspace_path)
    candidate = folder / f"{stem}-{stamp}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{stamp}-{n}{suffix}"
        n += 1
    return candidate


def prepare_recording(path: Path) -> Path:
    """Create the private folder and an empty 0600 file for the recorder to fill.

    Creating the file ourselves fixes its permissions before any audio is written; the
    recorder truncates and writes into it without widening them.

    Raises:
        UserError: the folder or file cannot be created (the reason in plain words).
    """
    try:
        ensure_private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        os.close(fd)
        os.chmod(path, FILE_MODE)
    except OSError as exc:
        raise UserError(f"Cannot create the recording file: {describe_os_error(exc)}.",
                        where=str(path),
                        hint="Answers are still timed; free some space to record again.") from exc
    return path


def finish_recording(path: Path) -> Path | None:
    """After the recorder stops: keep a file with audio (0600), delete an empty one.

    Returns:
        The path when it holds a recording, None when there was nothing to keep.
    """
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size == 0:
        discard_recording(path)
        return None
    # The folder is 0700 already; a chmod failure must not lose the recording.
    with contextlib.suppress(OSError):
        os.chmod(path, FILE_MODE)
    return path


def discard_recording(path: Path) -> None:
    """Delete a recording file if it exists (a failed or abandoned take)."""
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UserError(f"Cannot delete the recording: {describe_os_error(exc)}.",
                        where=str(path)) from exc


def remove_empty_recordings(workspace_path: Path) -> list[Path]:
    """Delete empty files left in the recordings folder (a crash mid-recording, a recorder
    with no microphone); returns what was removed."""
    folder = recordings_dir(workspace_path)
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for entry in folder.iterdir():
        try:
            if entry.is_file() and not entry.is_symlink() and entry.stat().st_size == 0:
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue
    return sorted(removed)


def relative_name(workspace_path: Path, path: Path) -> str:
    """How an attempt stores ``path``: relative to the workspace's folder, "/"-separated.

    Raises:
        UserError: ``path`` is not inside the recordings folder.
    """
    folder = recordings_dir(workspace_path)
    try:
        inner = path.resolve().relative_to(folder.resolve())
    except ValueError:
        raise UserError("A recording must be inside the workspace's recordings folder.",
                        where=str(path)) from None
    return f"{folder.name}/{inner.as_posix()}"


def resolve(workspace_path: Path, stored: str) -> Path:
    """The file for a stored recording path, refusing anything outside the recordings folder.

    Raises:
        UserError: the stored path is absolute, climbs out with "..", or names another folder.
    """
    folder = recordings_dir(workspace_path)
    parts = Path(stored).parts
    if not stored or Path(stored).is_absolute() or ".." in parts or len(parts) < 2 \
            or parts[0] != folder.name:
        raise UserError(f"The stored recording path '{stored[:80]}' is not in the "
                        "recordings folder.", hint="The recording cannot be played.")
    target = folder.joinpath(*parts[1:])
    try:
        target.resolve().relative_to(folder.resolve())
    except ValueError:
        raise UserError(f"The stored recording path '{stored[:80]}' leads outside the "
                        "recordings folder.", hint="The recording cannot be played.") from None
    return target
