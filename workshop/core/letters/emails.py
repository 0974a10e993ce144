"""The e-mail for a request's current step: ask, follow up, send the packet, remind, thank.

A request still "planned" must not thank the writer "for agreeing", and an uploaded letter
needs a thank-you, not the packet again. :func:`email_for` picks the template from the status
(templates/letters/*.txt, overridable by file name from a user folder) and fills it from what
the request knows; the texts have no placeholder left (see ``wording.common_values``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.core.letters.facts import load_template, render, split_subject
from workshop.core.letters.model import LetterRequest, LetterWriter, Status
from workshop.core.letters.wording import common_values

#: kind -> (template file, what the e-mail is for, in the UI's words)
KINDS: dict[str, tuple[str, str]] = {
    "ask": ("ask_email.txt", "ask whether they will write the letter"),
    "follow_up": ("follow_up.txt", "follow up: they have not answered yet"),
    "packet": ("request_email.txt", "send the packet and the Letter ID"),
    "reminder": ("reminder.txt", "a gentle reminder before the due date"),
    "thank_you": ("thank_you.txt", "thank them: the letter is uploaded"),
    "declined": ("declined_thanks.txt", "thank them for letting you know"),
}
_BY_STATUS = {
    Status.PLANNED: "ask",
    Status.ASKED: "follow_up",
    Status.AGREED: "packet",
    Status.PACKET_SENT: "reminder",
    Status.UPLOADED: "thank_you",
    Status.ASSIGNED: "thank_you",
    Status.DECLINED: "declined",
}


@dataclass(frozen=True, slots=True)
class Email:
    """One e-mail text: what it is for, its subject and body."""

    kind: str
    purpose: str
    subject: str
    body: str


def kind_for(request: LetterRequest) -> str:
    """The e-mail a request's status calls for."""
    return _BY_STATUS[request.status]


def email_for(writer: LetterWriter, request: LetterRequest, profile: Mapping[str, Any], *,
              kind: str | None = None, today: dt.date | None = None,
              template_dir: Path | None = None) -> Email:
    """The e-mail for ``request`` as it stands (or the given ``kind``).

    Raises:
        UserError: a user template is broken (names the file and the placeholder).
    """
    chosen = kind or kind_for(request)
    name, purpose = KINDS[chosen]
    values = common_values(writer, request, profile)
    if chosen in ("reminder", "follow_up"):
        from workshop.core.letters.dashboard import due_phrase

        if request.due and today:
            values["due_phrase"] = due_phrase(request.due, (request.due - today).days)
            if chosen == "follow_up":  # "It was due on …, 3 days ago" reads better than "ideally"
                values["due_sentence"] = values["due_phrase"]
        else:
            values["due_phrase"] = values["due_sentence"]
    subject, body = split_subject(render(load_template(name, template_dir), values, name=name))
    return Email(chosen, purpose, subject, tidy(body))


def tidy(body: str) -> str:
    """No empty paragraphs where an optional sentence was left out; one final newline."""
    paragraphs = [p.strip() for p in body.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p) + "\n"
