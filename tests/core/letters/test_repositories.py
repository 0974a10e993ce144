"""Writers, requests, events and packet history on a temporary database."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from workshop.core.errors import UserError
from workshop.core.letters import (
    LetterEvent,
    LetterRequest,
    LetterWriter,
    PacketHistoryRepository,
    PacketRecord,
    RequestRepository,
    Status,
    WriterRepository,
)

from .conftest import DAY, make_writer


def test_writer_round_trip_keeps_scripts_and_cases(writers: WriterRepository,
                                                   writer: LetterWriter) -> None:
    loaded = writers.get(writer.id or 0)
    assert loaded.native_name == "अनन्या अय्यर"
    assert loaded.cases[0].role == "drafted the admission note"
    assert loaded.worked_from is not None and loaded.worked_from.to_str() == "2023-04"
    loaded.cases = loaded.cases + loaded.cases
    loaded.email = "new.sample@example.org"
    again = writers.update(loaded)
    assert len(again.cases) == 2 and again.email == "new.sample@example.org"


def test_find_by_partial_or_native_name(writers: WriterRepository, writer: LetterWriter) -> None:
    writers.add(make_writer("Dr. Nikos Papadakis"))
    assert writers.find("iyer").id == writer.id
    assert writers.find("अनन्या").id == writer.id
    with pytest.raises(UserError, match="several"):
        writers.find("Dr.")
    with pytest.raises(UserError, match="No letter writer matches"):
        writers.find("Mansour")


def test_unknown_ids_are_user_errors(writers: WriterRepository,
                                     requests: RequestRepository) -> None:
    with pytest.raises(UserError, match="no letter writer number 99"):
        writers.get(99)
    with pytest.raises(UserError, match="no letter request number 7"):
        requests.get(7)
    with pytest.raises(UserError, match="no letter writer number 5"):
        requests.add(LetterRequest(writer_id=5), planned_on=DAY)


def test_delete_writer_with_requests_needs_confirmation(
        writers: WriterRepository, requests: RequestRepository, writer: LetterWriter,
        request_: LetterRequest) -> None:
    with pytest.raises(UserError, match="still has 1 letter request"):
        writers.delete(writer.id or 0)
    writers.delete(writer.id or 0, with_requests=True)
    assert requests.all() == []


def test_advance_persists_dated_events(requests: RequestRepository,
                                       request_: LetterRequest) -> None:
    rid = request_.id or 0
    requests.advance(rid, Status.ASKED, DAY + dt.timedelta(days=1), note="by e-mail")
    r = requests.advance(rid, "agreed", DAY + dt.timedelta(days=3))
    assert [e.status for e in r.events] == [Status.PLANNED, Status.ASKED, Status.AGREED]
    assert r.events[1].note == "by e-mail"
    with pytest.raises(UserError, match='the next step is "packet sent"'):
        requests.advance(rid, Status.UPLOADED, DAY + dt.timedelta(days=4))
    assert requests.get(rid).status is Status.AGREED


def test_add_replays_given_history_and_refuses_a_bad_one(
        requests: RequestRepository, writer: LetterWriter) -> None:
    good = requests.add(LetterRequest(
        writer_id=writer.id or 0, events=[LetterEvent(Status.ASKED, DAY),
                                          LetterEvent(Status.AGREED, DAY)]), planned_on=DAY)
    assert [e.status for e in good.events] == [Status.PLANNED, Status.ASKED, Status.AGREED]
    with pytest.raises(UserError, match="next step"):
        requests.add(LetterRequest(writer_id=writer.id or 0,
                                   events=[LetterEvent(Status.PLANNED, DAY),
                                           LetterEvent(Status.UPLOADED, DAY)]), planned_on=DAY)
    assert len(requests.all()) == 1


def test_update_fields_and_unknown_field(requests: RequestRepository,
                                         request_: LetterRequest) -> None:
    r = requests.update(request_.id or 0, waived=False, department_chair=True,
                        due=dt.date(2026, 9, 1), letter_type="standardized",
                        standardized_form="SLOR")
    assert (r.waived, r.department_chair, r.due, r.type_label) == (
        False, True, dt.date(2026, 9, 1), "Standardized (SLOR)")
    with pytest.raises(ValueError, match="not editable"):
        requests.update(request_.id or 0, status="assigned")


def test_uploaded_letter_keeps_its_id(requests: RequestRepository,
                                      writer: LetterWriter) -> None:
    r = requests.add(LetterRequest(writer_id=writer.id or 0, letter_id="EEEE5555"),
                     planned_on=DAY)
    for step in ("asked", "agreed", "packet_sent", "uploaded"):
        r = requests.advance(r.id or 0, step, DAY)
    with pytest.raises(UserError, match="keeps its Letter ID"):
        requests.update(r.id or 0, letter_id="")


def test_transaction_nests_inside_callers(conn: sqlite3.Connection,
                                          writers: WriterRepository) -> None:
    conn.execute("BEGIN IMMEDIATE")
    writers.add(make_writer("Dr. Nikos Papadakis"))
    conn.execute("ROLLBACK")
    assert writers.all() == []


def test_packet_history(conn: sqlite3.Connection, request_: LetterRequest) -> None:
    conn.execute("INSERT INTO document_versions (id, name) VALUES (3, 'After comments')")
    repo = PacketHistoryRepository(conn)
    when = dt.datetime(2026, 5, 12, 9, 30)
    stored = repo.record(PacketRecord(request_.id or 0, when, 3, "After Dr. Iyer's comments",
                                      "sha256:abc", [{"name": "cv.docx", "sha256": "01"}]))
    assert stored.id is not None
    history = repo.for_request(request_.id or 0)
    assert history[0].sent_at == when and history[0].files[0]["name"] == "cv.docx"
    with pytest.raises(UserError):
        repo.record(PacketRecord(999, when))
