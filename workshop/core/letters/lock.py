"""MyERAS locks a program's letter assignments once the applicant has applied to it.

After applying, only the personal statement can be reassigned for that program (FACTS.md,
"Letter assignments": AAMC, "Programs Applied To"). The workshop keeps the applicant's plan,
so it still lets the matrix change, but it marks those programs and says plainly that MyERAS
will not accept the change. A program counts as applied from the "applied" step of the
programs pipeline onwards (interview invited, interviewed, ranked, matched); "researching" is
before applying and "withdrawn" says nothing about whether it was ever applied to.
"""

from __future__ import annotations

from typing import Final

from workshop.core.programs.model import STATUSES

SOURCE: Final = ("FACTS.md: ERAS application sections / Letter assignments (AAMC, 'Programs "
                 "Applied To')")
FIRST_LOCKED: Final = "applied"
#: Pipeline steps at which MyERAS no longer allows letter reassignment.
LOCKED_STATUSES: Final[frozenset[str]] = frozenset(
    s for s in STATUSES[STATUSES.index(FIRST_LOCKED):] if s != "withdrawn")
MARK: Final = "applied — locked"

EXPLANATION: Final = (
    f"Programs marked “{MARK}” have been applied to: MyERAS locks their letter "
    "assignments (only the personal statement can still be reassigned). Changing them here "
    "updates your plan only.")


def is_locked(status: str) -> bool:
    """True when MyERAS no longer lets this program's letter assignments change."""
    return status in LOCKED_STATUSES


def change_warning(program_name: str, assigned: bool) -> str:
    """What to tell the user who just changed a locked program's letters here."""
    verb = "assigned to" if assigned else "removed from"
    return (f"A letter was {verb} {program_name} here, but you have already applied there: "
            "MyERAS will not allow this change once a program has been applied to (only the "
            "personal statement can be reassigned). Your plan is updated; MyERAS is not.")
