"""Runs a drill: forwards keys and ticks to the core :class:`DrillSession`, reacts to its events
(cue, overtime, recording, saving attempts) and redraws the :class:`DrillView`.

Time comes from :attr:`DrillController.clock` (monotonic seconds) and
:attr:`DrillController.wall_clock` (an aware datetime); both are plain callables so tests
replace them with fake clocks and drive the drill with keys and :meth:`tick` alone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workshop.core.drills import recordings
from workshop.core.drills.answer_feedback import FILLERS_NOTE, AnswerFeedback, analyze_recording
from workshop.core.drills.attempts import Attempt
from workshop.core.drills.in_workspace import DrillsStore
from workshop.core.drills.plans import DrillItem, DrillPlan
from workshop.core.drills.report import clock_text
from workshop.core.drills.session import (
    DrillSession,
    ItemChanged,
    Recorded,
    SessionEvent,
    SessionFinished,
)
from workshop.core.drills.timer import (
    Cue,
    Paused,
    Phase,
    PhaseChanged,
    Refused,
    Resumed,
    TakeStarted,
)
from workshop.core.drills.timing_verdict import (
    TimingVerdict,
    describe,
    judge_timing,
    shipped_tolerance,
)
from workshop.core.errors import UserError
from workshop.ui.interview.countdown import dial_state
from workshop.ui.interview.drill_view import DrillView
from workshop.ui.interview.recorder import AudioRecorder, Player
from workshop.ui.interview.speech import Speaker
from workshop.ui.operations import Operations

TICK_MS = 100
KEEP, DISCARD, STAY = "keep", "discard", "stay"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def ask_keep_unrated(parent: QWidget | None, answer_text: str) -> str:
    """Esc on an answer that was not rated: keep it, discard it, or go back to rate it.

    Returns :data:`KEEP`, :data:`DISCARD` or :data:`STAY` (tests replace this function).
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Leave the drill")
    box.setText(f"This answer ({answer_text}) is not rated yet.")
    box.setInformativeText("Keep it unrated (it is left out of your timing averages), discard "
                           "it (nothing is saved, any recording is deleted), or go back and "
                           "rate it.")
    keep = box.addButton("Keep unrated", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton("Back to the drill", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return KEEP
    if clicked is discard:
        return DISCARD
    return STAY


class DrillController(QObject):
    """One drill at a time; :meth:`begin` starts it, Esc or the last N ends it."""

    attempt_saved = Signal(object)
    cue = Signal(float)
    finished = Signal(str)
    escape = Signal()
    full_screen = Signal()
    message = Signal(str)
    feedback_ready = Signal(object)  # AnswerFeedback, or the sentence saying why there is none

    def __init__(self, view: DrillView, *, store: DrillsStore,
                 workspace_path: Path, today: Callable[[], dt.date], speaker: Speaker,
                 read_only: bool = False, runner: Operations | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._feedback_for: Path | None = None
        self.view = view
        self.store = store
        self.workspace_path = workspace_path
        #: Category id -> its title ("behavioural" -> "Behavioral (STAR)"), for the header.
        self.category_titles: dict[str, str] = {}
        self.today = today
        self.speaker = speaker
        self.read_only = read_only
        self.clock: Callable[[], float] = time.monotonic
        self.wall_clock: Callable[[], dt.datetime] = _utc_now
        self.session: DrillSession | None = None
        self.read_aloud = False
        self.record = False
        self.saved: list[Attempt] = []
        self.recording_rel: str | None = None
        self.tolerance = shipped_tolerance()
        self.recorder = AudioRecorder(self)
        self.recorder.finished.connect(self._on_recorded)
        self.recorder.failed.connect(self._on_record_failed)
        self.player = Player(self)
        self.player.failed.connect(self._say)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        view.key.connect(self.handle_key)

    @property
    def active(self) -> bool:
        """True while a drill is on screen."""
        return self.session is not None

    # -- lifecycle -----------------------------------------------------------------------------

    def begin(self, plan: DrillPlan, *, read_aloud: bool = False, record: bool = False) -> None:
        """Start ``plan`` at its first question (raises UserError for an empty plan)."""
        self.session = DrillSession(plan, lambda: self.clock(), lambda: self.wall_clock())
        self.read_aloud = read_aloud and self.speaker.available
        self.record = record
        self.saved = []
        self._show_item(plan.items[0])
        self.timer.start()
        self.view.setFocus()

    def leave(self, *, ask: bool = False) -> bool:
        """End the drill now, saving the current answer if it was started.

        With ``ask`` (Esc), an answer that is not rated is not saved silently: the applicant
        keeps it, discards it (nothing is left behind, not even its recording) or stays to
        rate it. Returns False when the drill goes on.
        """
        session = self.session
        if session is None:
            return True
        if session.timer.phase is not Phase.IDLE:
            if session.timer.phase is not Phase.DONE:
                self._handle(session.press("space") if session.timer.phase is not Phase.THINK
                             else [])
            if ask and self._unrated_answer():
                choice = ask_keep_unrated(self.view.window(),
                                          clock_text(session.timer.result().answer_seconds))
                if choice == STAY:
                    self._refresh()
                    self.view.setFocus()
                    return False
                if choice == DISCARD:
                    self._discard_current()
                    self._end()
                    return True
            self._rate_current()
            for event in session.next():
                if isinstance(event, Recorded):
                    self._save(event.attempt)
        self._end()
        return True

    def _unrated_answer(self) -> bool:
        session = self.session
        if session is None or session.timer.phase is not Phase.DONE or session.timer.skipped:
            return False
        try:
            return self.view.rubric.rubric() is None
        except UserError:
            return True

    def _discard_current(self) -> None:
        """Forget the current answer: no attempt row, no schedule change, no recording file."""
        if self.recorder.busy:
            self.recorder.discard()
        if self.recording_rel:
            try:
                recordings.discard_recording(
                    recordings.resolve(self.workspace_path, self.recording_rel))
            except UserError as exc:
                self._say(str(exc))
        self.recording_rel = None

    def _end(self) -> None:
        self.timer.stop()
        self.speaker.stop()
        self.player.stop()
        if self.recorder.busy:
            self.recorder.stop()
        self.session = None
        self.finished.emit(self.summary())

    def summary(self) -> str:
        """One line on the drill just finished."""
        answered = [a for a in self.saved if not a.skipped]
        timed = [a for a in answered if a.timed]
        skipped = len(self.saved) - len(answered)
        unrated = len(answered) - len(timed)
        if not self.saved:
            return "Drill ended: nothing was answered."
        text = f"Drill finished: {len(answered)} answer{'s' if len(answered) != 1 else ''} saved"
        if unrated:
            text += f" ({unrated} not rated)"
        if skipped:
            text += f", {skipped} skipped"
        if timed:  # skipped and unrated answers never drag the average
            mean = sum(a.answer_seconds for a in timed) / len(timed)
            target = sum(a.target_seconds for a in timed) / len(timed)
            text += (f"; rated answers averaged {clock_text(mean)} against a target of "
                     f"{clock_text(target)}")
        return text + "."

    # -- input ---------------------------------------------------------------------------------

    def handle_key(self, key: str) -> None:
        """A key from the view: see :data:`workshop.ui.interview.drill_view.KEYS`."""
        session = self.session
        if key == "f11":
            self.full_screen.emit()
            return
        if key == "esc":
            self.escape.emit()
            return
        if session is None:
            return
        if key == "read":
            if not self.speaker.say(session.current.prompt if session.current else ""):
                self._say(self.speaker.reason or "Nothing to read.")
            return
        if key == "play":
            if self.recording_rel:
                try:
                    self.player.play(recordings.resolve(self.workspace_path, self.recording_rel))
                except UserError as exc:
                    self._say(str(exc))
            return
        done = session.timer.phase is Phase.DONE and not session.timer.skipped
        if key in ("1", "2", "3", "4", "5"):
            if done:
                self.view.rubric.type_digit(int(key))
            return
        if key == "backspace":
            if done:
                self.view.rubric.undo_digit()
            return
        if key == "n":
            self._rate_current()
        self._handle(session.press(key))
        self._refresh()

    def tick(self) -> None:
        """Advance the timer (the QTimer calls this; tests call it after moving the clock)."""
        if self.session is None:
            return
        self._handle(self.session.tick())
        self._refresh()

    # -- events --------------------------------------------------------------------------------

    def _handle(self, events: list[SessionEvent]) -> None:
        for event in events:
            if isinstance(event, TakeStarted):
                if self.recorder.busy:
                    self.recorder.discard()
                self.recording_rel = None
                self.view.recording.setText("")
                self.view.play_button.hide()
                self._clear_feedback()
                self.view.rubric_box.hide()
                self.view.look_for.hide()
            elif isinstance(event, PhaseChanged):
                self._phase_changed(event.new)
            elif isinstance(event, Cue):
                self.view.set_status(f"{int(round(event.seconds_left))} seconds left: wrap up.")
                QApplication.beep()
                self.cue.emit(event.seconds_left)
            elif isinstance(event, Paused):
                self.view.set_status("Paused. Press P to resume.")
            elif isinstance(event, Resumed):
                self.view.set_status("")
            elif isinstance(event, Refused):
                self.view.set_status(event.reason)
            elif isinstance(event, Recorded):
                self._save(event.attempt)
            elif isinstance(event, ItemChanged):
                assert self.session is not None
                self._show_item(self.session.plan.items[event.index])
            elif isinstance(event, SessionFinished):
                self._end()
                return

    def _phase_changed(self, new: Phase) -> None:
        session = self.session
        assert session is not None
        item = session.current
        if new is Phase.THINK:
            self.view.set_status("Think time: plan your answer. Space to answer now.")
        elif new is Phase.ANSWER:
            self.view.set_status("Answer now. Space when you have finished.")
            if self.record and item is not None:
                self._start_recording(item)
        elif new is Phase.OVERTIME:
            self.view.set_status("Over time: finish your sentence and stop (Space).", warn=True)
        elif new is Phase.DONE:
            if session.timer.skipped:
                if self.recorder.busy:
                    self.recorder.discard()
                self.view.set_status("Skipped. Press N for the next question.")
                return
            if self.recorder.busy:
                self.recorder.stop()
            verdict = self.verdict()
            self.view.rubric.reset(describe(verdict) if verdict else "")
            self.view.rubric_box.show()
            self.view.look_for.show()
            self.view.set_status("Rate your answer (1–5 for each line), then N for the next "
                                 "question or R to retake.")

    def verdict(self) -> TimingVerdict | None:
        """The timing verdict of the finished answer on screen, None before it is done."""
        session = self.session
        if session is None or session.timer.phase is not Phase.DONE:
            return None
        timer = session.timer
        return judge_timing(timer.result().answer_seconds, timer.config.answer_seconds,
                            skipped=timer.skipped, tolerance=self.tolerance)

    def _show_item(self, item: DrillItem) -> None:
        session = self.session
        assert session is not None
        number, total = session.position
        q = item.question
        category = self.category_titles.get(q.category) or \
            q.category.replace("-", " ").capitalize()
        label = f"Question {number} of {total} · {category}" \
                f" · target {clock_text(item.target_seconds)}"
        if item.timer.hard_stop:  # one-way video and SOAP screens alike
            label += (" · one-way video: no pause, hard stop" if session.plan.mode == "one-way"
                      else " · no pause, hard stop")
        self.view.position.setText(label)
        self.view.question.setText(("Follow-up: " if item.follow_up else "") + item.prompt)
        if item.follow_up:  # the bank's guidance is the main question's: say so
            self.view.look_for.setText(
                "<b>A follow-up</b><br>Answer it directly in a few sentences, then link it back "
                f"to your main answer (target {clock_text(item.target_seconds)})."
                + (f"<br><br><b>For the main question, interviewers look for</b><br>{q.look_for}"
                   if q.look_for else ""))
        else:
            self.view.look_for.setText(f"<b>What interviewers look for</b><br>{q.look_for}"
                                       if q.look_for else "")
        self.view.look_for.hide()
        self.view.rubric_box.hide()
        self.view.recording.setText("")
        self.view.play_button.hide()
        self._clear_feedback()
        self.recording_rel = None
        self.view.notes.load(q.id)
        self.view.setFocus()  # a new question: the keys drive the drill, not the last field
        self.view.set_status("Press Space to start"
                             + (" the think time." if item.timer.think_seconds else "."))
        if self.read_aloud:
            self.speaker.say(item.prompt)
        self._refresh()

    def _refresh(self) -> None:
        session = self.session
        if session is None:
            return
        timer = session.timer
        view = timer.view
        cfg = timer.config
        self.view.dial.show_state(dial_state(view, cfg.think_seconds, cfg.answer_seconds,
                                             self.verdict()))
        running = timer.phase in (Phase.THINK, Phase.ANSWER, Phase.OVERTIME)
        label = {Phase.IDLE: "Start (Space)", Phase.THINK: "Answer now (Space)",
                 Phase.ANSWER: "Stop (Space)", Phase.OVERTIME: "Stop (Space)",
                 Phase.DONE: "Start (Space)"}[timer.phase]
        self.view.start_button.setText(label)
        self.view.start_button.setEnabled(timer.phase is not Phase.DONE)
        self.view.pause_button.setText("Resume (P)" if view.paused else "Pause (P)")
        self.view.pause_button.setEnabled(running and not cfg.hard_stop)
        self.view.retake_button.setEnabled(timer.phase is not Phase.IDLE and not timer.skipped
                                           and view.takes_left != 0)
        self.view.skip_button.setEnabled(timer.phase is not Phase.DONE)
        self.view.read_button.setEnabled(self.speaker.available)
        self.view.read_button.setToolTip("Read the question aloud" if self.speaker.available
                                         else self.speaker.reason)
        if cfg.max_takes is not None:
            self.view.takes.setText(f"Take {max(1, view.take)} of {cfg.max_takes}")
        else:
            self.view.takes.setText(f"Take {view.take}" if view.take > 1 else "")

    # -- saving --------------------------------------------------------------------------------

    def _rate_current(self) -> None:
        session = self.session
        if session is None or session.timer.phase is not Phase.DONE or session.timer.skipped:
            return
        try:
            rubric = self.view.rubric.rubric()
        except UserError:
            rubric = None
        session.rate(rubric, self.view.rubric.note.text().strip(), self.recording_rel)

    def _save(self, attempt: Attempt) -> None:
        if self.read_only:
            self._say("This workspace is read-only: the answer was not saved.")
            return
        try:
            saved = self.store.add_attempt(attempt, today=self.today())
        except (UserError, sqlite3.Error) as exc:
            self._say(f"Could not save the answer: {exc}")
            return
        self.saved.append(saved)
        self.attempt_saved.emit(saved)

    # -- recording -----------------------------------------------------------------------------

    def _start_recording(self, item: DrillItem) -> None:
        path = recordings.new_recording_path(self.workspace_path, item.question.id,
                                             self.wall_clock(), suffix=self.recorder.suffix())
        self.view.recording.setText("● Recording…")
        self.recorder.start(path)

    def _on_recorded(self, path: object) -> None:
        if path is None:
            self.view.recording.setText("Nothing was recorded for this take.")
            return
        assert isinstance(path, Path)
        self.recording_rel = recordings.relative_name(self.workspace_path, path)
        self.view.recording.setText("Recording saved for this take.")
        self.view.play_button.show()
        self.analyze_take(path)

    # -- feedback on the recorded take ---------------------------------------------------------

    def analyze_take(self, path: Path) -> None:
        """Estimate pace and pauses of the take at ``path`` off the GUI thread."""
        self._feedback_for = path
        self.view.show_feedback("Analyzing this take…")

        def done(result: object) -> None:
            if self._feedback_for == path:
                self._on_feedback(result)

        def failed(message: str) -> None:
            if self._feedback_for == path:
                self._on_feedback(message)

        if self.runner is None:
            try:
                done(analyze_recording(path))
            except UserError as exc:
                failed(str(exc))
            return
        self.runner.run(lambda: analyze_recording(path), on_done=done, on_failed=failed,
                        parent=self)

    def _on_feedback(self, result: object) -> None:
        if isinstance(result, AnswerFeedback):
            self.view.show_feedback("<br>".join(result.lines()), note=FILLERS_NOTE)
        else:
            self.view.show_feedback(f"Feedback is not available: {result}")
        self.feedback_ready.emit(result)

    def _clear_feedback(self) -> None:
        self._feedback_for = None
        self.view.show_feedback("")

    def _on_record_failed(self, message: str) -> None:
        self.record = False  # do not fail again on every question of this drill
        self.recording_rel = None
        self.view.recording.setText(message)
        self._say(message)

    def _say(self, text: str) -> None:
        self.view.set_status(text)
        self.message.emit(text)

    def shutdown(self) -> None:
        self.timer.stop()
        self.speaker.stop()
        if self.recorder.busy:
            self.recorder.discard()
