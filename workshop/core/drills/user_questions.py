"""The applicant's own questions, typed in or seeded from the CV and the statements.

The best practice questions are the ones an interviewer will ask *this* applicant: the gap on the
CV, the program named in a statement, the experience described in it. Seeding turns those into
questions with stable ids derived from their source, so seeding again (after the CV changes)
adds only what is new and never duplicates or overwrites a question the applicant has edited.

The seed functions take plain data (:class:`GapInput`, :class:`StatementInput`) rather than the
CV or document models, so this module does not depend on them; the caller maps one to the other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from workshop.core.drills.bank import Question
from workshop.core.drills.validation import (
    ANSWER_SECONDS_RANGE,
    FOLLOW_UP_RANGE,
    FOLLOW_UPS_MAX,
    LOOK_FOR_MAX,
    PROGRAM_NAME_MAX,
    PROGRAMS_MAX,
    TAG_PATTERN,
    TAGS_MAX,
    TEXT_RANGE,
    check_question_id,
)
from workshop.core.errors import UserError

SOURCES = ("manual", "cv-gap", "statement", "statement-program", "statement-experience")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_GAP_FOLLOW_UPS = (
    "How did you keep your clinical knowledge and skills current during that time?",
    "Is the situation that caused the gap resolved?",
    "What did that period teach you that will help you as a resident?",
)


@dataclass(frozen=True, slots=True)
class UserQuestion(Question):
    """A question the applicant added or the app seeded for them.

    Attributes:
        programs: programs the question is tagged to (empty: all programs).
        source: "manual", "cv-gap", "statement", "statement-program" or "statement-experience".
        source_ref: what it was seeded from (a gap's months, a statement title), for display.
    """

    programs: tuple[str, ...] = ()
    source: str = "manual"
    source_ref: str = ""

    def __post_init__(self) -> None:
        where = f"your question '{self.id[:60]}'"
        check_question_id(self.id, f"{where}, field 'id'")
        _length(self.text, *TEXT_RANGE, where, "text")
        _length(self.look_for, 0, LOOK_FOR_MAX, where, "look_for")
        lo, hi = ANSWER_SECONDS_RANGE
        if not lo <= self.answer_seconds <= hi:
            raise UserError(f"answer time {self.answer_seconds} s is outside {lo}-{hi} s.",
                            where=f"{where}, field 'answer_seconds'")
        _items(self.follow_ups, FOLLOW_UPS_MAX, *FOLLOW_UP_RANGE, where, "follow_ups")
        _items(self.programs, PROGRAMS_MAX, 1, PROGRAM_NAME_MAX, where, "programs")
        _items(self.tags, TAGS_MAX, 1, 30, where, "tags")
        for tag in self.tags:
            if not TAG_PATTERN.match(tag):
                raise UserError(f"tag '{tag}' must be lower-case letters, digits and hyphens.",
                                where=f"{where}, field 'tags'")
        if self.source not in SOURCES:
            raise UserError(f"unknown source '{self.source}'.", where=f"{where}, field 'source'")


@dataclass(frozen=True, slots=True)
class GapInput:
    """A CV gap and the applicant's explanation of it.

    ``start`` and ``end`` are the first and last uncovered months: "2021-08" strings,
    ``datetime.date`` values, ``(year, month)`` pairs or objects with ``year`` and ``month``
    (the CV's ``MonthYear``; a ``month`` of None means only the year is known).
    """

    start: Any
    end: Any
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class StatementInput:
    """What the seeder needs from a personal statement.

    Attributes:
        title: the statement's title, as shown in the documents list.
        target_programs: programs the statement is assigned or tailored to.
        specialty: the specialty it argues for ("" to skip the specialty question).
        experiences: named experiences it mentions ("my externship in Chicago").
    """

    title: str
    target_programs: Sequence[str] = ()
    specialty: str = ""
    experiences: Sequence[str] = ()


def questions_from_gaps(gaps: Iterable[GapInput], *,
                        answer_seconds: int = 75) -> list[UserQuestion]:
    """One red-flag question per CV gap, e.g. "Tell me about the gap between Aug 2021 and Jan 2022."

    The explanation goes into "what to look for" so the applicant rehearses their own words.

    Raises:
        UserError: a gap's dates cannot be read.
    """
    result: dict[str, UserQuestion] = {}
    for index, gap in enumerate(gaps, start=1):
        start = _month(gap.start, f"gap {index}, start")
        end = _month(gap.end, f"gap {index}, end")
        if _sort_key(end) < _sort_key(start):
            start, end = end, start
        span = f"{_label(start)} and {_label(end)}"
        ref = f"{_iso(start)}..{_iso(end)}"
        look_for = (
            "Thirty to forty-five seconds of facts, said without apology: what you did, how you "
            "kept clinically current, and that the reason is resolved. Close on why you are "
            "ready now."
        )
        note = " ".join(gap.explanation.split())
        if note:
            room = LOOK_FOR_MAX - len(look_for) - 20
            look_for += f" Your CV note: \u201c{_clip(note, room)}\u201d"
        qid = f"gap-{_iso(start)}-{_iso(end)}"
        result[qid] = UserQuestion(
            id=qid, text=f"Tell me about the gap between {span}.", category="red-flags",
            answer_seconds=answer_seconds, look_for=look_for, follow_ups=_GAP_FOLLOW_UPS,
            tags=("gap", "cv"), source="cv-gap", source_ref=ref,
        )
    return list(result.values())


def questions_from_statements(statements: Iterable[StatementInput]) -> list[UserQuestion]:
    """Personal questions from statements: one per target program, per named experience, and
    one on the specialty argument. Duplicates (the same program in two statements) are merged
    by id, keeping the first.
    """
    result: dict[str, UserQuestion] = {}
    for st in statements:
        title = _clip(" ".join(st.title.split()) or "your statement", 120)
        if st.specialty.strip():
            specialty = _clip(st.specialty.strip(), 80)
            q = UserQuestion(
                id=f"stmt-{_slug(title)}", category="motivation", answer_seconds=90,
                text=f"Your statement argues for {specialty}. Make that case to me in a minute "
                     "and a half.",
                look_for=f"The same story as \u201c{title}\u201d, told aloud: the moment, the "
                         "evidence, the fit. Interviewers compare it with what they read.",
                follow_ups=(f"What other specialties did you consider besides {specialty}?",),
                tags=("statement",), source="statement", source_ref=title,
            )
            result.setdefault(q.id, q)
        for program in st.target_programs:
            name = _clip(" ".join(program.split()), PROGRAM_NAME_MAX)
            if not name:
                continue
            q = UserQuestion(
                id=f"prog-{_slug(name)}", category="program-fit", answer_seconds=90,
                text=_clip(f"Why {name}?", TEXT_RANGE[1]),
                look_for="Three reasons only this program offers (a clinic, a track, its "
                         "patients, something a resident told you), each tied to your goals, "
                         f"and consistent with \u201c{title}\u201d.",
                follow_ups=("What did you learn about us from our residents?",
                            "What would you change about our program?"),
                tags=("program",), programs=(name,), source="statement-program",
                source_ref=title,
            )
            result.setdefault(q.id, q)
        for experience in st.experiences:
            exp = _clip(" ".join(experience.split()), 200)
            if not exp:
                continue
            q = UserQuestion(
                id=f"exp-{_slug(exp)}", category="behavioural", answer_seconds=90,
                text=_clip(f"Your statement mentions {exp}. What was your role, and what did "
                           "you learn?", TEXT_RANGE[1]),
                look_for="A STAR story: your own actions, not the team's, a concrete result, and "
                         "what you do differently because of it. Details must match the "
                         "statement.",
                follow_ups=("What was the hardest moment of that experience?",
                            "Who supervised you, and what would they say about you?"),
                tags=("statement", "star"), source="statement-experience", source_ref=title,
            )
            result.setdefault(q.id, q)
    return list(result.values())


def new_question_id(text: str, existing: Iterable[str]) -> str:
    """A readable id for a question the user types in: "my-<words>", made unique."""
    taken = set(existing)
    base = f"my-{_slug(text, with_hash=False)}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# -- helpers ---------------------------------------------------------------------------------


def _slug(text: str, *, with_hash: bool = True) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:30].strip("-")
    if not with_hash:
        return words or "question"
    digest = hashlib.sha1(unicodedata.normalize("NFC", text).casefold().encode()).hexdigest()[:6]
    return f"{words}-{digest}" if words else digest


def _month(value: Any, where: str) -> tuple[int, int | None]:
    if isinstance(value, dt.date):
        return (value.year, value.month)
    if isinstance(value, tuple) and len(value) == 2:
        year, month = value
    elif isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2}))?\s*", value)
        if not m:
            raise UserError(f"'{value[:40]}' is not a month like 2021-08.", where=where)
        year, month = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    elif hasattr(value, "year") and hasattr(value, "month"):
        year, month = value.year, value.month
    else:
        raise UserError(f"{type(value).__name__} is not a month.", where=where)
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        raise UserError(f"year {year!r} is out of range.", where=where)
    if month is not None and (not isinstance(month, int) or not 1 <= month <= 12):
        raise UserError(f"month {month!r} is not 1-12.", where=where)
    return (year, month)


def _sort_key(month: tuple[int, int | None]) -> tuple[int, int]:
    return (month[0], month[1] or 0)


def _label(month: tuple[int, int | None]) -> str:
    year, m = month
    return f"{MONTHS[m - 1]} {year}" if m else str(year)


def _iso(month: tuple[int, int | None]) -> str:
    year, m = month
    return f"{year}-{m:02d}" if m else str(year)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "\u2026"


def _length(value: str, lo: int, hi: int, where: str, name: str) -> None:
    if not isinstance(value, str) or not lo <= len(value.strip()) <= hi:
        size = len(value) if isinstance(value, str) else type(value).__name__
        raise UserError(f"'{name}' has {size} characters; expected {lo}-{hi}.",
                        where=f"{where}, field '{name}'")


def _items(values: tuple[str, ...], max_items: int, lo: int, hi: int, where: str,
           name: str) -> None:
    if not isinstance(values, tuple) or len(values) > max_items:
        raise UserError(f"'{name}' must be a list of at most {max_items} items.",
                        where=f"{where}, field '{name}'")
    for i, value in enumerate(values, start=1):
        _length(value, lo, hi, f"{where}, item {i}", name)
