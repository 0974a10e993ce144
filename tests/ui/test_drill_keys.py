"""Drills that behave (issue 17): single-key shortcuts only outside text fields, a way out of
every field, timing verdicts from the target and a tolerance, and Esc on an unrated answer
asking keep / discard; plus the interview page's visible text in American English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from tests.ui.conftest import type_text
from tests.ui.test_interview import advance, make_page
from workshop.core.drills import recordings
from workshop.core.drills import repository as repo
from workshop.core.drills.timer import Phase
from workshop.ui.interview import drill as drill_module
from workshop.ui.interview.page import InterviewPage


@pytest.fixture
def page(qtbot, tmp_path: Path) -> Iterator[InterviewPage]:  # type: ignore[no-untyped-def]
    widget = make_page(qtbot, tmp_path / "k.workshop")
    yield widget
    widget.shutdown()
    widget.workspace.close()


def ask(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    asked: list[str] = []

    def answer(_parent: object, text: str) -> str:
        asked.append(text)
        return choice

    monkeypatch.setattr(drill_module, "ask_keep_unrated", answer)
    return asked


def no_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(_parent: object, text: str) -> str:
        raise AssertionError(f"unexpected keep/discard dialog for {text}")

    monkeypatch.setattr(drill_module, "ask_keep_unrated", unexpected)


def mock_drill(page: InterviewPage, count: int = 3) -> None:
    page.rng.seed(3)
    page.setup.set_mode("mock")
    page.setup.count.setValue(count)
    assert page.start_drill(page.setup.choice())
    assert position(page).startswith("Question 1 of ")


def answer_for(qtbot, page: InterviewPage, seconds: float) -> None:  # type: ignore[no-untyped-def]
    """Start, skip the think time, answer for ``seconds`` and stop."""
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert page.drill.session.timer.phase is Phase.ANSWER
    advance(page, seconds)
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert page.drill.session.timer.phase is Phase.DONE


def focused_note(qtbot, page: InterviewPage, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                 seconds: float) -> QLineEdit:
    """The rubric's note, focused, after an answer of ``seconds`` on a mocked drill."""
    no_dialog(monkeypatch)
    mock_drill(page)
    answer_for(qtbot, page, seconds)
    note = page.view.rubric.note
    note.setFocus()
    return note


def position(page: InterviewPage) -> str:
    return page.view.position.text().split(" · ")[0]


# -- keys and text fields ----------------------------------------------------------------------


