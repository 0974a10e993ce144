"""The season .ics leaves the applicant's private notes out unless asked, and carries no bidi
controls (words kept apart)."""

from __future__ import annotations

import datetime as dt

from workshop.core.programs.model import Program
from workshop.core.season.events import TimelineEvent
from workshop.core.season.ics import timeline_to_ics
from workshop.core.season.timeline import from_user_date, user_dates_from_programs

NOW = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)
PRIVATE = "PD seemed cold; my 4th choice at best"


def _events() -> list[TimelineEvent]:
    program = Program(name="Riverside IM", id=7, status="interviewing",
                      interview_date=dt.date(2027, 1, 12), interview_notes=PRIVATE)
    season = TimelineEvent(key="season:rank", title="Rank list deadline",
                           date=dt.date(2027, 3, 4), note="Certify by 9 p.m. ET",
                           source="NRMP")
    return [season, *(from_user_date(d) for d in user_dates_from_programs([program]))]


def _unfold(text: str) -> str:
    return text.replace("\r\n ", "")


def test_interview_notes_stay_out_by_default() -> None:
    text = _unfold(timeline_to_ics(_events(), now=NOW))
    assert "Interview: Riverside IM" in text
    assert "PD seemed cold" not in text
    assert "Certify by 9 p.m. ET" in text  # a season date's public note stays


def test_interview_notes_when_chosen() -> None:
    text = _unfold(timeline_to_ics(_events(), now=NOW, include_private=True))
    assert "PD seemed cold\\; my 4th choice at best" in text


def test_bidi_controls_removed_without_gluing_words() -> None:
    event = TimelineEvent(key="custom:x", title="Visit\u2067مستشفى\u2069today", kind="custom",
                          date=dt.date(2027, 1, 5))
    text = _unfold(timeline_to_ics([event], now=NOW))
    assert "SUMMARY:Visit مستشفى today" in text
    assert "\u2067" not in text and "\u2069" not in text
