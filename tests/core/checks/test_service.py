"""CheckService: merging, vocabulary, ignore list, paragraph cache, summary and stats."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.checks.conftest import DOCUMENTED_KEYS
from workshop.core.checks.engines.base import Availability, NullEngine
from workshop.core.checks.engines.harper_engine import HarperEngine
from workshop.core.checks.finding import Finding
from workshop.core.checks.rules.meta import RuleContext
from workshop.core.checks.service import CheckService, merge
from workshop.core.resources import resource

SAMPLE = resource("sample", "statement_internal_medicine.txt").read_text(encoding="utf-8")


class CountingEngine:
    """Flags every 'teh' and counts the paragraphs it was asked about."""

    name = "counting"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def availability(self) -> Availability:
        return Availability(True, "ready", "ok")

    def warm(self) -> None:
        pass

    def set_words(self, words: Iterable[str]) -> None:
        pass

    def check(self, text: str) -> list[Finding]:
        self.calls.append(text)
        out = []
        start = text.find("teh")
        while start != -1:
            out.append(
                Finding(
                    "fake.teh",
                    "spelling",
                    "warning",
                    "typo",
                    start,
                    start + 3,
                    suggestions=("the",),
                    engine=self.name,
                )
            )
            start = text.find("teh", start + 1)
        return out


def test_only_changed_paragraphs_are_rechecked() -> None:
    engine = CountingEngine()
    service = CheckService([engine])
    text = "First teh paragraph.\n\nSecond paragraph.\n\nThird teh one."
    first = service.check(text)
    assert len(engine.calls) == 3
    edited = text.replace("Second", "Secondd")
    second = service.check(edited)
    assert engine.calls[3:] == ["Secondd paragraph."]
    assert [f.start for f in first.findings if f.rule == "fake.teh"] == [6, text.rindex("teh")]
    assert [f.start for f in second.findings if f.rule == "fake.teh"] == [6, edited.rindex("teh")]


def test_offsets_map_back_to_the_whole_text() -> None:
    engine = CountingEngine()
    text = "😀 ياسمين teh start.\n\n  Νίκος wrote teh note.\n\nteh"
    result = CheckService([engine]).check(text)
    spans = [(f.start, f.end) for f in result.findings if f.rule == "fake.teh"]
    assert [text[a:b] for a, b in spans] == ["teh", "teh", "teh"]
    assert [(f.line, f.column) for f in result.findings if f.rule == "fake.teh"] == [
        (1, 10),
        (3, 15),
        (5, 1),
    ]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_cached_result_equals_a_fresh_full_check(
    harper_engine: HarperEngine, data: st.DataObject
) -> None:
    warm = CheckService([harper_engine])
    text = SAMPLE[:1500]
    warm.check(text)
    for _ in range(3):
        pos = data.draw(st.integers(0, len(text)))
        kind = data.draw(st.sampled_from(["insert", "delete"]))
        if kind == "insert":
            piece = data.draw(st.sampled_from(["x", "teh ", "😀", "\n\n", "ي", " the the ", "é"]))
            text = text[:pos] + piece + text[pos:]
        else:
            text = text[:pos] + text[pos + 1 :]
        cached = warm.check(text)
        fresh = CheckService([harper_engine]).check(text)
        assert cached.findings == fresh.findings
        for f in cached.findings:
            assert 0 <= f.start <= f.end <= len(text)
            assert f.excerpt == text[f.start : f.end] or f.start == f.end


def test_medical_words_and_user_dictionary_are_not_misspellings(
    harper_service: CheckService,
) -> None:
    text = (
        "During my observership and externship I met attendings who discussed USMLE, ECFMG, "
        "ERAS, NRMP, MSPE and OET, ketoacidosis and a sub-internship. Dr. Qwzxy helped."
    )
    result = harper_service.check(text)
    spelling = {f.excerpt for f in result.findings if f.category == "spelling"}
    assert spelling == {"Qwzxy"}
    again = harper_service.check(text, user_words=["Qwzxy"])
    assert not [f for f in again.findings if f.category == "spelling"]


def test_ignore_list_hides_a_finding_by_key(harper_service: CheckService) -> None:
    text = "I recieve letters."
    [finding] = [f for f in harper_service.check(text).findings if f.category == "spelling"]
    result = harper_service.check("Later: " + text, ignored=[finding.key])
    assert not [f for f in result.findings if f.category == "spelling"]


def test_merge_drops_overlapping_language_duplicates_and_joins_suggestions() -> None:
    a = Finding("e1.x", "spelling", "warning", "m", 0, 3, suggestions=("the",), engine="e1")
    b = Finding("e2.y", "spelling", "warning", "m", 0, 3, suggestions=("the", "tea"), engine="e2")
    c = Finding("style.z", "style", "advice", "m", 0, 3)
    merged = merge([a, b], [c, c])
    assert [f.engine for f in merged] == ["e1", "rules"]
    assert merged[0].suggestions == ("the", "tea")


def test_summary_stats_and_readiness() -> None:
    service = CheckService([NullEngine()])
    ctx = RuleContext(
        specialty="Internal Medicine",
        target_programs=("Rutgers NJMS",),
        known_programs=("Rutgers NJMS", "Mercy Chicago"),
    )
    result = service.check(SAMPLE, ctx)
    assert result.ready and result.summary.startswith("Ready for ERAS"), result.summary
    stats = result.stats.to_dict()
    assert stats["words"] == len(SAMPLE.split())
    assert stats["characters_limit"] == 28000 and stats["characters"] >= len(SAMPLE)
    assert stats["paragraphs"] == 8
    assert stats["speaking_minutes"] == round(stats["words"] / 150, 1)
    bad = service.check(SAMPLE + "\n\nI hope to match at Mercy Chicago.", ctx)
    assert not bad.ready and bad.summary == "Not ready for ERAS: 1 residency", bad.summary
    assert result.stats.level() == "ok"


def test_findings_are_sorted_and_json_ready() -> None:
    result = CheckService([CountingEngine()]).check("teh cat.\n\nA teh dog “x”.")
    starts = [f.start for f in result.findings]
    assert starts == sorted(starts)
    data = result.to_dict()
    assert set(data) >= {"issues", "stats"}
    assert set(DOCUMENTED_KEYS) <= set(data["issues"][0])


def test_warm_loads_what_the_first_check_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules' data (LemmInflect, word lists, vocabulary) loads in warm(), not in the first
    real check; the throwaway warm-up check leaves nothing in the caches."""
    from workshop.core.checks import service as service_module
    from workshop.core.checks.engines.base import NullEngine

    calls: list[str] = []
    real = service_module.run_paragraph_rules
    monkeypatch.setattr(service_module, "run_paragraph_rules",
                        lambda text, ctx: calls.append(text) or real(text, ctx))
    checker = service_module.CheckService([NullEngine()])
    checker.warm()
    assert calls == [service_module.WARM_TEXT]
    assert len(checker._rule_cache) == 0