def test_n_in_the_note_types_and_enter_hands_keys_back(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    note = focused_note(qtbot, page, monkeypatch, 80)
    assert page.view.text_field_focused()
    qtbot.keyClicks(note, "need an opening line")
    assert note.text() == "need an opening line"  # the n's were typed, not obeyed
    assert position(page) .startswith("Question 1 of ")
    for k in (Qt.Key.Key_S, Qt.Key.Key_R, Qt.Key.Key_P, Qt.Key.Key_Space, Qt.Key.Key_3):
        qtbot.keyClick(note, k)
    assert page.drill.session.timer.phase is Phase.DONE and page.drill.session.timer.take == 1
    assert page.view.rubric.rubric() is None
    qtbot.keyClick(note, Qt.Key.Key_Return)  # the way out of the note
    assert not page.view.text_field_focused() and page.view.hasFocus()
    for k in (Qt.Key.Key_4, Qt.Key.Key_4, Qt.Key.Key_3, Qt.Key.Key_5):
        qtbot.keyClick(page.view, k)
    with qtbot.waitSignal(page.drill.attempt_saved, timeout=1000) as saved:
        qtbot.keyClick(page.view, Qt.Key.Key_N)  # focus elsewhere: N moves on
    assert position(page) .startswith("Question 2 of ")
    attempt = saved.args[0]
    assert attempt.notes.startswith("need an opening line")
    assert attempt.rubric is not None and attempt.rubric.scores == (4, 4, 3, 5)


def test_unicode_note_and_tab_leave_the_note(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    note = focused_note(qtbot, page, monkeypatch, 60)
    type_text(note, "naïve opening — n")
    assert note.text() == "naïve opening — n" and position(page) .startswith("Question 1 of ")
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # not into the outline: back to the drill
    assert page.view.hasFocus()
    assert not any(f.hasFocus() for f in page.view.text_fields)


def test_outline_keeps_its_keys_until_esc_or_ctrl_enter(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    no_dialog(monkeypatch)
    mock_drill(page)
    points = page.drill_notes.points
    points.setFocus()
    qtbot.keyClicks(points, "n")
    qtbot.keyClick(points, Qt.Key.Key_Return)  # Enter is a new line in the outline
    qtbot.keyClicks(points, "next point")
    assert points.toPlainText() == "n\nnext point"
    assert position(page) .startswith("Question 1 of ")
    assert page.drill.session.timer.phase is Phase.IDLE
    qtbot.keyClick(points, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.view.hasFocus() and points.toPlainText() == "n\nnext point"
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert page.drill.session.timer.phase is Phase.THINK
    page.drill_notes.star["action"].setFocus()
    qtbot.keyClick(page.drill_notes.star["action"], Qt.Key.Key_Escape)
    assert page.view.hasFocus() and page.drill.active  # Esc left the field, not the drill


def test_clicking_a_control_gives_the_keys_back(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    no_dialog(monkeypatch)
    mock_drill(page)
    page.drill_notes.points.setFocus()
    qtbot.mouseClick(page.view.start_button, Qt.MouseButton.LeftButton)
    assert page.drill.session.timer.phase is Phase.THINK
    assert page.view.hasFocus()


def test_hints_say_how_to_leave_a_text_field(page: InterviewPage) -> None:
    page.practise_question("intro-001")
    assert "Enter or Esc goes back to the drill" in page.view.rubric.hint.text()
    assert "Esc or Ctrl+Enter" in page.view.outline_hint.text()


# -- timing verdicts ---------------------------------------------------------------------------


def test_17_seconds_against_two_minutes_is_short(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    no_dialog(monkeypatch)
    assert page.practise_question("intro-001")  # "Tell me about yourself": 2:00
    assert page.drill.session.timer.config.answer_seconds == 120
    answer_for(qtbot, page, 17)
    assert page.view.dial.state.caption == "Short"
    assert page.view.dial.state.digits == "0:17"
    timing = page.view.rubric.timing.text()
    assert "0:17 against a target of 2:00: short" in timing
    assert "well timed is 1:30–2:30" in timing
    assert "Well timed" not in page.view.dial.state.caption


@pytest.mark.parametrize(("seconds", "caption"), [(95, "Well timed"), (149, "Well timed"),
                                                  (151, "Long"), (89, "Short")])
def test_verdict_follows_the_tolerance(qtbot, page: InterviewPage, seconds: float,  # type: ignore[no-untyped-def]
                                       caption: str, monkeypatch: pytest.MonkeyPatch) -> None:
    no_dialog(monkeypatch)
    page.practise_question("intro-001")
    answer_for(qtbot, page, seconds)
    assert page.view.dial.state.caption == caption


def test_a_skipped_question_is_never_well_timed(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    no_dialog(monkeypatch)
    mock_drill(page)
    qtbot.keyClick(page.view, Qt.Key.Key_S)
    state = page.view.dial.state
    assert (state.digits, state.caption) == ("Skipped", "No answer timed")
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    advance(page, 30)
    qtbot.keyClick(page.view, Qt.Key.Key_S)  # skipped mid-answer
    assert page.view.dial.state.caption == "No answer timed"
    assert "Well timed" not in page.view.rubric.timing.text()


# -- Esc on an unrated answer ------------------------------------------------------------------


def test_esc_on_unrated_answer_discard_leaves_nothing(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    asked = ask(monkeypatch, drill_module.DISCARD)
    page.practise_question("intro-001")
    before = repo.list_attempts(page.workspace.conn)
    answer_for(qtbot, page, 2)
    # As if the take had been recorded: a real file in the recordings folder.
    path = recordings.prepare_recording(recordings.new_recording_path(
        page.workspace.path, "intro-001", page.drill.wall_clock()))
    path.write_bytes(b"OggS" + bytes(100))
    page.drill.recording_rel = recordings.relative_name(page.workspace.path, path)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert asked == ["0:02"]
    assert not page.drill.active
    assert repo.list_attempts(page.workspace.conn) == before
    assert repo.get_review_state(page.workspace.conn, "intro-001") is None
    assert not path.exists()
    assert "nothing was answered" in page.setup.summary.text()


def test_esc_on_unrated_answer_keep_saves_it_unrated(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    asked = ask(monkeypatch, drill_module.KEEP)
    page.practise_question("intro-001")
    answer_for(qtbot, page, 2)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert asked == ["0:02"] and not page.drill.active
    (row,) = repo.list_attempts(page.workspace.conn)
    assert row.rubric is None and not row.timed and row.answer_seconds == pytest.approx(2)
    summary = page.setup.summary.text()
    assert "1 not rated" in summary and "averaged" not in summary  # not in the average
    progress = repo.load_progress(page.workspace.conn, today=page.today())
    assert progress.time_by_category == () and progress.unrated == 1


def test_esc_on_unrated_answer_can_go_back_to_rate(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    asked = ask(monkeypatch, drill_module.STAY)
    page.practise_question("intro-001")
    answer_for(qtbot, page, 100)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert asked == ["1:40"] and page.drill.active
    assert repo.list_attempts(page.workspace.conn) == []
    for k in (Qt.Key.Key_4, Qt.Key.Key_4, Qt.Key.Key_4, Qt.Key.Key_4):
        qtbot.keyClick(page.view, k)
    no_dialog(monkeypatch)  # rated now: Esc saves without asking
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    (row,) = repo.list_attempts(page.workspace.conn)
    assert row.timed and row.rubric is not None
    assert "averaged 1:40 against a target of 2:00" in page.setup.summary.text()


def test_esc_mid_answer_stops_it_and_asks(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    asked = ask(monkeypatch, drill_module.DISCARD)
    page.practise_question("intro-001")
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    advance(page, 5)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert asked == ["0:05"] and not page.drill.active
    assert repo.list_attempts(page.workspace.conn) == []


def test_skipped_question_does_not_ask(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    no_dialog(monkeypatch)
    page.practise_question("intro-001")
    qtbot.keyClick(page.view, Qt.Key.Key_S)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    (row,) = repo.list_attempts(page.workspace.conn)
    assert row.skipped and not row.timed


def test_the_dialog_offers_keep_discard_and_back(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    seen: list[list[str]] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append(sorted(b.text() for b in box.buttons()))
        next(b for b in box.buttons() if b.text() == "Discard").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert drill_module.ask_keep_unrated(None, "0:02") == drill_module.DISCARD
    assert seen == [["Back to the drill", "Discard", "Keep unrated"]]


# -- American English in the interview page ----------------------------------------------------

BRITISH_FORMS = ("practise", "practised", "practising", "behavioural", "behaviour", "colour",
                 "centre", "organise", "organisation", "recognise", "prioritise", "summarise",
                 "favourite", "programme", "analyse", "labelled", "cancelled", "travelling",
                 "judgement", "licence", "rumour", "honour", "apologise", "paediatric",
                 "anaesthe", "haemo", "oesophag")


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        texts += [w.toolTip(), w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QLineEdit | QPlainTextEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
    return [t for t in texts if t]


def test_interview_page_speaks_american_english(qtbot, sample_window) -> None:  # type: ignore[no-untyped-def]
    window = sample_window
    window.show_section("interview")
    page = window.page("interview")
    assert isinstance(page, InterviewPage)
    assert page.tabs.tabText(0) == "Practice"
    assert page.browser.practise_button.text() == "Practice this question"
    texts = visible_texts(page)
    page.practise_question("intro-001")  # the drill view and its rubric
    texts += visible_texts(page.view)
    try:
        from workshop.core.drills.british import shipped_british_spellings
    except ImportError:  # the bank's word list is another module's; the list above suffices
        finder = None
    else:
        finder = shipped_british_spellings()
    found = sorted({f"{form!r} in {t[:80]!r}" for t in texts for form in BRITISH_FORMS
                    if form in t.lower()})
    if finder is not None:
        found += sorted({f"{h.text!r} in {t[:80]!r}" for t in texts for h in finder.find(t)})
    assert len(texts) > 50
    assert found == []


def test_question_history_shows_the_verdict(qtbot, page: InterviewPage,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    ask(monkeypatch, drill_module.KEEP)
    page.practise_question("intro-001")
    answer_for(qtbot, page, 17)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    page.tabs.setCurrentWidget(page.browser)
    page.browser.select("intro-001")
    history = page.browser.history.text()
    assert "0:17 of 2:00 · short" in history and "not rated" in history
