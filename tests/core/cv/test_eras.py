from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.cv.eras import eras_blocks, eras_date, eras_safe, eras_text, fit
from workshop.core.cv.model import CV

from .conftest import my


def test_blocks_only_for_included_experiences(sample: CV) -> None:
    blocks = eras_blocks(sample)
    assert len(blocks) == sum(e.eras.include for e in sample.experience) == 10
    first = blocks[0]
    assert first.experience_type == "Education/Training"
    assert (first.start, first.end) == ("07/2024", "09/2024")
    assert first.location == "Chicago, IL, United States"
    assert first.most_meaningful and first.reflection.startswith("Presenting")
    assert first.where == "experience[0]" and first.cut == ()
    ongoing = next(b for b in blocks if b.experience_id == "exp-research-volunteer")
    assert ongoing.end == "Present" and ongoing.reflection == ""


def test_block_text_has_counters_and_is_plain(sample: CV) -> None:
    text = eras_text(sample)
    assert "Description (216/750):" in text and "Reflection (203/300):" in text
    assert "\t" not in text and "\u2019" not in text and "\u2013" not in text


def test_unsafe_characters_replaced_and_flagged(sample: CV) -> None:
    entry = sample.experience[0]
    entry.description = (
        "\u201cTeam\u201d work \u2014 rounds\u2026\tdaily \u2022 notes \U0001F600\u200b"
    )
    block = eras_blocks(sample)[0]
    assert block.description == '"Team" work -- rounds... daily - notes'
    assert block.changed


def test_over_limit_text_cut_at_a_boundary_and_reported(sample: CV) -> None:
    sample.experience[0].description = ("Sentence number one is here. " * 40).strip()
    sample.experience[0].eras.reflection = "word " * 100
    block = eras_blocks(sample)[0]
    assert len(block.description) <= 750 and block.description.endswith(".")
    assert len(block.reflection) <= 300 and not block.reflection.endswith(" ")
    assert block.cut == ("description", "reflection")


def test_scripts_survive() -> None:
    names = (
        "Dr. \u039d\u03af\u03ba\u03bf\u03c2 / \u0905\u0928\u0928\u094d\u092f\u093e / "
        "\u064a\u0627\u0633\u0645\u064a\u0646"
    )
    assert eras_safe(names) == names


def test_dates() -> None:
    assert eras_date(my("2021-07")) == "07/2021"
    assert eras_date(my("2021")) == "2021"
    assert eras_date(None) == ""


@given(st.text(max_size=1200), st.integers(1, 800))
def test_fit_never_exceeds_and_only_cuts_when_needed(text: str, limit: int) -> None:
    out, cut = fit(text, limit)
    assert len(out) <= limit
    assert cut == (len(text) > limit)
    if not cut:
        assert out == text


@given(st.text(max_size=400))
def test_safe_text_has_no_tabs_or_smart_quotes(text: str) -> None:
    out = eras_safe(text)
    assert not set(out) & {"\t", "\u2018", "\u2019", "\u201c", "\u201d", "\u00a0", "\r"}
    assert eras_safe(out) == out
