"""``workshop letters`` output: writers and their requests, as text or JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Literal

from workshop.core.errors import UserError
from workshop.core.letters.model import AWAITING_WRITER, LetterRequest, LetterWriter
from workshop.core.letters.serial import request_to_dict, writer_to_dict


def _due_note(request: LetterRequest, today: dt.date) -> str:
    if request.due is None:
        return "no due date"
    days = (request.due - today).days
    if request.status not in AWAITING_WRITER:
        return f"due {request.due.isoformat()}"
    if days < 0:
        return f"due {request.due.isoformat()} (OVERDUE by {-days} d)"
    if days == 0:
        return f"due {request.due.isoformat()} (today)"
    return f"due {request.due.isoformat()} (in {days} d)"


def letters_listing(writers: Iterable[LetterWriter], requests: Iterable[LetterRequest],
                    fmt: Literal["text", "json"] | str = "text", *,
                    today: dt.date) -> str:
    """Writers with their requests, statuses and due dates.

    Args:
        fmt: "text" (one block per writer, for people) or "json" (stable keys, for scripts;
            non-ASCII names kept as they are).
        today: the injected clock, used for "in 3 d" / "OVERDUE" notes and ``days_left``.

    Raises:
        UserError: an unknown format.
    """
    writer_list = list(writers)
    by_writer: dict[int | None, list[LetterRequest]] = {}
    for request in requests:
        by_writer.setdefault(request.writer_id, []).append(request)
    if fmt == "json":
        out = []
        for writer in writer_list:
            entry = writer_to_dict(writer)
            entry["requests"] = []
            for request in by_writer.get(writer.id, []):
                item = request_to_dict(request)
                item["days_left"] = (request.due - today).days if request.due else None
                entry["requests"].append(item)
            out.append(entry)
        return json.dumps({"today": today.isoformat(), "writers": out}, ensure_ascii=False,
                          indent=2) + "\n"
    if fmt != "text":
        raise UserError(f'Unknown format "{fmt}".', hint="Use --format text or --format json.")
    if not writer_list:
        return "No letter writers yet.\n"
    lines: list[str] = []
    for writer in writer_list:
        where = ", ".join(x for x in (writer.institution, writer.country) if x)
        us = " [U.S.]" if writer.is_us else ""
        lines.append(f"{writer.display_name}{us}")
        detail = " \u2014 ".join(x for x in (writer.title, where) if x)
        if detail:
            lines.append(f"  {detail}")
        mine = by_writer.get(writer.id, [])
        if not mine:
            lines.append("  (no requests)")
        for request in mine:
            letter_id = request.letter_id or "no Letter ID"
            lines.append(f"  #{request.id} {request.target_specialty} \u00b7 {request.type_label}"
                         f" \u00b7 {request.status.label} \u00b7 {_due_note(request, today)}"
                         f" \u00b7 {letter_id}")
        lines.append("")
    return "\n".join(lines)
