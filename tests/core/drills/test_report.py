"""Drill report and study sheet: built from practice data, exported, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from workshop.core.drills import repository as repo
from workshop.core.drills.attempts import AnswerNotes, Attempt
from workshop.core.drills.bank import QuestionBank
from workshop.core.drills.report import clock_text, drill_report_document, study_sheet_document
from workshop.core.drills.sample import load_sample_attempts
from workshop.core.drills.schema import DRILLS_SCHEMA_SQL
from workshop.core.errors import UserError
from workshop.core.export.api import export
from workshop.core.export.document import Heading, Table

TODAY = dt.date(2027, 2, 15)


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.executescript(DRILLS_SCHEMA_SQL)
    yield db
    db.close()


def titles(bank: QuestionBank) -> dict[str, str]:
    return {c.id: c.title for c in bank.categories}


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_sample_history_is_stable_and_schedules_reviews(conn: sqlite3.Connection,
                                                        bank: QuestionBank) -> None:
    added = load_sample_attempts(conn, TODAY, bank=bank)
    assert added >= 14
    progress = repo.load_progress(conn, today=TODAY, tz=dt.UTC)
    assert progress.attempts == added
    assert progress.current_streak >= 3
    assert progress.rubric_trend and progress.time_by_category
    assert repo.list_review_states(conn)
    assert "SAMPLE" in repo.get_notes(conn, "intro-001").talking_points
    other = sqlite3.connect(":memory:", isolation_level=None)
    other.executescript(DRILLS_SCHEMA_SQL)
    assert load_sample_attempts(other, TODAY, bank=bank) == added  # seeded: same every run


def test_report_pdf_reads_back(conn: sqlite3.Connection, bank: QuestionBank,
                               tmp_path: Path) -> None:
    load_sample_attempts(conn, TODAY, bank=bank)
    progress = repo.load_progress(conn, today=TODAY, tz=dt.UTC)
    attempts = repo.list_attempts(conn)
    doc = drill_report_document(
        progress, attempts, question_texts={q.id: q.text for q in bank},
        category_titles=titles(bank), applicant="Yasmin Farouk El-Sayed", today=TODAY,
        notice="SAMPLE - fictional applicant")
    headings = [b.text for b in doc.parts[0].blocks if isinstance(b, Heading)]
    assert headings[:3] == ["Summary", "Time against target", "Self-review by week"]
    tables = [b for b in doc.parts[0].blocks if isinstance(b, Table)]
    assert "Introduction" in {row[0] for row in tables[0].rows}
    out = export(doc, "report", "letter", tmp_path / "report.pdf")
    text = pdf_text(out)
    assert "Interview practice report" in text
    assert "Questions practiced" in text and str(progress.questions_practised) in text
    assert "Time against target" in text
    assert "Yasmin Farouk El-Sayed" in text
    assert "SAMPLE" in text


def test_report_lists_follow_ups_skips_and_notes(bank: QuestionBank) -> None:
    from workshop.core.drills.progress import compute_progress

    start = dt.datetime(2027, 2, 14, 9, tzinfo=dt.UTC)
    attempts = [
        Attempt("intro-001", start, 5, 130, 10, 1, "introduction", 120, notes="Too long  at end"),
        Attempt("intro-001", start, 0, 40, 0, 1, "introduction", 60, mode="mock",
                follow_up="What would your colleagues say about you?"),
        Attempt("motiv-001", start, 0, 0, 0, 0, "motivation", 90, skipped=True),
    ]
    progress = compute_progress(attempts, today=TODAY, tz=dt.UTC)
    doc = drill_report_document(progress, attempts, question_texts={q.id: q.text for q in bank},
                                category_titles=titles(bank), applicant="A", today=TODAY)
    table = [b for b in doc.parts[0].blocks if isinstance(b, Table)][-1]
    rows = {row[1]: row for row in table.rows}
    assert any(k.startswith("Follow-up: What would your colleagues") for k in rows)
    assert [r for r in table.rows if r[2] == "skipped"]
    assert [r for r in table.rows if r[2] == "2:10 / 2:00" and r[3] == "not rated"]
    bullets = doc.parts[0].blocks[-1]
    assert "Too long at end" in str(bullets)


def test_empty_report_is_a_clear_error(bank: QuestionBank) -> None:
    from workshop.core.drills.progress import compute_progress

    with pytest.raises(UserError, match="nothing to report"):
        drill_report_document(compute_progress([], today=TODAY), [], question_texts={},
                              category_titles={}, applicant="A", today=TODAY)


def test_study_sheet_keeps_outlined_questions_only(bank: QuestionBank, tmp_path: Path) -> None:
    notes = {
        "behav-001": AnswerNotes("behav-001", talking_points="- own it\n\n* fix it",
                                 situation="Night call", action="Held the dose"),
        "intro-001": AnswerNotes("intro-001"),
    }
    doc = study_sheet_document(list(bank), notes, category_titles=titles(bank),
                               applicant="Yasmin", notice="SAMPLE")
    headings = [b.text for b in doc.parts[0].blocks if isinstance(b, Heading)]
    assert headings == [bank.get("behav-001").text]
    text = pdf_text(export(doc, "report", "letter", tmp_path / "answers.pdf"))
    assert "My answers" in text
    assert "own it" in text and "fix it" in text
    assert "Situation" in text and "Night call" in text and "Held the dose" in text
    assert "Task" not in text  # empty STAR fields are left out


def test_empty_study_sheet_is_a_clear_error(bank: QuestionBank) -> None:
    with pytest.raises(UserError, match="No answers are outlined"):
        study_sheet_document(list(bank), {}, category_titles=titles(bank), applicant="A")


@pytest.mark.parametrize(("seconds", "shown"), [(0, "0:00"), (59.6, "1:00"), (125, "2:05"),
                                                 (-3, "0:00")])
def test_clock_text(seconds: float, shown: str) -> None:
    assert clock_text(seconds) == shown
