"""The values every letters template shares: salutation, dates, "what you supervised", waiver.

Kept in one place so the request e-mail, the cover letter and the reminder always say the same
thing the same way.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from typing import Any

from workshop.core.cv.dates import MONTH_NAMES
from workshop.core.letters.facts import letter_facts, phrases, render
from workshop.core.letters.model import LetterRequest, LetterWriter, Status
from workshop.core.letters.salutation import salutation

__all__ = ["salutation", "long_date", "common_values"]
#: What the writer-facing request form says before MyERAS has created the Letter ID.
NO_LETTER_ID = "Not created yet: sent to you separately"


def long_date(day: dt.date | None) -> str:
    """"September 1, 2026" (month names are unambiguous for writers in any country)."""
    if day is None:
        return "a date we agree on"
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def supervised(writer: LetterWriter) -> str:
    """"supervised me during my Internal Medicine externship at ... (Mar 2024 – May 2024)"."""
    table = phrases()
    key = writer.relationship.value
    setting = writer.setting.strip() or table["default_setting"][key]
    place = writer.institution.strip() or "your institution"
    period = f" ({writer.period})" if writer.period else ""
    plain = table.get("supervised_plain", {})
    if not writer.setting.strip() and key in plain:  # "worked with me on our work together"
        return string.Template(plain[key]).safe_substitute(place=place, period=period)
    return string.Template(table["supervised"][key]).safe_substitute(
        setting=setting, place=place, period=period)


def waiver_text(request: LetterRequest) -> str:
    facts = letter_facts()
    return facts.waiver_yes if request.waived else facts.waiver_no


def portal_instructions(request: LetterRequest) -> str:
    """The LoR Portal paragraph with this request's Letter ID, or the version that says the ID
    will follow (never a placeholder in its place)."""
    facts = letter_facts()
    if not request.letter_id and facts.lor_portal_instructions_no_id:
        return facts.lor_portal_instructions_no_id
    return render(facts.lor_portal_instructions,
                  {"letter_id": request.letter_id or "(to follow)"},
                  name="facts.toml lor_portal_instructions")


def target_phrase(request: LetterRequest) -> str:
    """"Internal Medicine" or, for a general letter, "residency" wording stays natural."""
    return "" if request.target_specialty == "General" else request.target_specialty


def _sentence(key: str, **values: str) -> str:
    return string.Template(phrases()["sentences"][key]).safe_substitute(values)


def common_values(writer: LetterWriter, request: LetterRequest,
                  profile: Mapping[str, Any]) -> dict[str, str]:
    """Placeholders shared by all letters templates (see templates/letters/*.txt).

    Every value is a finished phrase: a missing due date, Letter ID, e-mail or phone changes
    the sentence instead of leaving a gap or a "[placeholder]".
    """
    name = str(profile.get("full_name") or profile.get("name") or "").strip()
    email = str(profile.get("email") or "").strip()
    phone = str(profile.get("phone") or "").strip()
    target = target_phrase(request)
    contact = " or ".join(x for x in (email, phone) if x)
    asked = request.event_for(Status.ASKED)
    agreed = request.status in {Status.AGREED, Status.PACKET_SENT, Status.UPLOADED,
                                Status.ASSIGNED}
    return {
        "salutation": salutation(writer),
        "writer_name": writer.name,
        "writer_display_name": writer.display_name,
        "applicant_name": name or "your former student",
        "applicant_email": email,
        "signature": "\n".join(x for x in (name, email, phone) if x) or "",
        "target": f"{target}" if target else "U.S.",
        "specialty": request.target_specialty,
        "supervised": supervised(writer),
        "due_date": long_date(request.due),
        "due_subject": f", due {long_date(request.due)}" if request.due else "",
        "due_sentence": (_sentence("due", due_date=long_date(request.due)) if request.due
                         else _sentence("no_due")),
        "contact_sentence": (_sentence("contact", contact=contact) if contact
                             else _sentence("no_contact")),
        "asked_sentence": (_sentence("asked", asked_on=long_date(asked.on)) if asked
                           else _sentence("not_asked")),
        "thanks_opening": _sentence("thanks_agreed" if agreed else "thanks_considering"),
        "letter_id": request.letter_id or NO_LETTER_ID,
        "letter_id_subject": f" and Letter ID {request.letter_id}" if request.letter_id else "",
        "portal_instructions": portal_instructions(request),
        "waiver": waiver_text(request),
        "letter_type": request.type_label,
    }
