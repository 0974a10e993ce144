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
