"""Interviews inside a workspace: the use-cases the Interviews page and the CLI both call.

Every write runs in ``workspace.transaction()`` (a read-only workspace refuses before anything is
written) and returns what changed. Program side effects go through the programs repository: an
invitation moves its program to "interview invited", a completed interview adds the program's
"interviewed" event, and the chosen date becomes the program's interview date (the season
calendar shows it).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from workshop.core.changes import Changes
from workshop.core.errors import UserError
from workshop.core.interviews.conflicts import Conflict, find_conflicts
from workshop.core.interviews.ics_read import IcsEvent, read_ics
from workshop.core.interviews.ics_write import export_interviews_ics, export_items
from workshop.core.interviews.matching import Candidate, match_programs
from workshop.core.interviews.model import (
    Impression,
    Invitation,
    Message,
    Slot,
    StatusEvent,
    check_status_step,
)
from workshop.core.interviews.repository import InterviewRepository
from workshop.core.interviews.templates import LetterFacts
from workshop.core.interviews.zones import (
    aware,
    check_zone,
    clock,
    in_zone,
    short_name,
    zone_for_state,
)
from workshop.core.programs.model import TRACK_LABELS, Program, ProgramEvent, status_rank
from workshop.core.programs.repository import ProgramRepository
from workshop.core.storage.workspace import Workspace

ZONE_KEY: Final = "interviews.applicant_zone"
#: What every interview write changed: programs (status, interview date; the rank list reads
#: the impressions). The lead may add an ``interviews`` flag to Changes later.
CHANGED: Final = Changes(programs=True)


def repository(workspace: Workspace) -> InterviewRepository:
    return InterviewRepository(workspace.conn)


def programs_by_id(workspace: Workspace) -> dict[int, Program]:
    return {p.id: p for p in ProgramRepository(workspace.conn).list_programs()
            if p.id is not None}


def applicant_zone(workspace: Workspace) -> str:
    """The applicant's own zone ('' until they choose one)."""
    value = workspace.settings.get(ZONE_KEY, "")
    return value if isinstance(value, str) else ""


def set_applicant_zone(workspace: Workspace, name: str) -> Changes:
    """Raises UserError for an unknown zone (nothing saved)."""
    clean = check_zone(name) if name.strip() else ""
    with workspace.transaction():
        workspace.settings.set(ZONE_KEY, clean)
    return CHANGED


# -- showing times -------------------------------------------------------------------------------
def slot_times(slot: Slot, applicant: str, *, always_date: bool = False) -> tuple[str, str]:
    """(the program's time, the applicant's time), e.g. ("Wed Dec 9, 9:00 AM PST",
    "11:00 AM CST"); a bad zone gives its message in the first place instead of raising.

    The applicant's time names its day only when it differs from the program's (it is read
    beside the program's time), or always with ``always_date`` (a list that shows it alone).
    """
    label = slot.day.strftime("%a %b ") + str(slot.day.day)
    if slot.start_time is None:
        return f"{label} (time not set)", ""
    try:
        start = aware(slot.day, slot.start_time, slot.time_zone)
    except UserError as exc:
        return f"{label} {slot.start_time.strftime('%H:%M')} — {exc.message}", ""
    span = f"{clock(start)}"
    if slot.end_time is not None:
        end = aware(slot.day, slot.end_time, slot.time_zone)
        span += f"–{clock(end)}"
    program_text = f"{label}, {span} {short_name(start)}"
    if not applicant:
        return program_text, ""
    try:
        mine = in_zone(start, applicant)
    except UserError as exc:
        return program_text, exc.message
    mine_label = "" if mine.date() == slot.day and not always_date else \
        mine.strftime("%a %b ") + str(mine.day) + ", "
    mine_span = clock(mine)
    if slot.end_time is not None:
        mine_span += f"–{clock(in_zone(aware(slot.day, slot.end_time, slot.time_zone), applicant))}"
    return program_text, f"{mine_label}{mine_span} {short_name(mine)}"


@dataclass
class Row:
    """One invitation as the list shows it."""

    program: Program
    invitation: Invitation
    program_time: str = ""
    your_time: str = ""
    conflicts: int = 0
    #: The applicant's day and time ("Fri Dec 11, 11:00 AM–3:00 PM CST"), for the list.
    your_when: str = ""


@dataclass
class Overview:
    rows: list[Row]
    conflicts: list[Conflict]
    applicant_zone: str
    #: Programs without an invitation yet (for "Add invitation").
    uninvited: list[Program] = field(default_factory=list)


