"""Large synthetic CVs for benchmarks (``tests/benchmarks``, ``workshop bench``).

Built from the sample so the shape is realistic: the sample's entries are repeated back in time,
with a few gaps, overlaps and over-long texts so every rule has work to do.
"""

from __future__ import annotations

import copy

from workshop.core.cv.dates import month_from_index
from workshop.core.cv.model import CV, Experience
from workshop.core.cv.store import sample_cv


def large_cv(entries: int = 200, *, seed_cv: CV | None = None) -> CV:
    """A CV with ``entries`` experience entries (reverse-chronological, 3-9 months each)."""
    base = seed_cv or sample_cv()
    cv = copy.deepcopy(base)
    templates = base.experience
    cv.experience = []
    month = base.experience[0].start.first_index() if base.experience[0].start else 2024 * 12
    for i in range(entries):
        entry: Experience = copy.deepcopy(templates[i % len(templates)])
        length = 3 + i % 7
        first = month - length - (5 if i % 13 == 0 else 0)
        entry.id = f"exp-{i:04d}"
        entry.start, entry.end = month_from_index(first), month_from_index(first + length - 1)
        entry.full_time = i % 4 == 0
        if i % 17 == 0:
            entry.description = entry.description * 6
        cv.experience.append(entry)
        month = first + (1 if i % 11 == 0 else 0)
    return cv
