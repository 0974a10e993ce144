"""Spelling and grammar of the CV's prose through the shared checker (the statements' Harper).

The checker takes one text, so the CV's descriptions, reflections and gap notes are joined with
blank lines (each becomes its own paragraph) and every finding is mapped back to the field it
came from. Only language findings are kept: the statement rules (length, clichés, program names)
are about a personal statement, not about a CV line.
"""

from __future__ import annotations

import bisect
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


def map_findings(findings: list[Any], joined: JoinedText) -> list[Finding]:
    """Language findings with ``where`` set to their field and offsets inside that field."""
    out: list[Finding] = []
    for finding in findings:
        if finding.category not in LANGUAGE_CATEGORIES or not joined.paths:
            continue
        path, local = joined.path_at(finding.start)
        excerpt = finding.excerpt or joined.text[finding.start:finding.end]
        out.append(replace(finding, where=path, start=local,
                           end=local + (finding.end - finding.start), excerpt=excerpt))
    return out


def describe(finding: Finding) -> str:
    """Message for the panel: the flagged words, the field and the checker's message."""
    fix = f" (→ {finding.suggestions[0]})" if finding.suggestions else ""
    return f"“{finding.excerpt}”{fix} in {finding.where}: {finding.message}"
