"""When to autosave: after a short pause in typing, and at least every ``max_delay`` seconds.

Pure logic with the time passed in, so the UI, the crash harness and the tests share one policy.
A debounce alone would never save while someone types without pause; the ceiling bounds what a
crash can lose to ``max_delay``: 1.5 s, so that with a tick and a commit it stays under the
2 s target.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class AutosavePolicy:
    idle_delay: float = 0.7
    max_delay: float = 1.5
    _first_unsaved: float | None = None
    _last_edit: float | None = None

    def edited(self, now: float) -> None:
        if self._first_unsaved is None:
            self._first_unsaved = now
        self._last_edit = now

    @property
    def dirty(self) -> bool:
        return self._first_unsaved is not None

    def due_at(self) -> float | None:
        """The moment the next save is due, or None when nothing is unsaved."""
        if self._first_unsaved is None or self._last_edit is None:
            return None
        return min(self._last_edit + self.idle_delay, self._first_unsaved + self.max_delay)

    def should_save(self, now: float) -> bool:
        due = self.due_at()
        return due is not None and now >= due

    def saved(self) -> None:
        self._first_unsaved = None
        self._last_edit = None