def overview(workspace: Workspace, today: _dt.date) -> Overview:
    """Everything the section's list shows, read once."""
    from workshop.core.letters.in_workspace import letter_due_dates
    from workshop.core.programs.in_workspace import timeline_events

    programs = programs_by_id(workspace)
    invitations = [i for i in repository(workspace).all() if i.program_id in programs]
    zone_name = applicant_zone(workspace)
    names = {pid: p.display_name for pid, p in programs.items()}
    conflicts = find_conflicts(invitations, names, applicant_zone=zone_name,
                               letter_dates=letter_due_dates(workspace),
                               season=timeline_events(workspace), today=today)
    rows = []
    for inv in invitations:
        slot = inv.chosen or (inv.offered[0] if inv.offered else None)
        program_time, your_time = slot_times(slot, zone_name) if slot else ("", "")
        your_when = slot_times(slot, zone_name, always_date=True)[1] if slot else ""
        count = sum(1 for c in conflicts if inv.program_id in c.program_ids)
        rows.append(Row(programs[inv.program_id], inv, program_time, your_time, count,
                        your_when))
    rows.sort(key=lambda r: (_sort_day(r.invitation), r.program.name.casefold()))
    invited = {i.program_id for i in invitations}
    uninvited = sorted((p for pid, p in programs.items() if pid not in invited),
                       key=lambda p: p.name.casefold())
    return Overview(rows, conflicts, zone_name, uninvited)


def _sort_day(inv: Invitation) -> _dt.date:
    slot = inv.chosen or (inv.offered[0] if inv.offered else None)
    return slot.day if slot else (inv.respond_by or inv.received_on or _dt.date.max)


# -- writing -------------------------------------------------------------------------------------
def _program_step(workspace: Workspace, program_id: int, status: str, on: _dt.date,
                  note: str) -> None:
    """Move the program forward to ``status`` (never back; withdrawn programs are left)."""
    repo = ProgramRepository(workspace.conn)
    program = repo.get(program_id, with_events=False)
    if program.status == "withdrawn" or status_rank(program.status) >= status_rank(status):
        return
    repo.add_event(program_id, ProgramEvent(status, on, note))  # type: ignore[arg-type]


def _sync_interview_date(workspace: Workspace, invitation: Invitation) -> None:
    """The chosen day becomes the program's interview date (the season calendar shows it)."""
    chosen = invitation.chosen
    repo = ProgramRepository(workspace.conn)
    program = repo.get(invitation.program_id, with_events=False)
    day = chosen.day if chosen is not None and invitation.status in ("scheduled",
                                                                     "completed") else None
    if day is None and invitation.status == "completed":
        return
    if program.interview_date != day:
        program.interview_date = day
        # a program with data its own editor must fix keeps its date; the interview is saved
        with contextlib.suppress(UserError):
            repo.update(program)


def add_invitation(workspace: Workspace, program_id: int, *, received_on: _dt.date,
                   respond_by: _dt.date | None = None, time_zone: str = "",
                   note: str = "") -> Invitation:
    """Record an invitation (status "invited", dated); the program moves to "interview invited".

    Raises:
        UserError: unknown zone, dates in the wrong order, a program that already has one.
    """
    program = ProgramRepository(workspace.conn).get(program_id, with_events=False)
    zone_name = check_zone(time_zone) if time_zone.strip() else zone_for_state(program.state)
    invitation = Invitation(program_id, received_on=received_on, respond_by=respond_by,
                            time_zone=zone_name,
                            events=[StatusEvent("invited", received_on, note)])
    with workspace.transaction():
        repository(workspace).add(invitation)
        _program_step(workspace, program_id, "interview-invited", received_on,
                      "Interview invitation recorded")
    return invitation


def save_invitation(workspace: Workspace, invitation: Invitation) -> Changes:
    """Save the invitation's fields (zone checked first; nothing saved on a refusal)."""
    if invitation.time_zone.strip():
        invitation.time_zone = check_zone(invitation.time_zone)
    with workspace.transaction():
        repository(workspace).update(invitation)
    return CHANGED


def delete_invitation(workspace: Workspace, invitation_id: int) -> Changes:
    with workspace.transaction():
        repository(workspace).delete(invitation_id)
    return CHANGED


