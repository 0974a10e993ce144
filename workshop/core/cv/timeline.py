"""The CV as a timeline: gaps nobody covers and full-time roles that overlap.

Programs read an IMG's CV for unexplained time. A gap is a run of more than three months that no
education or experience entry covers; concurrent entries cover each other, so a part-time
volunteer role during a study period closes that period. Month granularity throughout: an entry
covers its start month through its end month inclusive; a bare year counts as January-December
(the widest reading, so a missing month never invents a gap - the checks flag it separately).
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.core.cv.dates import MonthYear, month_from_index
from workshop.core.cv.model import CV

GAP_OVER_MONTHS = 3
"""A gap is reported when it is longer than this many months (FACTS-independent advising norm)."""

OVERLAP_OVER_MONTHS = 1
"""Full-time entries may share a hand-over month; more than this is reported."""


@dataclass(frozen=True, slots=True)
class Span:
    """One dated entry on the timeline, as month indexes (see :meth:`MonthYear.first_index`)."""

    first: int
    last: int
    where: str
    label: str
    full_time: bool
    kind: str


@dataclass(frozen=True, slots=True)
class Gap:
    """A run of uncovered months, ``start`` and ``end`` inclusive.

    ``explanation`` is the user's saved note for this gap ("" when none); ``after``/``before``
    name the entries on either side ("" at the end of the timeline).
    """

    start: MonthYear
    end: MonthYear
    months: int
    after: str
    before: str
    explanation: str = ""

    @property
    def key(self) -> str:
        """Stable text key, e.g. "2021-08..2022-01" (how gap notes are addressed)."""
        return f"{self.start.to_str()}..{self.end.to_str()}"


@dataclass(frozen=True, slots=True)
class Overlap:
    """Two full-time entries that share more than a hand-over month."""

    first: Span
    second: Span
    months: int


def spans(cv: CV, today: MonthYear | None = None) -> list[Span]:
    """Dated education and experience entries as spans, sorted by start.

    Entries without a start date are left out (the checks report them). A missing end counts as
    the start month alone; an end before the start is read as a one-month entry at the start.
    """
    out: list[Span] = []
    for i, edu in enumerate(cv.education):
        if edu.start is None:
            continue
        out.append(_span(edu.start, edu.end, today, f"education[{i}]",
                         f"{edu.degree} {edu.institution}".strip(), edu.full_time, "education"))
    for i, exp in enumerate(cv.experience):
        if exp.start is None:
            continue
        label = ", ".join(p for p in (exp.title, exp.organization) if p)
        out.append(_span(exp.start, exp.end, today, f"experience[{i}]", label,
                         exp.full_time, exp.section))
    out.sort(key=lambda s: (s.first, s.last))
    return out


def _span(start: MonthYear, end: MonthYear | None, today: MonthYear | None, where: str,
          label: str, full_time: bool, kind: str) -> Span:
    first = start.first_index(today)
    last = end.last_index(today) if end is not None else start.last_index(today)
    return Span(first, max(first, last), where, label, full_time, kind)


def find_gaps(cv: CV, today: MonthYear | None = None, *,
              over_months: int = GAP_OVER_MONTHS) -> list[Gap]:
    """Runs of more than ``over_months`` months covered by no education or experience entry.

    Args:
        cv: the CV.
        today: when given, "present" ends at today and the months since the last entry ended
            (through last month) count as a trailing gap; without it "present" runs forever.
        over_months: report only gaps longer than this.

    Returns:
        Gaps in time order, each with the user's explanation attached when one was saved.
    """
    timeline = spans(cv, today)
    if not timeline:
        return []
    gaps: list[Gap] = []
    reach = timeline[0].last
    reach_label = timeline[0].label
    for span in timeline[1:]:
        hole = span.first - reach - 1
        if hole > over_months:
            gaps.append(_gap(cv, reach + 1, span.first - 1, reach_label, span.label))
        if span.last >= reach:
            reach, reach_label = span.last, span.label
    if today is not None:
        last_full_month = today.first_index() - 1
        if last_full_month - reach > over_months:
            gaps.append(_gap(cv, reach + 1, last_full_month, reach_label, ""))
    return gaps


def _gap(cv: CV, first: int, last: int, after: str, before: str) -> Gap:
    start, end = month_from_index(first), month_from_index(last)
    return Gap(start, end, last - first + 1, after, before, explanation_for(cv, start, end))


def explanation_for(cv: CV, start: MonthYear, end: MonthYear) -> str:
    """The saved note for a gap: the exact match, else the note overlapping it most.

    Falling back to overlap keeps a note attached when the user nudges a neighbouring date by a
    month and the gap's edges move.
    """
    exact = cv.gap_note(start, end)
    if exact:
        return exact
    first, last = start.first_index(), end.last_index()
    best, best_overlap = "", 0
    for note in cv.gap_notes:
        overlap = min(last, note.end.last_index()) - max(first, note.start.first_index()) + 1
        if overlap > best_overlap and note.note.strip():
            best, best_overlap = note.note, overlap
    return best


def find_overlaps(cv: CV, today: MonthYear | None = None, *,
                  over_months: int = OVERLAP_OVER_MONTHS) -> list[Overlap]:
    """Pairs of full-time entries sharing more than ``over_months`` months.

    Clinical rotations during a full-time medical-school span are expected (the internship year
    in many countries), so an education entry never clashes with a clinical entry.
    """
    full = [s for s in spans(cv, today) if s.full_time]
    found: list[Overlap] = []
    for i, a in enumerate(full):
        for b in full[i + 1:]:
            if b.first > a.last:
                break
            if {a.kind, b.kind} == {"education", "clinical"}:
                continue
            shared = min(a.last, b.last) - b.first + 1
            if shared > over_months:
                found.append(Overlap(a, b, shared))
    return found
