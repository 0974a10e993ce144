"""Interview practice: drills with think/answer timers, the question browser, and progress.

Three tabs. *Practice* chooses a drill and runs it (keyboard-driven, with a distraction-free
full screen); *Questions* browses the bank and the applicant's own questions with the outline
for each; *Progress* is the dashboard, loaded off the GUI thread. The page composes the pieces
and owns every database write that is not an outline autosave: attempts (through the drill
controller), the applicant's questions, seeding, exports.

Slow or optional machinery stays out of start-up: QtTextToSpeech is probed after the first
paint, QtCharts is imported when the Progress tab first opens, and QtMultimedia (FFmpeg and
PulseAudio: ~50 MB and ~50 ms) only when the applicant asks to record: ticking "Record my
answers" looks for a microphone, and says at once when there is none.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.core.drills import exports, plans, recordings
from workshop.core.drills.bank import QuestionBank, shipped_bank
from workshop.core.drills.categories import load_timing
from workshop.core.drills.in_workspace import DrillsStore
from workshop.core.drills.seeding import seed_personal_questions
from workshop.core.drills.user_questions import UserQuestion
from workshop.core.errors import UserError
from workshop.core.profile_service import load_profile
from workshop.ui.context import UiContext
from workshop.ui.file_dialogs import save_file_name
from workshop.ui.interview.browser import QuestionBrowser
from workshop.ui.interview.dashboard import Dashboard
from workshop.ui.interview.drill import DrillController
from workshop.ui.interview.drill_view import DrillView
from workshop.ui.interview.notes import NotesPanel
from workshop.ui.interview.question_dialog import QuestionDialog
from workshop.ui.interview.setup import DrillSetup, SetupChoice
from workshop.ui.interview.speech import Speaker
from workshop.ui.page_base import PageBase
from workshop.ui.save_state import SaveState


class InterviewPage(PageBase):
    """The "Interview practice" section."""

    exported = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None, *,
                 tts_engines: list[str] | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workspace = context.workspace
        self.today: Callable[[], dt.date] = dt.date.today
        self.rng = random.Random()
        self.bank = shipped_bank()
        self.timing = load_timing()
        self.full_bank: QuestionBank = self.bank
        self.user_questions: list[UserQuestion] = []
        self.runner = context.operations
        # Text-to-speech (and Qt Multimedia with it) is probed a turn after the page is built.
        self.speaker = Speaker(tts_engines, self, probe=False)
        #: Whether a microphone exists and, if not, why; unknown (None) until recording is asked.
        self._microphone: tuple[bool, str] | None = None
        self._full_screen = False
        self._shut_down = False
        self._dashboard_stale = True
        read_only = self.workspace.read_only
        self.store = DrillsStore(lambda: self.workspace)
        self.browser_notes = NotesPanel(self.store, read_only=read_only)
        self.drill_notes = NotesPanel(self.store, read_only=read_only, compact=True)
        for panel in (self.browser_notes, self.drill_notes):
            panel.save_state_changed.connect(self.save_state_changed)
        self.browser = QuestionBrowser(self.browser_notes)
        self.setup = DrillSetup(self.timing)
        self.view = DrillView(self.drill_notes)
        self.drill = DrillController(self.view, store=self.store,
                                     workspace_path=self.workspace.path,
                                     today=lambda: self.today(), speaker=self.speaker,
                                     read_only=read_only, runner=self.runner, parent=self)
        titles = {c.id: c.title for c in self.bank.categories}
        self.drill.category_titles = titles  # the drill's header names categories as the lists do
        self.dashboard = Dashboard(self.runner, self.workspace.path, lambda: self.today(),
                                   titles)
        self.practise = QStackedWidget()
        self.practise.addWidget(self.setup)
        self.practise.addWidget(self.view)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Interview practice")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.practise, "Practice")
        self.tabs.addTab(self.browser, "Questions")
        self.tabs.addTab(self.dashboard, "Progress")
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._connect()
        self.setup.set_devices(speech=(True, ""), microphone=(True, ""))  # probed next turn
        self.reload()
        if not read_only:
            recordings.remove_empty_recordings(self.workspace.path)
        # One turn after the page is built (each took ~7 ms of its first visit): whether text
        # can be read aloud, and the personal questions from the CV and statements (the
        # lists reload if any are new).
        QTimer.singleShot(0, self, self._after_open)

    def _after_open(self) -> None:
        if self._shut_down:  # closed in the same turn it opened (a test, a quick quit)
            return
        self._show_devices()  # probes text-to-speech, the first time
        if not self.workspace.read_only:
            self._seed(quiet=True)

    def _show_devices(self) -> None:
        """Speech and microphone as known now (a microphone not yet probed counts as there)."""
        self.setup.set_devices(speech=(self.speaker.available, self.speaker.reason),
                               microphone=self._microphone or (True, ""))

    def _connect(self) -> None:
        self.setup.start.connect(self.start_drill)
        self.setup.record.toggled.connect(self._record_toggled)
        self.browser.practise.connect(self.practise_question)
        self.browser.add_requested.connect(self.new_item)
        self.browser.edit_requested.connect(lambda qid: self.edit_question(qid))
        self.browser.copy_requested.connect(lambda qid: self.edit_question(qid, copy=True))
        self.browser.delete_requested.connect(self.delete_question)
        self.browser.seed_requested.connect(lambda: self._seed(quiet=False))
        self.browser.selected.connect(self._on_question_selected)
        self.drill.finished.connect(self._on_drill_finished)
        self.drill.escape.connect(self._on_escape)
        self.drill.full_screen.connect(self.toggle_full_screen)
        self.drill.message.connect(self.message)
        self.drill.attempt_saved.connect(lambda _a: setattr(self, "_dashboard_stale", True))
        self.view.close_requested.connect(lambda: self.set_full_screen(False))
        self.dashboard.practise_due.connect(self.practise_due)
        self.dashboard.export_report.connect(self.export_report)
        self.dashboard.export_answers.connect(self.export_answers)

    # -- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the applicant's questions and the schedule, and show them everywhere."""
        try:
            mine = self.store.list_user_questions()
            states = {s.question_id: s for s in self.store.list_review_states()}
        except UserError as exc:
            self.message.emit(str(exc))
            mine, states = [], {}
        known = {c.id for c in self.bank.categories}
        usable = [q for q in mine if q.category in known and q.id not in self.bank]
        self.user_questions = usable
        self.full_bank = self.bank.extended(usable)
        today = self.today()
        due = sum(1 for qid, s in states.items() if s.is_due(today) and qid in self.full_bank)
        self.browser.show_bank(self.full_bank, usable, states, today)
        self.setup.set_bank(self.full_bank, due)
        parts = [f"{due} question{'s' if due != 1 else ''} due for review today"
                 if states else "Nothing practiced yet: a mock interview is a good start"]
        if usable:
            parts.append(f"{len(usable)} personal question{'s' if len(usable) != 1 else ''} "
                         "from your CV, statements and notes")
        self.setup.set_overview(" · ".join(parts) + ".")

    @property
    def microphone(self) -> tuple[bool, str]:
        """Whether a microphone exists, and if not, the sentence to show (looks on first use)."""
        if self._microphone is None:
            self.probe_devices()
        assert self._microphone is not None
        return self._microphone

    def probe_devices(self) -> None:
        """Look for a microphone now (imports QtMultimedia) and enable recording only if found."""
        self._microphone = self.drill.recorder.probe()
        self._show_devices()

    def _record_toggled(self, checked: bool) -> None:
        if checked and self._microphone is None:
            self.probe_devices()  # unticks the box and says why when there is no microphone

    def _seed(self, *, quiet: bool) -> None:
        try:
            result = seed_personal_questions(self.workspace, self.today())
        except UserError as exc:
            if not quiet:
                self.message.emit(str(exc))
            return
        if result.added or not quiet:
            self.message.emit(result.summary)
        if result.added:
            self.reload()

    def _on_question_selected(self, qid: str) -> None:
        attempts = self.store.list_attempts(question_id=qid) if qid else []
        self.browser.show_history(attempts)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.dashboard and self._dashboard_stale:
            self._dashboard_stale = False
            self.dashboard.refresh()
        elif self.tabs.widget(index) is self.browser:
            self.browser_notes.load(self.browser.current_id())
            self._on_question_selected(self.browser.current_id() or "")

    # -- the applicant's questions -------------------------------------------------------------

    def new_item(self) -> None:
        """File ▸ New on this page: add a question."""
        self.edit_question(None)

    def edit_question(self, qid: str | None, *, copy: bool = False) -> UserQuestion | None:
        if self.workspace.read_only:
            self.message.emit("This workspace is open read-only.")
            return None
        original = self.full_bank.get(qid) if qid else None
        programs = sorted({p for d in self.workspace.documents.list()
                           for p in getattr(d, "target_programs", [])})
        dialog = QuestionDialog(self.bank.categories, [q.id for q in self.full_bank],
                                question=original, programs=programs, copy=copy, parent=self)
        if dialog.exec() != QuestionDialog.DialogCode.Accepted:
            return None
        return self.save_question(dialog.question())

    def save_question(self, question: UserQuestion) -> UserQuestion | None:
        try:
            self.store.save_user_question(question)
        except UserError as exc:
            QMessageBox.warning(self, "Cannot save the question", str(exc))
            return None
        self.reload()
        self.browser.select(question.id)
        self.message.emit("Saved your question.")
        return question

    def delete_question(self, qid: str) -> None:
        answer = QMessageBox.question(
            self, "Delete question", "Delete this question? Your attempts and outline for it "
            "stay in your history.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.store.delete_user_question(qid)
        self.reload()
        self.message.emit("Deleted your question.")

    # -- drills --------------------------------------------------------------------------------

    @property
    def timing_something(self) -> bool:
        """A drill is on screen: its countdown must not stall for a page built meanwhile."""
        return self.drill.active

    def start_drill(self, choice: SetupChoice) -> bool:
        """Build the plan for ``choice`` and show the drill; False with a message if not."""
        try:
            plan = self._plan(choice)
            self.drill.begin(plan, read_aloud=choice.read_aloud,
                             record=choice.record and self.microphone[0])
        except UserError as exc:
            self.setup.summary.setText(str(exc))
            self.message.emit(str(exc))
            return False
        self.tabs.setCurrentWidget(self.practise)
        self.practise.setCurrentWidget(self.view)
        self.view.setFocus()
        if choice.full_screen:
            self.set_full_screen(True)
        return True

    def _applicant_bank(self) -> QuestionBank:
        """The general questions plus the applicant's specialty pack: a surgery applicant is
        never asked about ABIM boards. The whole bank when no specialty is set, or none of
        the packs is for it."""
        specialty = load_profile(self.workspace).target_specialty.strip()
        if not specialty:
            return self.full_bank
        try:
            return self.full_bank.for_specialty(specialty)
        except UserError:
            return self.full_bank

    def _plan(self, c: SetupChoice) -> plans.DrillPlan:
        timing = self.timing
        bank = self._applicant_bank() if c.mode in ("mock", "category", "one-way") \
            else self.full_bank
        if c.mode == "mock":
            return plans.plan_mock(bank, c.count, self.rng, timing,
                                   follow_up_rate=0.5 if c.follow_ups else 0.0)
        if c.mode == "due":
            return plans.plan_due(bank, self.store.list_review_states(), self.today(),
                                  timing, limit=c.count)
        if c.mode == "category":
            if not c.category:
                raise UserError("Choose a category for this drill.")
            return plans.plan_category(bank, c.category, c.count, self.rng, timing)
        if c.mode == "one-way":
            return plans.plan_one_way(bank, c.count, self.rng, timing,
                                      think_seconds=c.think_seconds,
                                      answer_seconds=c.answer_seconds, takes=c.takes,
                                      category=c.category or None)
        if c.mode == "soap":
            return plans.soap_plan(bank, c.count, self.rng)
        qid = self.browser.current_id()
        if not qid:
            raise UserError("Choose a question in the Questions tab first.")
        return plans.plan_single(bank, qid, timing)

    def practise_question(self, qid: str) -> bool:
        self.browser.select(qid)
        self.setup.set_mode("single")
        return self.start_drill(self.setup.choice())

    def practise_due(self) -> bool:
        self.setup.set_mode("due")
        return self.start_drill(self.setup.choice())

    def _on_escape(self) -> None:
        if self._full_screen:
            self.set_full_screen(False)
        else:
            self.drill.leave(ask=True)

    def _on_drill_finished(self, summary: str) -> None:
        self.set_full_screen(False)
        self.practise.setCurrentWidget(self.setup)
        self._dashboard_stale = True
        self.reload()
        self.setup.summary.setText(summary)
        self.message.emit(summary)

    def toggle_full_screen(self) -> None:
        self.set_full_screen(not self._full_screen)

    def set_full_screen(self, on: bool) -> None:
        """Distraction-free: the drill view becomes its own full-screen window."""
        if on == self._full_screen or (on and not self.drill.active):
            return
        self._full_screen = on
        self.view.set_distraction_free(on)
        if on:
            self.practise.removeWidget(self.view)
            self.view.setParent(None)
            self.view.showFullScreen()
            self.view.activateWindow()
        else:
            self.view.showNormal()
            self.practise.insertWidget(1, self.view)
            self.practise.setCurrentWidget(self.view if self.drill.active else self.setup)
        self.view.setFocus()

    @property
    def full_screen(self) -> bool:
        return self._full_screen

    # -- exports -------------------------------------------------------------------------------

    def export_report(self) -> None:
        path = self._ask_path("Export drill report", "interview-practice-report.pdf")
        if path:
            self.export_to("report", path)

    def export_answers(self) -> None:
        path = self._ask_path("Export my answers", "my-answers.pdf")
        if path:
            self.export_to("answers", path)

    def _ask_path(self, title: str, name: str) -> Path | None:
        if not self.flush():
            return None
        chosen, _ = save_file_name(self, title, str(Path.home() / name),
                                                "PDF (*.pdf);;Word (*.docx)")
        return Path(chosen) if chosen else None

    def export_to(self, what: str, path: Path) -> None:
        """Render and write in the background; ``exported`` carries the path when done."""
        profile = self.workspace.profile.get()
        job = exports.ExportJob(what, self.workspace.path, path, self.full_bank,
                                profile.full_name, profile.is_sample, self.today())
        self.message.emit(f"Exporting {path.name}…")
        self.runner.run(job.run, on_done=self._on_exported, on_failed=self._on_export_failed,
                        parent=self)

    def _on_exported(self, path: object) -> None:
        self.message.emit(f"Exported {Path(str(path)).name}.")
        self.exported.emit(path)

    def _on_export_failed(self, message: str) -> None:
        self.message.emit(message)
        QMessageBox.warning(self, "Cannot export", message)

    # -- page protocol -------------------------------------------------------------------------

    @property
    def ready_for_screenshot(self) -> bool:
        return not self.dashboard.loading

    def flush(self) -> bool:
        ok = self.browser_notes.flush() and self.drill_notes.flush()
        if not ok:
            self.save_state_changed.emit(SaveState.FAILED, "Outline not saved; retrying")
        return ok

    def shutdown(self) -> None:
        self._shut_down = True
        if self.drill.active:
            self.drill.leave()
        self.set_full_screen(False)
        self.drill.shutdown()
        self.browser_notes.shutdown()
        self.drill_notes.shutdown()
        self.runner.discard(self)
        self.runner.discard(self.dashboard)
        self.runner.wait()
