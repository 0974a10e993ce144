"""The day eligibility limits count to: the July 1 training start of the Match, not today.

"Graduated within the last 5 years" and "U.S. experience within the last 3 years" are judged
against the Match year and the July 1 training start (FACTS.md, "Season timeline"). Counting
from the day the app runs made one applicant "safety" on December 1 and "not eligible" on
January 15, in the middle of ranking. A season runs from June (MyERAS opens) to May 31 (ERAS
ends), so every day of it has the same anchor and the same labels.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

#: The month a new season starts: from June on, applicants apply for the next year's Match.
SEASON_START_MONTH: Final = 6
ROL_DEADLINE_KEY: Final = "rank-order-list-deadline"


@dataclass(frozen=True)
class MatchAnchor:
    """The Match an applicant is in, and the days fit rules count to."""

    match_year: int
    training_start: _dt.date
    rol_deadline: _dt.date | None = None
    rol_deadline_estimated: bool = True

    @property
    def season(self) -> str:
        """ "2026-2027" for the 2027 Match (the season files' names)."""
        return f"{self.match_year - 1}-{self.match_year}"

    def limits_day(self, stated: _dt.date | None) -> _dt.date:
        """The program's own day when it states one, else the training start."""
        return stated or self.training_start


def match_year_for(today: _dt.date) -> int:
    """June 2026 – May 2027 is the 2027 Match's season."""
    return today.year + 1 if today.month >= SEASON_START_MONTH else today.year


def anchor_for(today: _dt.date) -> MatchAnchor:
    """The anchor of the season ``today`` falls in (the ROL deadline from its season file)."""
    year = match_year_for(today)
    deadline, estimated = _rol_deadline(year)
    return MatchAnchor(match_year=year, training_start=_dt.date(year, 7, 1),
                       rol_deadline=deadline, rol_deadline_estimated=estimated)


@lru_cache(maxsize=4)
def _rol_deadline(year: int) -> tuple[_dt.date | None, bool]:
    from workshop.core.errors import UserError
    from workshop.core.season import timeline

    try:
        season = timeline.load_season(timeline.season_path(f"{year - 1}-{year}"))
    except (UserError, OSError, ValueError):
        return None, True  # no data file for that season: Step 3 dates say "not stated"
    for event in season.events:
        if event.key == ROL_DEADLINE_KEY:
            return event.date, event.estimated
    return None, True