def set_status(workspace: Workspace, invitation_id: int, status: str, on: _dt.date,
               note: str = "") -> Invitation:
    """Record a dated status; a completed interview adds the program's "interviewed" event.

    Raises:
        UserError: a step the pipeline does not have, or "scheduled" without a chosen date.
    """
    repo = repository(workspace)
    invitation = repo.get(invitation_id)
    check_status_step(invitation.status, status)
    if status == "scheduled" and invitation.chosen is None:
        raise UserError("choose the interview date first", where="status",
                        hint="Add the date (or mark one of the dates offered as chosen), then "
                             "record it as scheduled.")
    with workspace.transaction():
        repo.add_event(invitation_id, StatusEvent(status, on, note))  # type: ignore[arg-type]
        if status == "completed":
            _program_step(workspace, invitation.program_id, "interviewed", on,
                          "Interview completed")
        updated = repo.get(invitation_id)
        _sync_interview_date(workspace, updated)
    return updated


def _change_slots(workspace: Workspace, invitation_id: int,
                  change: Callable[[InterviewRepository], object]) -> Invitation:
    """Apply ``change`` and move the chosen day onto the program, in one transaction."""
    repo = repository(workspace)
    with workspace.transaction():
        change(repo)
        updated = repo.get(invitation_id)
        _sync_interview_date(workspace, updated)
    return updated


def add_slot(workspace: Workspace, invitation_id: int, slot: Slot) -> Invitation:
    """Add a date offered (or the chosen one). Raises UserError for an unknown zone."""
    slot.time_zone = check_zone(slot.time_zone)
    return _change_slots(workspace, invitation_id, lambda repo: repo.add_slot(invitation_id, slot))


def choose_slot(workspace: Workspace, invitation_id: int, slot_id: int | None) -> Invitation:
    return _change_slots(workspace, invitation_id,
                         lambda repo: repo.choose_slot(invitation_id, slot_id))


def delete_slot(workspace: Workspace, invitation_id: int, slot_id: int) -> Invitation:
    return _change_slots(workspace, invitation_id, lambda repo: repo.delete_slot(slot_id))


def log_message(workspace: Workspace, program_id: int, message: Message) -> Changes:
    with workspace.transaction():
        repository(workspace).add_message(program_id, message)
    return CHANGED


def delete_message(workspace: Workspace, message_id: int) -> Changes:
    with workspace.transaction():
        repository(workspace).delete_message(message_id)
    return CHANGED


def messages(workspace: Workspace, program_id: int) -> list[Message]:
    return repository(workspace).messages(program_id)


def save_impression(workspace: Workspace, invitation_id: int,
                    impression: Impression) -> Changes:
    """Save the applicant's ratings and notes (ratings 1-5; others refused)."""
    from workshop.core.programs.ranking import FACTORS

    for key, value in impression.ratings.items():
        if key not in FACTORS:
            raise UserError(f"unknown factor {key!r}", where="impressions")
        if not 1 <= value <= 5:
            raise UserError(f"rating {value} is not between 1 and 5", where=FACTORS[key])
    if impression.overall is not None and not 1 <= impression.overall <= 5:
        raise UserError(f"overall rating {impression.overall} is not between 1 and 5",
                        where="impressions")
    repo = repository(workspace)
    invitation = repo.get(invitation_id)
    invitation.impression = impression
    with workspace.transaction():
        repo.update(invitation)
    return CHANGED


def letter_facts(workspace: Workspace, program: Program, invitation: Invitation) -> LetterFacts:
    profile = workspace.profile.get()
    chosen = invitation.chosen
    date = (chosen.day.strftime("%B ") + str(chosen.day.day) + chosen.day.strftime(", %Y")
            if chosen else "[date]")
    return LetterFacts(program.name, profile.full_name, program.specialty,
                       TRACK_LABELS.get(program.track, ""), date)


# -- .ics ----------------------------------------------------------------------------------------
@dataclass
class ImportProposal:
    """One event of a calendar file and the programs it may be for (the user confirms)."""

    event: IcsEvent
    candidates: list[Candidate]


def propose_import(path: Path | str, programs: list[Program]) -> list[ImportProposal]:
    """Read a calendar file and match each event to programs (pure: any thread).

    Raises:
        UserError: the file is broken (nothing is saved).
    """
    return [ImportProposal(e, match_programs(e, programs)) for e in read_ics(path)]


