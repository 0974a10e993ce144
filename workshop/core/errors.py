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
        message = as_sentence(self.message)
        parts = [f"{self.where}: {message}" if self.where else message]
        if self.hint:
            parts.append(as_sentence(self.hint))
        return " ".join(parts)


def as_sentence(text: str) -> str:
    """``text`` ending as a sentence, so a message and its hint never run together."""
    text = text.strip()
    core = text.rstrip("”\"')»")
    return text if not core or core[-1] in ".!?…:" else text + "."


class WriteFailed(UserError):
    """A file could not be written; the previous file on disk is unchanged."""
