"""Why a workspace cannot be written, in words that say what to do.

A read-only folder used to be reported as a "damaged" workspace with advice to restore a
backup, a read-only file as "free some space", and a lock file that could not be written as
"internal error: OSError". Each has its own cause and its own remedy; none of them means the
workspace is damaged, and none of them changed the file.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from workshop.core.errors import UserError

READ_ONLY_HINT = ("Or open it read-only to look at it: File ▸ Open read-only, or "
                  "`--read-only` on the command line.")


def unwritable(path: Path) -> UserError | None:
    """A clear error when the workspace's folder or file does not allow writing, else None."""
    folder = path.parent
    if not os.access(folder, os.W_OK):
        return UserError(
            f"The folder “{folder}” does not allow saving (it is read-only for you). The "
            "workspace is not damaged and nothing was changed.",
            hint="Move the workspace to a folder you can write to, such as Documents, and open "
                 f"it from there. {READ_ONLY_HINT}",
            where=str(path))
    if path.exists() and not os.access(path, os.W_OK):
        return UserError(
            "The workspace file is read-only, so the app cannot save to it. It is not damaged.",
            hint=("Clear the file's read-only flag (Windows: right-click ▸ Properties ▸ untick "
                  "Read-only; macOS/Linux: `chmod u+w` on the file), then open it again. "
                  f"{READ_ONLY_HINT}"),
            where=str(path))
    return None


def lock_error(path: Path, exc: OSError) -> UserError:
    """The lock file beside the workspace could not be created or written."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(
            "The disk is full: the app cannot even write its small lock file beside the "
            "workspace. The workspace is not damaged.",
            hint="Free some space on this disk (empty the trash, move large files), then open "
                 f"it again. {READ_ONLY_HINT}",
            where=str(path))
    return unwritable(path) or UserError(
        f"The app cannot create its lock file beside the workspace ({exc.strerror or exc}).",
        hint=f"Check that the folder allows saving, then open it again. {READ_ONLY_HINT}",
        where=str(path))


def write_failure_hint(reason: str) -> str:
    """What to do after a failed save, by its cause."""
    if "full" in reason:
        return ("What was saved before is unchanged; free some space on this disk and the app "
                "will save again.")
    if "read-only" in reason:
        return ("What was saved before is unchanged. The file or disk became read-only: save a "
                "copy elsewhere (File ▸ Save a copy…), or make the file writable again.")
    return "What was saved before is unchanged; the app will try again."