def _platform_guess(text: str) -> str:
    lowered = text.casefold()
    if "thalamus" in lowered:
        return "thalamus"
    if "eras" in lowered and "schedul" in lowered:
        return "eras-scheduler"
    if "zoom" in lowered:
        return "zoom"
    return ""


def slot_from_event(event: IcsEvent, zone_name: str) -> Slot:
    """The event's start and end as a wall-clock slot in a zone.

    The file's own zone wins; a UTC or floating time is placed in ``zone_name``.

    Raises:
        UserError: no zone is known for a timed event, or it spans days.
    """
    start, end = event.start, event.end
    if start is None:
        raise UserError("the event has no start", where="calendar file")
    if not isinstance(start, _dt.datetime):
        return Slot(start, check_zone(zone_name) if zone_name else "UTC", uid=event.uid,
                    label=event.summary[:200], chosen=True)
    target = event.zone_name or zone_name
    if not target:
        raise UserError("the calendar file gives no time zone for this interview",
                        where="time zone", hint="Choose the program's time zone, then import.")
    target = check_zone(target)
    if start.tzinfo is not None:
        start = in_zone(start, target)
    end_time = None
    if isinstance(end, _dt.datetime):
        end_local = in_zone(end, target) if end.tzinfo is not None else end
        if end_local.date() == start.date() and end_local.time() > start.time():
            end_time = end_local.time().replace(second=0, microsecond=0)
    return Slot(start.date(), target, start.time().replace(second=0, microsecond=0), end_time,
                chosen=True, label=event.summary[:200], uid=event.uid)


def apply_import(workspace: Workspace, event: IcsEvent, program_id: int, *,
                 today: _dt.date, zone_name: str = "") -> Invitation:
    """Save an imported interview for the program the user confirmed: its date is chosen,
    the invitation becomes "scheduled", and the log notes the calendar file.

    Raises:
        UserError: no zone known for it; nothing is saved.
    """
    programs = ProgramRepository(workspace.conn)
    program = programs.get(program_id, with_events=False)
    repo = repository(workspace)
    existing = repo.for_program(program_id)
    fallback = zone_name or (existing.time_zone if existing else "") or zone_for_state(
        program.state)
    slot = slot_from_event(event, fallback)
    if existing is not None and any(s.uid and s.uid == slot.uid and s.day == slot.day
                                    and s.start_time == slot.start_time
                                    for s in existing.slots):
        return existing  # the same file imported twice
    text = " ".join((event.summary, event.location, event.description))
    with workspace.transaction():
        invitation = existing
        if invitation is None:
            invitation = Invitation(program_id, received_on=today, time_zone=slot.time_zone,
                                    events=[StatusEvent("invited", today,
                                                        "From a calendar file")])
            repo.add(invitation)
            _program_step(workspace, program_id, "interview-invited", today,
                          "Interview invitation recorded")
        assert invitation.id is not None
        if not invitation.platform:
            invitation.platform = _platform_guess(text)  # type: ignore[assignment]
        if not invitation.mode and invitation.platform in ("thalamus", "zoom"):
            invitation.mode = "virtual"
        if not invitation.location and event.location:
            invitation.location = event.location[:500]
        invitation.time_zone = invitation.time_zone or slot.time_zone
        repo.update(invitation)
        repo.add_slot(invitation.id, slot)
        repo.choose_slot(invitation.id, slot.id)
        current = repo.get(invitation.id)
        if current.status != "scheduled":
            check_status_step(current.status, "scheduled")
            repo.add_event(invitation.id, StatusEvent("scheduled", today,
                                                      "Date from a calendar file"))
        repo.add_message(program_id, Message(today, "received", "platform", "scheduling",
                                             event.summary[:300] or "Calendar invitation",
                                             event.description[:4000]))
        updated = repo.get(invitation.id)
        _sync_interview_date(workspace, updated)
    return updated


def export_ics(workspace: Workspace, path: Path | str, *, now: _dt.datetime) -> tuple[Path, int]:
    """Write the scheduled interviews to ``path``; returns (path, how many)."""
    programs = programs_by_id(workspace)
    names = {pid: p.display_name for pid, p in programs.items()}
    items = export_items([i for i in repository(workspace).all() if i.program_id in programs],
                         names)
    if not items:
        raise UserError("there is no scheduled interview to export",
                        hint="Choose a date for an invitation and record it as scheduled.")
    return export_interviews_ics(items, path, now=now,
                                 applicant_zone=applicant_zone(workspace)), len(items)
