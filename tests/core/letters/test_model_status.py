"""Models and the status pipeline, without a database."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.cv.dates import MonthYear
from workshop.core.errors import UserError
from workshop.core.letters import (
    LetterEvent,
    LetterRequest,
    LetterWriter,
    Status,
    WriterCase,
    advance,
    allowed_next,
)
from workshop.core.letters.model import PIPELINE

D = dt.date(2026, 5, 1)


def req(**kw: object) -> LetterRequest:
    return LetterRequest(writer_id=1, letter_id="SAMPLE0001", **kw)  # type: ignore[arg-type]


def test_new_request_is_planned_and_general() -> None:
    r = LetterRequest(writer_id=1, target_specialty="  ")
    assert r.status is Status.PLANNED
    assert r.target_specialty == "General"


def test_full_pipeline_in_order() -> None:
    r = req(events=[LetterEvent(Status.PLANNED, D)])
    for i, step in enumerate(PIPELINE[1:], start=1):
        r = advance(r, step, D + dt.timedelta(days=i))
    assert r.status is Status.ASSIGNED
    assert [e.status for e in r.events] == list(PIPELINE)


def test_advance_returns_copy() -> None:
    r = req()
    moved = advance(r, Status.ASKED, D)
    assert r.status is Status.PLANNED and moved.status is Status.ASKED


@pytest.mark.parametrize("to", [Status.AGREED, Status.UPLOADED, Status.ASSIGNED])
def test_skipping_a_step_is_refused_with_the_next_step(to: Status) -> None:
    with pytest.raises(UserError, match='the next step is "asked"'):
        advance(req(), to, D, writer_name="Dr. Iyer")


def test_going_back_is_refused() -> None:
    r = advance(advance(req(), Status.ASKED, D), Status.AGREED, D)
    with pytest.raises(UserError, match="cannot go back"):
        advance(r, Status.ASKED, D)


def test_declined_from_any_step_and_then_terminal() -> None:
    for step in PIPELINE:
        r = req(events=[LetterEvent(Status.PLANNED, D)])
        for s in PIPELINE[1:PIPELINE.index(step) + 1]:
            r = advance(r, s, D)
        declined = advance(r, Status.DECLINED, D, note="on leave")
        assert declined.status is Status.DECLINED
        assert allowed_next(Status.DECLINED) == ()
        with pytest.raises(UserError, match="was declined"):
            advance(declined, Status.ASKED, D)


def test_same_status_refused() -> None:
    with pytest.raises(UserError, match="already"):
        advance(req(), Status.PLANNED, D)


def test_date_before_previous_step_refused() -> None:
    r = advance(req(events=[LetterEvent(Status.PLANNED, D)]), Status.ASKED, D)
    with pytest.raises(UserError, match="before the previous step"):
        advance(r, Status.AGREED, D - dt.timedelta(days=1))


def test_uploaded_needs_letter_id() -> None:
    r = LetterRequest(writer_id=1)
    for s in (Status.ASKED, Status.AGREED, Status.PACKET_SENT):
        r = advance(r, s, D)
    with pytest.raises(UserError, match="no ERAS Letter ID"):
        advance(r, Status.UPLOADED, D)


@given(st.lists(st.sampled_from(list(Status)), max_size=12),
       st.lists(st.integers(min_value=-3, max_value=10), min_size=12, max_size=12))
def test_random_timelines_stay_valid(moves: list[Status], gaps: list[int]) -> None:
    """Whatever is attempted, accepted histories are in pipeline order with dates ascending."""
    r = req(events=[LetterEvent(Status.PLANNED, D)])
    day = D
    for move, gap in zip(moves, gaps, strict=False):
        day = day + dt.timedelta(days=gap)
        try:
            r = advance(r, move, day)
        except UserError:
            continue
    dates = [e.on for e in r.events]
    assert dates == sorted(dates)
    statuses = [e.status for e in r.events]
    body = [s for s in statuses if s is not Status.DECLINED]
    assert body == list(PIPELINE[:len(body)])
    assert Status.DECLINED not in statuses[:-1]


def test_writer_validation() -> None:
    with pytest.raises(UserError, match="needs a name"):
        LetterWriter(name="  ")
    with pytest.raises(UserError, match="e-mail"):
        LetterWriter(name="Dr. X", email="not-an-email")
    with pytest.raises(UserError, match="before its start"):
        LetterWriter(name="Dr. X", worked_from=MonthYear(2024, 5), worked_to=MonthYear(2024, 1))
    with pytest.raises(UserError, match="not a date"):
        WriterCase("yesterday", "Something")
    with pytest.raises(UserError, match="summary"):
        WriterCase("2024-01", "   ")


def test_display_name_and_type_label() -> None:
    w = LetterWriter(name="Dr. Nikos Papadakis", native_name="Νίκος Παπαδάκης",
                     worked_from=MonthYear(2024, 7), worked_to=MonthYear(2024, 9))
    assert w.display_name == "Dr. Nikos Papadakis (Νίκος Παπαδάκης)"
    assert w.period == "Jul 2024 \u2013 Sep 2024"
    assert LetterRequest(writer_id=1, letter_type="standardized",  # type: ignore[arg-type]
                         standardized_form="SLOE").type_label == "Standardized (SLOE)"
