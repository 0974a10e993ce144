"""Code points (core offsets) ↔ UTF-16 units (Qt text positions).

Findings count code points; QTextCursor counts UTF-16 units, so an emoji or a rare CJK
character before a finding would shift every underline after it without this map.
"""

from __future__ import annotations

import bisect


class Utf16Map:
    def __init__(self, text: str) -> None:
        # Code-point indices of characters outside the Basic Multilingual Plane.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, code_point: int) -> int:
        return code_point + bisect.bisect_left(self._astral, code_point)

    def from_qt(self, unit: int) -> int:
        low, high = 0, unit
        while low < high:  # the largest code point whose Qt position is <= unit
            mid = (low + high + 1) // 2
            if self.to_qt(mid) <= unit:
                low = mid
            else:
                high = mid - 1
        return low


class EditLog:
    """The edits made since a revision, so a check of an older text still lands right.

    A check takes tens of milliseconds and the user keeps typing: its findings point into the
    text as it was sent. Each document edit is recorded as ``(position, removed, added)`` in
    Qt units; :meth:`map_span` carries a span of revision ``r`` through every later edit, and
    gives None when an edit touched it (that word changed; the next check will judge it).
    """

    def __init__(self) -> None:
        self.revision = 0
        self._base = 0  # revision of the first kept edit
        self._edits: list[tuple[int, int, int]] = []

    def record(self, position: int, removed: int, added: int) -> None:
        self._edits.append((position, removed, added))
        self.revision += 1

    def reset(self) -> None:
        """A new text was loaded: nothing older maps into it."""
        self._base = self.revision = self.revision + 1
        self._edits.clear()

    def forget_before(self, revision: int) -> None:
        """Drop edits no outstanding check needs (keeps the log short in a long session)."""
        drop = min(max(revision - self._base, 0), len(self._edits))
        if drop:
            del self._edits[:drop]
            self._base += drop

    def knows(self, revision: int) -> bool:
        return self._base <= revision <= self.revision

    def map_span(self, revision: int, start: int, end: int) -> tuple[int, int] | None:
        """``(start, end)`` of ``revision`` in today's text, or None if an edit touched it."""
        if not self.knows(revision):
            return None
        for position, removed, added in self._edits[revision - self._base:]:
            if end < position:
                continue
            if start > position + removed:
                start += added - removed
                end += added - removed
                continue
            return None
        return start, end
