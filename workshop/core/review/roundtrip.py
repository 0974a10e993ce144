"""Import a reviewed .docx against the current draft; accept or reject its changes.

Typical use::

    review = import_review(path, draft)
    for item in review.changes:           # shown beside the draft
        ...
    draft = apply_decisions(draft, [(item, True) for item in chosen])

Rejecting a change leaves the draft as it is (the draft already holds the original text);
accepting writes the reviewer's text at the anchor, and is refused when the anchored text was
edited since the review, since guessing would silently corrupt the statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop.core.errors import UserError
from workshop.core.review.anchor import Anchor, DraftMapper, anchor_span, text_similarity
from workshop.core.review.extract import ReviewComment, ReviewedDocument, TrackedChange, extract
from workshop.core.textio.safe_docx import open_document

# Below this share of shared word 3-grams the file is taken to be another statement: a draft
# rewritten by half still shares about 0.5, an unrelated statement about 0.0-0.05.
MIN_SIMILARITY = 0.15


@dataclass(frozen=True, slots=True)
class AnchoredComment:
    comment: ReviewComment
    anchor: Anchor


@dataclass(frozen=True, slots=True)
class AnchoredChange:
    change: TrackedChange
    anchor: Anchor


@dataclass(slots=True)
class ReviewImport:
    """A reviewed file placed on one draft.

    Attributes:
        similarity: 0..1, how much of the reviewed text the draft still shares.
        lost: how many items could not be placed (shown in a separate list).
    """

    document: ReviewedDocument
    draft: str
    similarity: float
    comments: list[AnchoredComment] = field(default_factory=list)
    changes: list[AnchoredChange] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return sum(1 for c in self.comments if c.anchor.lost) + sum(
            1 for c in self.changes if c.anchor.lost)


def read_review(source: Path | str | bytes, *, where: str = "") -> ReviewedDocument:
    """Comments and tracked changes of a reviewed .docx, before any draft is involved.

    Raises:
        UserError: not a .docx, encrypted, damaged, a zip bomb.
    """
    document, label = open_document(source, where)
    bodies: dict[str, tuple[str, str, str, str]] = {}
    try:
        for comment in _comments(document):
            stamp = comment.timestamp.isoformat() if comment.timestamp else ""
            bodies[str(comment.comment_id)] = (comment.author or "", comment.initials or "",
                                               stamp, comment.text.strip())
        return extract(document, bodies)
    except UserError:
        raise
    except Exception as exc:  # malformed XML inside a well-formed zip
        raise UserError(f"The comments or changes in this .docx cannot be read "
                        f"({type(exc).__name__}).", hint="Open it in Word and save it again.",
                        where=label) from exc


def _comments(document: Any) -> list[Any]:
    part = document.part
    if not any(rel.reltype.endswith("/comments") for rel in part.rels.values()):
        return []  # reading document.comments would create an empty comments part
    return list(document.comments)


def anchor_review(document: ReviewedDocument, draft: str) -> ReviewImport:
    """Place every comment and change on ``draft`` (cheap: call again after each edit)."""
    mapper = DraftMapper(document.original, draft)
    similarity = text_similarity(document.original, draft)
    return ReviewImport(
        document, draft, round(similarity, 3),
        [AnchoredComment(c, anchor_span(mapper, c.start, c.end)) for c in document.comments],
        [AnchoredChange(c, anchor_span(mapper, c.start, c.end)) for c in document.changes])


def import_review(source: Path | str | bytes, draft: str, *, where: str = "",
                  title: str = "this statement") -> ReviewImport:
    """Read a reviewed .docx and anchor it to the current draft.

    Args:
        source: path or bytes of the .docx.
        draft: the statement's current text.
        where: label for messages (defaults to the path).
        title: the statement's name, for messages.

    Raises:
        UserError: any :func:`read_review` refusal; an empty draft; a file with no comments
            and no tracked changes; a file whose text shares too little with the draft to be
            a review of it.
    """
    label = where or (str(source) if not isinstance(source, bytes) else "reviewed document")
    document = read_review(source, where=label)
    if not document.comments and not document.changes:
        raise UserError("This .docx has no comments and no tracked changes, so there is "
                        "nothing to import.", hint="Ask the reviewer to use Review > Track "
                        "Changes and comments, or read their edits side by side yourself.",
                        where=label)
    if not draft.strip():
        raise UserError(f"{title.capitalize()} is empty, so the review has nothing to attach "
                        "to.", hint="Open the statement that was sent for review.", where=label)
    review = anchor_review(document, draft)
    if review.similarity < MIN_SIMILARITY:
        raise UserError(f"This reviewed file appears to come from another statement: it "
                        f"shares only {review.similarity:.0%} of its text with {title}.",
                        hint="Open the statement that was exported for this reviewer, then "
                        "import the file again.", where=label)
    return review


def apply_change(draft: str, item: AnchoredChange, *, accept: bool) -> str:
    """The draft after accepting (reviewer's text in) or rejecting (unchanged) one change.

    Raises:
        UserError: accepting a change whose anchor is lost or whose text was edited since.
    """
    return apply_decisions(draft, [(item, accept)])


def apply_decisions(draft: str, decisions: Iterable[tuple[AnchoredChange, bool]]) -> str:
    """Apply several accept/reject decisions at once (anchors must come from this draft).

    Raises:
        UserError: a lost or edited anchor, or two accepted changes that overlap.
    """
    accepted = sorted((item for item, ok in decisions if ok),
                      key=lambda i: (i.anchor.start, i.anchor.end), reverse=True)
    for item in accepted:
        _check_applicable(draft, item)
    for later, earlier in zip(accepted, accepted[1:], strict=False):
        if earlier.anchor.end > later.anchor.start:
            raise UserError("Two accepted changes overlap: "
                            f'"{_show(earlier.change)}" and "{_show(later.change)}".',
                            hint="Accept one, then import the review again for the other.")
    for item in accepted:
        draft = _splice(draft, item.anchor.start, item.anchor.end, item.change.new)
    return draft


def _check_applicable(draft: str, item: AnchoredChange) -> None:
    anchor, change = item.anchor, item.change
    if anchor.lost:
        raise UserError(f'Cannot apply "{_show(change)}": its place in the draft is lost. '
                        f"{anchor.note}", hint="Make this edit by hand if you still want it.")
    if not 0 <= anchor.start <= anchor.end <= len(draft) or (
            draft[anchor.start:anchor.end] != change.old or anchor.status == "changed"):
        raise UserError(f'Cannot apply "{_show(change)}": the text it changes was edited '
                        "since the review.", hint="Make this edit by hand, or import the "
                        "review again against the current draft.")


def _splice(draft: str, start: int, end: int, new: str) -> str:
    left, right = draft[:start], draft[end:]
    if not new and left.endswith(" ") and right.startswith((" ", ".", ",", ";", ":")):
        left = left[:-1]  # deleting a word between two spaces leaves one space
    joined = left + new + right
    lo, hi = max(0, len(left) - 2), len(left) + len(new) + 2
    middle = re.sub(r"\n{3,}", "\n\n", joined[lo:hi])
    return joined[:lo] + middle + joined[hi:]


def _show(change: TrackedChange) -> str:
    if change.kind == "insert":
        text = f"insert {change.new.strip()}"
    elif change.kind == "delete":
        text = f"delete {change.old.strip()}"
    else:
        text = f"{change.old.strip()} \u2192 {change.new.strip()}"
    return text if len(text) <= 70 else text[:69] + "\u2026"
