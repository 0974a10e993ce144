"""Choosing a drill: the five modes, their few settings, and the read-aloud/record options.

The widget only collects a :class:`SetupChoice`; the page turns it into a plan with
:mod:`workshop.core.drills.plans`, which validates the numbers (one-way video limits come from
``resources/questions/timing.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop.core.drills.bank import QuestionBank
from workshop.core.drills.categories import TimingFacts
from workshop.ui.widgets import scrolling

#: Opener, at least one question, closer.
MOCK_MINIMUM = 3

MODES = (
    ("mock", "Mock interview",
     "A full interview: “Tell me about yourself” first, questions from every category, "
     "follow-ups answered on the spot, and “What questions do you have for us?” last."),
    ("due", "Due for review",
     "Spaced repetition: answers you rated weak come back tomorrow, strong ones in up to "
     "three weeks."),
    ("category", "Random set by category",
     "A few questions from one category, e.g. behavioral (STAR) or red flags."),
    ("one-way", "One-way video interview",
     "As on HireVue-style platforms: fixed think time, a hard stop at the answer limit, "
     "limited takes and no pause."),
    ("soap", "SOAP phone screen",
     "Match Week practice: a program with an open position calls; rapid answers of 30-40 "
     "seconds, one take, a hard stop at the limit."),
    ("single", "One question",
     "The question selected in the Questions tab (or double-click one there)."),
)


@dataclass(frozen=True, slots=True)
class SetupChoice:
    """What the applicant picked."""

    mode: str
    category: str
    count: int
    follow_ups: bool
    think_seconds: int
    answer_seconds: int
    takes: int
    read_aloud: bool
    record: bool
    full_screen: bool


class DrillSetup(QWidget):
    """Mode cards on the left, settings and options on the right, a big Start button."""

    start = Signal(object)

    def __init__(self, timing: TimingFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Drill setup")
        self.timing = timing
        self.modes = QButtonGroup(self)
        cards = QVBoxLayout()
        cards.setSpacing(6)
        heading = QLabel("Choose a drill")
        heading.setObjectName("setupHeading")
        cards.addWidget(heading)
        self.radios: dict[str, QRadioButton] = {}
        for key, title, text in MODES:
            radio = QRadioButton(title)
            radio.setAccessibleName(title)
            radio.setObjectName("modeRadio")
            self.modes.addButton(radio)
            self.radios[key] = radio
            note = QLabel(text)
            note.setWordWrap(True)
            note.setObjectName("modeNote")
            note.setIndent(24)
            cards.addWidget(radio)
            cards.addWidget(note)
            radio.toggled.connect(self._update)
        cards.addSpacing(10)
        self.overview = QLabel()
        self.overview.setObjectName("overview")
        self.overview.setWordWrap(True)
        self.overview.setAccessibleName("Your practice")
        cards.addWidget(self.overview)
        cards.addStretch(1)
        self.category = QComboBox()
        self.category.setAccessibleName("Drill category")
        self.count = QSpinBox()
        self.count.setAccessibleName("Number of questions")
        self.count.setRange(1, 30)
        self.count.setValue(6)
        self.follow = QCheckBox("Include follow-up questions")
        self.follow.setAccessibleName("Include follow-up questions")
        self.follow.setChecked(True)
        lo, hi = timing.one_way_think_range
        self.think = self._spin("Think time", lo, hi, timing.one_way_default_think, 15)
        lo, hi = timing.one_way_answer_range
        self.answer = self._spin("Answer time", lo, hi, timing.one_way_default_answer, 15)
        self.takes = QSpinBox()
        self.takes.setAccessibleName("Takes allowed")
        self.takes.setRange(*timing.one_way_takes_range)
        self.takes.setValue(timing.one_way_default_takes)
        self.form = QFormLayout()
        self.form.addRow("Category:", self.category)
        self.form.addRow("Questions:", self.count)
        self.form.addRow("", self.follow)
        self.form.addRow("Think time:", self.think)
        self.form.addRow("Answer time:", self.answer)
        self.form.addRow("Takes:", self.takes)
        self.read_aloud = QCheckBox("Read each question aloud")
        self.read_aloud.setAccessibleName("Read each question aloud")
        self.record = QCheckBox("Record my answers")
        self.record.setAccessibleName("Record my answers")
        self.full_screen = QCheckBox("Start in full screen (F11 toggles)")
        self.full_screen.setAccessibleName("Start in full screen")
        self.device_note = QLabel()
        self.device_note.setObjectName("deviceNote")
        self.device_note.setWordWrap(True)
        self.device_note.setAccessibleName("Audio devices")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("modeNote")
        self.start_button = QPushButton("Start drill")
        self.start_button.setObjectName("startButton")
        self.start_button.setAccessibleName("Start drill")
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(40)
        self.start_button.clicked.connect(self._start)
        options = QVBoxLayout()
        options.setSpacing(8)
        self.settings_heading = QLabel("<b>Settings</b>")
        options.addWidget(self.settings_heading)
        options.addLayout(self.form)
        options.addSpacing(8)
        options.addWidget(QLabel("<b>Options</b>"))
        for w in (self.read_aloud, self.record, self.full_screen, self.device_note):
            options.addWidget(w)
        options.addStretch(1)
        options.addWidget(self.summary)
        keys = QLabel("During a drill: <b>Space</b> start / answer now / stop · <b>P</b> pause · "
                      "<b>R</b> retake · <b>S</b> skip · <b>N</b> next · <b>1–5</b> rate · "
                      "<b>F11</b> full screen · <b>Esc</b> leave. Keys act only outside the "
                      "note and outline: Esc (or Enter in the note) returns to the drill.")
        keys.setObjectName("modeNote")
        keys.setWordWrap(True)
        left = QFrame()
        left.setObjectName("setupPanel")
        left.setLayout(cards)
        right = QFrame()
        right.setObjectName("setupPanel")
        right.setLayout(options)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 8, 4, 4)
        grid.setHorizontalSpacing(16)
        grid.addWidget(scrolling(left, "Drill modes"), 0, 0)
        grid.addWidget(scrolling(right, "Drill settings"), 0, 1)
        grid.addWidget(keys, 1, 0)
        grid.addWidget(self.start_button, 1, 1)  # outside the scroll: always in sight
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.setStyleSheet(
            "QFrame#setupPanel { background: #f6f8fb; border: 1px solid #e3e7ee;"
            " border-radius: 10px; padding: 10px; }"
            "QLabel#setupHeading { font-size: 14pt; color: #1f2933; }"
            "QRadioButton#modeRadio { font-weight: 600; color: #1f2933; }"
            "QLabel#modeNote { color: #5f6b7a; }"
            "QLabel#deviceNote { color: #8a5a00; }"
            "QLabel#overview { color: #23766a; font-weight: 600; }"
            "QPushButton#startButton { background: #23766a; color: white; border-radius: 6px;"
            " font-weight: 600; padding: 6px 18px; }"
            "QPushButton#startButton:disabled { background: #9bb9b2; }")
        self.radios["mock"].setChecked(True)

    def _spin(self, name: str, lo: int, hi: int, value: int, step: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setAccessibleName(name)
        spin.setRange(lo, hi)
        spin.setSingleStep(step)
        spin.setValue(value)
        spin.setSuffix(" s")
        return spin

    def set_bank(self, bank: QuestionBank, due_count: int) -> None:
        """Fill the category list and the "due" count."""
        current = self.category.currentData()
        self.category.clear()
        self.category.addItem("All categories", "")
        for c in bank.categories:
            if c.answerable:
                self.category.addItem(f"{c.title} ({len(bank.in_category(c.id))})", c.id)
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(0, index))
        self.due_count = due_count
        self.radios["due"].setText(f"Due for review ({due_count})")
        self._update()

    def set_overview(self, text: str) -> None:
        """A line on where practice stands (due today, personal questions)."""
        self.overview.setText(text)

    def set_devices(self, *, speech: tuple[bool, str], microphone: tuple[bool, str]) -> None:
        """Enable read-aloud and recording only where they work; say why not otherwise."""
        notes = []
        for box, (ok, reason) in ((self.read_aloud, speech), (self.record, microphone)):
            box.setEnabled(ok)
            box.setToolTip("" if ok else reason)
            if not ok:
                box.setChecked(False)
                notes.append(reason)
        self.device_note.setText("\n".join(notes))
        self.device_note.setVisible(bool(notes))

    def mode(self) -> str:
        return next(k for k, r in self.radios.items() if r.isChecked())

    def set_mode(self, mode: str) -> None:
        self.radios[mode].setChecked(True)

    def _update(self) -> None:
        mode = self.mode()
        show = {
            self.category: mode in ("category", "one-way"),
            self.count: mode in ("mock", "category", "one-way", "due", "soap"),
            self.follow: mode == "mock",
            self.think: mode == "one-way", self.answer: mode == "one-way",
            self.takes: mode == "one-way",
        }
        for widget, visible in show.items():
            self.form.setRowVisible(widget, visible)
        # One question has nothing to set: no heading over an empty form.
        self.settings_heading.setVisible(any(show.values()))
        # A mock interview opens with "Tell me about yourself" and closes with "What questions
        # do you have for us?" around at least one question: fewer than 3 cannot keep that.
        self.count.setMinimum(MOCK_MINIMUM if mode == "mock" else 1)
        if mode == "category" and self.category.currentIndex() == 0 and self.category.count() > 1:
            self.category.setCurrentIndex(1)
        due = getattr(self, "due_count", 0)
        self.start_button.setEnabled(mode != "due" or due > 0)
        self.summary.setText("Nothing is due today: pick another drill, or come back "
                             "tomorrow." if mode == "due" and due == 0 else "")

    def choice(self) -> SetupChoice:
        """The current settings."""
        return SetupChoice(
            mode=self.mode(), category=str(self.category.currentData() or ""),
            count=self.count.value(), follow_ups=self.follow.isChecked(),
            think_seconds=self.think.value(), answer_seconds=self.answer.value(),
            takes=self.takes.value(), read_aloud=self.read_aloud.isChecked(),
            record=self.record.isChecked(), full_screen=self.full_screen.isChecked(),
        )

    def _start(self) -> None:
        self.start.emit(self.choice())

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        key = event.key()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.start_button.isEnabled():
            self._start()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
