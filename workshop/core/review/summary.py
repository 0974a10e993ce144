"""What a review import and an apply did, in words that match what happened.

After both changes of a review were accepted the old summary said "1 could not be placed
(anchor lost)": the applied change's old text is gone from the draft, so its anchor was lost,
and the message counted it as a failure. These counts keep applied changes apart, and every
message says only what happened ("2 changes accepted, 1 comment", "no tracked changes found").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from workshop.core.review.roundtrip import ReviewImport


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


@dataclass(frozen=True, slots=True)
class ReviewCounts:
    """Counts of one review on the current draft.

    Attributes:
        applied: changes accepted and written into the draft (never counted as lost).
        pending: changes placed on the draft, waiting for accept or reject.
        changes_lost: changes not applied whose place in the draft is lost.
    """

    comments: int
    comments_placed: int
    comments_lost: int
    changes: int
    applied: int
    pending: int
    changes_lost: int


def review_counts(review: ReviewImport, applied: Collection[int] = ()) -> ReviewCounts:
    """Count comments and changes; ``applied`` holds the indexes of changes already accepted."""
    done = set(applied)
    comments_lost = sum(1 for c in review.comments if c.anchor.lost)
    not_applied = [c for c in review.changes if c.change.index not in done]
    changes_lost = sum(1 for c in not_applied if c.anchor.lost)
    return ReviewCounts(
        comments=len(review.comments), comments_placed=len(review.comments) - comments_lost,
        comments_lost=comments_lost, changes=len(review.changes),
        applied=len(review.changes) - len(not_applied),
        pending=len(not_applied) - changes_lost, changes_lost=changes_lost)


def summary_text(counts: ReviewCounts) -> str:
    """One line on the review as it stands, e.g. "2 changes accepted, 1 comment"."""
    parts: list[str] = []
    if counts.changes == 0:
        parts.append("no tracked changes found")
    elif counts.applied:
        parts.append(f"{_n(counts.applied, 'change')} accepted")
        if counts.pending:
            parts.append(f"{counts.pending} still to decide")
    else:
        parts.append(_n(counts.changes, "tracked change"))
    parts.append(_n(counts.comments, "comment") if counts.comments else "no comments")
    return ", ".join(parts)


def problems_text(counts: ReviewCounts) -> str:
    """What could not be placed (empty when everything was); applied changes never count."""
    lost = []
    if counts.changes_lost:
        lost.append(f"{_n(counts.changes_lost, 'change')} could not be placed: "
                    "the text it changes is no longer in the draft")
    if counts.comments_lost:
        lost.append(f"{_n(counts.comments_lost, 'comment')} could not be placed: "
                    "the text it is on is no longer in the draft")
    return "; ".join(lost) + ("." if lost else "")


def applied_text(accepted: int, not_ticked: int, title: str, version: str) -> str:
    """The message after Apply: exactly how many were written, and what was left."""
    text = f"{_n(accepted, 'change')} accepted and written into {title}"
    if not_ticked:
        text += (f"; {_n(not_ticked, 'change')} not ticked, so {title} keeps "
                 f"{'its' if not_ticked == 1 else 'their'} original text")
    return text + f". The previous text is kept as the version “{version}”."
