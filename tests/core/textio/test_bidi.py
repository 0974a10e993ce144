"""Bidi controls out of exported text, words kept apart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.textio.bidi import MARKS, RUN_CONTROLS, strip_bidi_controls


def test_a_control_used_as_a_separator_becomes_a_space() -> None:
    assert strip_bidi_controls("at\u2067مستشفى\u2069today") == "at مستشفى today"
    assert strip_bidi_controls("file\u202eexe.doc") == "file exe.doc"


def test_no_doubled_spaces_and_marks_vanish() -> None:
    assert strip_bidi_controls("at \u2067مستشفى\u2069 today") == "at مستشفى today"
    assert strip_bidi_controls("Dr.\u200f Ali") == "Dr. Ali"
    assert strip_bidi_controls("12\u200e3") == "123"
    assert strip_bidi_controls("\u202eabc\u202c") == "abc"
    assert strip_bidi_controls("plain text") == "plain text"


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "م", *RUN_CONTROLS, *MARKS])))
def test_no_control_left_and_words_never_glued(text: str) -> None:
    out = strip_bidi_controls(text)
    assert not any(char in RUN_CONTROLS + MARKS for char in out)
    words = [w for w in _split(text) if w]
    assert [w for w in out.split() if w] == words
    assert len(out) <= len(text)


def _split(text: str) -> list[str]:
    """Words as a reader sees them: spaces and run controls both separate."""
    for char in RUN_CONTROLS:
        text = text.replace(char, " ")
    for char in MARKS:
        text = text.replace(char, "")
    return text.split()
