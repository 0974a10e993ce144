"""Anchoring to a draft that changed since the review; accept and reject."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.core.errors import UserError
from workshop.core.review import anchor_review, apply_change, apply_decisions, read_review
from workshop.core.review.anchor import DraftMapper, anchor_span

from .docx_builder import reviewed_docx
from .samples import ORIGINAL, REVIEW_PARAGRAPHS


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    return read_review(reviewed_docx(REVIEW_PARAGRAPHS))


def test_unchanged_draft_anchors_exactly(doc) -> None:  # type: ignore[no-untyped-def]
    review = anchor_review(doc, ORIGINAL)
    assert all(c.anchor.status == "exact" for c in review.comments + review.changes)
    assert review.similarity == 1.0


def test_accept_all_gives_the_reviewed_text(doc) -> None:  # type: ignore[no-untyped-def]
    review = anchor_review(doc, ORIGINAL)
    assert apply_decisions(ORIGINAL, [(c, True) for c in review.changes]) == doc.revised


def test_reject_leaves_the_draft(doc) -> None:  # type: ignore[no-untyped-def]
    review = anchor_review(doc, ORIGINAL)
    assert apply_decisions(ORIGINAL, [(c, False) for c in review.changes]) == ORIGINAL
    assert apply_change(ORIGINAL, review.changes[0], accept=False) == ORIGINAL


def test_draft_edited_elsewhere_keeps_anchors(doc) -> None:  # type: ignore[no-untyped-def]
    draft = "A new opening line.\n\n" + ORIGINAL.replace("taught me patience",
                                                         "taught me real patience")
    review = anchor_review(doc, draft)
    assert review.lost == 0
    comment = review.comments[0]
    assert draft[comment.anchor.start:comment.anchor.end] == "The patient was an elderly man"
    delete = review.changes[0]
    assert draft[delete.anchor.start:delete.anchor.end] == "really "
    result = apply_change(draft, delete, accept=True)
    assert "program that values teaching" in result


def test_moved_paragraph_is_found(doc) -> None:  # type: ignore[no-untyped-def]
    paragraphs = ORIGINAL.split("\n\n")
    draft = "\n\n".join([paragraphs[1], paragraphs[0], *paragraphs[2:]])
    review = anchor_review(doc, draft)
    comment = review.comments[0]
    assert draft[comment.anchor.start:comment.anchor.end] == "The patient was an elderly man"
    replace = review.changes[1]
    assert draft[replace.anchor.start:replace.anchor.end] == "continuity"


def test_edited_text_is_approximate_and_refused_on_accept(doc) -> None:  # type: ignore[no-untyped-def]
    draft = ORIGINAL.replace("really values teaching and continuity",
                             "truly values teaching and continuous care")
    review = anchor_review(doc, draft)
    replace = review.changes[1]
    assert replace.anchor.status in ("changed", "lost")
    with pytest.raises(UserError, match="edited since the review|lost"):
        apply_change(draft, replace, accept=True)


def test_removed_text_is_lost_and_says_so(doc) -> None:  # type: ignore[no-untyped-def]
    draft = ORIGINAL.replace("The patient was an elderly man with heart failure who could "
                             "not lie flat.", "")
    review = anchor_review(doc, draft)
    comment = review.comments[0]
    assert comment.anchor.lost and "no longer in the draft" in comment.anchor.note
    assert review.lost >= 1


def test_overlapping_accepts_refused() -> None:
    data = reviewed_docx([[("text", "one two three four five six seven eight nine ten "),
                           ("del", "eleven"), ("text", " twelve.")]])
    doc = read_review(data)
    review = anchor_review(doc, doc.original)
    item = review.changes[0]
    with pytest.raises(UserError, match="overlap"):
        apply_decisions(doc.original, [(item, True), (item, True)])


def test_deleting_a_whole_paragraph_leaves_one_blank_line() -> None:
    data = reviewed_docx([[("text", "Keep this.")], [("del", "Drop this paragraph.")],
                          [("text", "Keep that.")]])
    doc = read_review(data)
    review = anchor_review(doc, doc.original)
    assert apply_decisions(doc.original, [(review.changes[0], True)]) == \
        "Keep this.\n\nKeep that."


words = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "care", "team", "ward",
                                  "night", "Cairo", "patient", "—", "é", "日本"]),
                 min_size=5, max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(words, words, st.data())
def test_anchor_of_text_present_in_draft_points_at_it(prefix: str, body: str,
                                                      data: st.DataObject) -> None:
    """Whatever is prepended, a span whose text survives is anchored to an equal span."""
    original = body
    start = data.draw(st.integers(0, len(original) - 1))
    end = data.draw(st.integers(start, len(original)))
    draft = prefix + "\n\n" + original
    anchor = anchor_span(DraftMapper(original, draft), start, end)
    assert 0 <= anchor.start <= anchor.end <= len(draft)
    if original[start:end].strip():
        assert draft[anchor.start:anchor.end] == original[start:end]
        assert not anchor.lost
