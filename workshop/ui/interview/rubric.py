"""The self-review after an answer: four lines of 1-5 and a note, usable from the keyboard.

Digits fill the lines in order (structure, conciseness, content, delivery), Backspace clears the
last one, so an applicant who just finished speaking rates "4 3 4 5" without reaching for the
mouse; clicking works too. The conciseness line is anchored to the answer's actual length
against its target so the score is not a guess.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop.core.drills.attempts import RUBRIC_FIELDS, Rubric

LABELS = {
    "structure": ("Structure", "A clear shape: STAR, past-present-future, point then evidence"),
    "conciseness": ("Conciseness", "Length against the target: rambling and cut-short both "
                                   "score low"),
    "content": ("Content", "Specific, true, relevant to the question and the program"),
    "delivery": ("Delivery", "Pace, eye contact with the camera, few filler words, warmth"),
}
SCALE = ("weak", "fair", "good", "strong", "excellent")


class RubricPanel(QWidget):
    """Four 1-5 lines and a note; :meth:`rubric` is None until all four are set."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Self-review")
        self.groups: dict[str, QButtonGroup] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        for row, name in enumerate(RUBRIC_FIELDS):
            title, tip = LABELS[name]
            label = QLabel(title)
            label.setToolTip(tip)
            label.setMinimumWidth(96)
            grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            group.setExclusive(True)
            for score in range(1, 6):
                button = QPushButton(str(score))
                button.setCheckable(True)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setFixedSize(34, 26)
                button.setAccessibleName(f"{title} {score} of 5")
                button.setToolTip(f"{title}: {score} ({SCALE[score - 1]}). {tip}")
                button.setObjectName("rubricScore")
                group.addButton(button, score)
                grid.addWidget(button, row, score)
            group.idClicked.connect(lambda _id: self.changed.emit())
            self.groups[name] = group
        grid.setColumnStretch(6, 1)
        self.timing = QLabel()
        self.timing.setObjectName("rubricTiming")
        self.timing.setAccessibleName("Answer length against target")
        self.timing.setWordWrap(True)  # the sentence runs past a laptop-width drill view
        self.note = QLineEdit()
        self.note.setAccessibleName("Notes on this answer")
        self.note.setPlaceholderText("A note on this answer (optional), e.g. opened too slowly")
        hint = QLabel("Type 1–5 for each line in order · Backspace undoes · N saves and moves "
                      "on · in the note, Enter or Esc goes back to the drill")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.hint = hint
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        heading = QLabel("<b>Rate this answer</b>")
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(self.timing)
        layout.addWidget(self.note)
        layout.addWidget(hint)
        self.setStyleSheet(
            "QPushButton#rubricScore { border: 1px solid #c9d1dc; border-radius: 5px;"
            " background: #ffffff; color: #334155; }"
            "QPushButton#rubricScore:checked { background: #23766a; color: white;"
            " border-color: #23766a; }"
            "QLabel#hint { color: #6b7280; }")

    def scores(self) -> dict[str, int | None]:
        """Each line's score, None where not chosen."""
        return {name: (g.checkedId() if g.checkedId() > 0 else None)
                for name, g in self.groups.items()}

    def rubric(self) -> Rubric | None:
        """The rubric when all four lines are set."""
        values = self.scores()
        if any(v is None for v in values.values()):
            return None
        return Rubric(**values)  # type: ignore[arg-type]

    def type_digit(self, score: int) -> bool:
        """Fill the first empty line with ``score``; False when all lines are set."""
        for name in RUBRIC_FIELDS:
            group = self.groups[name]
            button = group.button(score)
            if group.checkedId() <= 0 and button is not None:
                button.setChecked(True)
                self.changed.emit()
                return True
        return False

    def undo_digit(self) -> None:
        """Clear the last line that is set."""
        for name in reversed(RUBRIC_FIELDS):
            group = self.groups[name]
            checked = group.checkedButton()
            if checked is not None:
                group.setExclusive(False)
                checked.setChecked(False)
                group.setExclusive(True)
                self.changed.emit()
                return

    def reset(self, timing_text: str = "") -> None:
        """Clear every line and the note for a new answer."""
        for group in self.groups.values():
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.note.clear()
        self.timing.setText(timing_text)
        self.timing.setVisible(bool(timing_text))
