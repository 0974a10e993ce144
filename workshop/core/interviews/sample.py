"""The sample applicant's interview season (``resources/sample/interviews.json``, all SAMPLE).

Invitations name their program by NRMP code. Dates are moved from the file's anchor day to the
day the sample is loaded, so the season looks current whenever it is loaded; times stay the
programs' wall-clock times in their zones.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from workshop.core.interviews.model import Impression, Invitation, Message, Slot, StatusEvent
from workshop.core.interviews.repository import InterviewRepository
from workshop.core.interviews.zones import check_zone
from workshop.core.programs.model import ProgramEvent, status_rank
from workshop.core.programs.repository import ProgramRepository
from workshop.core.resources import resource
from workshop.core.storage.workspace import Workspace

ZONE_KEY = "interviews.applicant_zone"  # as in in_workspace (no import: no cycle)


def sample_interviews_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("sample", "interviews.json").read_text("utf-8"))
    return data


def _day(text: str | None, shift: _dt.timedelta) -> _dt.date | None:
    return _dt.date.fromisoformat(text) + shift if text else None


def load_sample_interviews(workspace: Workspace, today: _dt.date) -> int:
    """Add the sample invitations for the sample programs found; returns how many."""
    data = sample_interviews_data()
    shift = today - _dt.date.fromisoformat(data["anchor"])
    programs = ProgramRepository(workspace.conn)
    repo = InterviewRepository(workspace.conn)
    by_code = {p.program_code: p for p in programs.list_programs() if p.program_code}
    added = 0
    with workspace.transaction():
        workspace.settings.set(ZONE_KEY, check_zone(data["applicant_zone"]))
        for entry in data["invitations"]:
            program = by_code.get(entry["program_code"])
            if program is None or program.id is None:
                continue
            zone_name = check_zone(entry["time_zone"])
            slots = [Slot(_day(s["day"], shift) or today, zone_name,
                          _dt.time.fromisoformat(s["start"]) if s.get("start") else None,
                          _dt.time.fromisoformat(s["end"]) if s.get("end") else None,
                          bool(s.get("chosen")))
                     for s in entry.get("slots", [])]
            events = [StatusEvent(status, _day(on, shift) or today, note)
                      for status, on, note in entry.get("events", [])]
            impression = entry.get("impression", {})
            invitation = Invitation(
                program.id, status=entry["status"], received_on=_day(entry["received_on"], shift),
                respond_by=_day(entry.get("respond_by"), shift), time_zone=zone_name,
                mode=entry.get("mode", ""), platform=entry.get("platform", ""),
                platform_note=entry.get("platform_note", ""), location=entry.get("location", ""),
                thank_you_policy=entry.get("thank_you_policy", "not-stated"),
                policy_note=entry.get("policy_note", ""),
                thank_you_text=entry.get("thank_you_text", ""), notes=entry.get("notes", ""),
                impression=Impression(impression.get("ratings", {}), impression.get("overall"),
                                      impression.get("liked", ""),
                                      impression.get("concerns", ""),
                                      impression.get("notes", "")),
                slots=slots, events=events)
            repo.add(invitation)
            for on, direction, channel, kind, subject, body in entry.get("messages", []):
                repo.add_message(program.id, Message(_day(on, shift) or today, direction,
                                                     channel, kind, subject, body))
            _program_events(programs, program.id, invitation)
            added += 1
    return added


def _program_events(programs: ProgramRepository, program_id: int,
                    invitation: Invitation) -> None:
    """The program's own pipeline follows: invited, then interviewed once completed."""
    current = programs.get(program_id, with_events=False)
    steps = [("interview-invited", invitation.received_on, "Interview invitation (SAMPLE)")]
    completed = next((e.on for e in invitation.events if e.status == "completed"), None)
    if completed is not None:
        steps.append(("interviewed", completed, "Interview completed (SAMPLE)"))
    for status, on, note in steps:
        if on is None or current.status == "withdrawn":
            continue
        if status_rank(current.status) < status_rank(status):
            programs.add_event(program_id, ProgramEvent(status, on, note))  # type: ignore[arg-type]
            current = programs.get(program_id, with_events=False)
    chosen = invitation.chosen
    if chosen is not None and current.interview_date != chosen.day:
        current.interview_date = chosen.day
        programs.update(current)
