"""The optional Link Grammar hint: advice on short sentences the parser cannot link whole."""

from __future__ import annotations

import builtins
from typing import Any

import pytest

from workshop.core.checks.engines import linkgrammar_engine
from workshop.core.checks.engines.linkgrammar_engine import LinkGrammarEngine
from workshop.core.checks.service import CheckService


def fake_parser(sentence: str) -> int:
    """Two unlinked words in the learner sentence, none elsewhere."""
    return 2 if "could sustain and active" in sentence else 0


def test_short_unparsed_sentence_gets_advice_on_that_sentence() -> None:
    text = "I like my work. The town could sustain and active life. It was good."
    found = LinkGrammarEngine(fake_parser).check(text)
    assert [text[f.start : f.end] for f in found] == ["The town could sustain and active life."]
    assert found[0].severity == "advice" and found[0].suggestions == ()


def test_long_sentences_are_not_asked() -> None:
    asked: list[str] = []

    def parser(sentence: str) -> int:
        asked.append(sentence)
        return 5

    long = " ".join(["word"] * 20) + "."
    assert LinkGrammarEngine(parser).check(long) == []
    assert asked == []


def test_absence_is_normal_and_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_linkgrammar(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "linkgrammar":
            raise ImportError("not installed")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_linkgrammar)
    engine = LinkGrammarEngine()
    assert not engine.availability().ok and engine.availability().state == "missing"
    assert engine.check("The town could sustain and active life.") == []
    assert linkgrammar_engine.build() == []
    CheckService([engine]).warm_engines()  # skipped: not available, no error
