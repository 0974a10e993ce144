"""Interview practice page: keyboard drills with a fake clock, one-way limits, devices that are
missing, outlines, rubric rows, the dashboard, seeding and exports."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.conftest import type_text
from workshop.core.app_settings import AppSettings
from workshop.core.drills import recordings
from workshop.core.drills import repository as repo
from workshop.core.drills.plans import plan_single
from workshop.core.drills.sample import load_sample_attempts
from workshop.core.drills.timer import Phase
from workshop.core.drills.user_questions import UserQuestion
from workshop.core.services import init_workspace
from workshop.ui.context import UiContext
from workshop.ui.interview import countdown
from workshop.ui.interview import drill as drill_module
from workshop.ui.interview.page import InterviewPage
from workshop.ui.interview.question_dialog import QuestionDialog

TODAY = dt.date(2027, 2, 15)
NOON = dt.datetime(2027, 2, 15, 12, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def make_page(qtbot, path: Path, engines: list[str] | None = None) -> InterviewPage:  # type: ignore[no-untyped-def]
    ws = init_workspace(path, sample=True) if not path.exists() else None
    if ws is not None:
        # The sample applicant without her practice history: these tests start from zero.
        with ws.transaction():
            for table in ("attempts", "answer_notes", "review_state"):
                ws.conn.execute(f"DELETE FROM {table}")
    else:
        from workshop.core.storage.workspace import open_workspace

        ws = open_workspace(path)
    page = InterviewPage(UiContext(ws, AppSettings()), tts_engines=engines or [])
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.drill.wall_clock = lambda: NOON
    page.drill.clock = FakeClock()
    page.resize(1000, 700)
    page.show()
    return page


@pytest.fixture(autouse=True)
def no_modal_keep_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """A keep/discard question nobody expected fails the test instead of hanging it."""
    def unexpected(_parent: object, text: str) -> str:
        raise AssertionError(f"unexpected keep/discard dialog for {text}")

    monkeypatch.setattr(drill_module, "ask_keep_unrated", unexpected)


@pytest.fixture
def page(qtbot, tmp_path: Path) -> Iterator[InterviewPage]:  # type: ignore[no-untyped-def]
    widget = make_page(qtbot, tmp_path / "i.workshop")
    yield widget
    widget.shutdown()
    widget.workspace.close()


def clock(page: InterviewPage) -> FakeClock:
    assert isinstance(page.drill.clock, FakeClock)
    return page.drill.clock


def advance(page: InterviewPage, seconds: float) -> None:
    clock(page).now += seconds
    page.drill.tick()


def key(qtbot, page: InterviewPage, k: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page.view, k)


def test_full_drill_by_keyboard(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    assert page.practise_question("intro-001")
    timer = lambda: page.drill.session.timer  # noqa: E731
    assert page.practise.currentWidget() is page.view
    assert "Tell me about yourself" in page.view.question.text()
    key(qtbot, page, Qt.Key.Key_Space)
    assert timer().phase is Phase.THINK
    assert page.view.dial.state.caption == "Think"
    advance(page, 5)
    assert timer().phase is Phase.ANSWER
    advance(page, 100)  # 120 s target: 20 s left, no cue yet
    assert page.view.dial.state.caption == "Answer"
    with qtbot.waitSignal(page.drill.cue, timeout=1000) as cue:
        advance(page, 6)
    assert cue.args[0] == pytest.approx(15, abs=1)
    assert "wrap up" in page.view.status.text()
    assert page.view.dial.state.colour == countdown.CUE
    advance(page, 30)
    assert timer().phase is Phase.OVERTIME
    assert page.view.dial.state.colour == countdown.OVERTIME
    assert page.view.dial.state.digits == "+0:16"
    key(qtbot, page, Qt.Key.Key_Space)
    assert timer().phase is Phase.DONE
    assert page.view.rubric_box.isVisible()
    assert "well timed (0:16 over the target" in page.view.rubric.timing.text()
    assert page.view.dial.state.caption == "Well timed"
    for k in (Qt.Key.Key_4, Qt.Key.Key_3, Qt.Key.Key_5, Qt.Key.Key_1, Qt.Key.Key_Backspace,
              Qt.Key.Key_4):
        key(qtbot, page, k)
    page.view.rubric.note.setText("Opened slowly")
    with qtbot.waitSignal(page.drill.attempt_saved, timeout=1000) as saved:
        key(qtbot, page, Qt.Key.Key_N)
    attempt = saved.args[0]
    assert attempt.rubric is not None and attempt.rubric.scores == (4, 3, 5, 4)
    assert page.practise.currentWidget() is page.setup  # one question: the drill is over
    assert "1 answer saved" in page.setup.summary.text()
    rows = [r for r in repo.list_attempts(page.workspace.conn, question_id="intro-001")
            if r.started_at == NOON]  # the sample applicant has earlier attempts too
    assert len(rows) == 1
    row = rows[0]
    assert (row.answer_seconds, row.overtime_seconds) == pytest.approx((136, 16))
    assert row.notes == "Opened slowly" and row.started_at == NOON
    state = repo.get_review_state(page.workspace.conn, "intro-001")
    assert state is not None and state.last_reviewed == TODAY and state.due > TODAY


def test_typing_in_the_outline_does_not_drive_the_drill(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    page.practise_question("behav-001")
    page.drill_notes.points.setFocus()
    qtbot.keyClicks(page.drill_notes.points, "n s r")
    assert page.drill.session.timer.phase is Phase.IDLE
    assert page.drill_notes.points.toPlainText().endswith("n s r")
    key(qtbot, page, Qt.Key.Key_Escape)  # first Esc only leaves the text field
    assert page.drill.active


def test_mock_interview_moves_on_and_esc_saves(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(drill_module, "ask_keep_unrated",
                        lambda _parent, text: asked.append(text) or drill_module.KEEP)
    page.rng.seed(7)
    page.setup.set_mode("mock")
    page.setup.count.setValue(4)
    assert not page.timing_something
    assert page.start_drill(page.setup.choice())
    assert page.timing_something  # the idle page builder waits while a drill runs
    total = len(page.drill.session.plan.items)
    assert page.view.position.text().startswith(f"Question 1 of {total}")
    key(qtbot, page, Qt.Key.Key_S)
    key(qtbot, page, Qt.Key.Key_N)
    assert page.view.position.text().startswith(f"Question 2 of {total}")
    key(qtbot, page, Qt.Key.Key_Space)
    advance(page, 40)
    key(qtbot, page, Qt.Key.Key_Escape)
    assert asked == ["0:35"]  # 5 s think, 35 s answer, unrated: asked, and kept
    assert not page.drill.active and not page.timing_something
    rows = repo.list_attempts(page.workspace.conn)
    assert [r.skipped for r in rows] == [True, False]
    assert all(r.mode == "mock" for r in rows)


def test_a_mock_interview_always_has_its_opener_and_closer(page: InterviewPage) -> None:
    page.setup.set_mode("mock")
    page.setup.count.setValue(2)  # too few: raised to the smallest that keeps both
    assert page.setup.count.value() == 3
    plan = page._plan(page.setup.choice())  # noqa: SLF001
    mains = [i.question for i in plan.items if not i.follow_up]
    assert len(mains) == 3 and "opener" in mains[0].tags and "final" in mains[-1].tags
    page.setup.set_mode("category")  # other drills still allow a single question
    page.setup.count.setValue(1)
    assert page.setup.count.value() == 1
    assert page.setup.settings_heading.isVisibleTo(page.setup)
    page.setup.set_mode("single")  # nothing to set for one question: no empty heading
    assert not page.setup.settings_heading.isVisibleTo(page.setup)


def test_the_drill_header_names_the_category_as_the_lists_do(page: InterviewPage) -> None:
    page.practise_question("behav-001")
    assert " · Behavioral (STAR) · " in page.view.position.text()


def test_pause_freezes_the_clock(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    page.practise_question("behav-001")
    key(qtbot, page, Qt.Key.Key_Space)
    advance(page, 10)
    key(qtbot, page, Qt.Key.Key_P)
    remaining = page.drill.session.timer.view.remaining
    assert page.view.dial.state.caption == "Paused"
    advance(page, 300)
    assert page.drill.session.timer.view.remaining == remaining
    key(qtbot, page, Qt.Key.Key_P)
    advance(page, 1)
    assert page.drill.session.timer.view.remaining == pytest.approx(remaining - 1)


def test_one_way_mode_limits_takes_and_refuses_pause(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    page.setup.set_mode("one-way")
    page.setup.count.setValue(1)
    page.setup.think.setValue(30)
    page.setup.answer.setValue(60)
    page.setup.takes.setValue(2)
    assert page.start_drill(page.setup.choice())
    assert "one-way" in page.view.position.text()
    key(qtbot, page, Qt.Key.Key_Space)
    key(qtbot, page, Qt.Key.Key_P)
    assert "cannot be paused" in page.view.status.text()
    assert not page.view.pause_button.isEnabled()
    advance(page, 30)
    advance(page, 75)  # hard stop at 60 s: no overtime
    timer = page.drill.session.timer
    assert timer.phase is Phase.DONE and timer.view.overtime == 0
    assert page.view.takes.text() == "Take 1 of 2"
    key(qtbot, page, Qt.Key.Key_R)
    assert timer.phase is Phase.THINK and page.view.takes.text() == "Take 2 of 2"
    advance(page, 100)
    assert timer.phase is Phase.DONE
    assert not page.view.retake_button.isEnabled()
    key(qtbot, page, Qt.Key.Key_R)
    assert "No takes left" in page.view.status.text()
    key(qtbot, page, Qt.Key.Key_N)
    rows = repo.list_attempts(page.workspace.conn)
    assert len(rows) == 1 and rows[0].takes == 2 and rows[0].mode == "one-way"


def test_the_microphone_is_looked_for_only_when_recording_is_asked(
        page: InterviewPage, monkeypatch: pytest.MonkeyPatch) -> None:
    """QtMultimedia (~50 MB, ~50 ms) loads only for an applicant who wants to record."""
    from workshop.ui.interview.recorder import NO_MICROPHONE

    probes: list[int] = []

    def no_microphone() -> tuple[bool, str]:
        probes.append(1)
        return False, NO_MICROPHONE

    monkeypatch.setattr(page.drill.recorder, "probe", no_microphone)
    assert probes == [] and page._microphone is None
    assert page.setup.record.isEnabled()
    assert "microphone" not in page.setup.device_note.text().lower()
    page.setup.record.setChecked(True)
    assert probes == [1]
    assert not page.setup.record.isChecked() and not page.setup.record.isEnabled()
    assert "No microphone" in page.setup.device_note.text()
    assert page.microphone == (False, NO_MICROPHONE) and probes == [1]  # asked once


def test_a_found_microphone_keeps_the_box_ticked(
        page: InterviewPage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page.drill.recorder, "probe", lambda: (True, ""))
    page.setup.record.setChecked(True)
    assert page.setup.record.isChecked() and page.setup.record.isEnabled()
    assert page.microphone == (True, "")


def test_recording_without_a_microphone(qtbot, page: InterviewPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from workshop.ui.interview.recorder import audio_inputs

    if audio_inputs():
        pytest.skip("this computer has a microphone; the no-device path cannot be forced")
    page.probe_devices()
    assert not page.setup.record.isEnabled()
    assert "No microphone" in page.setup.device_note.text()
    assert "No microphone" in page.setup.record.toolTip()
    # Force a recording anyway, as on a machine whose only microphone just vanished.
    plan = plan_single(page.full_bank, "intro-001", page.timing)
    page.drill.begin(plan, record=True)
    page.practise.setCurrentWidget(page.view)
    with qtbot.waitSignal(page.drill.recorder.failed, timeout=15_000) as failed:
        key(qtbot, page, Qt.Key.Key_Space)
        advance(page, 6)  # into answer time: recording starts
    assert "Audio device is null" in failed.args[0] or "failed" in failed.args[0]
    assert "still timed" in page.view.recording.text()
    folder = recordings.recordings_dir(page.workspace.path)
    assert not folder.exists() or list(folder.iterdir()) == []
    advance(page, 20)
    key(qtbot, page, Qt.Key.Key_Space)
    key(qtbot, page, Qt.Key.Key_N)
    rows = repo.list_attempts(page.workspace.conn)
    assert len(rows) == 1 and rows[0].recording_path is None


def test_reading_aloud_absent_and_present(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    absent = make_page(qtbot, tmp_path / "a.workshop", engines=[])
    assert not absent.speaker._probed  # noqa: SLF001 - text-to-speech waits for the next turn
    qtbot.waitUntil(lambda: not absent.setup.read_aloud.isEnabled(), timeout=5000)
    assert "text-to-speech" in absent.setup.read_aloud.toolTip().lower()
    absent.practise_question("intro-001")
    assert not absent.view.read_button.isEnabled()
    absent.drill.handle_key("read")  # says why, never fails
    assert "text-to-speech" in absent.view.status.text().lower()
    absent.shutdown()
    present = make_page(qtbot, tmp_path / "b.workshop", engines=["mock"])
    qtbot.waitUntil(lambda: present.speaker._probed, timeout=5000)  # noqa: SLF001
    assert present.setup.read_aloud.isEnabled()
    with qtbot.waitSignal(present.speaker.spoken, timeout=1000) as spoken:
        present.practise_question("intro-001")
        present.drill.handle_key("read")
    assert spoken.args[0] == "Tell me about yourself."
    present.shutdown()


def test_outline_persists_across_attempts(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "n.workshop"
    first = make_page(qtbot, path)
    first.tabs.setCurrentWidget(first.browser)
    first.browser.select("behav-002")
    notes = first.browser_notes
    assert notes.question_id == "behav-002"
    notes.star["situation"].setFocus()
    type_text(notes.star["situation"], "Nachtdienst in Kairo — ليلة")
    qtbot.waitUntil(lambda: not notes.policy.dirty, timeout=5000)
    assert repo.get_notes(first.workspace.conn, "behav-002").situation.startswith("Nachtdienst")
    first.shutdown()
    first.workspace.close()
    second = make_page(qtbot, path)
    second.practise_question("behav-002")
    assert second.drill_notes.star["situation"].toPlainText() == "Nachtdienst in Kairo — ليلة"
    second.shutdown()
    second.workspace.close()


def test_dashboard_shows_numbers_and_charts(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    load_sample_attempts(page.workspace.conn, TODAY)
    with qtbot.waitSignal(page.dashboard.loaded, timeout=20_000) as loaded:
        page.tabs.setCurrentWidget(page.dashboard)
    progress = loaded.args[0]
    assert progress.attempts > 10
    cards = page.dashboard.cards
    assert cards["practised"].number.text() == str(progress.questions_practised)
    assert cards["due"].number.text() == str(progress.due_today)
    assert cards["streak"].number.text() == str(progress.current_streak)
    trend, times = page.dashboard.charts
    assert len(trend.series()) == 5
    assert times.series()[0].barSets()[1].count() == len(progress.time_by_category)
    assert page.ready_for_screenshot


def test_empty_dashboard_says_so(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.dashboard.loaded, timeout=20_000):
        page.tabs.setCurrentWidget(page.dashboard)
    assert page.dashboard.stack.currentWidget() is page.dashboard.empty
    assert not page.dashboard.due_button.isEnabled()


def test_personal_questions_are_seeded_on_open(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    def mine_now() -> dict[str, Any]:
        return {q.id: q for q in repo.list_user_questions(page.workspace.conn)}

    qtbot.waitUntil(lambda: "gap-2021-08-2022-01" in mine_now(), timeout=5000)
    mine = mine_now()
    assert "caring for my father" in mine["gap-2021-08-2022-01"].look_for
    assert any(q.source == "statement-experience" and "Chicago" in q.text
               for q in mine.values())
    page.browser.filter.setCurrentIndex(page.browser.filter.findData("__mine__"))
    assert page.browser.list.count() == len(mine)
    page._seed(quiet=False)  # again: nothing new, nothing duplicated
    assert len(repo.list_user_questions(page.workspace.conn)) == len(mine)


def test_add_edit_and_delete_own_question(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = QuestionDialog(page.bank.categories, [q.id for q in page.full_bank])
    qtbot.addWidget(dialog)
    dialog._accept()
    assert "Type the question" in dialog.error.text()
    dialog.text.setPlainText("Why Lakeview for your internal medicine residency?")
    dialog.category.setCurrentIndex(dialog.category.findData("program-fit"))
    dialog.programs.setText("Lakeview Medical Center; Garden State")
    question = dialog.question()
    assert question.programs == ("Lakeview Medical Center", "Garden State")
    assert page.save_question(question) is not None
    assert page.browser.current_id() == question.id
    assert page.browser.edit_button.isVisibleTo(page.browser)
    edited = UserQuestion(**{**{f: getattr(question, f) for f in (
        "id", "text", "category", "answer_seconds", "look_for", "follow_ups", "tags",
        "programs", "source", "source_ref")}, "answer_seconds": 60})
    page.save_question(edited)
    stored = {q.id: q for q in repo.list_user_questions(page.workspace.conn)}
    assert stored[question.id].answer_seconds == 60
    assert [q.id for q in repo.list_user_questions(page.workspace.conn,
                                                   program="Garden State")].count(question.id)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_question(question.id)
    assert question.id not in {q.id for q in repo.list_user_questions(page.workspace.conn)}


def test_full_screen_and_escape(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    page.practise_question("intro-001")
    key(qtbot, page, Qt.Key.Key_F11)
    assert page.full_screen and page.view.isWindow()
    assert not page.view.side.isVisibleTo(page.view)
    key(qtbot, page, Qt.Key.Key_Escape)  # leaves full screen, not the drill
    assert not page.full_screen and not page.view.isWindow() and page.drill.active
    assert page.practise.currentWidget() is page.view
    key(qtbot, page, Qt.Key.Key_Escape)
    assert not page.drill.active and page.practise.currentWidget() is page.setup


def test_exports_read_back(qtbot, page: InterviewPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                           monkeypatch: pytest.MonkeyPatch) -> None:
    load_sample_attempts(page.workspace.conn, TODAY)
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(page.exported, timeout=30_000):
        page.export_report()
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Interview practice report" in text and "Yasmin Farouk El-Sayed" in text
    assert "SAMPLE" in text
    answers = tmp_path / "answers.pdf"
    with qtbot.waitSignal(page.exported, timeout=30_000):
        page.export_to("answers", answers)
    text = "\n".join(p.extract_text() for p in
                     pypdf.PdfReader(io.BytesIO(answers.read_bytes())).pages)
    assert "My answers" in text and "Tell me about yourself" in text and "Ain Shams" in text


def test_empty_study_sheet_explains(qtbot, page: InterviewPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    with qtbot.waitSignal(page.message, timeout=30_000,
                          check_params_cb=lambda m: "No answers are outlined" in m):
        page.export_to("answers", tmp_path / "x.pdf")
    assert warnings and not (tmp_path / "x.pdf").exists()


def test_every_control_has_an_accessible_name(page: InterviewPage) -> None:
    from tests.ui.test_main_window import interactive_widgets

    page.practise_question("intro-001")
    missing = [f"{type(w).__name__} {w.objectName()}" for w in interactive_widgets(page)
               if not w.accessibleName() and not getattr(w, "text", lambda: "")()]
    assert missing == []


def test_browser_buttons_practise_and_copy(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    page.tabs.setCurrentWidget(page.browser)
    page.browser.select("ethic-001")
    monkeypatch.setattr(QuestionDialog, "exec", lambda self: QuestionDialog.DialogCode.Accepted)
    qtbot.mouseClick(page.browser.copy_button, Qt.MouseButton.LeftButton)
    copy = page.browser.current_id()
    assert copy is not None and copy.startswith("my-")
    assert page.full_bank.get(copy).text == page.bank.get("ethic-001").text
    assert page.browser.delete_button.isVisibleTo(page.browser)
    page.browser.search.setText("zzzz-no-such-question")
    assert page.browser.list.count() == 0 and not page.browser.practise_button.isEnabled()
    page.browser.search.clear()
    page.browser.select("ethic-001")
    qtbot.mouseClick(page.browser.practise_button, Qt.MouseButton.LeftButton)
    assert page.drill.active and page.tabs.currentWidget() is page.practise
    assert page.view.question.text() == page.bank.get("ethic-001").text


def test_the_speaker_probes_once_and_only_when_asked(qtbot) -> None:  # type: ignore[no-untyped-def]
    from workshop.ui.interview.speech import Speaker

    speaker = Speaker(["mock"], probe=False)
    assert not speaker._probed  # noqa: SLF001
    assert speaker.available and speaker.reason == ""  # asking probes
    assert speaker._probed and speaker.engine_name == "mock"  # noqa: SLF001
    none = Speaker([], probe=False)
    assert not none.say("Tell me about yourself.")  # probes, finds nothing, says so
    assert "text-to-speech" in none.reason.lower()


def test_a_follow_up_says_its_guidance_is_the_main_questions(page: InterviewPage) -> None:
    from workshop.core.drills.plans import DrillPlan

    page.setup.set_mode("mock")
    plan = next(p for p in (page._plan(page.setup.choice()) for _ in range(50))  # noqa: SLF001
                if any(i.follow_up for i in p.items))
    first = next(k for k, i in enumerate(plan.items) if i.follow_up)
    page.drill.begin(DrillPlan(plan.mode, plan.items[first:first + 1]), read_aloud=False,
                     record=False)
    text = page.view.look_for.text()
    assert text.startswith("<b>A follow-up</b>")
    main = plan.items[first].question
    assert not main.look_for or "For the main question, interviewers look for" in text
