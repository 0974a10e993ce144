"""What ``workshop programs --format text|json`` prints: the list with fit labels and reasons."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from typing import Any

from workshop.core.errors import UserError
from workshop.core.programs.csv_export import cell_text
from workshop.core.programs.fit import (
    ApplicantProfile,
    FitResult,
    assess_all,
    mix_chart,
    mix_summary,
)
from workshop.core.programs.model import SIGNAL_LABELS, STATUS_LABELS, Program, status_rank


def programs_listing(programs: Sequence[Program], profile: ApplicantProfile | None,
                     fmt: str = "text", *, today: _dt.date | None = None) -> str:
    """The programs with status and (given a profile) fit label and every reason.

    Args:
        programs: as stored.
        profile: the applicant; None lists without fit (no CV yet).
        fmt: "text" for people, "json" for scripts.
        today: picks the season, whose Match the limits count to (default: today).

    Raises:
        UserError: for an unknown format.
    """
    if fmt not in {"text", "json"}:
        raise UserError(f"unknown format {fmt!r}", hint="Use --format text or --format json.")
    day = today or _dt.date.today()
    ordered = sorted(programs, key=lambda p: (status_rank(p.status), p.name.casefold()))
    fits = assess_all(ordered, profile, day) if profile is not None else [None] * len(ordered)
    if fmt == "json":
        return json.dumps(_as_json(ordered, fits), ensure_ascii=False, indent=2)
    return _as_text(ordered, fits)


def _as_json(programs: Sequence[Program], fits: Sequence[FitResult | None]) -> dict[str, Any]:
    items = []
    for program, fit in zip(programs, fits, strict=True):
        item: dict[str, Any] = {"id": program.id, "name": program.name,
                                "program_code": program.program_code,
                                "specialty": program.specialty, "track": program.track,
                                "city": program.city, "state": program.state,
                                "status": program.status,
                                "program_deadline": cell_text(program, "program_deadline"),
                                "interview_date": cell_text(program, "interview_date"),
                                "signal": program.signal,
                                "evidence": {
                                    "step2ck_matched_median": program.step2ck_matched_median,
                                    "img_interviewed_share": program.img_interviewed_share,
                                    "img_matched_share": program.img_matched_share,
                                    "source": program.evidence_source},
                                "visa_confirmed_on": cell_text(program, "visa_confirmed_on")}
        if fit is not None:
            item["fit"] = {"label": fit.label, "computed": fit.computed,
                           "overridden": fit.overridden, "override_reason": fit.override_reason,
                           "known": fit.known, "missing": fit.missing,
                           "signaled": fit.signaled,
                           "reasons": [{"kind": r.kind, "text": r.text,
                                        "criterion": r.criterion} for r in fit.reasons]}
        items.append(item)
    out: dict[str, Any] = {"programs": items}
    real = [f for f in fits if f is not None]
    if real:
        summary = mix_summary(real)
        out["mix"] = {"counts": summary.counts, "total": summary.total,
                      "warnings": summary.warnings}
    return out


def _as_text(programs: Sequence[Program], fits: Sequence[FitResult | None]) -> str:
    if not programs:
        return "No programs yet. Import your spreadsheet or add programs one by one."
    lines: list[str] = []
    for program, fit in zip(programs, fits, strict=True):
        head = f"{program.display_name}"
        if program.location:
            head += f" - {program.location}"
        if program.program_code:
            head += f" [{program.program_code}]"
        lines.append(head)
        status = f"  Status: {STATUS_LABELS[program.status]}"
        if program.program_deadline:
            status += f"; deadline {program.program_deadline.isoformat()}"
        if program.interview_date:
            status += f"; interview {program.interview_date.isoformat()}"
        if program.signal:
            status += f"; {SIGNAL_LABELS[program.signal].lower()} sent"
        lines.append(status)
        if fit is not None:
            lines.append(f"  Fit: {fit.describe()}")
            if fit.overridden and fit.override_reason:
                lines.append(f"    your reason: {fit.override_reason}")
            for reason in fit.reasons:
                marker = {"blocker": "x", "plus": "+", "minus": "-", "neutral": "=",
                          "unknown": "?"}[reason.kind]
                lines.append(f"    {marker} {reason.text}")
        lines.append("")
    real = [f for f in fits if f is not None]
    if real:
        summary = mix_summary(real)
        lines.append("Mix of the list:")
        lines.append(mix_chart(summary))
        lines.extend(f"Warning: {w}" for w in summary.warnings)
    return "\n".join(lines).rstrip() + "\n"
