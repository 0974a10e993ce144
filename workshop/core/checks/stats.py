"""Counters for the editor header and the CLI: length against ERAS, reading time, grade.

Rates and limits come from ``resources/checks/eras.json``: speaking at 150 words a minute (the
middle of FACTS.md's 140-160), reading at 238 (Brysbaert 2019), 750 words a page at 12 pt (the
middle of FACTS.md's "about one page: 650-850 words").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from workshop.core.checks.rules.length import eras_char_count
from workshop.core.checks.rules.meta import eras_config
from workshop.core.checks.rules.readability import all_sentences, ari_grade
from workshop.core.checks.textspans import paragraphs, word_count


@dataclass(frozen=True)
class Stats:
    """Counts for one text; ``characters`` is counted as ERAS counts (see ``rules.length``)."""

    characters: int
    characters_limit: int
    words: int
    words_min: int
    words_max: int
    paragraphs: int
    sentences: int
    reading_minutes: float
    speaking_minutes: float
    pages_12pt: float
    ari_grade: float
    ari_target: float

    @property
    def characters_left(self) -> int:
        """Characters still allowed (negative when over the limit)."""
        return self.characters_limit - self.characters

    def level(self) -> str:
        """``ok``, ``near`` (95% of the limit) or ``over``: the counter colour."""
        if self.characters > self.characters_limit:
            return "over"
        fraction = float(eras_config().get("char_warning_fraction", 0.95))
        return "near" if self.characters >= fraction * self.characters_limit else "ok"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counters (minutes and pages rounded to one decimal)."""
        data = asdict(self)
        for key in ("reading_minutes", "speaking_minutes", "pages_12pt", "ari_grade"):
            data[key] = round(data[key], 1)
        data["characters_left"] = self.characters_left
        return data


def compute_stats(text: str, ari_target: float | None = None) -> Stats:
    """All counters for ``text``."""
    config = eras_config()
    words = word_count(text)
    return Stats(
        characters=eras_char_count(text),
        characters_limit=int(config["statement_char_limit"]),
        words=words,
        words_min=int(config["words_min"]),
        words_max=int(config["words_max"]),
        paragraphs=len(paragraphs(text)),
        sentences=len(all_sentences(text)),
        reading_minutes=words / float(config["reading_wpm"]),
        speaking_minutes=words / float(config["speaking_wpm"]),
        pages_12pt=words / float(config["words_per_page_12pt"]),
        ari_grade=ari_grade(text),
        ari_target=float(ari_target if ari_target is not None else config["ari_target"]),
    )
