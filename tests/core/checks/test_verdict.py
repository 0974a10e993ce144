"""The verdict line: "ready" only when nothing a reader would object to is left."""

from __future__ import annotations

from workshop.core.checks.engines.base import NullEngine
from workshop.core.checks.finding import Finding
from workshop.core.checks.service import CheckService
from workshop.core.checks.stats import compute_stats
from workshop.core.checks.verdict import judge
from workshop.core.resources import resource

SAMPLE = resource("sample", "statement_internal_medicine.txt").read_text(encoding="utf-8")


def _finding(category: str, severity: str) -> Finding:
    return Finding(rule=f"t.{category}", category=category, severity=severity, message="m",
                   start=0, end=1)


def test_empty_statement_is_not_ready() -> None:
    verdict = judge([], compute_stats(""))
    assert not verdict.ready
    assert verdict.text == "Not ready for ERAS: the statement is empty"


def test_warnings_block_and_are_counted_by_category() -> None:
    findings = [_finding("spelling", "warning")] * 3 + [_finding("grammar", "warning"),
                                                       _finding("style", "advice")]
    verdict = judge(findings, compute_stats(SAMPLE))
    assert not verdict.ready
    assert verdict.text == "Not ready for ERAS: 3 spelling, 1 grammar"


def test_advice_alone_does_not_block_but_is_shown() -> None:
    verdict = judge([_finding("style", "advice")] * 2, compute_stats(SAMPLE))
    assert verdict.ready
    assert verdict.text == "Ready for ERAS · 2 style notes to consider"


def test_length_outside_the_range_or_limit_is_left_to_do() -> None:
    short = " ".join(["word"] * 610)
    assert judge([], compute_stats(short)).text == "Not ready for ERAS: 40 words short"
    long = " ".join(["word"] * 900)
    assert judge([], compute_stats(long)).text == "Not ready for ERAS: 50 words over 850"
    huge = ("x" * 99 + " ") * 300  # 300 words, 30,000 characters
    text = judge([], compute_stats(huge)).text
    assert "2,000 characters over the ERAS limit" in text and "350 words short" in text


def test_learner_errors_make_the_real_check_not_ready() -> None:
    from workshop.core.checks.factory import build_service

    service = build_service("harper")
    body = SAMPLE + "\n\nI have went to alot of clinics everyday and I recieved feedbak."
    result = service.check(body)
    assert not result.ready
    assert "spelling" in result.summary and "grammar" in result.summary, result.summary


def test_the_sample_is_ready_with_the_null_engine() -> None:
    result = CheckService([NullEngine()]).check(SAMPLE)
    assert result.ready, result.summary


def test_a_quick_check_has_engine_findings_only_and_no_verdict() -> None:
    from workshop.core.checks.factory import build_service

    service = build_service("harper")
    body = "Ever since I was a child I recieved alot of help."
    quick = service.check(body, quick=True)
    full = service.check(body)
    assert {f.engine for f in quick.findings} == {"harper"}
    assert any(f.engine == "rules" for f in full.findings)  # the cliché opener, for one
    assert not quick.ready and quick.summary.startswith("Checking")
    assert "rough" in quick.stats.pages_basis and "rough" not in full.stats.pages_basis
