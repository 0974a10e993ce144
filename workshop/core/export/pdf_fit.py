"""Fitting a document to a page count by setting its type a little smaller, as a writer would.

A statement that runs three lines onto a second page reads worse than the same text in 10.3 pt
instead of 10.5 pt, so a theme with ``page.fit_pages`` asks for the largest type, down to
``page.fit_min_scale`` of its size, that keeps the document within that many pages.

The PDF writer and the page estimate both choose the size here, from their own way of laying
the document out (the writer renders, the estimate only measures), so the counter under the
editor and the exported file agree by construction.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from workshop.core.export.themes import Theme

#: Type sizes tried between the theme's size and its floor, as shares of the size.
STEP = 0.02
#: Smaller type saves area with the square of the scale, and a paragraph can lose a line to
#: rounding on top; past this share of the smallest size's capacity, fitting is not tried.
HOPELESS = 1.25

R = TypeVar("R")


@dataclass(frozen=True)
class Layout:
    """Where a laid-out document ended: its pages and how full the last one is."""

    pages: int
    fill: float  # share of the last page's text area in use, 0 < fill <= 1
    scale: float = 1.0  # the share of the theme's type size used

    @property
    def filled(self) -> float:
        """Pages filled, e.g. 0.93 (93% of one page) or 1.25; its ceiling is ``pages``."""
        return self.pages - 1 + self.fill


def scaled(theme: Theme, scale: float) -> Theme:
    """The theme with its body type (size and leading) at ``scale`` of its own."""
    if scale == 1.0:
        return theme
    f = theme.fonts
    return dataclasses.replace(
        theme, fonts=dataclasses.replace(f, size=round(f.size * scale, 3),
                                         leading=round(f.leading * scale, 3)))


def scales(theme: Theme) -> list[float]:
    """The smaller sizes to try, largest first (empty when the theme does not fit)."""
    if not theme.page.fit_pages:
        return []
    floor = min(max(theme.page.fit_min_scale, 0.5), 1.0)
    steps = int(round((1.0 - floor) / STEP))
    return [round(1.0 - STEP * i, 4) for i in range(1, steps + 1)]


def fit(theme: Theme, attempt: Callable[[Theme, float], tuple[R, Layout]]) -> tuple[R, Layout]:
    """Lay out at the theme's size and, when that runs over ``fit_pages``, at the size the
    overflow predicts (area shrinks with the square of the scale), or the next smaller one
    that fits; when none does, the first layout stands and the text keeps its size.

    ``attempt(theme, scale)`` lays the document out with ``theme`` (already scaled) and returns
    its result and :class:`Layout`. Starting from the prediction rather than searching for the
    largest size that fits costs at most a step of type (0.2 pt) and saves layouts: a
    statement that needs fitting is usually laid out twice, which matters for the estimate
    that runs after every edit.
    """
    first = attempt(theme, 1.0)
    limit = int(theme.page.fit_pages)
    candidates = scales(theme)
    if not candidates or first[1].pages <= limit:
        return first
    filled = first[1].filled
    if filled * candidates[-1] ** 2 > limit * HOPELESS:
        return first
    guess = math.sqrt(limit / filled)
    start = next((n for n, c in enumerate(candidates) if c <= guess + 1e-9), len(candidates) - 1)
    for c in candidates[start:]:
        tried = attempt(scaled(theme, c), c)
        if tried[1].pages <= limit:
            return tried
    return first
