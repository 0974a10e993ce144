"""The 4-letter cap (repository) and the matrix findings (pure)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from workshop.core.errors import UserError
from workshop.core.letters import (
    AssignmentRepository,
    LetterEvent,
    LetterRequest,
    RequestRepository,
    Status,
    WriterRepository,
    assignment_findings,
)
from workshop.core.letters.assignments import ProgramRef, as_program_refs

from .conftest import DAY, make_writer

ON = dt.date(2026, 9, 2)


def _program(conn: sqlite3.Connection, name: str, specialty: str = "Internal Medicine") -> int:
    cursor = conn.execute("INSERT INTO programs (name, specialty) VALUES (?, ?)",
                          (name, specialty))
    return int(cursor.lastrowid or 0)


def _letters(writers: WriterRepository, requests: RequestRepository, n: int,
             ) -> list[LetterRequest]:
    out = []
    for i in range(n):
        w = writers.add(make_writer(f"Dr. Writer{i} Test", is_us=i % 2 == 0))
        out.append(requests.add(LetterRequest(writer_id=w.id or 0,
                                              target_specialty="Internal Medicine"),
                                planned_on=DAY))
    return out


def test_fifth_letter_refused_naming_program_and_its_four(
        conn: sqlite3.Connection, writers: WriterRepository,
        requests: RequestRepository) -> None:
    pid = _program(conn, "Lakeview IM Residency (fictional)")
    letters = _letters(writers, requests, 5)
    repo = AssignmentRepository(conn)
    for r in letters[:4]:
        assert repo.assign(pid, r.id or 0, on=ON)
    assert not repo.assign(pid, letters[0].id or 0, on=ON)  # already there: no-op
    with pytest.raises(UserError) as info:
        repo.assign(pid, letters[4].id or 0, on=ON)
    message = str(info.value)
    assert "Lakeview IM Residency (fictional) already has 4 letters" in message
    assert all(f"Dr. Writer{i} Test" in message for i in range(4))
    assert "at most 4" in message
    assert len(repo.for_program(pid)) == 4
    assert repo.unassign(pid, letters[0].id or 0)
    assert repo.assign(pid, letters[4].id or 0, on=ON)


def test_assigning_uploaded_letter_marks_it_assigned(
        conn: sqlite3.Connection, writers: WriterRepository,
        requests: RequestRepository) -> None:
    pid = _program(conn, "Program A")
    w = writers.add(make_writer())
    r = requests.add(LetterRequest(writer_id=w.id or 0, letter_id="FFFF6666"), planned_on=DAY)
    for step in ("asked", "agreed", "packet_sent", "uploaded"):
        requests.advance(r.id or 0, step, DAY)
    AssignmentRepository(conn).assign(pid, r.id or 0, on=ON)
    stored = requests.get(r.id or 0)
    assert stored.status is Status.ASSIGNED and stored.events[-1].on == ON


def test_declined_and_unknown_refused(conn: sqlite3.Connection, writers: WriterRepository,
                                      requests: RequestRepository) -> None:
    pid = _program(conn, "Program B")
    r = _letters(writers, requests, 1)[0]
    requests.advance(r.id or 0, "declined", DAY)
    repo = AssignmentRepository(conn)
    with pytest.raises(UserError, match="was declined"):
        repo.assign(pid, r.id or 0, on=ON)
    with pytest.raises(UserError, match="no program number 42"):
        repo.assign(42, r.id or 0, on=ON)
    with pytest.raises(UserError, match="no letter request number 42"):
        repo.assign(pid, 42, on=ON)


def test_deleting_a_program_drops_its_assignments(conn: sqlite3.Connection,
                                                  writers: WriterRepository,
                                                  requests: RequestRepository) -> None:
    pid = _program(conn, "Program C")
    r = _letters(writers, requests, 1)[0]
    repo = AssignmentRepository(conn)
    repo.assign(pid, r.id or 0, on=ON)
    conn.execute("DELETE FROM programs WHERE id = ?", (pid,))
    assert repo.all() == []


def _req(rid: int, writer_id: int, specialty: str = "Internal Medicine",
         status: Status = Status.UPLOADED) -> LetterRequest:
    return LetterRequest(writer_id=writer_id, target_specialty=specialty, id=rid,
                         letter_id=f"IDX{rid:05d}", events=[LetterEvent(status, DAY)])


def test_findings_warn_on_specialty_and_us_letters() -> None:
    us, abroad = make_writer("Dr. A Us", is_us=True), make_writer("Dr. B Abroad", is_us=False)
    us.id, abroad.id = 1, 2
    reqs = [_req(10, 1), _req(11, 2, "General"), _req(12, 2, "Surgery")]
    programs = [(1, "IM One", "Internal Medicine"), {"id": 2, "name": "Surg Two",
                                                     "specialty": "surgery"},
                ProgramRef(3, "Empty Three", "Pediatrics")]
    findings = assignment_findings(programs, [us, abroad], reqs,
                                   [(1, 10), (1, 11), (2, 11), (2, 12)])
    codes = {(f.program_id, f.code) for f in findings}
    assert (1, "few_us_letters") in codes  # one U.S. letter only
    assert (1, "no_specialty_letter") not in codes
    assert (2, "no_specialty_letter") not in codes  # "surgery" matches "Surgery"
    assert (2, "few_us_letters") in codes
    assert {(3, "no_specialty_letter"), (3, "few_us_letters")} <= codes
    assert all(f.severity == "warning" for f in findings)
    message = next(f.message for f in findings if f.program_id == 2 and f.code ==
                   "few_us_letters")
    assert "0 letters from U.S. physicians" in message


def test_findings_errors_first_for_cap_and_declined() -> None:
    writers = [make_writer(f"Dr. W{i} X") for i in range(6)]
    for i, w in enumerate(writers):
        w.id = i + 1
    reqs = [_req(i + 1, i + 1) for i in range(5)]
    reqs.append(_req(6, 6, status=Status.DECLINED))
    findings = assignment_findings([(1, "P", "Internal Medicine"), (2, "Q", "General")],
                                   writers, reqs, [(1, i) for i in range(1, 6)] + [(2, 6)])
    assert findings[0].severity == "error"
    codes = [(f.program_id, f.code) for f in findings if f.severity == "error"]
    assert (1, "over_cap") in codes and (2, "declined_assigned") in codes
    assert not any(f.code == "no_specialty_letter" for f in findings if f.program_id == 2)


def test_program_refs_from_objects() -> None:
    class Program:
        id, name, specialty = 7, "Obj", None
    assert as_program_refs([Program()]) == [ProgramRef(7, "Obj", "")]


def test_unsaved_programs_are_skipped() -> None:
    class Unsaved:
        id, name, specialty = None, "Draft program", "Internal Medicine"
    assert as_program_refs([Unsaved(), (4, "Saved", None)]) == [ProgramRef(4, "Saved", "")]
