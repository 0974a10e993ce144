"""ERAS rules: character limit, word range, unsafe characters and make_eras_safe."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.checks.rules.eras_safe import find_unsafe, make_eras_safe
from workshop.core.checks.rules.length import check_chars, check_words, eras_char_count


def test_char_count_includes_spaces_and_counts_line_breaks_and_emoji_conservatively() -> None:
    assert eras_char_count("ab c") == 4
    assert eras_char_count("a\nb") == 4  # a line break is submitted as CR LF
    assert eras_char_count("a\r\nb") == 4
    assert eras_char_count("😀") == 2  # two UTF-16 units
    assert eras_char_count("ياسمين") == 6


def test_over_the_limit_is_an_error_marking_the_overflow() -> None:
    text = "a" * 28_010
    [finding] = check_chars(text)
    assert finding.severity == "error" and finding.category == "length"
    assert finding.end == len(text) and finding.end - finding.start == 10
    assert "28,010" in finding.message


def test_at_the_limit_is_fine() -> None:
    assert check_chars("a" * 28_000) == []
    assert check_chars("a\n" * 9_333 + "a") == []  # 9,333 * 3 + 1 = 28,000


def test_word_range_advice() -> None:
    assert check_words("word " * 700) == []
    [short] = check_words("word " * 300)
    assert short.severity == "advice" and "short" in short.message
    [long] = check_words("word " * 1000)
    assert "long" in long.message
    assert check_words("") == []


def test_unsafe_characters_fire_with_plain_suggestions() -> None:
    text = "“Care”—always…\tnow\u00a0x 😀 y\u200bz • done\x07"
    found = {text[f.start : f.end]: f for f in find_unsafe(text)}
    assert found["“"].suggestions == ('"',)
    assert found["”—"].suggestions == ('"--',)
    assert found["…\t"].suggestions == ("... ",)
    assert "\u00a0" in found and "😀" in found and "\u200b" in found and "•" in found
    assert "\x07" in found and "control" in found["\x07"].message
    assert all(f.rule == "eras.unsafe_char" for f in found.values())


def test_plain_text_and_letters_of_any_script_do_not_fire() -> None:
    text = 'Plain "quotes" - dashes... café Νίκος ياسمين अनन्या\nnew line'
    assert find_unsafe(text) == []


def test_make_eras_safe_gives_plain_text() -> None:
    text = "“Care”—always…\tnow\u00a0it 😀 works\u200b\r\n• item"
    assert make_eras_safe(text) == '"Care"--always... now it works\n- item'


@given(st.text(max_size=80))
def test_make_eras_safe_is_idempotent_and_leaves_nothing_unsafe(text: str) -> None:
    safe = make_eras_safe(text)
    assert make_eras_safe(safe) == safe
    assert find_unsafe(safe) == []
