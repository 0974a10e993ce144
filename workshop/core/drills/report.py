"""The two printable outputs of interview practice: a drill report and a "my answers" sheet.

Both are :class:`~workshop.core.export.document.Document` values built with
:func:`~workshop.core.export.builders.report_document`, so they go through the same export engine
(PDF or .docx, the "report" theme) as every other document. The drill report is for looking back
(what was practiced, how long answers ran against their targets, how the self-review moved week
by week); the study sheet is for the night before an interview: each question with the
applicant's own talking points and STAR outline, nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workshop.core.drills.attempts import AnswerNotes, Attempt
from workshop.core.drills.bank import Question
from workshop.core.drills.progress import Progress
from workshop.core.errors import UserError
from workshop.core.export.builders import report_document
from workshop.core.export.document import Document

RECENT_ATTEMPTS = 40
_STAR = (("Situation", "situation"), ("Task", "task"), ("Action", "action"),
         ("Result", "result"))


def clock_text(seconds: float) -> str:
    """Seconds as "m:ss" (the way the drill's countdown shows them)."""
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


def drill_report_document(
    progress: Progress,
    attempts: Sequence[Attempt],
    *,
    question_texts: Mapping[str, str],
    category_titles: Mapping[str, str],
    applicant: str,
    today: dt.date,
    notice: str = "",
    recent: int = RECENT_ATTEMPTS,
) -> Document:
    """A report of practice so far: summary, time against target, rubric trend, recent answers.

    Args:
        progress: the dashboard numbers (``load_progress``).
        attempts: attempts in time order; the last ``recent`` are listed.
        question_texts: id -> question text (bank and the applicant's own).
        category_titles: category id -> display title.
        applicant: name for the header.
        today: the report's date (injected for stable output).
        notice: footer small print (the SAMPLE label for the fictional applicant).
        recent: how many of the latest attempts to list.

    Raises:
        UserError: nothing has been practiced yet.
    """
    if progress.attempts == 0 and progress.skipped == 0:
        raise UserError("There is nothing to report yet: no answers have been practiced.",
                        hint="Run a drill first, then export the report.")
    sections: list[dict[str, Any]] = [{
        "heading": "Summary",
        "rows": [
            ("Questions practiced", str(progress.questions_practised)),
            ("Answers given", str(progress.attempts)),
            ("Not rated (left out of the timing)", str(progress.unrated)),
            ("Skipped", str(progress.skipped)),
            ("Due for review today", str(progress.due_today)),
            ("Current streak", _days(progress.current_streak)),
            ("Longest streak", _days(progress.longest_streak)),
        ],
    }]
    if progress.time_by_category:
        sections.append({
            "heading": "Time against target",
            "text": "Average length of the rated answers per category against the "
                    "recommended length (skipped and unrated answers are left out). Above 100% "
                    "runs long; well below may mean the answer was cut short.",
            "table": {
                "header": ["Category", "Answers", "Average", "Target", "Of target", "Ran long"],
                "rows": [[category_titles.get(c.category, c.category), str(c.attempts),
                          clock_text(c.mean_answer_seconds), clock_text(c.mean_target_seconds),
                          f"{c.ratio:.0%}", str(c.over_target)]
                         for c in progress.time_by_category],
                "widths": [0.34, 0.11, 0.13, 0.13, 0.15, 0.14],
            },
        })
    if progress.rubric_trend:
        sections.append({
            "heading": "Self-review by week",
            "text": "Mean rubric scores (1 weak - 5 excellent) of the answers rated each week.",
            "table": {
                "header": ["Week of", "Rated", "Structure", "Conciseness", "Content",
                           "Delivery", "Overall"],
                "rows": [[w.week_start.isoformat(), str(w.rated), f"{w.structure:.1f}",
                          f"{w.conciseness:.1f}", f"{w.content:.1f}", f"{w.delivery:.1f}",
                          f"{w.overall:.1f}"] for w in progress.rubric_trend],
                "widths": [0.18, 0.1, 0.15, 0.16, 0.13, 0.14, 0.14],
            },
        })
    latest = list(attempts)[-recent:] if recent > 0 else []
    if latest:
        sections.append({
            "heading": f"Latest {len(latest)} answers",
            "table": {
                "header": ["Date", "Question", "Time / target", "Rubric"],
                "rows": [_attempt_row(a, question_texts) for a in reversed(latest)],
                "widths": [0.14, 0.52, 0.17, 0.17],
            },
        })
        noted = [a for a in reversed(latest) if a.notes.strip()]
        if noted:
            sections.append({
                "heading": "Notes on answers",
                "bullets": [f"{a.started_at.date().isoformat()} - "
                            f"{_short(question_texts.get(a.question_id, a.question_id), 70)}: "
                            f"{' '.join(a.notes.split())}" for a in noted],
            })
    return report_document("Interview practice report", sections, applicant=applicant,
                           subtitle=f"{applicant} \u00b7 {today:%B %d, %Y}".strip(" \u00b7"),
                           notice=notice)


def study_sheet_document(
    questions: Iterable[Question],
    notes: Mapping[str, AnswerNotes],
    *,
    category_titles: Mapping[str, str],
    applicant: str,
    notice: str = "",
) -> Document:
    """"My answers": every question with an outline, its talking points and STAR fields.

    Questions come out in the order given (the page passes bank order, then the applicant's
    own); questions without notes are left out so the sheet stays short enough to reread.

    Raises:
        UserError: no question has notes yet.
    """
    sections: list[dict[str, Any]] = []
    for q in questions:
        outline = notes.get(q.id)
        if outline is None or outline.is_empty:
            continue
        section: dict[str, Any] = {
            "heading": q.text,
            "text": f"{category_titles.get(q.category, q.category)} \u00b7 aim for "
                    f"{clock_text(q.answer_seconds)}",
        }
        points = [line.strip(" -*\u2022\t") for line in outline.talking_points.splitlines()]
        points = [p for p in points if p]
        if points:
            section["bullets"] = points
        star = [(label, getattr(outline, name).strip()) for label, name in _STAR
                if getattr(outline, name).strip()]
        if star:
            section["rows"] = star
        sections.append(section)
    if not sections:
        raise UserError("No answers are outlined yet, so the study sheet would be empty.",
                        hint="Write talking points or a STAR outline for a question first.")
    return report_document("My answers", sections, applicant=applicant,
                           subtitle=f"Study sheet \u00b7 {applicant}".strip(" \u00b7"),
                           notice=notice)


def _attempt_row(a: Attempt, texts: Mapping[str, str]) -> list[str]:
    prompt = a.follow_up or texts.get(a.question_id, a.question_id)
    if a.follow_up:
        prompt = f"Follow-up: {prompt}"
    if a.skipped:
        timing, rubric = "skipped", "-"
    else:
        timing = f"{clock_text(a.answer_seconds)} / {clock_text(a.target_seconds)}"
        rubric = "not rated" if a.rubric is None else " ".join(str(s) for s in a.rubric.scores)
    return [a.started_at.date().isoformat(), _short(prompt, 110), timing, rubric]


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"
