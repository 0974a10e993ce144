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
from workshop.core.letters.model import LetterRequest, LetterWriter

_HONORIFICS = ("dr.", "dr", "prof.", "prof", "professor", "mr.", "ms.", "mrs.", "mx.")
NO_LETTER_ID = "(Letter ID to follow)"


def long_date(day: dt.date | None) -> str:
    """"September 1, 2026" (month names are unambiguous for writers in any country)."""
    if day is None:
        return "a date we agree on"
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def salutation(writer: LetterWriter) -> str:
    """"Dear Dr. Iyer" from "Dr. Ananya Iyer"; the writer's own salutation wins when set."""
    if writer.salutation.strip():
        text = writer.salutation.strip()
        return text if text.lower().startswith("dear") else f"Dear {text}"
    words = writer.name.split()
    if len(words) >= 2 and words[0].lower() in _HONORIFICS:
        honorific = words[0] if words[0].endswith(".") or words[0].lower() == "professor" \
            else f"{words[0]}."
        return f"Dear {honorific} {words[-1]}"
    return f"Dear {writer.name}"


def supervised(writer: LetterWriter) -> str:
    """"supervised me during my Internal Medicine externship at ... (Mar 2024 – May 2024)"."""
    table = phrases()
    key = writer.relationship.value
    setting = writer.setting.strip() or table["default_setting"][key]
    place = writer.institution.strip() or "your institution"
    period = f" ({writer.period})" if writer.period else ""
    return string.Template(table["supervised"][key]).safe_substitute(
        setting=setting, place=place, period=period)


def waiver_text(request: LetterRequest) -> str:
    facts = letter_facts()
    return facts.waiver_yes if request.waived else facts.waiver_no


def portal_instructions(request: LetterRequest) -> str:
    """The LoR Portal paragraph with this request's Letter ID filled in."""
    return render(letter_facts().lor_portal_instructions,
                  {"letter_id": request.letter_id or NO_LETTER_ID},
                  name="facts.toml lor_portal_instructions")


def target_phrase(request: LetterRequest) -> str:
    """"Internal Medicine" or, for a general letter, "residency" wording stays natural."""
    return "" if request.target_specialty == "General" else request.target_specialty


def common_values(writer: LetterWriter, request: LetterRequest,
                  profile: Mapping[str, Any]) -> dict[str, str]:
    """Placeholders shared by all letters templates (see templates/letters/*.txt)."""
    name = str(profile.get("full_name") or profile.get("name") or "").strip()
    target = target_phrase(request)
    return {
        "salutation": salutation(writer),
        "writer_name": writer.name,
        "writer_display_name": writer.display_name,
        "applicant_name": name or "the applicant",
        "applicant_email": str(profile.get("email") or "").strip(),
        "target": f"{target}" if target else "U.S.",
        "specialty": request.target_specialty,
        "supervised": supervised(writer),
        "due_date": long_date(request.due),
        "letter_id": request.letter_id or NO_LETTER_ID,
        "portal_instructions": portal_instructions(request),
        "waiver": waiver_text(request),
        "letter_type": request.type_label,
    }
