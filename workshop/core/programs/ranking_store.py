"""Keep the rank sheet and the checklist's manual ticks in the workspace settings.

Both are small, user-owned JSON values that belong to the workspace (they travel with its file
and its backups), so they live in the settings table rather than in tables of their own. A value
damaged by hand editing or an older build is reported as a :class:`UserError`; the caller can
start afresh with :func:`reset_rank_sheet` instead of losing the whole page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Protocol

from workshop.core.errors import UserError
from workshop.core.programs.ranking import RankSheet

RANK_SHEET_KEY: Final = "programs.rank_sheet"
CHECKLIST_TICKS_KEY: Final = "season.checklist_ticks"


class SettingsStore(Protocol):
    """What the workspace's ``settings`` repository offers (a dict-backed fake works too)."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


def load_rank_sheet(settings: SettingsStore) -> RankSheet:
    """The saved rank sheet, or a fresh one (every factor weighted 1) when none is saved.

    Raises:
        UserError: the saved value is not a rank sheet (the message says to re-enter ratings).
    """
    data = settings.get(RANK_SHEET_KEY)
    if data is None:
        return RankSheet()
    if not isinstance(data, dict):
        raise UserError("the saved rank list is damaged: it is not a table of ratings",
                        where="rank list", hint="Reset the rank list and re-enter the ratings.")
    try:
        return RankSheet.from_dict(data)
    except UserError as exc:
        raise UserError(f"the saved rank list is damaged: {exc.message}", where="rank list",
                        hint="Reset the rank list and re-enter the ratings.") from exc


def save_rank_sheet(settings: SettingsStore, sheet: RankSheet) -> None:
    """Store the sheet at once (weights, custom factors, ratings and the final order)."""
    settings.set(RANK_SHEET_KEY, sheet.to_dict())


def reset_rank_sheet(settings: SettingsStore) -> RankSheet:
    """Replace a damaged or unwanted sheet with a fresh one and return it."""
    sheet = RankSheet()
    save_rank_sheet(settings, sheet)
    return sheet


def load_checklist_ticks(settings: SettingsStore) -> dict[str, bool]:
    """The checklist items ticked by hand, ``{item key: done}``.

    A damaged value reads as "nothing ticked" rather than failing: a tick is cheap to redo and
    the checklist must always open.
    """
    data = settings.get(CHECKLIST_TICKS_KEY)
    if not isinstance(data, Mapping):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, bool)}


def set_checklist_tick(settings: SettingsStore, key: str, done: bool) -> dict[str, bool]:
    """Tick (or untick) one item and store it at once; returns every tick.

    Raises:
        UserError: an empty item key (a programming slip the user could not fix anyway is
            still reported plainly, not as a traceback).
    """
    if not key.strip():
        raise UserError("a checklist item needs a key", where="checklist")
    ticks = load_checklist_ticks(settings)
    if done:
        ticks[key] = True
    else:
        ticks.pop(key, None)
    settings.set(CHECKLIST_TICKS_KEY, ticks)
    return ticks
