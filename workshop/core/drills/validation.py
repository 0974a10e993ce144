"""Reading bounded TOML and checking question fields, for the bank and for user questions.

Question files are data a user may edit or replace, so every read is bounded (size, encoding,
counts) and every field is checked for type and length. A failure is a :class:`UserError` whose
``where`` names the file, the question's index and id and the field, so the fix is one edit.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workshop.core.errors import UserError

MAX_FILE_BYTES = 512 * 1024
MAX_QUESTIONS_PER_FILE = 1000

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
TAG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,29}$")
ID_MAX = 60
TEXT_RANGE = (8, 500)
LOOK_FOR_MAX = 1500
ANSWER_SECONDS_RANGE = (15, 600)
FOLLOW_UPS_MAX = 10
FOLLOW_UP_RANGE = (5, 300)
TAGS_MAX = 12
PROGRAMS_MAX = 50
SPECIALTIES_MAX = 25
RULE_RANGE = (20, 1000)
RULE_SOURCE_RANGE = (5, 300)
SAMPLE_ANSWER_RANGE = (20, 800)
PROGRAM_NAME_MAX = 200


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file after refusing huge or non-UTF-8 input.

    Raises:
        UserError: the file is missing, too large, not UTF-8 or not valid TOML.
    """
    where = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(
            f"The question file cannot be read ({exc.strerror or exc}).", where=where,
            hint="Check that the file exists and is readable.",
        ) from exc
    if size > MAX_FILE_BYTES:
        raise UserError(
            f"The question file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}.",
            where=where, hint="Split it into several files, one per category.",
        )
    try:
        raw = path.read_bytes()[: MAX_FILE_BYTES + 1]
    except OSError as exc:
        raise UserError(f"The question file cannot be read ({exc.strerror or exc}).",
                        where=where) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError(
            f"The question file is not UTF-8 text (bad byte at line {line}).", where=where,
            hint="Save it as UTF-8 in your editor.",
        ) from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"The question file is not valid TOML: {exc}.", where=where,
                        hint="Compare it with resources/questions/README.md.") from exc
    except RecursionError:  # tomllib recurses once per nested array or table
        raise UserError("The question file nests arrays or tables too deeply.", where=where,
                        hint="Question files need at most three levels.") from None


class Fields:
    """Typed access to one TOML table, raising UserErrors that name the field."""

    def __init__(self, data: Any, where: str, allowed: frozenset[str]) -> None:
        if not isinstance(data, Mapping):
            raise UserError(f"expected a table, found {type(data).__name__}.", where=where)
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise UserError(
                f"unknown field '{unknown[0]}'.", where=where,
                hint=f"Allowed fields: {', '.join(sorted(allowed))}.",
            )
        self.data = data
        self.where = where

    def fail(self, key: str, message: str) -> UserError:
        """An error about ``key`` in this table."""
        return UserError(message, where=f"{self.where}, field '{key}'")

    def text(self, key: str, lo: int, hi: int, default: str | None = None) -> str:
        """A string whose stripped length is within ``lo``..``hi``."""
        value = self.data.get(key, default)
        if value is None:
            raise self.fail(key, "is required.")
        if not isinstance(value, str):
            raise self.fail(key, f"must be text, not {_kind(value)}.")
        value = value.strip()
        if not lo <= len(value) <= hi:
            raise self.fail(key, f"has {len(value)} characters; expected {lo}-{hi}.")
        return value

    def integer(self, key: str, lo: int, hi: int, default: int | None = None) -> int:
        """A whole number within ``lo``..``hi``."""
        value = self.data.get(key, default)
        if value is None:
            raise self.fail(key, "is required.")
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"must be a whole number, not {_kind(value)}.")
        if not lo <= value <= hi:
            raise self.fail(key, f"is {value}; expected {lo}-{hi}.")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        """true or false."""
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, not {_kind(value)}.")
        return value

    def text_list(self, key: str, max_items: int, lo: int, hi: int,
                  pattern: re.Pattern[str] | None = None) -> tuple[str, ...]:
        """A list of strings, each checked like :meth:`text` and against ``pattern``."""
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list of text, not {_kind(value)}.")
        if len(value) > max_items:
            raise self.fail(key, f"has {len(value)} items; the limit is {max_items}.")
        items: list[str] = []
        for i, item in enumerate(value, start=1):
            if not isinstance(item, str):
                raise self.fail(key, f"item {i} must be text, not {_kind(item)}.")
            item = item.strip()
            if not lo <= len(item) <= hi:
                raise self.fail(key, f"item {i} has {len(item)} characters; expected {lo}-{hi}.")
            if pattern is not None and not pattern.match(item):
                raise self.fail(key, f"item {i} '{item}' must match {pattern.pattern}.")
            items.append(item)
        return tuple(items)


def check_question_id(value: str, where: str) -> str:
    """An id is lower-case words joined by hyphens, at most :data:`ID_MAX` characters."""
    if not isinstance(value, str):
        raise UserError(f"must be text, not {_kind(value)}.", where=where)
    if not value:
        raise UserError("is required: every question needs an id.", where=where)
    if len(value) > ID_MAX or not ID_PATTERN.match(value):
        raise UserError(
            f"'{value[:80]}' is not a valid id.", where=where,
            hint="Use lower-case letters, digits and hyphens, e.g. 'intro-001'.",
        )
    return value


def _kind(value: object) -> str:
    names = {str: "text", int: "a number", float: "a number", bool: "true/false",
             list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)
