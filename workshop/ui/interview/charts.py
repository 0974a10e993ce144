"""The two dashboard charts, built with QtCharts (imported here, on first use only).

* Self-review by week: the overall rubric mean as a bold line, the four dimensions as thin
  lines behind it, on a fixed 1-5 scale so a week's dip is not exaggerated by autoscaling.
* Time against target: per category, the average answer next to its target, in seconds, as
  horizontal bars so long category names stay readable.

Animations are off: charts redraw after every drill and in screenshots, and a calm page does
not bounce.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from workshop.core.drills.progress import CategoryTime, WeekTrend

OVERALL = QColor("#23766a")
DIMENSIONS = (("structure", "Structure", "#7a8fb3"), ("conciseness", "Conciseness", "#c68a1c"),
              ("content", "Content", "#8e6bb0"), ("delivery", "Delivery", "#5aa1c9"))
AVERAGE = QColor("#23766a")
TARGET = QColor("#c9d1dc")


def _chart(title: str) -> Any:
    from PySide6.QtCharts import QChart

    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    font.setPointSizeF(max(9.0, font.pointSizeF()))
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(8)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(_small(chart.legend().font()))
    return chart


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(7.5, font.pointSizeF() * 0.85))
    return small


def chart_view(parent: QWidget | None = None) -> Any:
    """An empty, antialiased chart view."""
    from PySide6.QtCharts import QChartView

    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def _moment(day: dt.date, hour: int = 12, minute: int = 0) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, minute))


def _msecs(day: dt.date) -> int:
    return int(_moment(day).toMSecsSinceEpoch())


def trend_chart(weeks: Sequence[WeekTrend]) -> Any:
    """Rubric means per week on a 1-5 scale."""
    from PySide6.QtCharts import QDateTimeAxis, QLineSeries, QValueAxis

    chart = _chart("Self-review by week (1–5)")
    axis_x = QDateTimeAxis()
    axis_x.setFormat("MMM d")
    axis_x.setLabelsFont(_small(axis_x.labelsFont()))
    axis_y = QValueAxis()
    axis_y.setRange(1, 5)
    axis_y.setTickCount(5)
    axis_y.setLabelFormat("%d")
    axis_y.setLabelsFont(_small(axis_y.labelsFont()))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    lines = [(name, label, QColor(colour), 1.6) for name, label, colour in DIMENSIONS]
    lines.append(("overall", "Overall", OVERALL, 3.2))
    for name, label, colour, width in lines:
        series = QLineSeries()
        series.setName(label)
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        series.setPen(pen)
        series.setPointsVisible(len(weeks) < 3)
        for week in weeks:
            series.append(_msecs(week.week_start), float(getattr(week, name)))
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    if weeks:
        first, last = weeks[0].week_start, weeks[-1].week_start
        if first == last:
            first, last = first - dt.timedelta(days=3), last + dt.timedelta(days=3)
        axis_x.setRange(_moment(first, 0), _moment(last, 23, 59))
        axis_x.setTickCount(min(6, max(2, len(weeks))))
    return chart


def time_chart(categories: Sequence[CategoryTime], titles: Mapping[str, str]) -> Any:
    """Average answer length against target per category, in seconds."""
    from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QHorizontalBarSeries, QValueAxis

    chart = _chart("Time against target (seconds)")
    ordered = list(reversed(categories))  # horizontal bars draw bottom-up
    average = QBarSet("Your average")
    average.setColor(AVERAGE)
    average.setBorderColor(AVERAGE)
    target = QBarSet("Target")
    target.setColor(TARGET)
    target.setBorderColor(TARGET)
    for c in ordered:
        average.append(round(c.mean_answer_seconds, 1))
        target.append(round(c.mean_target_seconds, 1))
    series = QHorizontalBarSeries()
    series.append(target)
    series.append(average)
    series.setBarWidth(0.75)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append([_short(titles.get(c.category, c.category)) for c in ordered])
    axis_y.setLabelsFont(_small(axis_y.labelsFont()))
    axis_x = QValueAxis()
    top = max([c.mean_answer_seconds for c in categories]
              + [c.mean_target_seconds for c in categories] + [60.0])
    axis_x.setRange(0, (int(top / 30) + 1) * 30)
    axis_x.setTickCount(min(8, (int(top / 30) + 2)))
    axis_x.setLabelFormat("%d")
    axis_x.setLabelsFont(_small(axis_x.labelsFont()))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    return chart


def _short(title: str, limit: int = 24) -> str:
    head = title.split(" (")[0]
    return head if len(head) <= limit else head[: limit - 1] + "…"
