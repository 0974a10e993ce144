"""Spelling and grammar of the CV's prose through the shared checker (the statements' Harper).

The checker takes one text, so the CV's descriptions, reflections and gap notes are joined with
blank lines (each becomes its own paragraph) and every finding is mapped back to the field it
came from. Only language findings are kept: the statement rules (length, clichés, program names)
are about a personal statement, not about a CV line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from workshop.core.checks.finding import LANGUAGE_CATEGORIES, Finding
from workshop.core.cv.checks import checkable_texts
from workshop.core.cv.model import CV

OWNER = "cv"
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class JoinedText:
    """The joined text and where each field starts in it."""

    text: str
    starts: tuple[int, ...]
    paths: tuple[str, ...]

    def path_at(self, offset: int) -> tuple[str, int]:
        """(field path, offset inside that field) of a joined-text offset."""
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.paths[index], offset - self.starts[index]


def join_texts(cv: CV) -> JoinedText:
    parts: list[str] = []
    starts: list[int] = []
    paths: list[str] = []
    offset = 0
    for path, text in checkable_texts(cv):
        clean = text.replace("\r", "").strip("\n")
        starts.append(offset)
        paths.append(path)
        parts.append(clean)
        offset += len(clean) + len(SEPARATOR)
    return JoinedText(SEPARATOR.join(parts), tuple(starts), tuple(paths))


#: A CV bullet is a phrase, conventionally without a full stop; descriptions are prose.
_NOT_FOR_BULLETS = frozenset({"grammar.missing_final_punctuation"})


def map_findings(findings: list[Any], joined: JoinedText) -> list[Finding]:
    """Language findings with ``where`` set to their field and offsets inside that field."""
    out: list[Finding] = []
    for finding in findings:
        if finding.category not in LANGUAGE_CATEGORIES or not joined.paths:
            continue
        path, local = joined.path_at(finding.start)
        if finding.rule in _NOT_FOR_BULLETS and ".highlights[" in path:
            continue
        excerpt = finding.excerpt or joined.text[finding.start:finding.end]
        out.append(replace(finding, where=path, start=local,
                           end=local + (finding.end - finding.start), excerpt=excerpt))
    return out


def describe(finding: Finding, label: Callable[[str], str] = lambda path: path) -> str:
    """Message for the panel: the flagged words, the field (named by ``label``) and the
    checker's message."""
    fix = f" (→ {finding.suggestions[0]})" if finding.suggestions else ""
    return f"“{finding.excerpt}”{fix} in {label(finding.where)}: {finding.message}"


_PATH = re.compile(r"^(?P<head>[a-z_]+)\[(?P<index>\d+)\]\.(?P<field>[a-z_.]+?)"
                   r"(?:\[(?P<item>\d+)\])?$")
_FIELDS = {"description": "description", "eras.description": "ERAS description",
           "eras.reflection": "ERAS reflection", "highlights": "bullet"}
_SINGLE = {"summary": "Summary", "preferences.geographic_essay": "Geographic preferences",
           "preferences.setting_essay": "Setting preferences",
           "impactful_experience": "Most impactful experience"}


def field_label(cv: CV, path: str) -> str:
    """A field path as the applicant reads it: "experience[5].highlights[0]" becomes
    "Experience “Extern, Internal Medicine — Lakeview Medical Center”, bullet 1"."""
    if path in _SINGLE:
        return _SINGLE[path]
    if path.startswith("gap_notes[") and ".." in path:
        start, _, end = path.removeprefix("gap_notes[").removesuffix("]").partition("..")
        return f"the note on the gap {start} to {end}"
    match = _PATH.match(path)
    if match is None:
        return path
    head, index, field = match["head"], int(match["index"]), match["field"]
    entries = getattr(cv, head, None)
    if not isinstance(entries, list) or not 0 <= index < len(entries):
        return path
    entry = entries[index]
    name = " — ".join(str(v) for v in (getattr(entry, a, "") for a in _NAME_FIELDS.get(head, ()))
                     if v) or f"entry {index + 1}"
    what = _FIELDS.get(field, field.replace("_", " "))
    if match["item"] is not None:
        what += f" {int(match['item']) + 1}"
    return f"{head.replace('_', ' ').capitalize().rstrip('s')} “{name}”, {what}"


#: The fields that name an entry of each list.
_NAME_FIELDS = {"experience": ("title", "organization"), "education": ("degree", "institution"),
                "awards": ("title",)}
