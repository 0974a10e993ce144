"""The season: dates from the season file merged with yours, as a month list and a calendar.

Estimated dates say so in their title and give what is known and the source in a tooltip;
past dates are greyed. The .ics export carries the same events, each with a stable UID, so
importing it again into a calendar app updates rather than duplicates.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.programs.in_workspace import timeline_events
from workshop.core.programs.snapshot import ProgramsData
from workshop.core.season.ics import export_timeline_ics
from workshop.core.season.timeline import (
    KIND_LABELS,
    TimelineEvent,
    TimelineItem,
    group_by_month,
    next_events,
    with_countdowns,
)
from workshop.ui.programs.common import button, show_error

if TYPE_CHECKING:
    from workshop.ui.programs.page import ProgramsPage

KIND_COLOURS = {
    "season": "#1a5276", "letter-due": "#6c3483", "program-deadline": "#922b21",
    "eras-deadline": "#922b21", "interview": "#1d6b3c", "custom": "#555555",
}
PAST = QColor("#9a9a9a")
SOON_DAYS = 30


def tooltip(event: TimelineEvent) -> str:
    """What a hover says: estimated or not, what is known, the note and the source."""
    lines = [event.title]
    if event.estimated:
        lines.append("Estimated date" + (f": {event.when}" if event.when else ""))
    elif event.when:
        lines.append(event.when)
    if event.note:
        lines.append(event.note)
    lines.append(f"Source: {event.source}" if event.source else "Your own date")
    return "\n".join(lines)


def _qdate(day: _dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SeasonTab(QWidget):
    """Month-grouped list with countdowns beside a calendar of the same events."""

    def __init__(self, page: ProgramsPage) -> None:
        super().__init__()
        self.page = page
        self.events: list[TimelineEvent] = []
        self.export_button = button("Export to calendar (.ics)…", self.export_ics,
                                    "For Google Calendar, Outlook, Apple Calendar…")
        self.upcoming = QLabel()
        self.upcoming.setWordWrap(True)
        self.upcoming.setAccessibleName("Coming up")
        bar = QHBoxLayout()
        bar.addWidget(self.upcoming, 1)
        bar.addWidget(self.export_button)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Season timeline")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Date", "Event", "When", "Kind"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        for column, width in enumerate((92, 300, 88, 110)):
            self.tree.setColumnWidth(column, width)
        self.tree.itemClicked.connect(self._on_tree_item)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName("Season calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.selectionChanged.connect(self._show_day)
        self.day_title = QLabel()
        self.day_list = QListWidget()
        self.day_list.setAccessibleName("Events on the selected day")
        self.day_list.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.calendar)
        right_layout.addWidget(self.day_title)
        right_layout.addWidget(self.day_list, 1)
        legend = QLabel("Highlighted days have events. <span style='color:#1a5276'>■</span> "
                        "season <span style='color:#922b21'>■</span> deadline "
                        "<span style='color:#6c3483'>■</span> letter "
                        "<span style='color:#1d6b3c'>■</span> interview")
        legend.setWordWrap(True)
        right_layout.addWidget(legend)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([620, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def refresh(self, data: ProgramsData) -> None:
        try:
            self.events = timeline_events(self.page.workspace)
        except UserError as exc:
            self.events = []
            self.upcoming.setText(f"<span style='color:#c0392b'>{exc}</span>")
            return
        today = data.today
        self._fill_tree(today)
        self._fill_calendar(today)
        soon = next_events(self.events, today, SOON_DAYS)
        if soon:
            first = soon[0]
            self.upcoming.setText(
                f"<b>Next:</b> {first.label} — {first.event.date:%b %d} ({first.countdown}). "
                f"{len(soon)} date{'s' if len(soon) != 1 else ''} in the next {SOON_DAYS} days.")
        else:
            self.upcoming.setText(f"Nothing in the next {SOON_DAYS} days.")

    def _fill_tree(self, today: _dt.date) -> None:
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        first_future: QTreeWidgetItem | None = None
        for group in group_by_month(self.events, today):
            head = QTreeWidgetItem([group.label])
            head.setFirstColumnSpanned(True)
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for item in group.items:
                row = self._row(item)
                self.tree.addTopLevelItem(row)
                if first_future is None and item.days >= 0:
                    first_future = row
        if first_future is not None:
            # after the layout pass, or the tree has no height to scroll in yet
            target = first_future
            QTimer.singleShot(0, lambda: self.tree.scrollToItem(
                target, QTreeWidget.ScrollHint.PositionAtTop))

    @staticmethod
    def _row(item: TimelineItem) -> QTreeWidgetItem:
        event = item.event
        row = QTreeWidgetItem([f"  {event.date.isoformat()}", item.label, item.countdown,
                               KIND_LABELS.get(event.kind, event.kind)])
        row.setData(0, Qt.ItemDataRole.UserRole, event.date.isoformat())
        tip = tooltip(event)
        colour = QColor(KIND_COLOURS.get(event.kind, "#333333"))
        for column in range(4):
            row.setToolTip(column, tip)
            row.setForeground(column, QBrush(PAST if item.days < 0 else colour if column == 3
                                             else QColor("#202020")))
        if event.estimated:
            font = row.font(1)
            font.setItalic(True)
            row.setFont(1, font)
        return row

    def _fill_calendar(self, today: _dt.date) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear old highlights
        by_day: dict[_dt.date, list[TimelineEvent]] = {}
        for event in self.events:
            by_day.setdefault(event.date, []).append(event)
        for day, events in by_day.items():
            fmt = QTextCharFormat()
            colour = QColor(KIND_COLOURS.get(events[0].kind, "#333333"))
            fmt.setBackground(QColor(colour.red(), colour.green(), colour.blue(), 60))
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setToolTip("\n\n".join(tooltip(e) for e in events))
            self.calendar.setDateTextFormat(_qdate(day), fmt)
        future = [e.date for e in self.events if e.date >= today]
        start = min(future) if future else today
        self.calendar.setSelectedDate(_qdate(start))
        self._show_day()

    def _on_tree_item(self, item: QTreeWidgetItem, _column: int) -> None:
        iso = item.data(0, Qt.ItemDataRole.UserRole)
        if iso:
            self.calendar.setSelectedDate(_qdate(_dt.date.fromisoformat(iso)))

    def _show_day(self) -> None:
        q = self.calendar.selectedDate()
        day = _dt.date(q.year(), q.month(), q.day())
        today = self.page.data.today
        items = [i for i in with_countdowns(self.events, today) if i.event.date == day]
        self.day_title.setText(f"<b>{day:%A, %B} {day.day}, {day.year}</b>")
        self.day_list.clear()
        for item in items:
            event = item.event
            facts = [KIND_LABELS.get(event.kind, event.kind)]
            if event.estimated:
                facts.append(f"estimated: {event.when}" if event.when else "estimated")
            if event.source:
                facts.append(f"source: {event.source}")
            entry = QListWidgetItem(f"{item.label} — {item.countdown}\n" + " · ".join(facts))
            entry.setToolTip(tooltip(item.event))
            self.day_list.addItem(entry)
        if not items:
            self.day_list.addItem("No dates on this day.")

    def export_ics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export to calendar", "residency-season.ics",
                                              "iCalendar (*.ics)")
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != ".ics":
            out = out.with_suffix(".ics")
        events = list(self.events)

        def done(written: object) -> None:
            self.page.message.emit(f"Exported {len(events)} dates to {Path(str(written)).name}; "
                                   "import it into your calendar app.")

        self.page.context.operations.run(
            lambda: export_timeline_ics(events, out), on_done=done,
            on_failed=lambda error: show_error(self, "Cannot export the calendar",
                                               UserError(error)),
            parent=self)
