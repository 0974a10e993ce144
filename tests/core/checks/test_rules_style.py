"""Style rules: long sentences, passive, adverbs, repeats, ARI, sentences starting with I."""

from __future__ import annotations

from workshop.core.checks.rules.meta import RuleContext
from workshop.core.checks.rules.readability import ari_grade, check_i_starts, check_readability
from workshop.core.checks.rules.style import (
    find_adverbs,
    find_long_sentences,
    find_passive,
    find_repeats,
)


def test_long_sentence_over_35_words() -> None:
    long = " ".join(["word"] * 36) + "."
    assert len(find_long_sentences(long)) == 1
    assert find_long_sentences(" ".join(["word"] * 35) + ".") == []


def test_passive_fires_on_actions_not_on_states() -> None:
    text = "I was taught by Dr. Iyer. The patient was admitted overnight."
    assert [text[f.start : f.end] for f in find_passive(text)] == ["was taught", "was admitted"]
    assert find_passive("I was interested in cardiology and was excited to start.") == []
    assert find_passive("I taught the students and admitted the patient.") == []


def test_adverb_density() -> None:
    dense = "I quickly and carefully examined him, then gently and really thoroughly explained."
    assert len(find_adverbs(dense)) == 5
    calm = "My family lives in Cairo. I rely on early rounds. " * 3
    assert find_adverbs(calm) == []


def test_repeated_word_close_by() -> None:
    text = "The diagnosis surprised us because the diagnosis was rare."
    [finding] = find_repeats(text)
    assert text[finding.start : finding.end] == "diagnosis" and finding.start > 10
    assert find_repeats("The diagnosis surprised us. Later, the diagnosis was confirmed.") == []
    assert find_repeats("It was what it was, and that was that.") == []


def test_ari_grade_and_rule() -> None:
    simple = "The cat sat. The dog ran. " * 30
    hard = (
        "Interdisciplinary collaboration facilitates comprehensive multidimensional "
        "assessment of heterogeneous populations with considerable comorbidity burden. "
    ) * 12
    assert ari_grade(simple) < 3 < 12 < ari_grade(hard)
    assert check_readability(simple, RuleContext(ari_target=12)) == []
    [finding] = check_readability(hard, RuleContext(ari_target=12))
    assert finding.rule == "clarity.readability"
    assert check_readability(hard, RuleContext(ari_target=40)) == []


def test_i_start_share() -> None:
    text = "I came. I saw. I learned. The ward was busy. I stayed. Patients waited."
    found = check_i_starts(text)
    assert len(found) == 4 and all(text[f.start : f.end] == "I" for f in found)
    varied = "I came. The ward was busy. Patients waited. Nurses helped. I stayed. We learned."
    assert check_i_starts(varied) == []
