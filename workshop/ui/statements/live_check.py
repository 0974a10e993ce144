"""Which check answers the statement page may still show, and for which text.

Every request gets a generation number and remembers the editor's revision and the text it
was sent with, so an answer can be mapped through later edits (``EditLog``). An answer older
than the one on screen, or for a statement no longer open, is dropped; a newer answer makes
every older pending request moot. The first request for a freshly opened statement goes out
twice: a quick engines-only check, then the whole one.
"""

from __future__ import annotations

from typing import Any

from workshop.ui.checker import CheckerHost, CheckRequest


class LiveCheck:
    """Request bookkeeping for one page (``owner``) on the shared checker."""

    def __init__(self, checker: CheckerHost, owner: str) -> None:
        self.checker = checker
        self.owner = owner
        self.generation = 0  # of the newest request
        self.applied = 0  # of the answer on screen
        self._sent: dict[int, tuple[int, str]] = {}  # generation -> (revision, text)

    def forget(self) -> None:
        """Another statement is open: answers still coming are not for it."""
        self._sent.clear()

    def request(self, text: str, revision: int, context: Any, words: tuple[str, ...],
                ignored: tuple[str, ...], *, fresh: bool) -> None:
        """Send a check of ``text``; ``fresh`` (nothing shown yet) sends a quick one first."""
        for quick in ((True, False) if fresh and not self._sent else (False,)):
            self.generation += 1
            self._sent[self.generation] = (revision, text)
            self.checker.request(CheckRequest(self.owner, self.generation, text, context,
                                              words, ignored, quick=quick))

    def accept(self, owner: str, generation: int) -> tuple[int, str] | None:
        """(revision, text) the answer was for, if it is to be shown; else None."""
        if owner != self.owner or generation <= self.applied or generation not in self._sent:
            return None
        sent = self._sent.pop(generation)
        for older in [g for g in self._sent if g < generation]:
            del self._sent[older]  # superseded: never run, or answered out of date
        self.applied = generation
        return sent

    def oldest_pending_revision(self, default: int) -> int:
        """The oldest revision an answer still on its way may need mapping from."""
        return min((revision for revision, _text in self._sent.values()), default=default)

    def is_newest(self, owner: str, generation: int) -> bool:
        return owner == self.owner and generation == self.generation
