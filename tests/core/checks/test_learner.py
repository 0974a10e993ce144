"""The learner-English engine: trigram-scored articles, prepositions, verb forms, noun number.

Mechanism tests pass low margins so the model's preferences show; the tuned margins (in
``learner_lm.json``) are tested on clinical text and names, which must stay unflagged. Tests
that need the model skip where the optional ``pocketsphinx`` package is missing; the
missing-package path is tested everywhere.
"""

from __future__ import annotations

import pytest

from tests.core.checks.clinical_corpus import SENTENCES
from workshop.core.checks import factory
from workshop.core.checks.engines import learner_engine
from workshop.core.checks.engines.harper_engine import HarperEngine
from workshop.core.checks.engines.learner_engine import LearnerEngine
from workshop.core.checks.learner import detector
from workshop.core.checks.learner.alternatives import alternatives
from workshop.core.checks.service import CheckService
from workshop.core.checks.vocabulary import medical_words

LOW = {
    "article": 1.0,
    "article-delete": 1.0,
    "preposition": 1.0,
    "preposition-delete": 1.0,
    "verb-form": 1.0,
    "noun-number": 0.5,
}


@pytest.fixture(scope="module")
def warm_learner() -> LearnerEngine:
    pytest.importorskip("pocketsphinx")
    engine = LearnerEngine()
    engine.warm()
    engine.set_words(medical_words())
    return engine


def _low(engine: LearnerEngine) -> LearnerEngine:
    low = LearnerEngine(margins=LOW)
    low._model = engine._model  # share the loaded model (a test shortcut, not an API)
    low.set_words(medical_words())
    return low


def _fixes(engine: LearnerEngine, text: str) -> dict[str, tuple[str, str]]:
    return {f.rule: (text[f.start : f.end], f.suggestions[0]) for f in engine.check(text)}


def test_confusion_sets_cover_each_class() -> None:
    kinds = {a.kind: a.words for a in alternatives("the")}
    assert kinds["article"] in {("a",), ("an",), ()}
    assert ("in",) in {a.words for a in alternatives("on")}
    assert () in {a.words for a in alternatives("about")}  # "discuss about" → "discuss"
    assert ("has",) in {a.words for a in alternatives("have")}
    assert ("patients",) in {a.words for a in alternatives("patient")}
    assert alternatives("as") == ()  # too ambiguous to swap alone


def test_wrong_preposition_after_interested(warm_learner: LearnerEngine) -> None:
    assert _fixes(_low(warm_learner), "I am interested on cardiology.")["learner.preposition"] == (
        "on",
        "in",
    )


def test_noun_number_after_a_numeral(warm_learner: LearnerEngine) -> None:
    assert _fixes(_low(warm_learner), "I saw two patient today.")["learner.noun-number"] == (
        "patient",
        "patients",
    )


def test_depends_of_becomes_depends_on(warm_learner: LearnerEngine) -> None:
    assert _fixes(_low(warm_learner), "It depends of the patient.")["learner.preposition"] == (
        "of",
        "on",
    )


def test_a_deletion_takes_its_space_with_it(warm_learner: LearnerEngine) -> None:
    text = "We discuss about the patient every morning."
    found = [f for f in _low(warm_learner).check(text) if not f.suggestions[0]]
    assert found, "the model should prefer 'discuss the patient'"
    fixed = text[: found[0].start] + text[found[0].end :]
    assert fixed == "We discuss the patient every morning."


def test_finding_shape_explains_and_suggests(warm_learner: LearnerEngine) -> None:
    finding = _low(warm_learner).check("I am interested on cardiology.")[0]
    assert finding.category == "grammar" and finding.engine == "learner-lm"
    assert "“in”" in finding.message and "Prepositions" in finding.message
    assert finding.severity == "warning"


def test_clinical_sentences_are_not_flagged(warm_learner: LearnerEngine) -> None:
    flagged = [s for s in SENTENCES if warm_learner.check(s)]
    assert flagged == []


def test_names_and_protected_words_are_never_changed(warm_learner: LearnerEngine) -> None:
    low = _low(warm_learner)
    text = "Dr. Okafor of Lagos taught me to listen to the patients of Enugu."
    assert all(
        text[f.start : f.end].strip() not in {"Okafor", "Lagos", "Enugu"} for f in low.check(text)
    )
    low.set_words(["patients"])
    assert all(
        not f.suggestions[0] or f.suggestions[0].rstrip("s") == "patient"
        for f in low.check(text)
        if text[f.start : f.end] == "patients"
    )


def test_the_learner_sentences_of_the_brief_through_the_whole_checker(
    warm_learner: LearnerEngine,
) -> None:
    harper = HarperEngine()
    harper.warm()
    service = CheckService([harper, warm_learner])

    def fixes(text: str) -> set[tuple[str, str]]:
        return {
            (text[f.start : f.end], f.suggestions[0] if f.suggestions else "")
            for f in service.check(text).findings
            if f.category == "grammar"
        }

    assert ("a", "an") in fixes("I have a experience in internal medicine.")
    assert any(
        w.startswith("discuss about") or w == "about"
        for w, _ in fixes("We discuss about the patient every morning.")
    )
    assert {w for w, _ in fixes("He have went to the clinic.")} & {"have", "went"}
    clean = "She was admitted with community-acquired pneumonia and treated with ceftriaxone."
    assert fixes(clean) == set()


def test_missing_package_is_a_normal_off_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learner_engine, "model_path", lambda: None)
    engine = LearnerEngine()
    state = engine.availability()
    assert not state.ok and state.state == "missing" and "pocketsphinx" in state.how_to_enable
    engine.warm()
    assert engine.check("I am interested on cardiology.") == []
    service = CheckService([engine])
    assert service.check("He have went to the clinic.").findings is not None


def test_the_switch_leaves_the_engine_out() -> None:
    names_on = [e.name for e in factory.build_engines("harper", learner_grammar=True)]
    names_off = [e.name for e in factory.build_engines("harper")]  # off by default
    assert detector.ENGINE_NAME in names_on
    assert detector.ENGINE_NAME not in names_off
    assert [e.name for e in factory.build_engines("none")] == ["none"]


def test_model_loads_at_warm_up_not_at_construction() -> None:
    pytest.importorskip("pocketsphinx")
    engine = LearnerEngine()
    assert engine._model is None
    CheckService([engine]).warm_engines()
    assert engine._model is not None


def test_spans_stay_inside_any_text(warm_learner: LearnerEngine) -> None:
    """Hypothesis: whatever the text (Unicode, punctuation, hyphens), spans are valid."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    low = _low(warm_learner)
    words = st.sampled_from(
        [
            "the",
            "a",
            "an",
            "of",
            "on",
            "in",
            "patient",
            "patients",
            "have",
            "went",
            "café",
            "Öztürk",
            "-",
            ",",
            ".",
            "?",
            " ",
            "  ",
            "\n",
            "two",
            "discuss",
            "about",
            "I",
        ]
    )

    @settings(max_examples=60, deadline=None)
    @given(st.lists(words, max_size=25).map(" ".join))
    def check(text: str) -> None:
        for finding in low.check(text):
            assert 0 <= finding.start < finding.end <= len(text)
            assert text[finding.start : finding.end].strip()

    check()
