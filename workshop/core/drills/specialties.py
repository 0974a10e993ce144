"""Specialty names for the question bank's ``specialties`` lists and the ``--specialty`` filter.

The canonical names are those of ``resources/checks/specialties.json`` (ERAS/NRMP listing names),
so a question tagged "Obstetrics and Gynecology" matches the specialty the applicant's statement
and programs use. People type shorter forms ("OB/GYN", "IM", "peds"), so the filter also accepts
that file's aliases and the abbreviations in ``resources/questions/specialties.toml``; the bank
files themselves must use the canonical names, so a typo there is an error, not a silent miss.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from workshop.core.drills.validation import Fields, read_toml
from workshop.core.errors import UserError
from workshop.core.resources import resource


@dataclass(frozen=True, slots=True)
class Specialties:
    """The known specialties and every spelling that resolves to one of them.

    Attributes:
        names: canonical names, in the order of ``specialties.json``.
        lookup: lower-cased name, alias or abbreviation -> canonical name.
    """

    names: tuple[str, ...]
    lookup: dict[str, str] = field(default_factory=dict)

    def resolve(self, text: str) -> str:
        """The canonical name for what a user typed ("ob/gyn" -> "Obstetrics and Gynecology").

        Raises:
            UserError: not a known specialty; the hint lists the names.
        """
        found = self.lookup.get(" ".join(text.lower().split()))
        if found is None:
            raise UserError(f"Unknown specialty '{text[:80]}'.",
                            hint=f"Known specialties: {', '.join(self.names)}.")
        return found


def load_specialties(names_path: Path | None = None,
                     abbreviations_path: Path | None = None) -> Specialties:
    """Read the canonical names and their aliases (defaults: the shipped files).

    Raises:
        UserError: a file is missing or malformed, or an abbreviation names an unknown specialty.
    """
    names_path = names_path or resource("checks", "specialties.json")
    try:
        data = json.loads(names_path.read_text(encoding="utf-8"))
        table = data["specialties"]
        if not isinstance(table, dict):
            raise TypeError("'specialties' is not an object")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(f"The specialty list cannot be read ({exc}).", where=str(names_path),
                        hint="Reinstall the app; this file ships with it.") from exc
    names = tuple(str(name) for name in table)
    lookup: dict[str, str] = {}
    for name, aliases in table.items():
        lookup[name.lower()] = name
        for alias in aliases if isinstance(aliases, list) else []:
            lookup.setdefault(str(alias).lower(), name)
    abbreviations_path = abbreviations_path or resource("questions", "specialties.toml")
    short = read_toml(abbreviations_path)
    f = Fields(short, str(abbreviations_path), frozenset({"abbreviations"}))
    extra = short.get("abbreviations", {})
    if not isinstance(extra, dict):
        raise f.fail("abbreviations", "must be a table of abbreviation = \"Specialty name\".")
    for abbreviation, name in extra.items():
        if name not in table:
            raise f.fail("abbreviations", f"'{abbreviation}' points to unknown specialty "
                                          f"'{name}'.")
        lookup.setdefault(abbreviation.lower(), name)
    return Specialties(names, lookup)


@cache
def shipped_specialties() -> Specialties:
    """The shipped specialties, read once per process (the files never change at run time)."""
    return load_specialties()
