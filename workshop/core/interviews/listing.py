"""``workshop interviews``: the invitations as text or JSON (times in both zones, conflicts)."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from workshop.core.interviews.in_workspace import Overview, slot_times
from workshop.core.interviews.model import (
    MODE_LABELS,
    PLATFORM_LABELS,
    POLICY_LABELS,
    STATUS_LABELS,
)
from workshop.core.interviews.repository import slot_ends, slot_starts
from workshop.core.interviews.soap import march_timeline


def listing_data(view: Overview, today: _dt.date) -> dict[str, Any]:
    rows = []
    for row in view.rows:
        inv = row.invitation
        rows.append({
            "program_id": row.program.id, "program": row.program.display_name,
            "program_code": row.program.program_code, "status": inv.status,
            "received_on": inv.received_on.isoformat() if inv.received_on else None,
            "respond_by": inv.respond_by.isoformat() if inv.respond_by else None,
            "time_zone": inv.time_zone, "mode": inv.mode, "platform": inv.platform,
            "location": inv.location, "thank_you_policy": inv.thank_you_policy,
            "policy_note": inv.policy_note,
            "slots": [{"starts": slot_starts(s), "ends": slot_ends(s), "time_zone": s.time_zone,
                       "chosen": s.chosen, "program_time": program_time, "your_time": your_time}
                      for s in inv.slots
                      for program_time, your_time in [slot_times(s, view.applicant_zone)]],
            "events": [{"status": e.status, "on": e.on.isoformat(), "note": e.note}
                       for e in inv.events],
            "impression": None if inv.impression.empty else {
                "ratings": inv.impression.ratings, "overall": inv.impression.overall,
                "liked": inv.impression.liked, "concerns": inv.impression.concerns,
                "notes": inv.impression.notes},
        })
    return {
        "today": today.isoformat(), "applicant_zone": view.applicant_zone,
        "invitations": rows,
        "conflicts": [{"kind": c.kind, "severity": c.severity, "day": c.day.isoformat(),
                       "text": c.text, "program_ids": list(c.program_ids)}
                      for c in view.conflicts],
        "march": [{"date": i.event.date.isoformat(),
                   "end": i.event.end.isoformat() if i.event.end else None,
                   "title": i.event.title, "status": i.status_label, "countdown": i.countdown}
                  for i in march_timeline(today)],
    }


def listing(view: Overview, today: _dt.date, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(listing_data(view, today), indent=2, ensure_ascii=False)
    zone = view.applicant_zone or "not set (workshop shows program times only)"
    lines = [f"Interviews — your time zone: {zone}", ""]
    if not view.rows:
        lines.append("No invitations yet. Record one in the app's Interviews section.")
    for row in view.rows:
        inv = row.invitation
        how = ", ".join(p for p in (MODE_LABELS[inv.mode] if inv.mode else "",
                                    PLATFORM_LABELS[inv.platform] if inv.platform else "") if p)
        lines.append(f"{row.program.display_name}  [{STATUS_LABELS[inv.status]}]"
                     + (f"  {how}" if how else ""))
        if inv.respond_by and inv.status == "invited":
            lines.append(f"  reply by {inv.respond_by.isoformat()}")
        for slot in inv.slots:
            program_time, your_time = slot_times(slot, view.applicant_zone)
            mark = "chosen " if slot.chosen else "offered"
            mine = (f"  = {your_time} for you" if your_time
                    and slot.time_zone != view.applicant_zone else "")
            lines.append(f"  {mark} {program_time} ({slot.time_zone}){mine}")
        if inv.thank_you_policy != "not-stated":
            lines.append(f"  policy: {POLICY_LABELS[inv.thank_you_policy]}")
    if view.conflicts:
        lines += ["", "Conflicts:"]
        lines += [f"  [{c.severity}] {c.text}" for c in view.conflicts]
    return "\n".join(lines)
