"""The real Harper engine: plain-text mode, code-point spans, kinds, thread safety."""

from __future__ import annotations

import threading

import pytest

from workshop.core.checks.engines.base import Engine
from workshop.core.checks.engines.harper_engine import KIND_MAP, HarperEngine, map_lint


def test_is_an_engine_and_available(harper_engine: HarperEngine) -> None:
    assert isinstance(harper_engine, Engine)
    assert harper_engine.availability().ok


def test_spans_are_code_points_with_unicode_before_the_error(harper_engine: HarperEngine) -> None:
    text = "ياسمين 😀👩‍⚕️ café naïve Νίκος said she recieve the the letter."
    findings = harper_engine.check(text)
    by_excerpt = {text[f.start : f.end]: f for f in findings}
    assert "recieve" in by_excerpt
    assert "receive" in by_excerpt["recieve"].suggestions
    assert by_excerpt["recieve"].category == "spelling"
    assert "the the" in by_excerpt
    assert by_excerpt["the the"].category == "grammar"
    for f in findings:
        assert f.excerpt == text[f.start : f.end]
        assert f.engine == "harper"


def test_single_newlines_are_not_merged_as_markdown_would(harper_engine: HarperEngine) -> None:
    # Plain-text mode checks each line; Markdown mode would merge these lines into one.
    text = "I recieve mail\nthe the end\nteh cat"
    excerpts = {text[f.start : f.end] for f in harper_engine.check(text)}
    assert {"recieve", "the the"} <= excerpts


def test_british_spelling_is_advice_not_a_typo(harper_engine: HarperEngine) -> None:
    findings = harper_engine.check("I had to prioritise the patients at the centre.")
    british = [f for f in findings if f.category == "spelling"]
    assert british and all(f.severity == "advice" for f in british)
    assert "prioritize" in british[0].suggestions[0]


def test_user_words_are_accepted(harper_engine: HarperEngine) -> None:
    engine = HarperEngine()
    text = "My mentor Dr. Zyxwvutq was kind."
    assert any(f.excerpt == "Zyxwvutq" for f in engine.check(text))
    engine.set_words(["Zyxwvutq"])
    assert not any(f.excerpt == "Zyxwvutq" for f in engine.check(text))


def test_empty_text_gives_nothing(harper_engine: HarperEngine) -> None:
    assert harper_engine.check("") == []
    assert harper_engine.check("   \n ") == []


def test_concurrent_checks_do_not_raise(harper_engine: HarperEngine) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                harper_engine.check("She recieve the the letter yesterday.")
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


@pytest.mark.parametrize("kind", sorted(KIND_MAP))
def test_every_known_kind_maps_to_a_valid_category(kind: str) -> None:
    class _Span:
        start, end = 0, 3

    class _Lint:
        lint_kind = kind
        message = "msg"
        problem_text = "abc"
        span = _Span()
        suggestions: list[object] = []

    finding = map_lint(_Lint())
    assert finding.category == KIND_MAP[kind][0]
    assert finding.rule == f"harper.{kind}"
