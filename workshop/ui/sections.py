"""The navigation sections and the honest empty states of those not built yet."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionInfo:
    key: str
    title: str
    explanation: str
    steps: tuple[str, ...]


SECTIONS: tuple[SectionInfo, ...] = (
    SectionInfo("statements", "Personal statements", "", ()),
    SectionInfo(
        "cv", "CV",
        "Your ERAS-shaped CV: education, USMLE and ECFMG, U.S. clinical experience, research, "
        "with checks for gaps, overlaps and ERAS limits, and polished PDF and Word exports.",
        ("The CV editor arrives with the CV issue; until then keep your details in a note.",
         "Your profile (name, school, graduation) is already used in document headers."),
    ),
    SectionInfo(
        "letters", "Letters",
        "Your letter writers and ERAS letter requests: Letter IDs, due dates and reminders, "
        "and one-click packets (CV, statement, case summary) for each writer.",
        ("List the people who know your clinical work best.",
         "For each, note the cases you worked on together; they become your writer's summary."),
    ),
    SectionInfo(
        "interviews", "Interviews",
        "Your interview invitations: dates in your time zone and the program's, conflicts, "
        "the communication log, letters that follow each program's policy, impressions, the "
        "NRMP rules, and SOAP preparation.",
        ("Record an invitation, or import its calendar file.",),
    ),
    SectionInfo(
        "interview", "Interview practice",
        "Mock-interview drills from a bank of residency questions, with think and answer "
        "timers, recording, a self-review rubric and spaced repetition.",
        ("Start with “Tell me about yourself” (about 2 minutes).",
         "Rate each answer; weak ones come back sooner."),
    ),
    SectionInfo(
        "programs", "Programs",
        "The programs you apply to, with visa sponsorship, requirements, deadlines and a "
        "transparent reach / target / strong-fit label based on your own data, signals, costs "
        "and the season's dates.",
        ("Import your program spreadsheet (CSV) or add programs one by one.",),
    ),
    SectionInfo(
        "exports", "Exports",
        "PDF and Word exports of your statement, CV and writer packets in polished themes, "
        "with a live preview.",
        ("Finish a statement draft first; then export it as PDF, .docx or ERAS-safe text.",),
    ),
)


def section(key: str) -> SectionInfo:
    return next(s for s in SECTIONS if s.key == key)
