"""Which program an imported invitation is for: its NRMP code, else its name, city, specialty.

The match is a proposal the user confirms: candidates come with a score and the reason, best
first, and nothing is saved until the user picks one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from workshop.core.interviews.ics_read import IcsEvent
from workshop.core.programs.model import Program, normalize_key

_CODE: Final = re.compile(r"\b(\d{7}[A-Z]\d)\b")
#: Words too common in invitations to tell programs apart.
_STOP: Final = frozenset({
    "the", "of", "and", "at", "for", "in", "on", "to", "a", "an", "with", "interview",
    "residency", "program", "programme", "invitation", "day", "virtual", "sample", "medical",
    "center", "centre", "hospital", "health", "university", "medicine", "internal", "family",
    "zoom", "thalamus", "eras", "scheduler", "meeting", "session", "your", "you",
})
MIN_SCORE: Final = 0.34


@dataclass(frozen=True)
class Candidate:
    program: Program
    score: float
    reason: str


def _words(text: str) -> set[str]:
    return {w for w in normalize_key(text).split() if w not in _STOP and len(w) > 1}


def match_programs(event: IcsEvent, programs: Iterable[Program]) -> list[Candidate]:
    """Programs the event may be for, best first (an NRMP code in the text wins outright)."""
    text = " ".join((event.summary, event.location, event.description))
    codes = set(_CODE.findall(text))
    listed = list(programs)
    by_code = [p for p in listed if p.program_code and p.program_code in codes]
    if by_code:
        return [Candidate(p, 1.0, f"NRMP code {p.program_code} is in the invitation")
                for p in by_code]
    words = _words(text)
    found: list[Candidate] = []
    for program in listed:
        name_words = _words(program.name)
        if not name_words:
            continue
        shared = name_words & words
        score = len(shared) / len(name_words)
        reasons = [f"name words {', '.join(sorted(shared))}"] if shared else []
        if program.city and normalize_key(program.city) in normalize_key(text):
            score += 0.2
            reasons.append(f"city {program.city}")
        if program.specialty and normalize_key(program.specialty) in normalize_key(text):
            score += 0.1
            reasons.append(program.specialty)
        if program.track and program.track in normalize_key(text):
            score += 0.1
            reasons.append(program.track)
        if score >= MIN_SCORE and shared:
            found.append(Candidate(program, round(min(score, 0.99), 2),
                                   "matches " + "; ".join(reasons)))
    return sorted(found, key=lambda c: (-c.score, c.program.name))
