"""Interview practice for the fictional sample applicant: two weeks of drills and two outlines.

So a newcomer opening "Interview practice" on the sample workspace sees a dashboard with
numbers, charts that move, questions due for review and a study sheet that is not empty. The
history is generated, not stored: a seeded random generator picks answer lengths and scores
around a gentle upward trend, so the sample is the same on every machine and every run. All
notes are labelled SAMPLE.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from workshop.core.drills import repository as repo
from workshop.core.drills.attempts import AnswerNotes, Attempt, Rubric
from workshop.core.drills.bank import QuestionBank, load_bank

SEED = 2027
DAYS = 16
# Bank questions the sample applicant practises most (stable ids, see resources/questions/).
FAVOURITES = ("intro-001", "motiv-001", "fit-001", "behav-001", "img-001", "flag-001",
              "ethic-001", "team-001", "stress-001", "career-001")
_REST_DAYS = (3, 9)  # days (counted back from today) without practice: streaks are not perfect

_OUTLINES = {
    "intro-001": AnswerNotes(
        "intro-001",
        talking_points="SAMPLE outline (fictional applicant)\n"
                       "Past: Ain Shams MBBCh 2021; intern year on busy medical wards in Cairo\n"
                       "Present: research year in heart-failure outcomes; externship in Chicago\n"
                       "Future: general internist who teaches; transitions of care\n"
                       "Close: why this program's continuity clinic fits",
    ),
    "behav-001": AnswerNotes(
        "behav-001",
        talking_points="SAMPLE outline (fictional applicant)",
        situation="Night call as a house officer, 28-bed ward, insulin sliding-scale order "
                  "written for the wrong patient.",
        task="Catch it before the dose, tell my senior, make sure the patient was safe.",
        action="Held the dose, checked glucose, called my senior, told the patient plainly, "
               "filed the incident report the same night.",
        result="No harm; our ward adopted a two-name check for insulin orders. I now read "
               "back every high-risk order.",
    ),
}


def load_sample_attempts(conn: sqlite3.Connection, today: dt.date, *,
                         bank: QuestionBank | None = None) -> int:
    """Add the sample applicant's practice history ending on ``today``; returns attempts added.

    Runs in one transaction (or the caller's). Each attempt goes through
    :func:`~workshop.core.drills.repository.add_attempt` with its own day, so the review
    schedule is exactly what real practice would have produced.
    """
    bank = bank or load_bank()
    rng = random.Random(SEED)
    pool = [bank.get(qid) for qid in FAVOURITES if qid in bank]
    added = 0
    with repo.transaction(conn):
        for back in range(DAYS - 1, -1, -1):
            if back in _REST_DAYS:
                continue
            day = today - dt.timedelta(days=back)
            progress = (DAYS - back) / DAYS  # 0..1: answers get tighter and better
            for n in range(rng.randint(1, 3)):
                q = rng.choice(pool)
                started = dt.datetime(day.year, day.month, day.day, 18, 10 * n,
                                      tzinfo=dt.UTC) + dt.timedelta(minutes=rng.randint(0, 9))
                stretch = rng.uniform(1.05, 1.45) - 0.3 * progress
                answer = round(q.answer_seconds * stretch, 1)
                base = 2.4 + 1.8 * progress
                scores = [max(1, min(5, round(base + rng.uniform(-0.9, 0.9)))) for _ in range(4)]
                attempt = Attempt(
                    q.id, started, think_seconds=5.0, answer_seconds=answer,
                    overtime_seconds=max(0.0, round(answer - q.answer_seconds, 1)), takes=1,
                    category=q.category, target_seconds=q.answer_seconds, mode="single",
                    rubric=Rubric(*scores),
                    notes="SAMPLE: ran long in the middle" if answer > q.answer_seconds * 1.3
                    else "",
                )
                repo.add_attempt(conn, attempt, today=day)
                added += 1
        for outline in _OUTLINES.values():
            if outline.question_id in bank:
                repo.save_notes(conn, outline)
    return added
