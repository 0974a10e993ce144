from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.worddiff import tokens, word_diff


def test_changed_word_and_comma() -> None:
    diff = word_diff("I cared for forty patients, overnight.",
                     "I cared for sixty patients overnight.")
    assert [s.text for s in diff.left if s.kind == "removed"] == ["forty", ","]
    assert [s.text for s in diff.right if s.kind == "added"] == ["sixty"]
    assert diff.words_added == 1 and diff.words_removed == 1


def test_identical_texts() -> None:
    diff = word_diff("Same text — ياسمين.", "Same text — ياسمين.")
    assert diff.unchanged


@given(st.text(), st.text())
def test_sides_rebuild_the_texts(old: str, new: str) -> None:
    diff = word_diff(old, new)
    assert "".join(s.text for s in diff.left) == old
    assert "".join(s.text for s in diff.right) == new
    assert "".join(tokens(old)) == old


def test_the_shared_head_and_tail_are_kept_whole_around_an_edit() -> None:
    head = "My first patient as an intern taught me. " * 50
    tail = " I hope to train in internal medicine." * 50
    diff = word_diff(head + "old words" + tail, head + "new words here" + tail)
    assert "".join(s.text for s in diff.left) == head + "old words" + tail
    assert "".join(s.text for s in diff.right) == head + "new words here" + tail
    assert (diff.words_removed, diff.words_added) == (1, 2)
    assert diff.left[0].kind == "same" and diff.left[-1].kind == "same"
