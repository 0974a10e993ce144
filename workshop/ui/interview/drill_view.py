"""What the applicant sees during a drill: the question, the countdown, the controls, the
rubric after each answer, and (outside full screen) the outline and recording beside it.

The view holds no drill logic. Every key and button becomes a ``key`` signal ("space", "n",
"r", "p", "s", "esc", "f11", "1".."5", "backspace", "read"), which the
:class:`~workshop.ui.interview.drill.DrillController` handles. Buttons never take focus, so
Space always means start/stop rather than "press the focused button"; text fields keep their
keys (typing "n" in the outline or the note types an n), and there is always a way back: Esc
or Ctrl+Enter in any text field, and Enter or Tab in the one-line note, return focus to the
drill (issue 17: before, Enter did nothing and Tab fell into the outline). Clicking a control
also hands the keys back to the drill.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop.ui.interview.countdown import CountdownDial
from workshop.ui.interview.notes import NotesPanel
from workshop.ui.interview.rubric import RubricPanel

KEYS = {
    Qt.Key.Key_Space: "space", Qt.Key.Key_N: "n", Qt.Key.Key_R: "r", Qt.Key.Key_P: "p",
    Qt.Key.Key_S: "s", Qt.Key.Key_Escape: "esc", Qt.Key.Key_F11: "f11",
    Qt.Key.Key_Backspace: "backspace", Qt.Key.Key_1: "1", Qt.Key.Key_2: "2",
    Qt.Key.Key_3: "3", Qt.Key.Key_4: "4", Qt.Key.Key_5: "5",
}


def _control(text: str, key: str, tip: str, view: DrillView) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.split(" (")[0])
    button.setToolTip(tip)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setObjectName("drillControl")
    button.clicked.connect(lambda: (view.setFocus(), view.key.emit(key)))
    return button


RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
OUTLINE_HINT = "Typing here never drives the drill · Esc or Ctrl+Enter goes back to it"


class DrillView(QWidget):
    """The drill screen."""

    key = Signal(str)
    close_requested = Signal()

    def __init__(self, notes: NotesPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Drill")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.position = QLabel()
        self.position.setObjectName("drillMeta")
        self.position.setAccessibleName("Drill position")
        self.takes = QLabel()
        self.takes.setObjectName("drillMeta")
        self.takes.setAccessibleName("Takes")
        self.full_button = _control("Full screen (F11)", "f11", "Distraction-free full screen",
                                    self)
        self.leave_button = _control("Leave (Esc)", "esc",
                                     "End the drill; answers so far are saved", self)
        top = QHBoxLayout()
        top.addWidget(self.position, 1)
        top.addWidget(self.takes)
        top.addWidget(self.full_button)
        top.addWidget(self.leave_button)
        self.question = QLabel()
        self.question.setObjectName("drillQuestion")
        self.question.setAccessibleName("Question")
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.dial = CountdownDial()
        self.status = QLabel()
        self.status.setObjectName("drillStatus")
        self.status.setAccessibleName("Drill status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.start_button = _control("Start (Space)", "space", "Start; Space again starts the "
                                     "answer early, then stops it", self)
        self.pause_button = _control("Pause (P)", "p", "Pause and resume the clock", self)
        self.retake_button = _control("Retake (R)", "r", "Answer this question again", self)
        self.skip_button = _control("Skip (S)", "s", "Skip this question", self)
        self.next_button = _control("Next (N)", "n", "Save and go to the next question", self)
        self.read_button = _control("Read aloud", "read", "Read the question aloud", self)
        controls = QHBoxLayout()
        controls.addStretch(1)
        for b in (self.start_button, self.pause_button, self.retake_button, self.skip_button,
                  self.next_button, self.read_button):
            controls.addWidget(b)
        controls.addStretch(1)
        self.rubric = RubricPanel()
        self.rubric_box = QFrame()
        self.rubric_box.setObjectName("rubricBox")
        rb = QVBoxLayout(self.rubric_box)
        rb.setContentsMargins(14, 10, 14, 10)
        rb.addWidget(self.rubric)
        self.rubric_box.hide()
        centre = QVBoxLayout()
        centre.setSpacing(10)
        centre.addLayout(top)
        centre.addSpacing(6)
        centre.addWidget(self.question)
        centre.addWidget(self.dial, 1)
        centre.addWidget(self.status)
        centre.addLayout(controls)
        centre.addWidget(self.rubric_box)

        self.look_for = QLabel()
        self.look_for.setWordWrap(True)
        self.look_for.setAccessibleName("What interviewers look for")
        self.look_for.setObjectName("sideText")
        self.recording = QLabel()
        self.recording.setWordWrap(True)
        self.recording.setObjectName("sideText")
        self.recording.setAccessibleName("Recording")
        self.play_button = _control("Play recording", "play", "Play your last take", self)
        self.play_button.hide()
        rec_row = QHBoxLayout()
        rec_row.addWidget(self.recording, 1)
        rec_row.addWidget(self.play_button)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("sideText")
        self.feedback.setAccessibleName("Feedback on this take")
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.hide()
        self.notes = notes
        self.side = QFrame()
        self.side.setObjectName("drillSide")
        sv = QVBoxLayout(self.side)
        sv.setContentsMargins(14, 12, 14, 12)
        sv.setSpacing(10)
        sv.addWidget(self.notes)
        self.outline_hint = QLabel(OUTLINE_HINT)
        self.outline_hint.setObjectName("hint")
        self.outline_hint.setWordWrap(True)
        sv.addWidget(self.outline_hint)
        sv.addLayout(rec_row)
        sv.addWidget(self.feedback)
        sv.addWidget(self.look_for)
        sv.addStretch(1)
        self.side.setMinimumWidth(300)
        self.side.setMaximumWidth(400)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(14)
        layout.addLayout(centre, 3)
        layout.addWidget(self.side, 2)
        self.setStyleSheet(
            "DrillView { background: #fbfcfd; }"
            "QLabel#drillQuestion { font-size: 17pt; color: #1f2933; padding: 4px 24px; }"
            "QLabel#drillMeta { color: #6b7280; }"
            "QLabel#drillStatus { color: #475569; font-size: 11pt; min-height: 22px; }"
            "QLabel#sideText { color: #334155; }"
            "QLabel#hint { color: #6b7280; }"
            "QFrame#drillSide { background: #f3f5f8; border-radius: 10px; }"
            "QFrame#rubricBox { background: #f3f5f8; border-radius: 10px; }"
            "QPushButton#drillControl { padding: 5px 12px; border: 1px solid #c9d1dc;"
            " border-radius: 6px; background: white; color: #1f2933; }"
            "QPushButton#drillControl:disabled { color: #a0a8b4; border-color: #e3e7ee; }")

        self.text_fields: list[QWidget] = [
            *notes.findChildren(QPlainTextEdit), *notes.findChildren(QLineEdit),
            self.rubric.note]
        for field in self.text_fields:
            field.installEventFilter(self)

    # -- state from the controller -------------------------------------------------------------

    def set_distraction_free(self, on: bool) -> None:
        """Full screen shows only the question, the countdown and the controls."""
        self.side.setVisible(not on)
        self.full_button.setText("Exit full screen (F11)" if on else "Full screen (F11)")
        self.full_button.setAccessibleName("Exit full screen" if on else "Full screen")

    def show_feedback(self, text: str, *, note: str = "") -> None:
        """The feedback on the recorded take ("" hides it); always headed "approximate"."""
        if not text:
            self.feedback.clear()
            self.feedback.hide()
            return
        body = html.escape(text).replace("&lt;br&gt;", "<br>")
        extra = f"<br><span style='color:#6b7280'>{html.escape(note)}</span>" if note else ""
        self.feedback.setText("<b>Feedback on this take</b> <span style='color:#6b7280'>· "
                              f"approximate</span><br>{body}{extra}")
        self.feedback.show()

    def set_status(self, text: str, *, warn: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #c0392b;" if warn else "")

    # -- keys ----------------------------------------------------------------------------------

    def text_field_focused(self) -> bool:
        """True while a note or outline field has the keys (single-key shortcuts are off)."""
        return self.focusWidget() in self.text_fields

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The ways out of a text field, before the field itself sees the key."""
        if event.type() is not QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        one_line = isinstance(watched, QLineEdit)
        if key == Qt.Key.Key_Escape or (key in RETURN_KEYS and (ctrl or one_line)) \
                or (one_line and key == Qt.Key.Key_Tab and not ctrl):
            self.setFocus()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        name = KEYS.get(Qt.Key(event.key()))
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if name is None or (mods != Qt.KeyboardModifier.NoModifier and name != "f11"):
            super().keyPressEvent(event)
            return
        focus = self.focusWidget()
        if name == "esc" and focus is not None and focus is not self:
            self.setFocus()  # Esc from the outline or the note: back to the drill first
            event.accept()
            return
        event.accept()
        if not event.isAutoRepeat():
            self.key.emit(name)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.isWindow():  # closing the full-screen window returns to the page
            event.ignore()
            self.close_requested.emit()
            return
        super().closeEvent(event)
