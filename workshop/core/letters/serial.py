"""Writers and requests to and from plain dicts (sample data, JSON listing).

Reading is strict and says where a field is wrong (``writers[2].cases[0].when``), because the
sample file and future imports are edited by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from workshop.core.cv.dates import MonthYear
from workshop.core.errors import UserError
from workshop.core.letters.model import (
    GENERAL,
    LetterEvent,
    LetterRequest,
    LetterType,
    LetterWriter,
    NameOrder,
    Relationship,
    Status,
    WriterCase,
)


def _text(data: Mapping[str, Any], key: str, where: str, default: str = "") -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise UserError(f"{key} should be text, not {type(value).__name__}.", where=where)
    return value


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise UserError(f'"{value}" is not a date.', hint="Use YYYY-MM-DD.", where=where) from exc


def _month(value: Any, where: str) -> MonthYear | None:
    if value in (None, ""):
        return None
    try:
        return MonthYear.parse(str(value))
    except ValueError as exc:
        raise UserError(str(exc), where=where) from exc


def _choice(enum: Any, value: Any, where: str) -> Any:
    try:
        return enum(value)
    except ValueError as exc:
        allowed = ", ".join(m.value for m in enum)
        raise UserError(f'"{value}" is not one of: {allowed}.', where=where) from exc


def writer_from_dict(data: Mapping[str, Any], where: str = "writer") -> LetterWriter:
    """A writer from its dict form (as in resources/sample/letters.json)."""
    if not isinstance(data, Mapping):
        raise UserError("A writer should be an object.", where=where)
    cases_raw = data.get("cases") or []
    if not isinstance(cases_raw, list):
        raise UserError("cases should be a list.", where=where)
    cases = []
    for i, c in enumerate(cases_raw):
        at = f"{where}.cases[{i}]"
        if not isinstance(c, Mapping):
            raise UserError("A case should be an object.", where=at)
        try:
            cases.append(WriterCase(_text(c, "when", at), _text(c, "summary", at),
                                    _text(c, "role", at), _text(c, "observed", at)))
        except UserError as exc:
            raise UserError(exc.message, hint=exc.hint, where=at) from exc
    try:
        return LetterWriter(
            name=_text(data, "name", where), native_name=_text(data, "native_name", where),
            title=_text(data, "title", where), specialty=_text(data, "specialty", where),
            institution=_text(data, "institution", where),
            country=_text(data, "country", where), is_us=bool(data.get("is_us", False)),
            email=_text(data, "email", where), phone=_text(data, "phone", where),
            relationship=_choice(Relationship, data.get("relationship", "other"), where),
            worked_from=_month(data.get("worked_from"), f"{where}.worked_from"),
            worked_to=_month(data.get("worked_to"), f"{where}.worked_to"),
            cases=cases, setting=_text(data, "setting", where),
            salutation=_text(data, "salutation", where), notes=_text(data, "notes", where),
            name_order=_choice(NameOrder, data.get("name_order") or "auto",
                               f"{where}.name_order"))
    except UserError as exc:
        raise UserError(exc.message, hint=exc.hint, where=exc.where or where) from exc


def request_from_dict(data: Mapping[str, Any], writer_id: int,
                      where: str = "request") -> LetterRequest:
    """A request from its dict form; ``events`` is a list of {status, on, note}."""
    if not isinstance(data, Mapping):
        raise UserError("A request should be an object.", where=where)
    events = []
    for i, e in enumerate(data.get("events") or []):
        at = f"{where}.events[{i}]"
        on = _date(e.get("on"), at) if isinstance(e, Mapping) else None
        if on is None or not isinstance(e, Mapping):
            raise UserError("An event needs a status and a date (on).", where=at)
        events.append(LetterEvent(_choice(Status, e.get("status"), at), on, _text(e, "note", at)))
    return LetterRequest(
        writer_id=writer_id, target_specialty=_text(data, "target_specialty", where, GENERAL),
        letter_type=_choice(LetterType, data.get("letter_type", "narrative"), where),
        standardized_form=_text(data, "standardized_form", where),
        department_chair=bool(data.get("department_chair", False)),
        waived=bool(data.get("waived", True)), letter_id=_text(data, "letter_id", where),
        due=_date(data.get("due"), f"{where}.due"), events=events,
        notes=_text(data, "notes", where))


def writer_to_dict(writer: LetterWriter) -> dict[str, Any]:
    """JSON-ready dict; the inverse of :func:`writer_from_dict` (plus ``id``)."""
    return {
        "id": writer.id, "name": writer.name, "native_name": writer.native_name,
        "title": writer.title, "specialty": writer.specialty, "institution": writer.institution,
        "country": writer.country, "is_us": writer.is_us, "email": writer.email,
        "phone": writer.phone, "relationship": writer.relationship.value,
        "setting": writer.setting, "name_order": writer.name_order.value,
        "worked_from": writer.worked_from.to_str() if writer.worked_from else "",
        "worked_to": writer.worked_to.to_str() if writer.worked_to else "",
        "cases": [{"when": c.when, "summary": c.summary, "role": c.role, "observed": c.observed}
                  for c in writer.cases],
    }


def request_to_dict(request: LetterRequest) -> dict[str, Any]:
    """JSON-ready dict with the derived ``status`` added for readers of the listing."""
    return {
        "id": request.id, "writer_id": request.writer_id,
        "target_specialty": request.target_specialty,
        "letter_type": request.letter_type.value,
        "standardized_form": request.standardized_form,
        "department_chair": request.department_chair, "waived": request.waived,
        "letter_id": request.letter_id, "due": request.due.isoformat() if request.due else None,
        "status": request.status.value,
        "events": [{"status": e.status.value, "on": e.on.isoformat(), "note": e.note}
                   for e in request.events],
    }
