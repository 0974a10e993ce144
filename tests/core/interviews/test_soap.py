"""SOAP preparation: the March timeline, statements per track with counters, the drill preset."""

from __future__ import annotations

import datetime as dt

from tests.core.interviews.conftest import TODAY
from workshop.core.interviews import soap
from workshop.core.model.documents import DocumentKind
from workshop.core.storage.workspace import Workspace


def test_march_timeline_from_the_season_file() -> None:
    items = soap.march_timeline(TODAY)
    keys = [i.event.key for i in items]
    assert keys == ["rank-order-list-deadline", "img-exam-reporting", "match-week-results",
                    "soap-rounds", "match-day"]
    rounds = items[keys.index("soap-rounds")]
    assert rounds.event.date == dt.date(2027, 3, 15) and rounds.event.end == dt.date(2027, 3, 18)
    assert rounds.status == "not-confirmed" and rounds.countdown == "in 103 days"


def test_statements_per_track_are_personal_statements(sample_ws: Workspace) -> None:
    before = soap.soap_statements(sample_ws)
    assert [s.track for s in before] == ["preliminary", "transitional", "categorical"]
    assert all(s.document_id is None for s in before)
    made = soap.create_soap_statement(sample_ws, "preliminary", from_main=True)
    doc = sample_ws.documents.get(made.document_id or 0)
    assert doc.kind is DocumentKind.PERSONAL_STATEMENT and doc.title == "SOAP — Preliminary"
    assert doc.body and doc.target_specialty == "Internal Medicine"
    assert soap.create_soap_statement(sample_ws, "preliminary").document_id == made.document_id
    soap.save_soap_statement(sample_ws, doc.id, "x" * 28_001)
    over = next(s for s in soap.soap_statements(sample_ws) if s.track == "preliminary")
    assert over.characters == 28_001 and over.level == "over"
    assert over.counter == "28,001 / 28,000 characters"
    assert soap.counter_for("a\nb") == (4, 28_000, "ok")  # a line break counts as two


def test_drill_preset_is_short_rapid_answers() -> None:
    preset = soap.soap_preset()
    assert preset.answer_seconds == 60 and preset.hard_stop and preset.max_takes == 1
    plan = soap.soap_drill_plan(preset)
    assert plan.mode == "soap" and len(plan.items) == preset.count
    assert all(item.target_seconds == 60 for item in plan.items)
    assert plan.items[0].question.id == "soap-001"
    from workshop.core.drills.categories import load_categories

    known = {c.id for c in load_categories()}
    assert {q["category"] for q in preset.questions} <= known
