"""Dataclass <-> JSON-ready dict, driven by the type hints, with field-path errors.

The CV model is declared once as dataclasses; this module reads their annotations so every class
gets ``to_dict``/``from_dict`` without hand-written code that drifts from the fields. Errors name
the exact place ("experience[3].start: expected YYYY-MM ...") because the same loader reads the
workspace, the sample and user-edited files.
"""

from __future__ import annotations

import dataclasses
import types
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from workshop.core.cv.dates import DateParseError, MonthYear
from workshop.core.errors import UserError

T = TypeVar("T")

_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    cached = _HINTS.get(cls)
    if cached is None:
        cached = get_type_hints(cls)
        _HINTS[cls] = cached
    return cached


def join(path: str, key: str | int) -> str:
    """Extend a field path: ``join("experience", 3)`` -> ``experience[3]``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def dump(value: Any, *, include_private: bool = True) -> Any:
    """JSON-ready form of a model value (dates become their canonical strings)."""
    if isinstance(value, MonthYear):
        return value.to_str()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dump_record(value, include_private=include_private)
    if isinstance(value, list | tuple):
        return [dump(v, include_private=include_private) for v in value]
    if isinstance(value, dict):
        return {str(k): dump(v, include_private=include_private) for k, v in value.items()}
    return value


def dump_record(obj: Any, *, include_private: bool = True) -> dict[str, Any]:
    """Dict of a dataclass; a record whose ``private`` flag is set is emptied unless asked."""
    if not include_private and getattr(obj, "private", False) is True:
        return dump_record(type(obj)(), include_private=True)
    return {
        f.name: dump(getattr(obj, f.name), include_private=include_private)
        for f in dataclasses.fields(obj)
    }


def load_record(cls: type[T], data: Any, path: str = "") -> T:
    """Build ``cls`` from a dict, checking every field's type.

    Missing fields take their defaults; unknown fields are refused so a typo in a hand-edited
    file is reported instead of silently dropped.

    Raises:
        UserError: ``where`` is the field path, ``message`` what was expected.
    """
    if not isinstance(data, dict):
        raise UserError(f"expected an object, got {_kind(data)}", where=path or "(top level)")
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for key, raw in data.items():
        if key not in names:
            raise UserError(
                f"unknown field '{key}'",
                where=join(path, str(key)),
                hint=f"Known fields here: {', '.join(sorted(names))}.",
            )
        kwargs[key] = load_value(hints[key], raw, join(path, key))
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise UserError(str(exc), where=path or "(top level)") from None


def load_value(tp: Any, raw: Any, path: str) -> Any:
    """Check and convert one value against its annotation (see :func:`load_record`)."""
    origin = get_origin(tp)
    if tp is Any:
        return raw
    if tp is MonthYear:
        if not isinstance(raw, str):
            raise UserError(f"expected a date string like 2021-07, got {_kind(raw)}", where=path)
        try:
            return MonthYear.parse(raw)
        except DateParseError as exc:
            raise UserError(str(exc), where=path) from None
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if raw is None:
            if type(None) in args:
                return None
            raise UserError("a value is required here (got null)", where=path)
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return load_value(inner[0], raw, path)
        raise TypeError(f"unsupported union {tp!r}")  # pragma: no cover - model bug
    if origin is Literal:
        allowed = get_args(tp)
        if raw not in allowed:
            shown = ", ".join(repr(a) for a in allowed)
            raise UserError(f"expected one of {shown}, got {raw!r}", where=path)
        return raw
    if origin is list:
        if not isinstance(raw, list):
            raise UserError(f"expected a list, got {_kind(raw)}", where=path)
        (item_tp,) = get_args(tp)
        return [load_value(item_tp, v, join(path, i)) for i, v in enumerate(raw)]
    if origin is dict:
        if not isinstance(raw, dict):
            raise UserError(f"expected an object, got {_kind(raw)}", where=path)
        _, val_tp = get_args(tp)
        return {str(k): load_value(val_tp, v, join(path, str(k))) for k, v in raw.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return load_record(tp, raw, path)
    if tp is bool:
        if not isinstance(raw, bool):
            raise UserError(f"expected true or false, got {_kind(raw)}", where=path)
        return raw
    if tp is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise UserError(f"expected a whole number, got {_kind(raw)}", where=path)
        return raw
    if tp is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise UserError(f"expected a number, got {_kind(raw)}", where=path)
        return float(raw)
    if tp is str:
        if not isinstance(raw, str):
            raise UserError(f"expected text, got {_kind(raw)}", where=path)
        return raw
    raise TypeError(f"unsupported annotation {tp!r} at {path}")  # pragma: no cover - model bug


def _kind(raw: Any) -> str:
    """Name a JSON value's type the way a user would ("a number", "a list")."""
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true/false"
    if isinstance(raw, int | float):
        return f"a number ({raw!r})"
    if isinstance(raw, str):
        short = raw if len(raw) <= 40 else raw[:37] + "..."
        return f"text ({short!r})"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, dict):
        return "an object"
    return type(raw).__name__


__all__ = ["dump", "dump_record", "join", "load_record", "load_value"]
