"""Live counters under the editor, coloured as ERAS limits near or pass."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

COLOURS = {"ok": "", "near": "#b9770e", "over": "#c0392b", "advice": "#b9770e"}


_TIPS = {
    "characters": "Counted as ERAS counts: every letter, digit, space, punctuation mark and line "
                  "break. MyERAS refuses statements over 28,000 characters.",
    "words": "About one page: 650–850 words is the common advice.",
    "paragraphs": "Paragraphs (separated by blank lines).",
    "sentences": "Sentences.",
    "time": "Reading time at 238 words a minute; speaking time at 150 words a minute.",
    "pages": "Estimated pages at 12 pt, single-spaced.",
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
            "pages": (f"≈{stats.pages_12pt:.1f} pages", "ok"),
            "grade": (f"grade {stats.ari_grade:.1f} (≤ {stats.ari_target:.0f})", grade_state),
        }
        for key, (text, state) in values.items():
            label = self.labels[key]
            label.setText(text)
            colour = COLOURS[state]
            label.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour else "")
            label.setProperty("state", state)
