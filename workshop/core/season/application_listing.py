"""Signals and costs as plain data, JSON and text: what ``workshop programs signals`` and
``workshop programs costs`` print, and what the Programs page's "Signals & costs" tab reads.

Every number carries its source and whether it is confirmed for the season, so a line copied
out of the app still says where it came from.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from workshop.core.programs.model import SIGNAL_LABELS, Program
from workshop.core.season.fees import CostPlan, money
from workshop.core.season.signals import SignalTable, SignalUsage


def allowed_text(entry: SignalUsage, table: SignalTable) -> str:
    """ "3 gold + 12 silver (2025 numbers, unconfirmed for 2027)" or the "not known" note."""
    row = entry.allowance
    if row is None:
        return table.unknown_note
    return f"{row.describe()} ({row.status})"


def used_text(entry: SignalUsage) -> str:
    """ "gold 2 of 3, silver 5 of 12", "signal 1 of 5" or "1 signal (allowance not known)"."""
    row = entry.allowance
    if row is None:
        total = sum(entry.used.values())
        return f"{total} given (allowance not known)"
    return ", ".join(f"{tier} {entry.used.get(tier, 0)} of {row.limit(tier)}"
                     for tier in row.tiers)


def signals_data(usages: Sequence[SignalUsage], table: SignalTable,
                 programs: Sequence[Program]) -> dict[str, Any]:
    """The signal table as used: per specialty, and the programs that carry a signal."""
    return {
        "season": table.season,
        "match_year": table.match_year,
        "source": table.source,
        "confirmed": table.confirmed,
        "note": table.unconfirmed_note if not table.confirmed else "",
        "rule": table.rule,
        "specialties": [{
            "specialty": u.specialty,
            "known": u.allowance is not None,
            "allowed": None if u.allowance is None else {
                t: u.allowance.limit(t) for t in u.allowance.tiers},
            "allowed_text": allowed_text(u, table),
            "used": dict(u.used),
            "used_text": used_text(u),
            "source": u.allowance.source if u.allowance else "",
            "confirmed": bool(u.allowance and u.allowance.confirmed),
            "programs": u.programs,
            "warnings": list(u.warnings),
        } for u in usages],
        "signaled": [{"id": p.id, "program": p.display_name, "specialty": p.specialty,
                      "signal": p.signal} for p in programs if p.signal],
    }


def signals_listing(usages: Sequence[SignalUsage], table: SignalTable,
                    programs: Sequence[Program], fmt: str = "text") -> str:
    data = signals_data(usages, table, programs)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False)
    lines = [f"Program signals, {table.season} season ({table.match_year} Match)",
             f"Source: {table.source}" + ("" if table.confirmed
                                          else f" ({table.unconfirmed_note})")]
    if table.rule:
        lines.append(table.rule)
    if not usages:
        lines.append("No programs on your list yet.")
    for u in usages:
        lines.append(f"  {u.specialty}: allowed {allowed_text(u, table)}; used {used_text(u)}")
        lines.extend(f"    ! {w}" for w in u.warnings)
    signaled = [p for p in programs if p.signal]
    if signaled:
        lines.append("Signals given:")
        lines.extend(f"  [{p.id}] {p.display_name}: {SIGNAL_LABELS[p.signal]}"
                     for p in signaled)
    return "\n".join(lines)


def costs_data(plan: CostPlan) -> dict[str, Any]:
    table = plan.table
    return {
        "season": table.season,
        "match_year": table.match_year,
        "eras": {"basis": table.basis, "confirmed": table.confirmed, "source": table.source,
                 "note": table.note,
                 "bands": [{"from": b.start, "to": b.end, "per_program": b.cents / 100}
                           for b in table.bands]},
        "counted": "every program except withdrawn ones (applied = Applied or a later step; "
                   "planned = Researching)",
        "specialties": [{
            "specialty": s.specialty, "applied": s.applied, "planned": s.planned,
            "programs": s.count, "fee": s.fee_cents / 100, "next_program": s.next_cents / 100,
            "left_at_first_price": s.left_at_first_price,
        } for s in plan.specialties],
        "eras_total": plan.eras_cents / 100,
        "other": [{"key": o.cost.key, "label": o.cost.label,
                   "amount": None if o.cents is None else o.cents / 100,
                   "note": o.cost.note if o.cents is None else "typed by you",
                   "source": o.cost.source} for o in plan.other],
        "total": plan.total_cents / 100,
        "total_leaves_out": plan.missing,
    }


def costs_listing(plan: CostPlan, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(costs_data(plan), indent=2, ensure_ascii=False)
    table = plan.table
    bands = "; ".join(f"programs {b.start}–{b.end}: {money(b.cents)} each" if b.end
                      else f"from program {b.start}: {money(b.cents)} each"
                      for b in table.bands)
    lines = [f"Application costs, {table.season} season ({table.match_year} Match)",
             f"ERAS fees per specialty ({table.basis}; source: {table.source}): {bands}",
             f"  {table.note}" if table.note and not table.confirmed else "",
             "Counted: every program except withdrawn ones."]
    lines = [line for line in lines if line]
    if not plan.specialties:
        lines.append("No programs on your list yet.")
    for s in plan.specialties:
        step = (f"; {s.left_at_first_price} more at the first price"
                if s.left_at_first_price else "")
        lines.append(f"  {s.specialty}: {s.count} program{'s' if s.count != 1 else ''} "
                     f"({s.applied} applied, {s.planned} "
                     f"planned) = {money(s.fee_cents)}; next program {money(s.next_cents)}"
                     f"{step}")
    lines.append(f"ERAS total: {money(plan.eras_cents)}")
    for o in plan.other:
        amount = o.cost.note if o.cents is None else f"{money(o.cents)} (typed by you)"
        lines.append(f"  {o.cost.label}: {amount}")
    missing = f" (leaves out: {', '.join(plan.missing)})" if plan.missing else ""
    lines.append(f"Total: {money(plan.total_cents)}{missing}")
    return "\n".join(lines)
