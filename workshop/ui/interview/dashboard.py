"""Progress: numbers that matter (practiced, due, streak) and two charts, loaded off the GUI
thread.

``load_progress`` over 20,000 attempts takes about a quarter of a second, so it runs on the
app's :class:`~workshop.ui.operations.Operations` with its own read-only connection; the charts
are built on the GUI thread from the small :class:`Progress` value it returns. A refresh asked
for while one is running supersedes it (stale results are dropped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop.core.drills.exports import load_progress_read_only
from workshop.core.drills.progress import Progress
from workshop.ui.interview import charts
from workshop.ui.operations import Operations
from workshop.ui.widgets import button


class StatCard(QFrame):
    """A big number, a label under it, and a quiet detail line."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setAccessibleName(label)
        self.number = QLabel("–")
        self.number.setObjectName("statNumber")
        self.label = QLabel(label)
        self.label.setObjectName("statLabel")
        self.detail = QLabel("")
        self.detail.setObjectName("statDetail")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.label)
        layout.addWidget(self.detail)

    def show_value(self, value: str, detail: str = "") -> None:
        self.number.setText(value)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{value} {detail}".strip())


class Dashboard(QWidget):
    """The Progress tab."""

    loaded = Signal(object)
    practise_due = Signal()
    export_report = Signal()
    export_answers = Signal()

    def __init__(self, runner: Operations, workspace_path: Path,
                 today: Callable[[], dt.date], titles: Mapping[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Progress")
        self.runner = runner
        self.workspace_path = workspace_path
        self.today = today
        self.titles = titles
        self.progress: Progress | None = None
        self.loading = False
        self._token = 0
        self._views: tuple[Any, Any] | None = None
        self.cards = {key: StatCard(label) for key, label in (
            ("practised", "Questions practiced"), ("due", "Due for review today"),
            ("today", "Answers today"), ("streak", "Day streak"))}
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for card in self.cards.values():
            cards.addWidget(card)
        self.charts_box = QWidget()
        self.chart_grid = QGridLayout(self.charts_box)
        self.chart_grid.setContentsMargins(0, 0, 0, 0)
        self.chart_grid.setHorizontalSpacing(12)
        self.empty = QLabel(
            "<p style='font-size:13pt'><b>No answers yet</b></p>"
            "<p>Run a drill and rate your answers: your progress, the time you take against "
            "each category's target and your self-review trend appear here.</p>")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName("No answers yet")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.charts_box)
        self.status = QLabel("")
        self.status.setObjectName("hint")
        self.status.setAccessibleName("Dashboard status")
        self.due_button = button("Practice what is due", self.practise_due.emit,
                                       "Start a drill of the questions due for review today")
        report = button("Export report (PDF)…", self.export_report.emit,
                              "A PDF of your practice: time against target, rubric by week, "
                              "latest answers")
        answers = button("Export my answers (PDF)…", self.export_answers.emit,
                               "A study sheet of every question you have outlined")
        buttons = QHBoxLayout()
        buttons.addWidget(self.due_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        buttons.addWidget(report)
        buttons.addWidget(answers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.setSpacing(12)
        layout.addLayout(cards)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.setStyleSheet(
            "QFrame#statCard { background: #f6f8fb; border: 1px solid #e3e7ee;"
            " border-radius: 10px; }"
            "QLabel#statNumber { font-size: 22pt; color: #1f2933; font-weight: 300; }"
            "QLabel#statLabel { color: #334155; font-weight: 600; }"
            "QLabel#statDetail { color: #6b7280; }"
            "QLabel#hint { color: #6b7280; }")


    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload in the background; the newest request wins."""
        self.loading = True
        self.status.setText("Loading…")
        today = self.today()
        path = self.workspace_path
        self._token += 1
        self.runner.run(lambda: load_progress_read_only(path, today),
                        on_done=self._make_done(self._token), on_failed=self._on_failed,
                        parent=self)

    def _make_done(self, expected: int) -> Callable[[Any], None]:
        def done(progress: Any) -> None:
            if expected == self._token:
                self.show_progress(progress)
        return done

    def _on_failed(self, message: str) -> None:
        self.loading = False
        self.status.setText(f"Could not load progress: {message}")

    # -- showing -------------------------------------------------------------------------------

    def show_progress(self, progress: Progress) -> None:
        """Fill the cards and rebuild the charts (GUI thread)."""
        self.progress = progress
        self.loading = False
        answers = progress.attempts
        self.cards["practised"].show_value(
            str(progress.questions_practised),
            f"{answers} answer{'s' if answers != 1 else ''}"
            + (f", {progress.unrated} not rated" if progress.unrated else "")
            + (f", {progress.skipped} skipped" if progress.skipped else ""))
        self.cards["due"].show_value(str(progress.due_today), "spaced repetition (Leitner)")
        self.cards["today"].show_value(str(progress.practised_today),
                                       "keep it to 20–30 minutes a day")
        self.cards["streak"].show_value(
            f"{progress.current_streak}",
            f"day{'s' if progress.current_streak != 1 else ''} in a row · longest "
            f"{progress.longest_streak}")
        self.due_button.setEnabled(progress.due_today > 0)
        if answers == 0:
            self.stack.setCurrentWidget(self.empty)
        else:
            self._build_charts(progress)
            self.stack.setCurrentWidget(self.charts_box)
        self.status.setText("")
        self.loaded.emit(progress)

    def _build_charts(self, progress: Progress) -> None:
        if self._views is None:
            trend_view = charts.chart_view()
            trend_view.setAccessibleName("Self-review by week chart")
            time_view = charts.chart_view()
            time_view.setAccessibleName("Time against target chart")
            self.chart_grid.addWidget(trend_view, 0, 0)
            self.chart_grid.addWidget(time_view, 0, 1)
            self._views = (trend_view, time_view)
        trend_view, time_view = self._views
        for view, chart in ((trend_view, charts.trend_chart(progress.rubric_trend)),
                            (time_view, charts.time_chart(progress.time_by_category,
                                                          self.titles))):
            old = view.chart()
            view.setChart(chart)
            if old is not None:
                old.deleteLater()

    @property
    def charts(self) -> tuple[Any, Any] | None:
        """The (trend, time) charts once built."""
        if self._views is None:
            return None
        return (self._views[0].chart(), self._views[1].chart())
