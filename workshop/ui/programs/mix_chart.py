"""The list's mix as a bar chart (QtCharts, imported on first use) with the mix warnings.

One coloured bar per label, read from the top in the order an applicant reads a list: strong fit,
target, reach, not eligible. Each bar carries its count, so the chart reads without the axis.
The warnings come from :func:`workshop.core.programs.fit.mix_summary` and say what to do.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMargins, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from workshop.core.programs.fit import MixSummary
from workshop.ui.programs.common import FIT_BARS, rich_text

#: Bottom to top on the chart's label axis, so "strong fit" reads first from the top.
ORDER = ("not enough info", "not eligible", "reach", "target", "strong fit")


def build_chart(summary: MixSummary) -> Any:
    """A stacked bar chart in which each label owns one bar (so each bar has its colour)."""
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSet,
        QChart,
        QHorizontalStackedBarSeries,
        QValueAxis,
    )

    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setBackgroundRoundness(6)
    chart.legend().hide()
    series = QHorizontalStackedBarSeries()
    series.setBarWidth(0.6)
    for i, label in enumerate(ORDER):
        bar = QBarSet(label)
        bar.setColor(QColor(FIT_BARS[label]))
        bar.setBorderColor(QColor(FIT_BARS[label]))
        bar.append([float(summary.counts.get(label, 0)) if j == i else 0.0
                    for j in range(len(ORDER))])
        bar.setLabelColor(QColor("#ffffff"))
        series.append(bar)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    labels = QBarCategoryAxis()
    labels.append(list(ORDER))
    small = QFont(labels.labelsFont())
    small.setPointSizeF(max(7.5, small.pointSizeF() * 0.9))
    labels.setLabelsFont(small)
    labels.setTruncateLabels(False)  # "not enough info" in full; the plot gives way
    chart.addAxis(labels, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(labels)
    counts = QValueAxis()
    top = max(summary.counts.values(), default=0)
    counts.setRange(0, max(top, 1))
    counts.setTickCount(min(max(top, 1), 5) + 1)
    counts.setLabelFormat("%d")
    counts.setLabelsFont(small)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(counts)
    return chart


class _Note(QTextBrowser):
    """Rich text that wraps and scrolls, set and read like a label (``setText``/``text``)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setOpenLinks(False)
        self.viewport().setAutoFillBackground(False)  # the panel's colour, as a label has

    def setText(self, html: str) -> None:  # noqa: N802 - QLabel's name, kept for callers
        self.setHtml(html)

    def text(self) -> str:
        return self.toPlainText()


class MixPanel(QWidget):
    """The chart beside the warnings; empty lists show a sentence instead of an empty chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCharts import QChartView

        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName("Mix of reach, target and strong-fit programs")
        self.view.setMinimumHeight(150)
        self.view.setMinimumWidth(260)
        self.title = QLabel("<b>Your list's mix</b>")
        # Several warnings at once on a laptop screen: one read-only document that scrolls
        # itself. A word-wrapped label in a scroll area kept its old height when new warnings
        # came (after an import the third was cut off, with no scroll bar, until a resize).
        self.warnings = _Note()
        self.warnings.setAccessibleName("Mix warnings")
        side = QVBoxLayout()
        side.addWidget(self.title)
        side.addWidget(self.warnings, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 2)  # room for "not enough info" beside its bar
        layout.addLayout(side, 1)
        self.summary: MixSummary | None = None
        # The chart is drawn one turn after the words: building a QChart takes 5–10 ms, on the
        # Programs page's first visit too, and a burst of refreshes draws it once.
        self.chart_timer = QTimer(self)
        self.chart_timer.setSingleShot(True)
        self.chart_timer.setInterval(0)
        self.chart_timer.timeout.connect(self.draw_chart)

    def draw_chart(self) -> None:
        """Draw the chart for the summary last shown (the timer does this; tests may call it)."""
        self.chart_timer.stop()
        old = self.view.chart()
        self.view.setChart(build_chart(self.summary or MixSummary(counts={}, total=0)))
        if old is not None:
            old.deleteLater()

    def show_summary(self, summary: MixSummary | None) -> None:
        self.summary = summary
        self.chart_timer.start()
        if summary is None or summary.total == 0:
            self.warnings.setText("Add programs to see the mix of reach, target and strong-fit "
                                  "programs on your list.")
            return
        if summary.warnings:
            items = "".join(f"<li>{rich_text(w)}</li>" for w in summary.warnings)
            self.warnings.setText(f"<span style='color:#922b21'><b>Check your list</b></span>"
                                  f"<ul style='margin-left:-20px'>{items}</ul>")
        else:
            self.warnings.setText("<span style='color:#1d6b3c'><b>Balanced.</b></span> The list "
                                  "mixes reach, target and strong-fit programs.")

