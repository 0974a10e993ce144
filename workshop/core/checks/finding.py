"""The one shape every check result takes, whichever engine or rule produced it.

Offsets are Python code points into the text exactly as the checker saw it, because that is what
the editor, the CLI JSON and ``text[start:end]`` all agree on. Engines that report bytes or UTF-16
units convert before they build a :class:`Finding`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Any

CATEGORIES: tuple[str, ...] = (
    "spelling",
    "grammar",
    "punctuation",
    "style",
    "clarity",
    "length",
    "residency",
)
SEVERITIES: tuple[str, ...] = ("error", "warning", "advice")
LANGUAGE_CATEGORIES: frozenset[str] = frozenset({"spelling", "grammar", "punctuation"})
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Finding:
    """One problem in a text, with why it matters and how to fix it.

    ``line`` and ``column`` are 1-based and counted in code points; they are filled in by
    :func:`with_positions` once the whole text is known (engines see only a paragraph).
    ``excerpt`` is the flagged text itself; with ``rule`` it forms the ignore key so an ignore
    survives edits elsewhere in the document. ``where`` names a field for non-statement texts
    (the CV checks share this class).
    """

    rule: str
    category: str
    severity: str
    message: str
    start: int = 0
    end: int = 0
    line: int = 0
    column: int = 0
    suggestions: tuple[str, ...] = field(default_factory=tuple)
    engine: str = "rules"
    source: str = ""
    excerpt: str = ""
    where: str = ""

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown finding severity {self.severity!r}")
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad finding span {self.start}..{self.end}")

    @property
    def key(self) -> str:
        """Ignore key: the rule plus the flagged words, case-folded (offsets change on edit)."""
        return f"{self.rule}|{self.excerpt.casefold()}"

    @property
    def severity_rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for advice (sorting, counting)."""
        return _SEVERITY_RANK[self.severity]

    def shifted(self, delta: int) -> Finding:
        """The same finding moved by ``delta`` code points (paragraph → document offsets)."""
        if delta == 0:
            return self
        return replace(self, start=self.start + delta, end=self.end + delta)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the documented ``workshop check --format json`` shape."""
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "category": self.category,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "engine": self.engine,
        }
        if self.source:
            data["source"] = self.source
        if self.where:
            data["where"] = self.where
        return data


def line_starts(text: str) -> list[int]:
    """Offsets at which each line begins (line 1 starts at 0)."""
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def with_positions(findings: list[Finding], text: str) -> list[Finding]:
    """Fill ``line``/``column`` (1-based, code points) and ``excerpt`` from the whole text."""
    starts = line_starts(text)
    out: list[Finding] = []
    for finding in findings:
        index = bisect.bisect_right(starts, finding.start) - 1
        excerpt = finding.excerpt or text[finding.start : finding.end]
        out.append(
            replace(
                finding,
                line=index + 1,
                column=finding.start - starts[index] + 1,
                excerpt=excerpt,
            )
        )
    return out


def sort_key(finding: Finding) -> tuple[int, int, int, str]:
    """Document order, then the more severe first at the same place."""
    return (finding.start, finding.end, finding.severity_rank, finding.rule)
