"""MyERAS picklists and essay limits, read from ``resources/cv/eras_picklists.toml``.

MyERAS asks for an experience's frequency, setting, primary focus area and key characteristic
from picklists, and for languages on its own proficiency scale (FACTS.md, "Experience
picklists"). The choices are data with their source and a "confirmed" flag, so a wording the
AAMC changes is a data edit, and the editor can say "unconfirmed wording" where it is.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from typing import Any, Final

from workshop.core.resources import resource

DATA_FILE: Final = ("cv", "eras_picklists.toml")
#: The experience fields that take a MyERAS picklist: field path -> picklist name.
EXPERIENCE_PICKLISTS: Final[dict[str, str]] = {
    "eras.frequency": "frequency",
    "setting": "setting",
    "eras.primary_focus": "primary_focus",
    "eras.key_characteristic": "key_characteristic",
}


@dataclass(frozen=True)
class Picklist:
    """One MyERAS picklist: its choices, where they come from, whether the wording is sure."""

    name: str
    label: str
    choices: tuple[str, ...]
    source: str
    confirmed: bool
    note: str

    def known(self, value: str) -> bool:
        """True when ``value`` is one of the choices (an old free-text value is not)."""
        return value.strip().casefold() in {c.casefold() for c in self.choices}


@dataclass(frozen=True)
class LanguageLevel:
    key: str
    label: str
    confirmed: bool


@dataclass(frozen=True)
class Essay:
    """An essay of the application; ``limit`` None when no source gives one."""

    key: str
    label: str
    limit: int | None
    confirmed: bool
    source: str


@dataclass(frozen=True)
class ErasPicklists:
    lists: dict[str, Picklist]
    language_levels: tuple[LanguageLevel, ...]
    language_source: str
    language_note: str
    language_migrate: dict[str, str]
    essays: dict[str, Essay]

    def language_label(self, key: str) -> str:
        """The label of a proficiency key ("advanced" -> "Advanced"); an unknown key as is."""
        for level in self.language_levels:
            if level.key == key:
                return level.label
        return key


def _str(raw: dict[str, Any], key: str) -> str:
    return str(raw.get(key, ""))


@functools.cache
def eras_picklists() -> ErasPicklists:
    """Read the data file once (it ships with the app; a broken one is a packaging bug)."""
    with resource(*DATA_FILE).open("rb") as handle:
        raw: dict[str, Any] = tomllib.load(handle)
    lists = {
        name: Picklist(name, _str(raw[name], "label"),
                       tuple(str(c) for c in raw[name]["choices"]), _str(raw[name], "source"),
                       bool(raw[name].get("confirmed", False)), _str(raw[name], "note"))
        for name in EXPERIENCE_PICKLISTS.values()
    }
    language = raw["language"]
    levels = tuple(LanguageLevel(str(lv["key"]), str(lv["label"]), bool(lv["confirmed"]))
                   for lv in language["levels"])
    essays = {
        key: Essay(key, _str(value, "label"),
                   int(value["limit"]) if "limit" in value else None,
                   bool(value.get("confirmed", False)), _str(value, "source"))
        for key, value in dict(raw.get("essays", {})).items()
    }
    return ErasPicklists(lists, levels, _str(language, "source"), _str(language, "note"),
                         {str(k): str(v) for k, v in dict(language["migrate"]).items()},
                         essays)


def limit_caption(essay: Essay) -> str:
    """"limit 750 (unconfirmed)" or "limit not confirmed" for a counter's tooltip and export."""
    if essay.limit is None:
        return "limit not confirmed"
    return f"limit {essay.limit}" + ("" if essay.confirmed else " (unconfirmed)")
