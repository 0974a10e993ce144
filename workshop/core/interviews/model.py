"""Invitations, their slots, dated status events, log messages and impressions, as plain data.

The status pipeline is invited → scheduled → completed, with declined, cancelled and waitlisted
as the other ends (a waitlisted invitation may still become scheduled; a cancelled one may be
rescheduled). Every change of status is a dated :class:`StatusEvent`, as programs keep theirs.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Final, Literal, get_args

from workshop.core.errors import UserError

Status = Literal["invited", "scheduled", "completed", "declined", "cancelled", "waitlisted"]
STATUSES: Final[tuple[str, ...]] = get_args(Status)
STATUS_LABELS: Final[dict[str, str]] = {
    "invited": "Invited", "scheduled": "Scheduled", "completed": "Completed",
    "declined": "Declined", "cancelled": "Cancelled", "waitlisted": "Waitlisted",
}
#: Which status may follow which (a status may also be recorded again, with a new date).
NEXT: Final[dict[str, frozenset[str]]] = {
    "invited": frozenset({"scheduled", "declined", "waitlisted"}),
    "waitlisted": frozenset({"scheduled", "declined", "invited"}),
    "scheduled": frozenset({"completed", "cancelled", "scheduled"}),
    "cancelled": frozenset({"scheduled", "invited"}),
    "declined": frozenset({"invited"}),
    "completed": frozenset(),
}

Mode = Literal["", "virtual", "in-person"]
MODES: Final[tuple[str, ...]] = get_args(Mode)
MODE_LABELS: Final[dict[str, str]] = {"": "Not known", "virtual": "Virtual",
                                      "in-person": "In person"}

Platform = Literal["", "thalamus", "eras-scheduler", "zoom", "other"]
PLATFORMS: Final[tuple[str, ...]] = get_args(Platform)
PLATFORM_LABELS: Final[dict[str, str]] = {
    "": "Not known", "thalamus": "Thalamus", "eras-scheduler": "ERAS scheduler",
    "zoom": "Zoom", "other": "Other",
}

Policy = Literal["not-stated", "welcome", "no-thank-you", "no-contact"]
POLICIES: Final[tuple[str, ...]] = get_args(Policy)
POLICY_LABELS: Final[dict[str, str]] = {
    "not-stated": "Not stated",
    "welcome": "Thank-you notes welcome",
    "no-thank-you": "Asks for no thank-you notes",
    "no-contact": "Asks for no post-interview contact",
}

Direction = Literal["sent", "received"]
DIRECTIONS: Final[tuple[str, ...]] = get_args(Direction)
Channel = Literal["email", "platform", "phone", "letter", "other"]
CHANNELS: Final[tuple[str, ...]] = get_args(Channel)
CHANNEL_LABELS: Final[dict[str, str]] = {"email": "E-mail", "platform": "Platform",
                                         "phone": "Phone", "letter": "Letter", "other": "Other"}
MessageKind = Literal["invitation", "scheduling", "cancellation", "thank-you", "update-letter",
                      "question", "other"]
MESSAGE_KINDS: Final[tuple[str, ...]] = get_args(MessageKind)
MESSAGE_KIND_LABELS: Final[dict[str, str]] = {
    "invitation": "Invitation", "scheduling": "Scheduling", "cancellation": "Cancellation",
    "thank-you": "Thank-you note", "update-letter": "Update letter", "question": "Question",
    "other": "Other",
}


@dataclass
class Slot:
    """A date offered or chosen: wall-clock start (and end) on ``day`` in ``time_zone``.

    Without ``start_time`` it is a day whose hours are not known yet; ``end_time`` is on the
    same day.
    """

    day: _dt.date
    time_zone: str
    start_time: _dt.time | None = None
    end_time: _dt.time | None = None
    chosen: bool = False
    label: str = ""
    uid: str = ""
    id: int | None = None
    invitation_id: int | None = None

    @property
    def has_time(self) -> bool:
        return self.start_time is not None


@dataclass
class StatusEvent:
    status: Status
    on: _dt.date
    note: str = ""
    id: int | None = None


@dataclass
class Message:
    """One entry of the communication log with a program."""

    on: _dt.date
    direction: Direction
    channel: Channel = "email"
    kind: MessageKind = "other"
    subject: str = ""
    body: str = ""
    id: int | None = None
    program_id: int | None = None


@dataclass
class Impression:
    """The applicant's own ratings and notes after an interview.

    ``ratings`` use the rank-list helper's factor keys (``workshop.core.programs.ranking.
    FACTORS``) on its 1-5 scale, so the rank list can take them over as they are.
    """

    ratings: dict[str, int] = field(default_factory=dict)
    overall: int | None = None
    liked: str = ""
    concerns: str = ""
    notes: str = ""

    @property
    def empty(self) -> bool:
        return not (self.ratings or self.overall or self.liked or self.concerns or self.notes)


@dataclass
class Invitation:
    """A program's interview invitation and everything recorded about it."""

    program_id: int
    status: Status = "invited"
    received_on: _dt.date | None = None
    respond_by: _dt.date | None = None
    time_zone: str = ""
    mode: Mode = ""
    platform: Platform = ""
    platform_note: str = ""
    location: str = ""
    thank_you_policy: Policy = "not-stated"
    policy_note: str = ""
    thank_you_text: str = ""
    update_letter_text: str = ""
    notes: str = ""
    impression: Impression = field(default_factory=Impression)
    slots: list[Slot] = field(default_factory=list)
    events: list[StatusEvent] = field(default_factory=list)
    id: int | None = None

    @property
    def chosen(self) -> Slot | None:
        """The date the applicant picked (None until scheduled)."""
        return next((s for s in self.slots if s.chosen), None)

    @property
    def offered(self) -> list[Slot]:
        return [s for s in self.slots if not s.chosen]

    def validate(self) -> None:
        """Raises UserError naming the field and what to choose instead."""
        for value, allowed, label in ((self.status, STATUSES, "status"),
                                      (self.mode, MODES, "format"),
                                      (self.platform, PLATFORMS, "platform"),
                                      (self.thank_you_policy, POLICIES, "thank-you policy")):
            if value not in allowed:
                choices = ", ".join(a for a in allowed if a)
                raise UserError(f"{label} {value!r} is not one of: {choices}", where=label)
        if self.received_on and self.respond_by and self.respond_by < self.received_on:
            raise UserError("the respond-by date is before the day the invitation arrived",
                            where="respond by", hint="Check both dates.")
        for slot in self.slots:
            if slot.start_time and slot.end_time and slot.end_time <= slot.start_time:
                raise UserError(f"the interview on {slot.day.isoformat()} ends before it starts",
                                where="dates", hint="Check the start and end times.")


def check_status_step(current: str, new: str) -> None:
    """Refuse a step the pipeline does not have (completed is final).

    Raises:
        UserError: saying what the current status allows.
    """
    if new not in STATUSES:
        raise UserError(f"unknown status {new!r}", where="status",
                        hint="Use one of: " + ", ".join(STATUSES) + ".")
    if new == current or new in NEXT.get(current, frozenset()):
        return
    allowed = ", ".join(STATUS_LABELS[s].lower() for s in sorted(NEXT.get(current, ())))
    raise UserError(
        f"an invitation that is {STATUS_LABELS[current].lower()} cannot become "
        f"{STATUS_LABELS[new].lower()}",
        where="status",
        hint=(f"From here it can become: {allowed}." if allowed
              else "A completed interview is final; log what happened in the messages."))
