"""Cancellation, decline, thank-you and update-letter templates that follow each program's
stated policy.

A program that asked for no thank-you notes gets no thank-you template: :func:`template` returns
an :class:`Unavailable` with the reason to show instead. A cancellation close to the date says
how much notice it gives against the two weeks advised.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Final

from workshop.core.interviews.guidance import guidance, notice_days, rule
from workshop.core.interviews.model import PLATFORM_LABELS, POLICY_LABELS, Invitation

KINDS: Final = ("thank-you", "update-letter", "cancellation", "decline")


@dataclass(frozen=True)
class Letter:
    kind: str
    title: str
    subject: str
    body: str
    #: Advice to show with it (notice given, where to send it).
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unavailable:
    kind: str
    title: str
    reason: str


@dataclass(frozen=True)
class LetterFacts:
    """What the placeholders are filled from."""

    program: str
    applicant: str
    specialty: str = ""
    track: str = ""
    date: str = "[date]"


def _policy_reason(invitation: Invitation, what: str) -> str:
    label = POLICY_LABELS[invitation.thank_you_policy].lower()
    said = f" (their words: “{invitation.policy_note.strip()}”)" if invitation.policy_note.strip() \
        else ""
    return (f"No {what} template: this program {label}{said}. Follow the program's stated "
            f"policy; sending one anyway does not help. Source: {rule('thank-you-policy').source}.")


def template(kind: str, invitation: Invitation, facts: LetterFacts, today: _dt.date,
             interview_day: _dt.date | None = None) -> Letter | Unavailable:
    """The template of ``kind`` for this invitation, or why there is none.

    Args:
        interview_day: the chosen date, for the notice a cancellation gives.
    """
    data = guidance()["templates"][kind]
    title = str(data["title"])
    policy = invitation.thank_you_policy
    if kind == "thank-you" and policy in ("no-thank-you", "no-contact"):
        return Unavailable(kind, title, _policy_reason(invitation, "thank-you note"))
    if kind == "update-letter" and policy == "no-contact":
        return Unavailable(kind, title, _policy_reason(invitation, "update-letter"))
    if kind in ("thank-you", "update-letter") and invitation.status != "completed":
        return Unavailable(kind, title, "Offered after the interview: record it as completed "
                                        "first.")
    if kind == "cancellation" and invitation.status not in ("scheduled", "waitlisted"):
        return Unavailable(kind, title, "Only a scheduled interview (or a waitlist place) can "
                                        "be canceled.")
    if kind == "decline" and invitation.status not in ("invited", "waitlisted"):
        return Unavailable(kind, title, "Declining is for an invitation you have not "
                                        "scheduled; cancel a scheduled interview instead.")
    platform = PLATFORM_LABELS.get(invitation.platform, "") if invitation.platform else ""
    if invitation.platform == "eras-scheduler":
        platform = "the ERAS scheduler"
    elif invitation.platform == "other":
        platform = invitation.platform_note or "the scheduling platform"
    values = {"program": facts.program, "applicant": facts.applicant or "[your name]",
              "specialty": facts.specialty or "residency", "track": facts.track,
              "date": facts.date, "platform": platform or "the scheduling platform"}
    notes: list[str] = []
    if kind == "cancellation":
        notes.append(rule("cancellation-etiquette").text)
        if interview_day is not None:
            days = (interview_day - today).days
            if days < notice_days():
                notes.append(f"This gives {max(days, 0)} days' notice, less than the two weeks "
                             "advised: cancel now, in the platform and by e-mail, and apologize.")
            else:
                notes.append(f"This gives {days} days' notice (two weeks or more advised).")
    if kind == "update-letter" and policy == "no-thank-you":
        notes.append("This program asked for no thank-you notes: send an update only when you "
                     "have real news.")
    if kind in ("thank-you", "update-letter"):
        notes.append(rule("no-commitment").text)
    return Letter(kind, title, str(data["subject"]).format_map(values),
                  str(data["body"]).format_map(values), tuple(notes))


def all_templates(invitation: Invitation, facts: LetterFacts, today: _dt.date,
                  interview_day: _dt.date | None = None) -> list[Letter | Unavailable]:
    return [template(k, invitation, facts, today, interview_day) for k in KINDS]
