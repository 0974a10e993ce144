"""What an action changed, so every screen can refresh itself from one value (Anki's OpChanges).

A service or a page that saved something returns or announces a :class:`Changes`; the main window
broadcasts it to every page, and each page decides from the flags whether what it shows is
affected. No page polls the workspace or keeps a stale flag of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Which parts of the workspace an action wrote."""

    statements: bool = False
    cv: bool = False
    #: The applicant's facts that other sections derive from (exams, graduation, visa...).
    profile: bool = False
    letters: bool = False
    programs: bool = False
    drills: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches(self, *names: str) -> bool:
        """True when any of the named parts changed (``changes.touches("cv", "profile")``)."""
        return any(getattr(self, name) for name in names)


NOTHING = Changes()
