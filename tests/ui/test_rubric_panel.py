"""The rubric's timing sentence wraps inside a laptop-width drill view instead of running off."""

from __future__ import annotations

from workshop.core.drills.timing_verdict import describe, judge_timing
from workshop.ui.interview.rubric import RubricPanel


def test_the_timing_sentence_wraps_at_a_laptop_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = RubricPanel()
    qtbot.addWidget(panel)
    panel.resize(560, 400)
    panel.show()
    text = describe(judge_timing(2, 60))
    assert "well timed is" in text
    panel.reset(text)
    qtbot.waitUntil(lambda: panel.timing.isVisible(), timeout=2_000)
    assert panel.timing.width() <= 560
    assert panel.timing.height() >= panel.timing.heightForWidth(panel.timing.width())
    assert panel.timing.heightForWidth(560) > panel.timing.fontMetrics().height()  # 2+ lines
