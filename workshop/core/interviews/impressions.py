"""The applicant's impressions after each interview, for the rank-list helper.

``impressions(workspace)`` maps program id to the :class:`Impression` recorded in the Interviews
section. Its ``ratings`` use the rank list's factor keys and 1-5 scale
(:data:`workshop.core.programs.ranking.FACTORS`), so the rank list can use them as ratings as
they are (``sheet.ratings.setdefault(pid, {}).update(...)`` for factors the user has not rated
there yet).
"""

from __future__ import annotations

from workshop.core.interviews.model import Impression
from workshop.core.interviews.repository import InterviewRepository
from workshop.core.storage.workspace import Workspace

__all__ = ["Impression", "impressions"]


def impressions(workspace: Workspace) -> dict[int, Impression]:
    """Program id -> the impression recorded for it (programs without one are left out)."""
    return {inv.program_id: inv.impression
            for inv in InterviewRepository(workspace.conn).all() if not inv.impression.empty}
