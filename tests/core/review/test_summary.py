"""Review messages say what happened: applied changes are never reported as lost."""

from __future__ import annotations

from workshop.core.review import (
    anchor_review,
    applied_text,
    apply_decisions,
    problems_text,
    read_review,
    review_counts,
    summary_text,
)

from .docx_builder import reviewed_docx
from .samples import ORIGINAL, REVIEW_PARAGRAPHS


def test_import_counts_changes_and_comments() -> None:
    doc = read_review(reviewed_docx(REVIEW_PARAGRAPHS))
    review = anchor_review(doc, ORIGINAL)
    counts = review_counts(review)
    n_changes, n_comments = len(review.changes), len(review.comments)
    assert n_changes >= 2 and n_comments >= 1
    text = summary_text(counts)
    assert f"{n_changes} tracked changes" in text
    assert f"{n_comments} comment" in text
    assert problems_text(counts) == ""


def test_after_accepting_every_change_nothing_is_called_lost() -> None:
    doc = read_review(reviewed_docx(REVIEW_PARAGRAPHS))
    review = anchor_review(doc, ORIGINAL)
    new_text = apply_decisions(ORIGINAL, [(c, True) for c in review.changes])
    again = anchor_review(doc, new_text)
    applied = {c.change.index for c in review.changes}
    assert again.lost == 1  # the old text of an applied change is gone (the message)
    counts = review_counts(again, applied)
    assert counts.applied == len(review.changes) and counts.changes_lost == 0
    assert counts.pending == 0
    assert summary_text(counts).startswith(f"{len(review.changes)} changes accepted")
    assert "could not be placed" not in problems_text(counts)


def test_comments_only_says_no_tracked_changes_found() -> None:
    paragraphs = [[("comment", "I was the only doctor", "Good opening."),
                   ("text", " on the ward that night.")]]
    doc = read_review(reviewed_docx(paragraphs))
    review = anchor_review(doc, "I was the only doctor on the ward that night.")
    assert summary_text(review_counts(review)) == "no tracked changes found, 1 comment"


def test_some_accepted_some_left() -> None:
    doc = read_review(reviewed_docx(REVIEW_PARAGRAPHS))
    review = anchor_review(doc, ORIGINAL)
    first = review.changes[0]
    new_text = apply_decisions(ORIGINAL, [(first, True)])
    counts = review_counts(anchor_review(doc, new_text), {first.change.index})
    left = len(review.changes) - 1
    assert summary_text(counts).startswith(f"1 change accepted, {left} still to decide")


def test_applied_message_counts_exactly() -> None:
    assert applied_text(3, 0, "IM statement", "Before review") == (
        "3 changes accepted and written into IM statement. The previous text is kept as the "
        "version “Before review”.")
    message = applied_text(1, 2, "IM statement", "v")
    assert message.startswith("1 change accepted") and "2 changes not ticked" in message
