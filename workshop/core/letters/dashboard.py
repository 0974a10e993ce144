"""What is due: overdue letters and those due within 7 days and 1 day, with reminder drafts.

ERAS sends writers no reminders; Interfolio reminds 7 days and 1 day before the due date
(FACTS.md), so the dashboard uses the same thresholds (from templates/letters/facts.toml).
The app never sends mail: each item carries a polite text to copy and a ``mailto:`` link that
opens the user's own mail program. ``today`` is passed in so tests drive the clock.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from workshop.core.letters.facts import letter_facts, phrases
from workshop.core.letters.model import AWAITING_WRITER, LetterRequest, LetterWriter, Status
from workshop.core.letters.wording import long_date

Bucket = Literal["overdue", "due_1", "due_7"]


@dataclass(frozen=True, slots=True)
class DueItem:
    """One request that needs attention.

    Attributes:
        bucket: "overdue", "due_1" (today or tomorrow) or "due_7" (within the week).
        days_left: negative when overdue.
        action: "remind" (the writer has been asked) or "ask" (still only planned: no reminder
            text, since nobody has been asked yet).
        subject, reminder_text, mailto_url: empty for "ask".
    """

    request: LetterRequest
    writer: LetterWriter
    bucket: Bucket
    days_left: int
    action: Literal["remind", "ask"]
    subject: str = ""
    reminder_text: str = ""
    mailto_url: str = ""


def bucket_for(days_left: int) -> Bucket | None:
    """Which reminder window ``days_left`` falls in, using the Interfolio thresholds."""
    windows = letter_facts().reminder_days  # e.g. (7, 1), largest first
    if days_left < 0:
        return "overdue"
    if days_left <= windows[-1]:
        return "due_1"
    if days_left <= windows[0]:
        return "due_7"
    return None


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def due_phrase(due: dt.date, days_left: int) -> str:
    """"It is due tomorrow, September 1, 2026." and friends (templates/letters/phrases.toml)."""
    table = phrases()["due_phrase"]
    key = ("overdue" if days_left < 0 else "today" if days_left == 0
           else "tomorrow" if days_left == 1 else "soon")
    return string.Template(table[key]).safe_substitute(due_date=long_date(due),
                                                       days=_days(abs(days_left)))


def mailto_url(to: str, subject: str, body: str) -> str:
    """A ``mailto:`` URL per RFC 6068: every reserved byte percent-encoded, CRLF line breaks."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(to.strip(), safe='@')}?{query}"


def reminder(writer: LetterWriter, request: LetterRequest, profile: Mapping[str, Any],
             today: dt.date, *, template_dir: Path | None = None) -> tuple[str, str]:
    """(subject, body) of the polite reminder for one request.

    A writer who agreed gets reminder.txt ("the letter you kindly agreed to write"); one who
    was asked and has not answered gets follow_up.txt, which asks again instead.
    """
    if request.due is None:
        raise ValueError("a reminder needs a due date")
    from workshop.core.letters.emails import email_for

    kind = "follow_up" if request.status is Status.ASKED else "reminder"
    email = email_for(writer, request, profile, kind=kind, today=today,
                      template_dir=template_dir)
    return email.subject, email.body


def due_dashboard(writers: Iterable[LetterWriter], requests: Iterable[LetterRequest],
                  profile: Mapping[str, Any], today: dt.date, *,
                  template_dir: Path | None = None) -> list[DueItem]:
    """Requests still waiting on their writer that are overdue or due within 7 days.

    Args:
        writers: all writers (requests of unknown writers are skipped).
        requests: all requests; uploaded, assigned and declined ones are never due.
        profile: the applicant profile (``full_name``, ``email``) for the signature.
        today: the injected clock.
        template_dir: a user folder whose reminder.txt overrides the bundled one.

    Returns:
        Items sorted most urgent first (earliest due date, then writer name).
    """
    by_id = {w.id: w for w in writers}
    items: list[DueItem] = []
    for request in requests:
        writer = by_id.get(request.writer_id)
        if writer is None or request.due is None or request.status not in AWAITING_WRITER:
            continue
        days_left = (request.due - today).days
        bucket = bucket_for(days_left)
        if bucket is None:
            continue
        if request.status is Status.PLANNED:
            items.append(DueItem(request, writer, bucket, days_left, "ask"))
            continue
        subject, body = reminder(writer, request, profile, today, template_dir=template_dir)
        items.append(DueItem(request, writer, bucket, days_left, "remind", subject, body,
                             mailto_url(writer.email, subject, body)))
    items.sort(key=lambda i: (i.days_left, i.writer.name.casefold(), i.request.id or 0))
    return items
