"""Use-cases over a workspace: the status pipeline and its program events, imports, the log,
impressions, the sample season, refusals that keep saved data."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.core.interviews.conftest import TODAY
from workshop.core.errors import UserError
from workshop.core.interviews import in_workspace as service
from workshop.core.interviews.impressions import impressions
from workshop.core.interviews.model import Impression, Message, Slot
from workshop.core.interviews.templates import Letter, Unavailable, template
from workshop.core.programs.model import Program
from workshop.core.programs.repository import ProgramRepository
from workshop.core.storage.workspace import Workspace, open_workspace

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "interviews"


def _program(ws: Workspace, name: str = "Test Program", state: str = "CA",
             code: str = "") -> int:
    return ProgramRepository(ws.conn).add(Program(name, program_code=code, state=state,
                                                  status="applied"))


def _by_name(ws: Workspace, part: str) -> service.Row:
    return next(r for r in service.overview(ws, TODAY).rows if part in r.program.name)


def test_pipeline_and_program_events(empty_ws: Workspace) -> None:
    pid = _program(empty_ws)
    inv = service.add_invitation(empty_ws, pid, received_on=dt.date(2026, 11, 1),
                                 respond_by=dt.date(2026, 11, 8))
    assert inv.time_zone == "America/Los_Angeles"  # guessed from the state
    programs = ProgramRepository(empty_ws.conn)
    assert programs.get(pid).status == "interview-invited"
    assert inv.id is not None
    with pytest.raises(UserError, match="choose the interview date first"):
        service.set_status(empty_ws, inv.id, "scheduled", dt.date(2026, 11, 2))
    with pytest.raises(UserError, match="cannot become completed"):
        service.set_status(empty_ws, inv.id, "completed", dt.date(2026, 11, 2))
    service.add_slot(empty_ws, inv.id, Slot(dt.date(2026, 12, 9), "America/Los_Angeles",
                                            dt.time(9), dt.time(13), chosen=True))
    assert programs.get(pid).interview_date is None  # chosen, not yet confirmed
    service.set_status(empty_ws, inv.id, "scheduled", dt.date(2026, 11, 2))
    assert programs.get(pid).interview_date == dt.date(2026, 12, 9)  # on the season calendar
    done = service.set_status(empty_ws, inv.id, "completed", dt.date(2026, 12, 9))
    assert [e.status for e in done.events] == ["invited", "scheduled", "completed"]
    program = programs.get(pid)
    assert program.status == "interviewed"
    assert [e.status for e in program.events][-1] == "interviewed"
    with pytest.raises(UserError, match="final"):
        service.set_status(empty_ws, inv.id, "cancelled", dt.date(2026, 12, 10))


def test_refusals_keep_saved_data(empty_ws: Workspace) -> None:
    pid = _program(empty_ws)
    inv = service.add_invitation(empty_ws, pid, received_on=dt.date(2026, 11, 1))
    assert inv.id is not None
    with pytest.raises(UserError, match="unknown time zone"):
        service.add_slot(empty_ws, inv.id, Slot(dt.date(2026, 12, 9), "Central", dt.time(9)))
    with pytest.raises(UserError, match="ends before it starts"):
        service.add_slot(empty_ws, inv.id, Slot(dt.date(2026, 12, 9), "America/Chicago",
                                                dt.time(13), dt.time(9)))
    inv.time_zone = "Nowhere/City"
    with pytest.raises(UserError):
        service.save_invitation(empty_ws, inv)
    with pytest.raises(UserError, match="already has an invitation"):
        service.add_invitation(empty_ws, pid, received_on=dt.date(2026, 11, 2))
    stored = service.repository(empty_ws).get(inv.id)
    assert stored.time_zone == "America/Los_Angeles" and stored.slots == []
    with pytest.raises(UserError, match="between 1 and 5"):
        service.save_impression(empty_ws, inv.id, Impression({"culture": 9}))
    with pytest.raises(UserError, match="unknown factor"):
        service.save_impression(empty_ws, inv.id, Impression({"salary": 3}))


def test_read_only_workspace_refuses_before_writing(sample_ws: Workspace) -> None:
    path = sample_ws.path
    sample_ws.close()
    copy = path.with_name("copy.workshop")
    shutil.copy(path, copy)
    ro = open_workspace(copy, read_only=True)
    try:
        row = _by_name(ro, "Summit")
        assert row.invitation.id is not None
        with pytest.raises(UserError, match="read-only"):
            service.set_status(ro, row.invitation.id, "declined", TODAY)
        with pytest.raises(UserError, match="read-only"):
            service.set_applicant_zone(ro, "America/New_York")
    finally:
        ro.close()


def test_import_matches_by_code_and_schedules(sample_ws: Workspace) -> None:
    programs = list(service.programs_by_id(sample_ws).values())
    [proposal] = service.propose_import(FIXTURES / "thalamus_riverside.ics", programs)
    best = proposal.candidates[0]
    assert best.program.program_code == "9990140C0" and "NRMP code" in best.reason
    assert best.program.id is not None
    updated = service.apply_import(sample_ws, proposal.event, best.program.id, today=TODAY)
    chosen = updated.chosen
    assert chosen is not None and chosen.day == dt.date(2026, 12, 16)
    assert chosen.start_time == dt.time(9) and chosen.time_zone == "America/Los_Angeles"
    log = service.messages(sample_ws, best.program.id)
    assert log[-1].kind == "scheduling" and log[-1].direction == "received"
    again = service.apply_import(sample_ws, proposal.event, best.program.id, today=TODAY)
    assert len(again.slots) == len(updated.slots)  # the same file twice adds nothing


def test_import_matches_by_name_and_new_invitation(sample_ws: Workspace) -> None:
    programs = list(service.programs_by_id(sample_ws).values())
    [proposal] = service.propose_import(FIXTURES / "outlook_lakeview.ics", programs)
    assert "Lakeview" in proposal.candidates[0].program.name
    meadowbrook = next(p for p in programs if "Meadowbrook" in p.name)
    assert meadowbrook.id is not None
    made = service.apply_import(sample_ws, proposal.event, meadowbrook.id, today=TODAY)
    assert made.status == "scheduled" and made.time_zone == "America/Chicago"
    assert ProgramRepository(sample_ws.conn).get(meadowbrook.id).status == "interview-invited"


def test_import_of_floating_time_needs_a_zone(sample_ws: Workspace, tmp_path: Path) -> None:
    programs = list(service.programs_by_id(sample_ws).values())
    proposals = service.propose_import(FIXTURES / "mixed_forms.ics", programs)
    floating = proposals[1].event
    slot = service.slot_from_event(floating, "America/Denver")
    assert slot.start_time == dt.time(8) and slot.time_zone == "America/Denver"
    with pytest.raises(UserError, match="no time zone"):
        service.slot_from_event(floating, "")
    utc = service.slot_from_event(proposals[0].event, "America/Denver")
    assert utc.start_time == dt.time(8)  # 15:00 UTC is 8:00 in Denver


def test_broken_ics_import_saves_nothing(sample_ws: Workspace, tmp_path: Path) -> None:
    before = service.repository(sample_ws).all()
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261399T090000\n", "utf-8")
    with pytest.raises(UserError) as info:
        service.propose_import(broken, [])
    assert "broken.ics" in str(info.value)
    assert service.repository(sample_ws).all() == before


def test_export_writes_scheduled_interviews(sample_ws: Workspace, tmp_path: Path) -> None:
    path, count = service.export_ics(sample_ws, tmp_path / "i.ics", now=dt.datetime(
        2026, 12, 2, tzinfo=dt.UTC))
    text = path.read_text("utf-8")
    assert count == 3 and text.count("BEGIN:VEVENT") == 3
    assert "TZID=America/Los_Angeles" in text and "BEGIN:VALARM" in text


def test_sample_season(sample_ws: Workspace) -> None:
    view = service.overview(sample_ws, TODAY)
    assert view.applicant_zone == "America/Chicago"
    zones = {r.invitation.time_zone for r in view.rows}
    assert {"America/Chicago", "America/New_York", "America/Los_Angeles",
            "America/Denver"} <= zones
    statuses = [r.invitation.status for r in view.rows]
    assert statuses.count("waitlisted") == 1 and statuses.count("completed") == 1
    completed = next(r for r in view.rows if r.invitation.status == "completed")
    assert completed.program.status == "interviewed"
    assert any(m.kind == "thank-you" and m.direction == "sent"
               for m in service.messages(sample_ws, completed.invitation.program_id))
    assert sum(r.invitation.thank_you_policy == "no-thank-you" for r in view.rows) == 1
    assert all("SAMPLE" in r.program.name for r in view.rows)
    assert any(c.kind == "same-day" for c in view.conflicts)


def test_no_thank_you_program_gets_no_template_and_says_why(sample_ws: Workspace) -> None:
    row = _by_name(sample_ws, "Pinecrest")
    inv = row.invitation
    inv.status = "completed"
    facts = service.letter_facts(sample_ws, row.program, inv)
    letter = template("thank-you", inv, facts, TODAY)
    assert isinstance(letter, Unavailable)
    assert "asks for no thank-you notes" in letter.reason
    assert "Please do not send thank-you notes" in letter.reason
    update = template("update-letter", inv, facts, TODAY)
    assert isinstance(update, Letter) and any("real news" in n for n in update.notes)
    inv.thank_you_policy = "no-contact"
    assert isinstance(template("update-letter", inv, facts, TODAY), Unavailable)


def test_cancellation_counts_the_notice(sample_ws: Workspace) -> None:
    row = _by_name(sample_ws, "Riverside")
    facts = service.letter_facts(sample_ws, row.program, row.invitation)
    chosen = row.invitation.chosen
    assert chosen is not None
    letter = template("cancellation", row.invitation, facts, TODAY, chosen.day)
    assert isinstance(letter, Letter)
    assert "Thalamus" in letter.body and "December 9, 2026" in letter.subject
    assert any("7 days' notice, less than the two weeks" in n for n in letter.notes)
    far = template("cancellation", row.invitation, facts, dt.date(2026, 11, 1), chosen.day)
    assert isinstance(far, Letter) and any("38 days' notice" in n for n in far.notes)


def test_impressions_api_for_the_rank_list(sample_ws: Workspace) -> None:
    found = impressions(sample_ws)
    lakeview = _by_name(sample_ws, "Lakeview").program.id
    assert set(found) == {lakeview}
    assert found[lakeview].ratings["culture"] == 5 and found[lakeview].overall == 5
    riverside = _by_name(sample_ws, "Riverside").invitation
    assert riverside.id is not None
    service.save_impression(sample_ws, riverside.id, Impression({"location": 3}, 4, "sun"))
    assert impressions(sample_ws)[riverside.program_id].ratings == {"location": 3}


def test_log_and_deleting_a_program_cascades(sample_ws: Workspace) -> None:
    row = _by_name(sample_ws, "Harborview")
    pid = row.invitation.program_id
    service.log_message(sample_ws, pid, Message(TODAY, "sent", "email", "question", "Dates?"))
    assert service.messages(sample_ws, pid)[-1].subject == "Dates?"
    ProgramRepository(sample_ws.conn).delete(pid)
    assert service.repository(sample_ws).for_program(pid) is None
    assert service.messages(sample_ws, pid) == []
    counts = [sample_ws.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("interview_slots", "interview_events")]
    assert all(c > 0 for c in counts)  # the others are still there


def test_commitment_wording_is_flagged() -> None:
    from workshop.core.interviews.guidance import commitment_findings, rules

    assert commitment_findings("Please let me know where I stand on your list.") == [
        "where i stand"]
    assert commitment_findings("Thank you for the conversation.") == []
    text = " ".join(r.text for r in rules())
    assert "report it to the NRMP" in text and "http" not in text


def test_cancellation_names_the_platform(sample_ws: Workspace) -> None:
    row = _by_name(sample_ws, "Pinecrest")
    facts = service.letter_facts(sample_ws, row.program, row.invitation)
    letter = template("cancellation", row.invitation, facts, TODAY)
    assert isinstance(letter, Letter) and "released the date in the ERAS scheduler" in letter.body
