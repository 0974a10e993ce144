"""CV findings in the same shape as statement findings (``workshop.core.checks.finding``).

CV findings are about fields, not text spans, so ``start``/``end`` stay 0 and ``where`` holds the
CV field path ("experience[3].end") the editor jumps to. ``excerpt`` forms the shared ignore key
(rule + excerpt): it is set to something that survives reordering (a gap's months, an entry's
label) so an ignored CV finding stays ignored after a sort.
"""

from __future__ import annotations

from workshop.core.checks.finding import Finding

CATEGORY_RESIDENCY = "residency"
CATEGORY_LENGTH = "length"
CATEGORY_CLARITY = "clarity"

ENGINE = "cv-rules"


def make_finding(*, rule: str, category: str, severity: str, message: str, source: str,
                 where: str = "", excerpt: str = "",
                 suggestions: tuple[str, ...] = ()) -> Finding:
    """Build a CV finding (``excerpt`` defaults to ``where``)."""
    return Finding(
        rule=rule, category=category, severity=severity, message=message,
        suggestions=suggestions, engine=ENGINE, source=source, excerpt=excerpt or where,
        where=where,
    )


__all__ = [
    "CATEGORY_CLARITY", "CATEGORY_LENGTH", "CATEGORY_RESIDENCY", "ENGINE", "Finding",
    "make_finding",
]
