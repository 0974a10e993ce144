"""The feedback panel on a recorded take: analyzed off the GUI thread, labelled approximate,
fillers never claimed, a clear note where a take cannot be analyzed, stale results dropped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.core.drills.test_answer_feedback import answer_with_pauses, write_wav
from tests.ui.test_interview import make_page
from workshop.core.drills import recordings
from workshop.core.drills.answer_feedback import AnswerFeedback
from workshop.ui.interview.page import InterviewPage


@pytest.fixture
def page(qtbot, tmp_path: Path) -> Iterator[InterviewPage]:  # type: ignore[no-untyped-def]
    widget = make_page(qtbot, tmp_path / "f.workshop")
    yield widget
    widget.shutdown()
    widget.workspace.close()


def take_file(page: InterviewPage, suffix: str = ".wav") -> Path:
    path = recordings.prepare_recording(recordings.new_recording_path(
        page.workspace.path, "intro-001", page.drill.wall_clock(), suffix=suffix))
    if suffix == ".wav":
        write_wav(path, answer_with_pauses())
    else:
        path.write_bytes(b"OggS" + bytes(200))
    return path


def finish_answer(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    page.practise_question("intro-001")
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    page.drill.clock.now += 30  # type: ignore[attr-defined]
    page.drill.tick()
    qtbot.keyClick(page.view, Qt.Key.Key_Space)


def test_recorded_take_gets_approximate_feedback(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    finish_answer(qtbot, page)
    assert page.view.feedback.isHidden()
    path = take_file(page)
    with qtbot.waitSignal(page.drill.feedback_ready, timeout=20_000) as ready:
        page.drill._on_recorded(path)  # what the recorder reports when a take is kept
    assert isinstance(ready.args[0], AnswerFeedback)
    assert page.drill.recording_rel is not None and page.view.play_button.isVisibleTo(page.view)
    text = page.view.feedback.text()
    assert page.view.feedback.isVisibleTo(page.view)
    assert "approximate" in text and "words a minute" in text
    assert "Pauses: 2 of 0.5 s or more" in text
    assert "Filler words are not counted" in text
    qtbot.keyClick(page.view, Qt.Key.Key_R)  # a retake: the old take's feedback goes away
    assert page.view.feedback.isHidden()


def test_a_take_that_cannot_be_analyzed_says_so(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    finish_answer(qtbot, page)
    with qtbot.waitSignal(page.drill.feedback_ready, timeout=20_000) as ready:
        page.drill.analyze_take(take_file(page, ".ogg"))
    assert isinstance(ready.args[0], str)
    text = page.view.feedback.text()
    assert "Feedback is not available" in text and "WAV recording" in text
    assert "words a minute" not in text


def test_feedback_for_an_old_take_is_dropped(qtbot, page: InterviewPage) -> None:  # type: ignore[no-untyped-def]
    finish_answer(qtbot, page)
    first, second = take_file(page), take_file(page, ".ogg")
    page.drill.analyze_take(first)
    with qtbot.waitSignal(page.drill.feedback_ready, timeout=20_000) as ready:
        page.drill.analyze_take(second)
    assert isinstance(ready.args[0], str)  # only the newer take's result was shown
    page.runner.wait()
    qtbot.wait(50)
    assert "not available" in page.view.feedback.text()
