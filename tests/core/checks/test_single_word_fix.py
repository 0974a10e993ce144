"""A typo one edit from a common word gets that word first, not only Harper's split."""

from __future__ import annotations

import pytest

from workshop.core.checks.finding import Finding
from workshop.core.checks.single_word_fix import (
    common_neighbours,
    edits1,
    prefer_single_word,
    shipped_frequency,
)

FREQ = {"applying": -4.96, "plying": -6.76, "a": -1.6, "lying": -4.4}


def fake(word: str) -> float | None:
    return FREQ.get(word)


def _typo(word: str, suggestions: tuple[str, ...]) -> Finding:
    return Finding(
        "harper.Typo",
        "spelling",
        "warning",
        "Did you mean `a plying`?",
        0,
        len(word),
        suggestions=suggestions,
        excerpt=word,
    )


def test_edits1_has_the_missing_letter() -> None:
    assert "applying" in edits1("aplying")
    assert "aplying" not in edits1("aplying")


def test_common_neighbours_skip_rare_words() -> None:
    assert common_neighbours("aplying", fake) == ("applying",)  # "plying" is too rare


def test_split_only_fix_gets_the_single_word_first() -> None:
    judged = prefer_single_word(_typo("aplying", ("a plying",)), "aplying", fake)
    assert judged.suggestions == ("applying", "a plying")
    assert "applying" in judged.message


def test_capital_is_kept() -> None:
    judged = prefer_single_word(_typo("Aplying", ("A plying",)), "Aplying", fake)
    assert judged.suggestions[0] == "Applying"


@pytest.mark.parametrize(
    ("suggestions", "frequency"),
    [(("applied",), fake), (("a plying",), None), ((), fake)],
)
def test_left_alone_without_a_split_or_a_model(
    suggestions: tuple[str, ...], frequency: object
) -> None:
    finding = _typo("aplying", suggestions)
    assert prefer_single_word(finding, "aplying", frequency) is finding  # type: ignore[arg-type]


def test_shipped_list_knows_common_words_only() -> None:
    assert shipped_frequency("applying") is not None
    assert shipped_frequency("plying") is None and shipped_frequency("aplying") is None


def test_whole_checker_offers_applying_first() -> None:
    from workshop.core.checks.engines.harper_engine import HarperEngine
    from workshop.core.checks.service import CheckService

    service = CheckService([HarperEngine()])
    service.warm_engines()
    typo = [
        f for f in service.check("I am aplying for residency.").findings if f.category == "spelling"
    ]
    assert typo and typo[0].suggestions[0] == "applying"
