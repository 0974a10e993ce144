"""The large, calm countdown: a thin ring that empties, the time in big digits, one word below.

Calm means few colours that change slowly in meaning: slate while thinking, deep teal while
answering, amber once the 15-second cue has fired, and a warm red only for overtime, which
counts *up* with a plus sign so the applicant sees by how much they ran long. Everything is
painted (no style sheets) so it scales with the window and in full-screen mode.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop.core.drills.report import clock_text
from workshop.core.drills.timer import Phase, TimerView
from workshop.core.drills.timing_verdict import Timing, TimingVerdict

IDLE = QColor("#8a94a6")
THINK = QColor("#5b7a99")
ANSWER = QColor("#23766a")
CUE = QColor("#c68a1c")
OVERTIME = QColor("#c0392b")
DONE = QColor("#5f6368")
TRACK = QColor("#e3e7ee")


@dataclass(frozen=True, slots=True)
class DialState:
    """What the dial shows."""

    digits: str
    caption: str
    fraction: float
    colour: QColor


def dial_state(view: TimerView, think_seconds: float, answer_seconds: float,
               verdict: TimingVerdict | None = None) -> DialState:
    """Map the timer's view to digits, caption, how full the ring is and its colour.

    Once the answer is done the dial shows its length and the ``verdict`` (from the target and
    the stated tolerance, :mod:`workshop.core.drills.timing_verdict`); without one it says only
    "Done", never "Well timed".
    """
    if view.phase is Phase.IDLE:
        return DialState(clock_text(think_seconds or answer_seconds),
                         "Press Space to start", 1.0, IDLE)
    if view.phase is Phase.THINK:
        fraction = view.remaining / think_seconds if think_seconds else 0.0
        caption = "Paused" if view.paused else "Think"
        return DialState(clock_text(view.remaining), caption, fraction, THINK)
    if view.phase is Phase.ANSWER:
        colour = CUE if view.cue_given else ANSWER
        caption = "Paused" if view.paused else ("Wrap up" if view.cue_given else "Answer")
        return DialState(clock_text(view.remaining), caption, view.remaining / answer_seconds,
                         colour)
    if view.phase is Phase.OVERTIME:
        caption = "Paused" if view.paused else "Overtime"
        return DialState(f"+{clock_text(view.overtime)}", caption, 0.0, OVERTIME)
    if verdict is None:
        return DialState("Done", "", 0.0, DONE)
    if verdict.timing is Timing.SKIPPED:
        return DialState("Skipped", "No answer timed", 0.0, DONE)
    colour = ANSWER if verdict.timing is Timing.WELL_TIMED else CUE
    return DialState(clock_text(verdict.answer_seconds), verdict.label, 0.0, colour)


class CountdownDial(QWidget):
    """Paints a :class:`DialState`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Countdown")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(150, 150)
        self.state = DialState("0:00", "", 1.0, IDLE)

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    def show_state(self, state: DialState) -> None:
        """Redraw only when something visible changed (ticks come ten times a second)."""
        if state == self.state:
            return
        self.state = state
        self.setAccessibleDescription(f"{state.digits} {state.caption}")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height()) - 16
        if side <= 0:
            return
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        thickness = max(4.0, side * 0.035)
        ring = rect.adjusted(thickness, thickness, -thickness, -thickness)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(TRACK, thickness)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawEllipse(ring)
        s = self.state
        if s.colour == OVERTIME:
            pen = QPen(OVERTIME, thickness)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            p.drawEllipse(ring)
        elif s.fraction > 0:
            pen = QPen(s.colour, thickness)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            p.drawArc(ring, 90 * 16, int(-360 * 16 * min(1.0, s.fraction)))
        digits = QFont(self.font())
        digits.setPixelSize(max(12, int(side * (0.22 if len(s.digits) <= 5 else 0.19))))
        digits.setWeight(QFont.Weight.Light)
        digits.setStyleHint(QFont.StyleHint.SansSerif)
        p.setFont(digits)
        p.setPen(s.colour if s.colour in (OVERTIME, CUE) else QColor("#1f2933"))
        upper = QRectF(rect.left(), rect.top() + side * 0.28, side, side * 0.3)
        p.drawText(upper, Qt.AlignmentFlag.AlignCenter, s.digits)
        caption = QFont(self.font())
        caption.setPixelSize(max(10, int(side * 0.058)))
        caption.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        p.setFont(caption)
        p.setPen(s.colour)
        lower = QRectF(rect.left() + side * 0.12, rect.top() + side * 0.6, side * 0.76,
                       side * 0.12)
        p.drawText(lower, Qt.AlignmentFlag.AlignCenter, s.caption)
        p.end()
