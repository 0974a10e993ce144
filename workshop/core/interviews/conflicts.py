"""Conflicts: interviews that overlap or share a day, and dates that collide with letter due
dates or the season calendar.

Times are compared as instants (each slot in its own zone), so a 9:00 Los Angeles interview and
an 11:00 Chicago one are the same moment. "The same day" is the applicant's day: in their zone
when it is set, else in each interview's own zone. A slot without an end time is taken to last
:data:`ASSUMED_HOURS` hours, and the message says so.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from workshop.core.errors import UserError
from workshop.core.interviews.model import Invitation, Slot
from workshop.core.interviews.zones import aware, clock, in_zone, short_name
from workshop.core.season.events import TimelineEvent
from workshop.core.season.timeline import UserDate

ASSUMED_HOURS: Final = 4
ROL_KEY: Final = "rank-order-list-deadline"
PENDING: Final = frozenset({"invited", "waitlisted"})


@dataclass(frozen=True)
class Conflict:
    """One clash. ``severity``: "problem" (cannot both happen), "warning" or "note"."""

    kind: str
    severity: str
    text: str
    day: _dt.date
    program_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Placed:
    program_id: int
    name: str
    slot: Slot
    start: _dt.datetime | None
    end: _dt.datetime | None
    assumed_end: bool
    day: _dt.date


def _place(program_id: int, name: str, slot: Slot, applicant_zone: str) -> _Placed | None:
    try:
        if slot.start_time is None:
            return _Placed(program_id, name, slot, None, None, False, slot.day)
        start = aware(slot.day, slot.start_time, slot.time_zone)
        assumed = slot.end_time is None
        end = (start + _dt.timedelta(hours=ASSUMED_HOURS) if assumed
               else aware(slot.day, slot.end_time or slot.start_time, slot.time_zone))
        day = in_zone(start, applicant_zone).date() if applicant_zone else slot.day
        return _Placed(program_id, name, slot, start, end, assumed, day)
    except UserError:
        return None  # an unknown zone is reported by the listing, not as a clash


def _when(placed: _Placed, applicant_zone: str) -> str:
    if placed.start is None:
        return placed.slot.day.isoformat() + " (time not known)"
    local = placed.start
    text = f"{local.date().isoformat()} {clock(local)} {short_name(local)}"
    if applicant_zone:
        mine = in_zone(local, applicant_zone)
        if mine.utcoffset() != local.utcoffset():
            text += f" ({clock(mine)} {short_name(mine)} for you)"
    return text


def find_conflicts(invitations: Sequence[Invitation], names: dict[int, str], *,
                   applicant_zone: str = "", letter_dates: Iterable[UserDate] = (),
                   season: Iterable[TimelineEvent] = (),
                   today: _dt.date | None = None) -> list[Conflict]:
    """Every clash among the scheduled interviews, dates still offered, letters and the season.

    Args:
        invitations: all invitations (only scheduled ones and the dates offered to pending
            ones are compared).
        names: program id -> name shown.
        letter_dates: letter due dates (``letters.in_workspace.letter_due_dates``).
        season: the season calendar (``programs.in_workspace.timeline_events``); only season
            dates are read here.
        today: respond-by dates before it are reported; past interviews are left out.
    """
    chosen: list[_Placed] = []
    offered: list[_Placed] = []
    found: list[Conflict] = []
    for inv in invitations:
        name = names.get(inv.program_id, f"program {inv.program_id}")
        if inv.status == "scheduled" and inv.chosen is not None:
            placed = _place(inv.program_id, name, inv.chosen, applicant_zone)
            if placed is not None and (today is None or placed.day >= today):
                chosen.append(placed)
        elif inv.status in PENDING:
            for slot in inv.offered:
                placed = _place(inv.program_id, name, slot, applicant_zone)
                if placed is not None and (today is None or placed.day >= today):
                    offered.append(placed)
            if today is not None and inv.respond_by is not None and inv.status == "invited":
                days = (inv.respond_by - today).days
                if days < 0:
                    found.append(Conflict("respond-by", "warning",
                                          f"{name}: the reply was due {inv.respond_by.isoformat()}"
                                          " and no date is chosen yet.", inv.respond_by,
                                          (inv.program_id,)))
                elif days <= 2:
                    found.append(Conflict("respond-by", "warning",
                                          f"{name}: reply by {inv.respond_by.isoformat()} "
                                          f"({'today' if days == 0 else f'in {days} days'}).",
                                          inv.respond_by, (inv.program_id,)))
    found += _pairs(chosen, chosen, applicant_zone, offered_side=False)
    found += _pairs(offered, chosen, applicant_zone, offered_side=True)
    found += _dates(chosen, list(letter_dates), list(season), applicant_zone)
    order = {"problem": 0, "warning": 1, "note": 2}
    return sorted(found, key=lambda c: (c.day, order.get(c.severity, 3), c.text))


def _pairs(left: list[_Placed], right: list[_Placed], zone_name: str, *,
           offered_side: bool) -> list[Conflict]:
    out: list[Conflict] = []
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            if a.program_id == b.program_id or (not offered_side and j <= i):
                continue
            overlap = (a.start is not None and b.start is not None and a.end is not None
                       and b.end is not None and a.start < b.end and b.start < a.end)
            if not overlap and a.day != b.day:
                continue
            ids = (a.program_id, b.program_id)
            when_a, when_b = _when(a, zone_name), _when(b, zone_name)
            if offered_side:
                what = "overlaps" if overlap else "is on the same day as"
                out.append(Conflict("offered-clash", "note",
                                    f"The date {a.name} offers, {when_a}, {what} your "
                                    f"{b.name} interview ({when_b}).", a.day, ids))
            elif overlap:
                assumed = (" (an end time is not recorded; assumed "
                           f"{ASSUMED_HOURS} hours)") if a.assumed_end or b.assumed_end else ""
                out.append(Conflict("overlap", "problem",
                                    f"{a.name} ({when_a}) and {b.name} ({when_b}) overlap"
                                    f"{assumed}.", a.day, ids))
            else:
                out.append(Conflict("same-day", "warning",
                                    f"Two interviews on {a.day.isoformat()}: {a.name} ({when_a})"
                                    f" and {b.name} ({when_b}).", a.day, ids))
    return out


def _dates(chosen: list[_Placed], letters: list[UserDate], season: list[TimelineEvent],
           zone_name: str) -> list[Conflict]:
    out: list[Conflict] = []
    season_dates = [e for e in season if e.kind == "season"]
    rol = next((e for e in season_dates if e.key == ROL_KEY), None)
    for placed in chosen:
        for letter in letters:
            if letter.date == placed.day:
                out.append(Conflict("letter-due", "note",
                                    f"{letter.title} on the day of your {placed.name} interview"
                                    f" ({_when(placed, zone_name)}): settle it the day before.",
                                    placed.day, (placed.program_id,)))
        for event in season_dates:
            if event.date <= placed.day <= event.last_day:
                out.append(Conflict("season", "note",
                                    f"Your {placed.name} interview ({_when(placed, zone_name)}) "
                                    f"falls on: {event.title}.", placed.day,
                                    (placed.program_id,)))
        if rol is not None and placed.day > rol.date:
            out.append(Conflict("after-rol", "problem",
                                f"Your {placed.name} interview ({placed.day.isoformat()}) is "
                                f"after the rank-order list deadline ({rol.date.isoformat()}, "
                                f"{rol.when or 'not confirmed'}).", placed.day,
                                (placed.program_id,)))
    return out
