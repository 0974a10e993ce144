"""Rank-list helper: rate interviewed programs on weighted factors, see a suggested order with
reasons, keep the final order the user drags into place, export it.

The suggestion is only a mirror of the user's own ratings and weights; the final order is theirs.
The NRMP's algorithm is applicant-proposing, so the list should follow true preference, never a
guess about where the applicant is likely to match (:data:`NRMP_NOTE`).

Advanced (PGY-2) programs are kept apart from the primary list: they have an order of their own
and each takes a **supplemental list** of preliminary or transitional programs for the first year
(:data:`SUPPLEMENTAL_NOTE`). The list is kept per advanced program rather than one list shared by
all, because the first year an applicant wants often depends on the advanced program (a
preliminary year in the same city, say); a per-program list can still be made identical for
every advanced program (:meth:`RankSheet.share_supplemental`), while a single shared list could
not express a difference.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from workshop.core.atomic import atomic_write_bytes
from workshop.core.errors import UserError
from workshop.core.programs.model import Program
from workshop.core.textio.csv_safety import escape_cell

#: Source: NRMP, "How the Matching Algorithm Works" (FACTS.md, "The Match").
NRMP_NOTE: Final = (
    "The NRMP matching algorithm is applicant-proposing: your best strategy is to rank programs "
    "in the order you truly prefer them. Ranking a program lower because it seems unlikely to "
    "rank you gains nothing. (Source: NRMP, \"How the Matching Algorithm Works\".)"
)
#: Factors the seeds name (culture, faculty support, location, education) and common additions.
FACTORS: Final[dict[str, str]] = {
    "culture": "Program culture",
    "faculty": "Faculty support",
    "location": "Location",
    "education": "Educational opportunities",
    "wellness": "Wellness",
    "fellowship": "Fellowship outcomes",
    "call": "Call schedule",
}
RATING_MIN: Final = 1
RATING_MAX: Final = 5
MAX_WEIGHT: Final = 10.0
RANKABLE: Final = frozenset({"interviewed", "ranked", "matched"})
#: Source: NRMP FAQ (FACTS.md, "Tracks").
SUPPLEMENTAL_NOTE: Final = (
    "Advanced (PGY-2) programs start after a first year and are ranked with a supplemental "
    "rank-order list of preliminary or transitional programs for that year. (Source: NRMP "
    "FAQ.)"
)
#: Tracks that may go on a supplemental list (a first year before an advanced program).
FIRST_YEAR_TRACKS: Final = frozenset({"preliminary", "transitional"})


@dataclass
class RankSheet:
    """The user's weights, custom factors, ratings per program id, and final order.

    Stored by the lead as JSON (``to_dict``/``from_dict``), e.g. in the settings table.
    """

    weights: dict[str, float] = field(default_factory=lambda: dict.fromkeys(FACTORS, 1.0))
    custom_factors: dict[str, str] = field(default_factory=dict)
    ratings: dict[int, dict[str, int]] = field(default_factory=dict)
    final_order: list[int] = field(default_factory=list)
    #: The user's order of advanced (PGY-2) programs, apart from the primary list.
    advanced_order: list[int] = field(default_factory=list)
    #: Advanced program id -> its supplemental list (preliminary/transitional ids, in order).
    supplemental: dict[int, list[int]] = field(default_factory=dict)

    @property
    def factors(self) -> dict[str, str]:
        """Built-in and custom factors, key -> label."""
        return {**FACTORS, **self.custom_factors}

    def add_factor(self, label: str, weight: float = 1.0) -> str:
        """Add a factor of the user's own; returns its key."""
        clean = " ".join(label.split())
        if not clean:
            raise UserError("a factor needs a name", hint="Type what you want to rate.")
        key = "custom-" + "-".join(re.findall(r"[a-z0-9]+", clean.lower()))[:40]
        if key in self.factors or clean.lower() in {v.lower() for v in self.factors.values()}:
            raise UserError(f"factor {clean!r} is already on the list")
        self.custom_factors[key] = clean
        self.set_weight(key, weight)
        return key

    def set_weight(self, factor: str, weight: float) -> None:
        """Weight 0 (ignore) to 10."""
        if factor not in self.factors:
            raise UserError(f"unknown factor {factor!r}")
        if not 0 <= weight <= MAX_WEIGHT:
            raise UserError(f"weight {weight:g} is not between 0 and {MAX_WEIGHT:g}")
        self.weights[factor] = float(weight)

    def rate(self, program_id: int, factor: str, rating: int | None) -> None:
        """Rate a program 1-5 on a factor (None clears the rating)."""
        if factor not in self.factors:
            raise UserError(f"unknown factor {factor!r}")
        ratings = self.ratings.setdefault(program_id, {})
        if rating is None:
            ratings.pop(factor, None)
            return
        if not RATING_MIN <= rating <= RATING_MAX:
            raise UserError(f"rating {rating} is not between {RATING_MIN} and {RATING_MAX}")
        ratings[factor] = rating

    def move(self, program_id: int, index: int) -> None:
        """Put a program at ``index`` of the final order (what a drag does)."""
        order = [p for p in self.final_order if p != program_id]
        order.insert(max(0, min(index, len(order))), program_id)
        self.final_order = order

    def move_advanced(self, program_id: int, index: int) -> None:
        """Put an advanced program at ``index`` of the advanced order."""
        order = [p for p in self.advanced_order if p != program_id]
        order.insert(max(0, min(index, len(order))), program_id)
        self.advanced_order = order

    def set_supplemental(self, advanced_id: int, program_ids: Sequence[int]) -> None:
        """Replace one advanced program's supplemental list (duplicates refused)."""
        ids = [int(p) for p in program_ids]
        if len(set(ids)) != len(ids):
            raise UserError("a program is on this supplemental list twice",
                            hint="Keep each preliminary or transitional program once.")
        if advanced_id in ids:
            raise UserError("an advanced program cannot be on its own supplemental list")
        if ids:
            self.supplemental[advanced_id] = ids
        else:
            self.supplemental.pop(advanced_id, None)

    def add_supplemental(self, advanced_id: int, program_id: int,
                         index: int | None = None) -> None:
        """Add a first-year program to an advanced program's list (at the end by default)."""
        ids = list(self.supplemental.get(advanced_id, []))
        if program_id in ids:
            raise UserError("that program is already on this supplemental list")
        ids.insert(len(ids) if index is None else max(0, min(index, len(ids))), program_id)
        self.set_supplemental(advanced_id, ids)

    def remove_supplemental(self, advanced_id: int, program_id: int) -> None:
        self.set_supplemental(advanced_id, [p for p in self.supplemental.get(advanced_id, [])
                                            if p != program_id])

    def share_supplemental(self, from_id: int, advanced_ids: Sequence[int]) -> None:
        """Give every advanced program in ``advanced_ids`` a copy of ``from_id``'s list."""
        ids = list(self.supplemental.get(from_id, []))
        for advanced_id in advanced_ids:
            if advanced_id != from_id:
                self.set_supplemental(advanced_id, ids)

    def to_dict(self) -> dict[str, Any]:
        return {"weights": self.weights, "custom_factors": self.custom_factors,
                "ratings": {str(k): v for k, v in self.ratings.items()},
                "final_order": self.final_order, "advanced_order": self.advanced_order,
                "supplemental": {str(k): v for k, v in self.supplemental.items()}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RankSheet:
        """Rebuild from :meth:`to_dict` output, validating every value."""
        sheet = cls(weights={}, custom_factors={})
        try:
            for key, label in dict(data.get("custom_factors", {})).items():
                sheet.custom_factors[str(key)] = str(label)
            sheet.weights = dict.fromkeys(sheet.factors, 1.0)
            for key, weight in dict(data.get("weights", {})).items():
                sheet.set_weight(str(key), float(weight))
            for pid, ratings in dict(data.get("ratings", {})).items():
                for factor, rating in dict(ratings).items():
                    sheet.rate(int(pid), str(factor), int(rating))
            sheet.final_order = [int(p) for p in data.get("final_order", [])]
            sheet.advanced_order = [int(p) for p in data.get("advanced_order", [])]
            for adv, ids in dict(data.get("supplemental", {})).items():
                sheet.set_supplemental(int(adv), [int(p) for p in ids])
        except (TypeError, ValueError, AttributeError) as exc:
            raise UserError(f"the saved rank list is damaged: {exc}",
                            hint="Re-enter the ratings.") from exc
        return sheet


@dataclass
class RankSuggestion:
    """A program's place in the suggested order, its score (0-100) and the reasons."""

    program: Program
    score: float | None
    reasons: list[str] = field(default_factory=list)
    not_rated: list[str] = field(default_factory=list)


def rankable(programs: Sequence[Program], sheet: RankSheet) -> list[Program]:
    """Programs interviewed (or later), plus any the user has rated."""
    return [p for p in programs if p.id is not None and (
        p.status in RANKABLE or p.id in sheet.ratings) and p.status != "withdrawn"]


def is_advanced(program: Program) -> bool:
    """An advanced (PGY-2) program: ranked apart, with a supplemental list."""
    return program.track == "advanced"


def suggest_order(programs: Sequence[Program], sheet: RankSheet, *,
                  advanced: bool = False) -> list[RankSuggestion]:
    """Programs by weighted average rating (unrated ones last), each with its reasons.

    The reasons name every weighted rating that moves the score (all but the middle 3/5),
    strongest effect first ("Program culture 5/5 (weight 3)"): a list cut at the strongest few
    left a factor out that the score counted, and the explanation read as if it did not. Factors
    with a weight but no rating are listed apart. ``advanced`` picks the advanced (PGY-2)
    programs instead of the primary list's.
    """
    out = []
    for program in rankable(programs, sheet):
        if is_advanced(program) != advanced:
            continue
        ratings = sheet.ratings.get(program.id or 0, {})
        used = [(f, sheet.weights.get(f, 0.0), r) for f, r in ratings.items()
                if sheet.weights.get(f, 0.0) > 0 and f in sheet.factors]
        total_weight = sum(w for _f, w, _r in used)
        score = None
        if total_weight:
            average = sum(w * r for _f, w, r in used) / total_weight
            score = round((average - RATING_MIN) / (RATING_MAX - RATING_MIN) * 100, 1)
        by_effect = sorted(used, key=lambda t: -abs(t[1] * (t[2] - 3)))
        reasons = [f"{sheet.factors[f]} {r}/{RATING_MAX} (weight {w:g})"
                   for f, w, r in by_effect if r != 3]
        not_rated = [label for key, label in sheet.factors.items()
                     if sheet.weights.get(key, 0) > 0 and key not in ratings]
        out.append(RankSuggestion(program, score, reasons, not_rated))
    out.sort(key=lambda s: (s.score is None, -(s.score or 0), s.program.name.casefold()))
    return out


def final_order(programs: Sequence[Program], sheet: RankSheet) -> list[Program]:
    """The user's primary order (advanced programs apart); unplaced ones follow as suggested."""
    return _ordered(programs, sheet, sheet.final_order, advanced=False)


def advanced_order(programs: Sequence[Program], sheet: RankSheet) -> list[Program]:
    """The user's order of advanced (PGY-2) programs; unplaced ones follow as suggested."""
    return _ordered(programs, sheet, sheet.advanced_order, advanced=True)


def _ordered(programs: Sequence[Program], sheet: RankSheet, order: list[int], *,
             advanced: bool) -> list[Program]:
    by_id = {p.id: p for p in rankable(programs, sheet) if is_advanced(p) == advanced}
    placed = [by_id[i] for i in order if i in by_id]
    chosen = set(order)
    rest = [s.program for s in suggest_order(programs, sheet, advanced=advanced)
            if s.program.id not in chosen]
    return placed + rest


def supplemental_candidates(programs: Sequence[Program]) -> list[Program]:
    """Programs that may go on a supplemental list: preliminary or transitional, not withdrawn.

    Not only interviewed ones: the user may be planning the list before the last interview.
    """
    return [p for p in programs if p.id is not None and p.track in FIRST_YEAR_TRACKS
            and p.status != "withdrawn"]


def supplemental_list(programs: Sequence[Program], sheet: RankSheet,
                      advanced_id: int) -> list[Program]:
    """An advanced program's supplemental list, in order (programs gone or withdrawn dropped)."""
    by_id = {p.id: p for p in supplemental_candidates(programs)}
    return [by_id[i] for i in sheet.supplemental.get(advanced_id, []) if i in by_id]


def supplemental_warnings(programs: Sequence[Program], sheet: RankSheet) -> list[str]:
    """One line per ranked advanced program without a preliminary or transitional program."""
    return [f"{p.name} is an advanced (PGY-2) program but has no supplemental list "
            "with a preliminary or transitional program: add the first year you would do "
            "before it." for p in advanced_order(programs, sheet)
            if not supplemental_list(programs, sheet, p.id or 0)]


def rank_list_rows(programs: Sequence[Program], sheet: RankSheet) -> list[dict[str, str]]:
    """One row per program in final order: what the CSV and the PDF table show."""
    suggestions = {s.program.id: (i + 1, s) for i, s in
                   enumerate(suggest_order(programs, sheet))}
    rows = []
    for rank, program in enumerate(final_order(programs, sheet), 1):
        suggested, s = suggestions[program.id]
        rows.append({
            "Rank": str(rank),
            "Program": program.display_name,
            "NRMP code": program.program_code,
            "Location": program.location,
            "Score": "" if s.score is None else f"{s.score:g}",
            "Suggested rank": str(suggested),
            "Reasons": "; ".join(s.reasons),
        })
    return rows


def advanced_rows(programs: Sequence[Program], sheet: RankSheet) -> list[dict[str, str]]:
    """Advanced programs in the user's order, each followed by its supplemental list.

    The "List" column says which list a row is on; ranks on a supplemental list count from 1.
    """
    rows = []
    for rank, program in enumerate(advanced_order(programs, sheet), 1):
        rows.append({"Rank": str(rank), "Program": program.display_name,
                     "NRMP code": program.program_code, "Location": program.location,
                     "List": "Advanced (PGY-2)"})
        for sub, first in enumerate(supplemental_list(programs, sheet, program.id or 0), 1):
            rows.append({"Rank": str(sub), "Program": first.display_name,
                         "NRMP code": first.program_code, "Location": first.location,
                         "List": f"Supplemental for {program.display_name}"})
    return rows


def rank_list_csv(programs: Sequence[Program], sheet: RankSheet) -> str:
    """The rank list as CSV text (with a "List" column once advanced programs are ranked).

    Cells a spreadsheet would run as formulas are escaped (see
    :mod:`workshop.core.textio.csv_safety`).
    """
    rows = rank_list_rows(programs, sheet)
    extra = advanced_rows(programs, sheet)
    names = ["Rank", "Program", "NRMP code", "Location", "Score", "Suggested rank", "Reasons"]
    if extra:
        names.append("List")
        rows = [{**row, "List": "Primary"} for row in rows] + extra
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\r\n", restval="")
    writer.writeheader()
    writer.writerows({key: escape_cell(str(value)) for key, value in row.items()}
                     for row in rows)
    return out.getvalue()


def export_rank_list_csv(programs: Sequence[Program], sheet: RankSheet,
                         path: Path | str) -> Path:
    """Write the rank list CSV atomically (UTF-8 with BOM for Excel)."""
    data = b"\xef\xbb\xbf" + rank_list_csv(programs, sheet).encode("utf-8")
    return atomic_write_bytes(path, data, mode=0o644)


def rank_list_report(programs: Sequence[Program], sheet: RankSheet,
                     today: _dt.date) -> dict[str, Any]:
    """Plain data for a PDF: title, the NRMP note, weights, and the rows in final order."""
    return {
        "title": "My rank-order list (draft)",
        "date": today.isoformat(),
        "note": NRMP_NOTE,
        "weights": [{"factor": label, "weight": sheet.weights.get(key, 0.0)}
                    for key, label in sheet.factors.items()],
        "columns": ["Rank", "Program", "NRMP code", "Location", "Score", "Suggested rank",
                    "Reasons"],
        "rows": rank_list_rows(programs, sheet),
        "supplemental_note": SUPPLEMENTAL_NOTE,
        "advanced": [{"rank": rank, "program": p.display_name, "code": p.program_code,
                      "supplemental": [f.display_name for f in
                                       supplemental_list(programs, sheet, p.id or 0)]}
                     for rank, p in enumerate(advanced_order(programs, sheet), 1)],
        "warnings": supplemental_warnings(programs, sheet),
    }


def seed_from_impressions(sheet: RankSheet, rated: Mapping[int, Mapping[str, int]]) -> set[int]:
    """Take the ratings given right after each interview (the Interviews section) as this
    sheet's ratings for the factors not rated here yet; returns the programs that gained any.

    A rating typed in the rank list always wins: impressions only fill gaps, so what the
    applicant felt on the day is not lost and never overrides a later, considered rating.
    """
    touched: set[int] = set()
    for program_id, ratings in rated.items():
        mine = sheet.ratings.setdefault(program_id, {})
        for factor, value in ratings.items():
            if factor in sheet.factors and factor not in mine and 1 <= int(value) <= 5:
                mine[factor] = int(value)
                touched.add(program_id)
        if not mine:
            del sheet.ratings[program_id]
    return touched
