"""Live counters under the editor, coloured as ERAS limits near or pass."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from workshop.core.checks.rules.length import eras_char_count
from workshop.core.checks.rules.meta import eras_config
from workshop.core.checks.stats import char_level
from workshop.core.checks.textspans import word_count

COLOURS = {"ok": "", "near": "#b9770e", "over": "#c0392b", "advice": "#b9770e"}


_TIPS = {
    "characters": "Counted as ERAS counts: every letter, digit, space, punctuation mark and line "
                  "break. MyERAS refuses statements over 28,000 characters.",
    "words": "About one page: 650–850 words is the common advice.",
    "paragraphs": "Paragraphs (separated by blank lines).",
    "sentences": "Sentences.",
    "time": "Reading time at 238 words a minute; speaking time at 150 words a minute.",
    "pages": "Pages of the exported statement PDF (Letter, statement theme), laid out as the "
             "PDF is.",
    "grade": "Automated Readability Index (as Hemingway uses): the school grade needed to read "
             "it easily.",
}


class CountersBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(18)
        for key, name in (("characters", "Characters"), ("words", "Words"),
                          ("paragraphs", "Paragraphs"), ("sentences", "Sentences"),
                          ("time", "Reading and speaking time"), ("pages", "Pages"),
                          ("grade", "Readability grade")):
            label = QLabel()
            label.setAccessibleName(name)
            label.setToolTip(_TIPS[key])
            index = len(self.labels)
            self.labels[key] = label
            layout.addWidget(label, index // 4, index % 4)
        layout.setColumnStretch(3, 1)

    def show_counts(self, text: str) -> None:
        """Characters, words and times from the text itself: cheap, so on every keystroke.

        The checker's stats (sentences, grade, pages) follow each check; these two are what a
        writer watches while typing against a limit, so they never wait for it.
        """
        config = eras_config()
        limit = int(config["statement_char_limit"])
        characters = eras_char_count(text)
        level = char_level(characters, limit)
        words = word_count(text)
        low, high = int(config["words_min"]), int(config["words_max"])
        words_state = "ok" if low <= words <= high else "advice"
        self._set("characters", f"{characters:,} / {limit:,} chars", level)
        self._set("words", f"{words:,} words ({low}–{high})", words_state)
        self._set("time", f"read {words / float(config['reading_wpm']):.1f} · say "
                  f"{words / float(config['speaking_wpm']):.1f} min", "ok")

    def _set(self, key: str, text: str, state: str) -> None:
        label = self.labels[key]
        label.setText(text)
        colour = COLOURS[state]
        label.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour else "")
        label.setProperty("state", state)

    def show_stats(self, stats: Any) -> None:
        words_state = "ok" if stats.words_min <= stats.words <= stats.words_max else "advice"
        grade_state = "ok" if stats.ari_grade <= stats.ari_target else "advice"
        values = {
            "characters": (f"{stats.characters:,} / {stats.characters_limit:,} chars",
                           stats.level()),
            "words": (f"{stats.words:,} words ({stats.words_min}–{stats.words_max})",
                      words_state),
            "paragraphs": (f"{stats.paragraphs} paragraphs", "ok"),
            "sentences": (f"{stats.sentences} sentences", "ok"),
            "time": (f"read {stats.reading_minutes:.1f} · say {stats.speaking_minutes:.1f} min",
                     "ok"),
            "pages": (pages_text(stats),
                      "advice" if int(getattr(stats, "page_count", 0)) > 1 else "ok"),
            "grade": (f"grade {stats.ari_grade:.1f} (≤ {stats.ari_target:.0f})", grade_state),
        }
        for key, (text, state) in values.items():
            self._set(key, text, state)
        self.labels["pages"].setToolTip(pages_tip(stats))


def pages_text(stats: Any) -> str:
    """ "≈0.9 page", or "≈1.3 pages (2 in the PDF)" once the statement spills over."""
    pages = float(getattr(stats, "pages", stats.pages_12pt))
    count = int(getattr(stats, "page_count", 0))
    if count > 1:
        return f"≈{pages:.1f} pages ({count} in the PDF)"
    return f"≈{pages:.1f} page"


def pages_tip(stats: Any) -> str:
    """The estimate's basis, and why a statement over one page is flagged."""
    basis = getattr(stats, "pages_basis", "") or "Letter, statement theme"
    tip = (f"Pages of the exported statement PDF ({basis}), laid out exactly as the PDF is. "
           "A statement that only just runs over is set in slightly smaller type to stay on "
           "one page. The Exports page can use A4 instead of Letter.")
    if int(getattr(stats, "page_count", 0)) > 1:
        tip += " Programs expect about one page: shorten it to fit."
    return tip
