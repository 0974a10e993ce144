"""The workspace knows its file: replaced, deleted or overwritten underneath, it stops writing.

Only the app holding the lock writes the workspace file, and it writes it only inside its own
commits (WAL checkpoints happen there). So the file's identity (device and inode), size and
modification time after our last commit must be the same just before the next one; anything
else means another program (a sync client, a restore from elsewhere, a user copying a file over
it) changed it. Writing on would mix our pages into someone else's file: the newest backup
would then be taken from a corrupt file. Instead the workspace stops, says so, and offers to
save everything it can still read to a new file.

A deleted or renamed-over file is still readable through our open connection (POSIX keeps the
old inode alive; Windows refuses the delete while we hold it open), so the rescue copy is whole.
A file overwritten in place may be damaged: the copy is integrity-checked and says so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workshop.core.errors import UserError
from workshop.core.storage.connection import SQLITE_MAGIC

APPLICATION_ID_OFFSET = 68


class WorkspaceChanged(UserError):
    """The workspace file was replaced, deleted or overwritten by another program."""


@dataclass(frozen=True)
class FileState:
    """What a file looked like after our last commit."""

    device: int
    inode: int
    size: int
    mtime_ns: int


def file_state(path: Path) -> FileState | None:
    """The file's identity and shape now; None when it is gone."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return FileState(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def header_problem(path: Path, application_id: int) -> str:
    """"" when the file still starts like our workspace, else what is wrong with it."""
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    if not head.startswith(SQLITE_MAGIC):
        return "it is no longer an SQLite database"
    found = int.from_bytes(head[APPLICATION_ID_OFFSET:APPLICATION_ID_OFFSET + 4], "big")
    if found != application_id:
        return "it now belongs to another program"
    return ""


def what_changed(path: Path, known: FileState, application_id: int) -> str:
    """"" when the file is as we left it, else a sentence saying what happened to it."""
    now = file_state(path)
    if now is None:
        return "was deleted or moved by another program"
    if (now.device, now.inode) != (known.device, known.inode):
        return "was replaced by another file"
    if now == known:
        return ""
    problem = header_problem(path, application_id)
    if problem:
        return f"was overwritten by another program: {problem}"
    return "was changed by another program"


def changed_error(path: Path, happened: str) -> WorkspaceChanged:
    return WorkspaceChanged(
        f"The workspace file {happened} while it was open here. To protect your work, "
        "nothing more will be written to it.",
        hint="Save everything to a new file with File ▸ Save As…, then keep working there. "
             "Your latest text is still in this window.",
        where=str(path),
    )
