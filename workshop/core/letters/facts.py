"""Letter facts and phrases read from ``templates/letters/`` (one place to change them).

The numbers (4 letters per program, reminders at 7 and 1 days...) come from FACTS.md and are
kept with their sources in ``templates/letters/facts.toml``; the code never repeats them.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from workshop.core.errors import UserError
from workshop.core.resources import template


@dataclass(frozen=True, slots=True)
class LetterFacts:
    """The values of ``templates/letters/facts.toml``."""

    max_letters_per_program: int
    reminder_days: tuple[int, ...]
    min_us_letters: int
    letter_id_min_length: int
    letter_id_max_length: int
    waiver_yes: str
    waiver_no: str
    waiver_explanation: str
    lor_portal_instructions: str
    lor_portal_instructions_no_id: str = ""


def read_letters_toml(path: Path) -> dict[str, Any]:
    """A shipped letters data file, or a :class:`UserError` naming it when it is unreadable."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"The letters data file {path.name} cannot be read: {exc}.",
                        hint="Restore it from the installation.", where=str(path)) from exc


@cache
def letter_facts() -> LetterFacts:
    """The facts, read once per process (they are installation data, not user data)."""
    raw = read_letters_toml(template("letters", "facts.toml"))
    return LetterFacts(
        max_letters_per_program=int(raw["max_letters_per_program"]),
        reminder_days=tuple(sorted((int(d) for d in raw["reminder_days"]), reverse=True)),
        min_us_letters=int(raw["min_us_letters"]),
        letter_id_min_length=int(raw["letter_id_min_length"]),
        letter_id_max_length=int(raw["letter_id_max_length"]),
        waiver_yes=str(raw["waiver_yes"]),
        waiver_no=str(raw["waiver_no"]),
        waiver_explanation=str(raw["waiver_explanation"]),
        lor_portal_instructions=str(raw["lor_portal_instructions"]).strip(),
        lor_portal_instructions_no_id=str(raw.get("lor_portal_instructions_no_id", "")).strip(),
    )


@cache
def phrases() -> dict[str, dict[str, str]]:
    """Tables of ``templates/letters/phrases.toml`` (supervised, default_setting, due_phrase)."""
    raw = read_letters_toml(template("letters", "phrases.toml"))
    return {key: {k: str(v) for k, v in table.items()} for key, table in raw.items()}


def render(text: str, values: dict[str, str], *, name: str) -> str:
    """Fill ``${placeholders}``; a placeholder with no value is a clear error, not a KeyError.

    Templates are user-editable files, so a typo in one must name the file and the placeholder.
    """
    try:
        return string.Template(text).substitute(values)
    except KeyError as exc:
        known = ", ".join(f"${{{k}}}" for k in sorted(values))
        raise UserError(f"The template {name} uses the placeholder ${{{exc.args[0]}}}, which "
                        "the app does not fill.", hint=f"Use one of: {known}.",
                        where=name) from exc
    except ValueError as exc:
        raise UserError(f"The template {name} has a stray '$': {exc}.",
                        hint="Write $$ for a literal dollar sign.", where=name) from exc


def load_template(name: str, template_dir: Path | None = None) -> str:
    """Text of a letters template; a user folder may override the bundled one by file name."""
    candidates = [template_dir / name] if template_dir is not None else []
    candidates.append(template("letters", name))
    for path in candidates:
        if path.is_file():
            try:
                return path.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise UserError(f"The template {name} cannot be read: {exc}.",
                                hint="Save it again as UTF-8 text.", where=str(path)) from exc
    raise UserError(f"The letters template {name} is missing.",
                    hint="Restore templates/letters/ from the installation.")


def split_subject(text: str) -> tuple[str, str]:
    """A template's first line "Subject: ..." becomes the e-mail subject; the rest is the body."""
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first.split(":", 1)[1].strip(), rest.lstrip("\n")
    return "", text
