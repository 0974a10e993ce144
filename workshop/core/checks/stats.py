"""Counters for the editor header and the CLI: length against ERAS, reading time, grade.

Rates and limits come from ``resources/checks/eras.json``: speaking at 150 words a minute (the
middle of FACTS.md's 140-160), reading at 238 (Brysbaert 2019).

Pages are the exported PDF's, not a words-per-page rule: "750 words a page" said ≈0.8 page for
a statement that exported to two. :mod:`workshop.core.export.page_estimate` sets the text in
the default statement theme on Letter (the counter does not know the paper the user will
export to, and Letter is what US programs print) with the PDF writer's own layout.
"""

from __future__ import annotations

import math
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
    pages: float  # pages filled in the statement PDF (Letter): 0.93 = 93% of one page
    ari_grade: float
    ari_target: float
    page_count: int = 0  # pages of that PDF: the ceiling of ``pages``
    pages_basis: str = ""  # what ``pages`` assumes, e.g. "Letter, statement theme, 9.4 pt"

    @property
    def pages_12pt(self) -> float:
        """The old name of :attr:`pages` (it was words / 750), kept for its readers."""
        return self.pages

    @property
    def characters_left(self) -> int:
        """Characters still allowed (negative when over the limit)."""
        return self.characters_limit - self.characters

    def level(self) -> str:
        """``ok``, ``near`` (95% of the limit) or ``over``: the counter colour."""
        return char_level(self.characters, self.characters_limit)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counters (minutes rounded to one decimal, pages to two)."""
        data = asdict(self)
        for key in ("reading_minutes", "speaking_minutes", "ari_grade"):
            data[key] = round(data[key], 1)
        data["pages"] = round(self.pages, 2)
        data["pages_12pt"] = round(self.pages, 1)  # the key's old name, for scripts reading it
        data["characters_left"] = self.characters_left
        return data


def char_level(characters: int, limit: int) -> str:
    """``ok``, ``near`` (95% of the limit) or ``over`` for a character count."""
    if characters > limit:
        return "over"
    fraction = float(eras_config().get("char_warning_fraction", 0.95))
    return "near" if characters >= fraction * limit else "ok"


def compute_stats(
    text: str, ari_target: float | None = None, *, layout_pages: bool = True
) -> Stats:
    """All counters for ``text`` (the page estimate imports reportlab on its first call).

    ``layout_pages=False`` counts pages by words instead of laying the text out: the first,
    quick check after start-up must not wait ~0.4 s for reportlab to import.
    """
    config = eras_config()
    words = word_count(text)
    if layout_pages:
        pages, page_count, basis = _pages(text, words, config)
    else:
        pages = words / float(config["words_per_page_12pt"])
        page_count, basis = math.ceil(pages), "rough: 750 words a page (still measuring)"
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
        pages=pages,
        ari_grade=ari_grade(text),
        ari_target=float(ari_target if ari_target is not None else config["ari_target"]),
        page_count=page_count,
        pages_basis=basis,
    )


def _pages(text: str, words: int, config: dict[str, Any]) -> tuple[float, int, str]:
    """Pages of the statement PDF; words a page when the theme cannot be used.

    A broken theme or a missing font file must not stop the checker: the other counters and
    the findings still matter, so the page count falls back to the old rule of thumb and says
    so in its basis.
    """
    from workshop.core.errors import UserError
    from workshop.core.export.page_estimate import estimate

    try:
        result = estimate(text)
    except (UserError, OSError):
        rough = words / float(config["words_per_page_12pt"])
        return rough, math.ceil(rough), "rough: 750 words a page (the statement theme failed)"
    return result.pages, result.page_count, result.basis()
