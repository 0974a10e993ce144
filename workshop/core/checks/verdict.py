"""The one-line verdict over a statement: ready for ERAS, or what is left to do.

"Ready" used to mean "no error-severity finding", so an empty statement, or one with nine
misspellings (warnings in Harper's terms), read "ready for ERAS: yes". An applicant takes that
line at its word, so it now asks for everything a reader of the statement would object to:

- no open spelling, grammar, punctuation or residency problem of error or warning severity
  (a finding the user chose to ignore is not open: the service has already removed it);
- not empty, inside the ERAS character limit, and inside the usual word range.

Style and clarity advice never blocks: it is advice. Its count is shown so it is not hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from workshop.core.checks.finding import Finding
from workshop.core.checks.stats import Stats

#: How each category is named in "what is left", in the order it is listed.
_LEFT_NAMES: dict[str, str] = {
    "spelling": "spelling",
    "grammar": "grammar",
    "punctuation": "punctuation",
    "residency": "residency",
    "length": "length",
    "clarity": "clarity",
    "style": "style",
}
_BLOCKING_SEVERITIES = frozenset({"error", "warning"})


@dataclass(frozen=True)
class Verdict:
    """Whether the statement is ready, and the short list of what stands in the way."""

    ready: bool
    left: tuple[str, ...]
    notes: int

    @property
    def text(self) -> str:
        """'Ready for ERAS · 2 style notes' or 'Not ready for ERAS: 3 spelling, 40 words short'."""
        if self.ready:
            if self.notes:
                noun = "style note" if self.notes == 1 else "style notes"
                return f"Ready for ERAS · {self.notes} {noun} to consider"
            return "Ready for ERAS"
        return "Not ready for ERAS: " + ", ".join(self.left)


def open_problems(findings: Iterable[Finding]) -> Counter[str]:
    """Blocking findings (errors and warnings) counted by category."""
    counts: Counter[str] = Counter()
    for finding in findings:
        if finding.severity in _BLOCKING_SEVERITIES and finding.category != "length":
            counts[finding.category] += 1
    return counts


def length_problems(stats: Stats) -> list[str]:
    """What the length still needs, in the applicant's terms ('40 words short')."""
    if stats.words == 0:
        return ["the statement is empty"]
    left: list[str] = []
    if stats.characters > stats.characters_limit:
        over = stats.characters - stats.characters_limit
        left.append(f"{over:,} characters over the ERAS limit")
    if stats.words < stats.words_min:
        left.append(f"{stats.words_min - stats.words:,} words short")
    elif stats.words > stats.words_max:
        left.append(f"{stats.words - stats.words_max:,} words over {stats.words_max:,}")
    return left


def judge(findings: Iterable[Finding], stats: Stats) -> Verdict:
    """The verdict for a checked text (findings after ignores and the user dictionary)."""
    found = list(findings)
    problems = open_problems(found)
    left = [f"{problems[c]} {name}" for c, name in _LEFT_NAMES.items() if problems.get(c)]
    left.extend(length_problems(stats))
    notes = sum(1 for f in found if f.severity == "advice" and f.category != "length")
    return Verdict(ready=not left, left=tuple(left), notes=notes)
