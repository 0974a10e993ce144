"""The JSON Resume v1.0.0 schema as a small table, and a validator that names field paths.

Written from https://jsonresume.org/schema (resume-schema v1.0.0, schema.json). The schema allows
extra properties; they are not errors but are returned so the importer can report them. A wrong
type or a malformed date is an error: the file is not a valid JSON Resume.
"""

from __future__ import annotations

import re
from typing import Any, Final

from workshop.core.cv.serial import join
from workshop.core.errors import UserError

STR: Final = "string"
DATE: Final = "date"
STRS: Final = "list[string]"

Spec = dict[str, Any]

_LOCATION: Spec = {"address": STR, "postalCode": STR, "city": STR, "countryCode": STR,
                   "region": STR}
_PROFILE: Spec = {"network": STR, "username": STR, "url": STR}

#: section -> ("object" | "array", fields); a field is a type name or a nested (kind, fields).
SCHEMA: Final[dict[str, tuple[str, Spec]]] = {
    "basics": ("object", {
        "name": STR, "label": STR, "image": STR, "email": STR, "phone": STR, "url": STR,
        "summary": STR, "location": ("object", _LOCATION), "profiles": ("array", _PROFILE),
    }),
    "work": ("array", {
        "name": STR, "location": STR, "description": STR, "position": STR, "url": STR,
        "startDate": DATE, "endDate": DATE, "summary": STR, "highlights": STRS,
    }),
    "volunteer": ("array", {
        "organization": STR, "position": STR, "url": STR, "startDate": DATE, "endDate": DATE,
        "summary": STR, "highlights": STRS,
    }),
    "education": ("array", {
        "institution": STR, "url": STR, "area": STR, "studyType": STR, "startDate": DATE,
        "endDate": DATE, "score": STR, "courses": STRS,
    }),
    "awards": ("array", {"title": STR, "date": DATE, "awarder": STR, "summary": STR}),
    "certificates": ("array", {"name": STR, "date": DATE, "url": STR, "issuer": STR}),
    "publications": ("array", {
        "name": STR, "publisher": STR, "releaseDate": DATE, "url": STR, "summary": STR,
    }),
    "skills": ("array", {"name": STR, "level": STR, "keywords": STRS}),
    "languages": ("array", {"language": STR, "fluency": STR}),
    "interests": ("array", {"name": STR, "keywords": STRS}),
    "references": ("array", {"name": STR, "reference": STR}),
    "projects": ("array", {
        "name": STR, "description": STR, "highlights": STRS, "keywords": STRS,
        "startDate": DATE, "endDate": DATE, "url": STR, "roles": STRS, "entity": STR,
        "type": STR,
    }),
    "meta": ("object", {"canonical": STR, "version": STR, "lastModified": STR}),
}

#: The iso8601 pattern of resume-schema v1.0.0 (YYYY, YYYY-MM or YYYY-MM-DD).
DATE_RE: Final = re.compile(
    r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"
)

_IGNORED_TOP = {"$schema"}


def validate(doc: Any) -> list[str]:
    """Check types and dates of a JSON Resume document.

    Returns:
        Paths of properties the schema does not define (allowed, but not imported).

    Raises:
        UserError: ``where`` is the field path ("work[2].startDate"), the message what was wrong.
    """
    if not isinstance(doc, dict):
        raise UserError("a JSON Resume file must contain one JSON object", where="(top level)")
    extra: list[str] = []
    for key, value in doc.items():
        if key in _IGNORED_TOP:
            continue
        if key not in SCHEMA:
            extra.append(key)
            continue
        _check(SCHEMA[key], value, key, extra)
    return extra


def _check(spec: Any, value: Any, path: str, extra: list[str]) -> None:
    if isinstance(spec, tuple):
        kind, fields = spec
        if kind == "array":
            if not isinstance(value, list):
                raise UserError(f"expected a list, got {_name(value)}", where=path)
            for i, item in enumerate(value):
                _check_object(fields, item, join(path, i), extra)
        else:
            _check_object(fields, value, path, extra)
        return
    if spec == STR:
        if not isinstance(value, str):
            raise UserError(f"expected text, got {_name(value)}", where=path)
    elif spec == DATE:
        if value == "" or (isinstance(value, str) and not value.strip()):
            return  # an empty date is a missing one (an end date: ongoing), as tools write it
        if not isinstance(value, str) or not DATE_RE.match(value):
            raise UserError(
                f"expected a date YYYY-MM-DD, YYYY-MM or YYYY, got {_name(value)}", where=path,
            )
        if len(value) >= 7 and not 1 <= int(value[5:7]) <= 12:
            raise UserError(f"month {value[5:7]} is not between 01 and 12", where=path)
    elif spec == STRS:
        if not isinstance(value, list):
            raise UserError(f"expected a list of text, got {_name(value)}", where=path)
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise UserError(f"expected text, got {_name(item)}", where=join(path, i))


def _check_object(fields: Spec, value: Any, path: str, extra: list[str]) -> None:
    if not isinstance(value, dict):
        raise UserError(f"expected an object, got {_name(value)}", where=path)
    for key, item in value.items():
        if key not in fields:
            extra.append(join(path, key))
            continue
        if item is None:
            continue
        _check(fields[key], item, join(path, key), extra)


def _name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"'{value[:40]}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
