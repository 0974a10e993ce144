"""CV rules about dates: gaps, overlaps, impossible, future and missing dates, and order.

Each rule returns findings that explain why it matters to a program director, with the field
path the editor jumps to. "today" is always injected, never read from the clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from workshop.core.cv.dates import MonthYear, format_range
from workshop.core.cv.finding import CATEGORY_CLARITY, CATEGORY_RESIDENCY, Finding, make_finding
from workshop.core.cv.model import CV, SECTION_TITLES
from workshop.core.cv.ordering import first_out_of_order
from workshop.core.cv.timeline import GAP_OVER_MONTHS, find_gaps, find_overlaps

SOURCE_GAPS = "FACTS.md: Interviews / IMG-specific questions (gaps in education or work)"
SOURCE_FORMAT = "FACTS.md: ERAS documents / Experiences (start/end dates: month/year; ongoing)"
SOURCE_CONSISTENCY = "CV consistency (no FACTS.md row: general CV practice)"


def dated_entries(cv: CV) -> Iterator[tuple[str, str, MonthYear | None, MonthYear | None, bool]]:
    """(path, label, start, end, needs_end) for every entry that has a period."""
    for i, edu in enumerate(cv.education):
        yield f"education[{i}]", edu.institution or "education entry", edu.start, edu.end, True
    for i, exp in enumerate(cv.experience):
        label = ", ".join(p for p in (exp.title, exp.organization) if p) or "experience entry"
        yield f"experience[{i}]", label, exp.start, exp.end, True


def point_dates(cv: CV) -> Iterator[tuple[str, str, MonthYear | None]]:
    """(path, label, date) for single-date entries (exams, awards, talks, certifications)."""
    for i, exam in enumerate(cv.exams):
        yield f"exams[{i}].date", exam.label, exam.date
    for i, award in enumerate(cv.awards):
        yield f"awards[{i}].date", award.title or "award", award.date
    for i, pres in enumerate(cv.presentations):
        yield f"presentations[{i}].date", pres.title or "presentation", pres.date
    for i, cert in enumerate(cv.certifications):
        yield f"certifications[{i}].date", cert.name or "certification", cert.date
    if cv.ecfmg.status == "certified":
        yield "ecfmg.date", "ECFMG certification", cv.ecfmg.date


def check_gaps(cv: CV, today: MonthYear) -> list[Finding]:
    """One finding per gap over three months; an explained gap becomes advice, not a warning."""
    out = []
    for gap in find_gaps(cv, today):
        span = format_range(gap.start, gap.end)
        if gap.before:
            between = f"between '{gap.after}' and '{gap.before}'"
        else:
            between = f"since '{gap.after}' ended"
        if gap.explanation:
            message = (
                f"{gap.months}-month gap ({span}) {between}, explained: keep the explanation "
                "short and factual, and be ready to talk about it at interview."
            )
            severity = "advice"
        else:
            message = (
                f"{gap.months}-month gap ({span}) {between} is not covered by any entry. "
                f"Programs ask IMGs about gaps over {GAP_OVER_MONTHS} months: add an entry for "
                "what you were doing, or write an explanation (it also feeds interview practice)."
            )
            severity = "warning"
        out.append(make_finding(
            rule="cv.gap", category=CATEGORY_RESIDENCY, severity=severity, message=message,
            source=SOURCE_GAPS, where=f"gap_notes[{gap.key}]", excerpt=gap.key,
        ))
    return out


def check_overlaps(cv: CV, today: MonthYear) -> list[Finding]:
    """Two full-time roles at once look like an error or an exaggeration."""
    return [
        make_finding(
            rule="cv.overlap", category=CATEGORY_CLARITY, severity="warning",
            message=(
                f"'{o.first.label}' and '{o.second.label}' are both full-time and overlap by "
                f"{o.months} months. Check the dates, or mark one as part-time if it was."
            ),
            source=SOURCE_CONSISTENCY, where=o.second.where,
            excerpt=f"{o.first.label} | {o.second.label}",
        )
        for o in find_overlaps(cv, today)
    ]


def check_periods(cv: CV, today: MonthYear) -> list[Finding]:
    """End before start, missing or year-only dates, and dates in the future."""
    out = []
    now = today.first_index()
    for path, label, start, end, needs_end in dated_entries(cv):
        if start is None:
            out.append(_missing(f"{path}.start", f"'{label}' has no start date.", "error"))
        elif not start.has_month:
            out.append(_year_only(f"{path}.start", label, start))
        if end is None and needs_end:
            out.append(_missing(
                f"{path}.end",
                f"'{label}' has no end date: use 'present' if it is ongoing.", "warning",
            ))
        elif end is not None and not end.has_month:
            out.append(_year_only(f"{path}.end", label, end))
        if start is not None and end is not None and not end.present and (
            end.last_index() < start.first_index()
        ):
            out.append(make_finding(
                rule="cv.end-before-start", category=CATEGORY_CLARITY, severity="error",
                message=f"'{label}' ends ({end.display()}) before it starts ({start.display()}).",
                source=SOURCE_CONSISTENCY, where=f"{path}.end",
            ))
        if start is not None and not start.present and start.first_index() > now:
            out.append(_future(f"{path}.start", label, start, "starts"))
        if end is not None and not end.present and end.first_index() > now:
            out.append(_future(f"{path}.end", label, end, "ends"))
    for path, label, date in point_dates(cv):
        if date is None:
            out.append(_missing(path, f"'{label}' has no date.", "warning"))
        elif not date.present and date.first_index() > now:
            out.append(_future(path, label, date, "is dated"))
        elif not date.has_month:
            out.append(_year_only(path, label, date))
    for i, pub in enumerate(cv.publications):
        if pub.year is not None and pub.year > today.year:
            out.append(make_finding(
                rule="cv.future-date", category=CATEGORY_CLARITY, severity="warning",
                message=f"Publication year {pub.year} is in the future; use a status such as "
                "'accepted' or 'submitted' instead.",
                source=SOURCE_CONSISTENCY, where=f"publications[{i}].year",
            ))
    return out


def _missing(where: str, message: str, severity: str) -> Finding:
    return make_finding(
        rule="cv.missing-date", category=CATEGORY_CLARITY, severity=severity,
        message=f"{message} ERAS asks for month and year on every entry.",
        source=SOURCE_FORMAT, where=where,
    )


def _year_only(where: str, label: str, date: MonthYear) -> Finding:
    return make_finding(
        rule="cv.missing-month", category=CATEGORY_CLARITY, severity="warning",
        message=f"'{label}' gives only the year ({date.year}); ERAS asks for month and year, "
        "and a bare year hides or invents gaps.",
        source=SOURCE_FORMAT, where=where,
    )


def _future(where: str, label: str, date: MonthYear, verb: str) -> Finding:
    return make_finding(
        rule="cv.future-date", category=CATEGORY_CLARITY, severity="warning",
        message=f"'{label}' {verb} {date.display()}, which is in the future. List only what has "
        "happened, or say 'expected' in the description; use 'present' for ongoing work.",
        source=SOURCE_CONSISTENCY, where=where,
    )


def check_order(cv: CV) -> list[Finding]:
    """Sections out of reverse-chronological order read as careless."""
    out = []
    groups: list[tuple[str, str, list[Any], list[int]]] = [
        ("education", "Education", list(cv.education), list(range(len(cv.education)))),
    ]
    for section, title in SECTION_TITLES.items():
        idx = [i for i, e in enumerate(cv.experience) if e.section == section]
        groups.append(("experience", title, [cv.experience[i] for i in idx], idx))
    for name, title in (("exams", "Exams"), ("publications", "Publications"),
                        ("presentations", "Presentations"), ("awards", "Awards")):
        items = list(getattr(cv, name))
        groups.append((name, title, items, list(range(len(items)))))
    for name, title, items, indexes in groups:
        bad = first_out_of_order(items)
        if bad is None:
            continue
        out.append(make_finding(
            rule="cv.order", category=CATEGORY_CLARITY, severity="advice",
            message=f"{title} is not in reverse-chronological order (newest first), which is "
            "what U.S. programs expect. Use 'Sort newest first'.",
            source=SOURCE_CONSISTENCY, where=f"{name}[{indexes[bad]}]",
            suggestions=("Sort newest first",),
        ))
    return out
