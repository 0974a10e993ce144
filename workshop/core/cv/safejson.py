"""Read a JSON file someone else made, without trusting it.

Imported files (JSON Resume from another tool, a CV sent by a friend) may be huge, nested ten
thousand levels deep, not UTF-8, or not JSON at all. Each of those becomes one clear
:class:`UserError` instead of a traceback, a hang or a memory spike.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workshop.core.errors import UserError

MAX_BYTES = 2 * 1024 * 1024
"""A CV is a few kilobytes; 2 MiB leaves room for long publication lists and still bounds memory."""

MAX_DEPTH = 24
"""JSON Resume needs 4 levels; anything far deeper is not a CV."""

MAX_ITEMS = 5000
"""Entries in any one list."""


def read_json_file(path: Path | str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH,
                   max_items: int = MAX_ITEMS) -> Any:
    """Parse a JSON file with limits on size, nesting and list length.

    Raises:
        UserError: missing/unreadable file, too large, invalid UTF-8, invalid JSON, too deep.
    """
    file = Path(path)
    where = str(file)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise UserError(
                f"the file is {size / 1024 / 1024:.1f} MB; a CV file is at most "
                f"{max_bytes // 1024 // 1024} MB",
                where=where, hint="Check that this is the right file.",
            )
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UserError("the file does not exist", where=where) from None
    except IsADirectoryError:
        raise UserError("this is a folder, not a file", where=where) from None
    except OSError as exc:
        raise UserError(f"the file cannot be read ({exc.strerror})", where=where) from None
    if len(data) > max_bytes:
        raise UserError("the file is too large for a CV file", where=where)
    return parse_json_bytes(data, where=where, max_depth=max_depth, max_items=max_items)


def parse_json_bytes(data: bytes, *, where: str = "", max_depth: int = MAX_DEPTH,
                     max_items: int = MAX_ITEMS) -> Any:
    """Decode UTF-8 (a BOM is allowed) and parse JSON, with the same limits as above."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"the file is not valid UTF-8 text (bad byte at offset {exc.start})",
            where=where, hint="Save it as UTF-8 JSON and try again.",
        ) from None
    if not text.strip():
        raise UserError("the file is empty", where=where)
    try:
        value = json.loads(text, parse_constant=_reject_constant, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}", where=where,
        ) from None
    except RecursionError:
        raise UserError(f"the JSON is nested too deeply (over {max_depth} levels)",
                        where=where) from None
    except ValueError as exc:
        raise UserError(f"not valid JSON: {exc}", where=where) from None
    _check_shape(value, where, max_depth, max_items)
    return value


MAX_INT_DIGITS = 30
"""No number in a CV has more digits (a phone number is text); Python's own limit would
otherwise surface as "use sys.set_int_max_str_digits()"."""


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number {len(text):,} digits long is not allowed")
    return int(text)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def _check_shape(value: Any, where: str, max_depth: int, max_items: int) -> None:
    """Iterative walk (no recursion of our own) enforcing depth and list length."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > max_depth:
                raise UserError(f"the JSON is nested too deeply (over {max_depth} levels)",
                                where=where)
            if len(item) > max_items:
                raise UserError(f"a list or object has {len(item)} entries; at most "
                                f"{max_items} are accepted", where=where)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
