"""Paragraph/sentence splitting and UTF-16 offset conversion."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.checks.textspans import (
    paragraphs,
    sentences,
    utf16_span_to_codepoints,
    word_count,
)


def test_paragraphs_split_on_blank_lines_only() -> None:
    text = "  First line\nstill first.\n\n\nSecond.\n \nThird"
    found = paragraphs(text)
    assert [p.text for p in found] == ["First line\nstill first.", "Second.", "Third"]
    for p in found:
        assert text[p.start : p.end] == p.text


def test_sentences_respect_abbreviations_and_initials() -> None:
    text = "Dr. Iyer taught me. I met J. Smith in the U.S. today! Was it late? Yes"
    assert [s.text for s in sentences(text)] == [
        "Dr. Iyer taught me.",
        "I met J. Smith in the U.S. today!",
        "Was it late?",
        "Yes",
    ]


def test_word_count_counts_runs_of_non_space() -> None:
    assert word_count("one two\nthree  four-five 😀") == 5
    assert word_count("   ") == 0


def test_utf16_conversion_of_astral_characters() -> None:
    text = "a😀b😀c"
    # "b" is UTF-16 unit 3 (a=0, 😀=1,2), "c" is unit 6.
    assert utf16_span_to_codepoints(text, 3, 1) == (2, 3)
    assert utf16_span_to_codepoints(text, 6, 1) == (4, 5)
    assert utf16_span_to_codepoints(text, 1, 2) == (1, 2)  # the emoji itself
    assert utf16_span_to_codepoints(text, 100, 5) == (5, 5)  # clamped


@given(st.text(alphabet=st.sampled_from(list("ab ي😀é\nΝ👩‍⚕️")), max_size=40), st.data())
def test_utf16_round_trip(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    unit_start = len(text[:start].encode("utf-16-le")) // 2
    unit_len = len(text[start:end].encode("utf-16-le")) // 2
    assert utf16_span_to_codepoints(text, unit_start, unit_len) == (start, end)


@given(st.text(max_size=200))
def test_paragraph_spans_always_point_into_the_text(text: str) -> None:
    for p in paragraphs(text):
        assert text[p.start : p.end] == p.text
        for s in sentences(p.text, p.start):
            assert text[s.start : s.end] == s.text
