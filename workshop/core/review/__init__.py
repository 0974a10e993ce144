"""Reviewer round-trip: read a reviewed .docx (comments, tracked changes) against the draft.

Pure core (no Qt). The statement is exported as .docx by the documents engine; this package
reads the file a mentor sends back and places each comment and change on the current draft.
"""

from workshop.core.review.anchor import Anchor, AnchorStatus
from workshop.core.review.extract import ReviewComment, ReviewedDocument, TrackedChange
from workshop.core.review.roundtrip import (
    AnchoredChange,
    AnchoredComment,
    ReviewImport,
    anchor_review,
    apply_change,
    apply_decisions,
    import_review,
    read_review,
)
from workshop.core.review.summary import (
    ReviewCounts,
    applied_text,
    problems_text,
    review_counts,
    summary_text,
)

__all__ = [
    "Anchor",
    "AnchorStatus",
    "AnchoredChange",
    "AnchoredComment",
    "ReviewComment",
    "ReviewCounts",
    "ReviewImport",
    "ReviewedDocument",
    "TrackedChange",
    "anchor_review",
    "apply_change",
    "applied_text",
    "apply_decisions",
    "import_review",
    "problems_text",
    "read_review",
    "review_counts",
    "summary_text",
]
