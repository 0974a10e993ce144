"""Two kinds of error, as rendercv does it.

A :class:`UserError` is something the user can act on: it says what is wrong, where, and what to
do. The GUI shows it in a dialog and the CLI prints it as one line with exit code 1. Anything
else that escapes is a bug and gets a bug-report dialog or, with ``--debug``, a traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """An actionable problem: bad input, a locked workspace, a full disk."""

    def __init__(self, message: str, *, hint: str = "", where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.where = where

    def __str__(self) -> str:
        parts = [f"{self.where}: {self.message}" if self.where else self.message]
        if self.hint:
            parts.append(self.hint)
        return " ".join(parts)


class WriteFailed(UserError):
    """A file could not be written; the previous file on disk is unchanged."""
