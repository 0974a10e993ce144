"""Agreement rules (lexicon-based): each fires on a clear error and stays quiet on correct text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.checks.finding import LANGUAGE_CATEGORIES
from workshop.core.checks.rules import agreement, lexicon
from workshop.core.checks.rules.agreement import find_agreement
from workshop.core.checks.rules.meta import all_rules
from workshop.core.resources import resource

FIRES = [
    ("Many company will hire new graduates.", "grammar.quantifier_noun", "company", "companies"),
    ("It is one of the most important thing in life.", "grammar.quantifier_noun", "thing", None),
    ("We must understand certain thing in medicine.", "grammar.quantifier_noun", "thing", None),
    ("It lessens the number of car on the road.", "grammar.quantifier_noun", "car", "cars"),
    ("She also need a car for work.", "grammar.subject_verb", "need", "needs"),
    ("The professor oppose the statement.", "grammar.subject_verb", "oppose", "opposes"),
    ("So the school try teaching the students.", "grammar.subject_verb", "try", "tries"),
    ("They know what they can't to do.", "grammar.modal_to", "to", ""),
    ("Students must to attend every lecture.", "grammar.modal_to", "to", ""),
    ("We need a person who are capable of it.", "grammar.relative_agreement", "are", None),
    ("Companies that has the certificate win.", "grammar.relative_agreement", "has", None),
    ("They gave me many informations about it.", "grammar.mass_plural", "informations", None),
    ("My mentors gave me useful advices.", "grammar.mass_plural", "advices", "advice"),
    ("In that family every member has a cars.", "grammar.singular_det_plural", "a cars", "a car"),
    ("She goes to clinic every days.", "grammar.singular_det_plural", "every days", "every day"),
    ("I met each new residents.", "grammar.singular_det_plural", "each new residents",
     "each new resident"),
    ("Some people are not agree with my opinion.", "grammar.be_base", "are not agree", None),
    ("The pain would be disappear by morning.", "grammar.be_base", "be disappear", None),
]

QUIET = [
    "Many companies will hire new graduates.",
    "It is one of the most important things in life.",
    "A certain river runs through the city.",
    "He took a number of other diverse courses.",
    "Many car owners drive to work.",
    "She also needs a car for work.",
    "The professor opposed the statement.",
    "I will let the patient decide.",
    "Does the patient understand the risks?",
    "It helped the resident learn the protocol.",
    "The team work together every night.",
    "It can be the most helpful thing for society.",
    "They know what they cannot do.",
    "I have to go, and you ought to stay.",
    "He showed the will to live.",
    "We need a person who is capable of it.",
    "Companies that have the certificate win.",
    "They gave me much information about it.",
    "My attendings gave me useful advice.",
    "After a few days I felt better.",
    "I saw a hundred patients that month.",
    "Some people do not agree with my opinion.",
    "She need not come tomorrow.",
    "Dr. Iyer said that Ananya Iyer is kind.",
    "What they did is reduce the amount of gas.",
    "The treasures are found in the ground.",
    "The cost is cut every year.",
    "",
]


@pytest.mark.parametrize(("text", "rule", "flagged", "suggestion"), FIRES)
def test_rule_fires(text: str, rule: str, flagged: str, suggestion: str | None) -> None:
    found = [f for f in find_agreement(text) if f.rule == rule]
    assert found, f"{rule} did not fire on {text!r}"
    assert text[found[0].start : found[0].end] == flagged
    assert found[0].category == "grammar"
    if suggestion is not None:
        assert found[0].suggestions[:1] == (suggestion,)


@pytest.mark.parametrize("text", QUIET)
def test_rule_stays_quiet(text: str) -> None:
    assert find_agreement(text) == []


def test_every_rule_has_metadata() -> None:
    rules = all_rules()
    for text, rule, _flagged, _suggestion in FIRES:
        meta = rules[rule]
        assert meta.explanation and meta.fix and meta.source, text
        assert meta.category == "grammar"


def test_every_rule_is_exercised() -> None:
    fired = {rule for _text, rule, _flagged, _suggestion in FIRES}
    names = {f"grammar.{fn.__name__.removeprefix('find_')}" for fn in agreement.RULES}
    assert fired == names


def test_message_explains_and_names_the_words() -> None:
    (finding,) = find_agreement("Many company will hire new graduates.")
    assert "'Many'" in finding.message
    assert "plural" in finding.message


def test_sample_statement_gets_no_agreement_findings() -> None:
    """The sample statement is well-written English: our rules must not flag it."""
    text = resource("sample", "statement_internal_medicine.txt").read_text(encoding="utf-8")
    found = [f for f in find_agreement(text) if f.category in LANGUAGE_CATEGORIES]
    assert found == []


def test_silent_without_lemminflect(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "available", lambda: False)
    assert find_agreement("Many company will hire.") == []


def test_tokens_keep_offsets() -> None:
    text = "Dr. Νίκος’s patients – many company’s staff."
    for token in lexicon.tokens(text):
        assert text[token.start : token.end] == token.text


@given(st.text(max_size=200))
def test_spans_stay_inside_any_text(text: str) -> None:
    for finding in find_agreement(text):
        assert 0 <= finding.start < finding.end <= len(text)


@given(
    st.sampled_from([t for t, *_ in FIRES]),
    st.text(alphabet="αβγ ّ😀\n ", max_size=20),
)
def test_offsets_follow_a_unicode_prefix(text: str, prefix: str) -> None:
    """A finding moves with its words when Unicode text is typed before the sentence."""
    plain = [(f.rule, text[f.start : f.end]) for f in find_agreement(text)]
    joined = prefix + ". " + text
    shifted = [(f.rule, joined[f.start : f.end]) for f in find_agreement(joined)]
    for item in plain:
        assert item in shifted
