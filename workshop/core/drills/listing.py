"""The text of ``workshop questions``: the bank (and the user's questions) as text or JSON.

Text is for reading in a terminal: one line per question, grouped by category, with the target
time and, for a specialty's own questions, the specialty. JSON is for scripts and for diffing
the bank: every field, stable key order. A specialty filter keeps the general questions and that
specialty's own, because an applicant to one specialty is asked both.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from workshop.core.drills.bank import Question, QuestionBank
from workshop.core.drills.specialties import shipped_specialties
from workshop.core.drills.user_questions import UserQuestion
from workshop.core.errors import UserError

FORMATS = ("text", "json")


def questions_listing(bank: QuestionBank, category: str | None = None, fmt: str = "text",
                      user_questions: Iterable[UserQuestion] = (),
                      specialty: str | None = None) -> str:
    """List the bank, optionally one category, with the user's questions after the bank's.

    Args:
        bank: the loaded bank.
        category: a category id (or alias) to filter on, or None for all.
        fmt: "text" or "json".
        user_questions: the applicant's own questions (from the workspace).
        specialty: keep general questions and this specialty's (name, alias or abbreviation).

    Raises:
        UserError: unknown category, specialty or format; the message lists the valid ones.
    """
    if fmt not in FORMATS:
        raise UserError(f"Unknown format '{fmt}'.", hint=f"Use one of: {', '.join(FORMATS)}.")
    if category is not None:
        category = bank.category(category).id
    name = None if specialty is None else shipped_specialties().resolve(specialty)
    mine = [q for q in user_questions if (category is None or q.category == category)
            and (name is None or q.fits(name))]
    shipped = [q for q in bank if (category is None or q.category == category)
               and (name is None or q.fits(name))]
    if fmt == "json":
        records = [_record(q, "bank") for q in shipped] + [_record(q, "user") for q in mine]
        return json.dumps({"count": len(records), "questions": records}, ensure_ascii=False,
                          indent=2) + "\n"
    return _text(bank, shipped, mine)


def _record(q: Question, origin: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": q.id, "category": q.category, "text": q.text,
        "answer_seconds": q.answer_seconds, "look_for": q.look_for,
        "follow_ups": list(q.follow_ups), "tags": list(q.tags),
        "specialties": list(q.specialties), "rule": q.rule, "rule_source": q.rule_source,
        "sample_answer": q.sample_answer, "origin": origin,
    }
    if isinstance(q, UserQuestion):
        record.update(programs=list(q.programs), source=q.source, source_ref=q.source_ref)
    return record


def _text(bank: QuestionBank, shipped: list[Question], mine: list[UserQuestion]) -> str:
    lines: list[str] = []
    for cat in bank.categories:
        group = [q for q in shipped if q.category == cat.id]
        if not group:
            continue
        note = ("" if cat.answerable and cat.mixed else " - to ask, not timed"
                if not cat.answerable else " - practice on purpose; not in mock interviews")
        lines.append(f"{cat.title} ({cat.id}, {len(group)}){note}")
        lines.extend(_line(q, show_time=cat.answerable) for q in group)
        lines.append("")
    if mine:
        lines.append(f"Your questions ({len(mine)})")
        for q in mine:
            tail = f"  [{', '.join(q.programs)}]" if q.programs else ""
            lines.append(_line(q, show_time=True) + tail)
        lines.append("")
    total = len(shipped) + len(mine)
    lines.append(f"{total} question{'s' if total != 1 else ''}")
    return "\n".join(lines) + "\n"


def _line(q: Question, *, show_time: bool) -> str:
    minutes, seconds = divmod(q.answer_seconds, 60)
    time = f"{minutes}:{seconds:02d}" if show_time else "    "
    tail = f"  ({', '.join(q.specialties)})" if q.specialties else ""
    return f"  {q.id:<14} {time}  {q.text}{tail}"
