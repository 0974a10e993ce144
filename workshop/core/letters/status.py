"""The request pipeline: planned → asked → agreed → packet sent → uploaded → assigned.

Moves go one step forward at a time, so the history shows every step with its date; a writer
may decline at any point. Refusals say what the next allowed step is, rather than just "no".
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from workshop.core.errors import UserError
from workshop.core.letters.model import PIPELINE, LetterEvent, LetterRequest, Status


def allowed_next(current: Status) -> tuple[Status, ...]:
    """Statuses a request in ``current`` may move to (empty once declined)."""
    if current is Status.DECLINED:
        return ()
    index = PIPELINE.index(current)
    following = PIPELINE[index + 1:index + 2]
    return (*following, Status.DECLINED)


def check_transition(request: LetterRequest, to: Status, on: dt.date, *,
                     writer_name: str = "") -> None:
    """Refuse an impossible move with the reason and what to do instead.

    Raises:
        UserError: declined already, a skipped or backward step, a date before the last
            event, or "uploaded" without a Letter ID.
    """
    to = Status(to)
    current = request.status
    who = f"the letter from {writer_name}" if writer_name else "this letter"
    where = f"letter request {request.id}" if request.id is not None else "letter request"
    if current is Status.DECLINED:
        raise UserError(f"{who.capitalize()} was declined, so it cannot become "
                        f'"{to.label}".', hint="If the writer changed their mind, add a new "
                        "request for them.", where=where)
    if to is current:
        raise UserError(f'{who.capitalize()} is already "{current.label}".', where=where)
    if to not in allowed_next(current):
        step = allowed_next(current)[0]
        direction = "back" if to in PIPELINE and PIPELINE.index(to) < PIPELINE.index(
            current) else "ahead"
        raise UserError(
            f'{who.capitalize()} cannot go {direction} from "{current.label}" to '
            f'"{to.label}": the next step is "{step.label}".',
            hint="Record each step in order, with the day it happened.", where=where)
    last = request.last_event_on
    if last is not None and on < last:
        raise UserError(
            f'"{to.label.capitalize()}" on {on.isoformat()} would come before the previous step '
            f'("{current.label}" on {last.isoformat()}).',
            hint="Check the date: steps are recorded in the order they happened.", where=where)
    if to is Status.UPLOADED and not request.letter_id:
        raise UserError(f"{who.capitalize()} has no ERAS Letter ID, so it cannot have been "
                        "uploaded to the LoR Portal.",
                        hint="Enter the Letter ID from MyERAS first.", where=where)


def advance(request: LetterRequest, to: Status, on: dt.date, *, note: str = "",
            writer_name: str = "") -> LetterRequest:
    """A copy of ``request`` with one more event; the original is unchanged.

    Raises:
        UserError: see :func:`check_transition`.
    """
    to = Status(to)
    check_transition(request, to, on, writer_name=writer_name)
    events = [*request.events, LetterEvent(to, on, note.strip())]
    return dataclasses.replace(request, events=events)
