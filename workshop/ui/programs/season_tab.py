"""The season: dates from the season file merged with yours, as a month list and a calendar.

The season file is the one running today (a new season is a new data file). Every date shows
its status: published, estimated or not confirmed as its source says, or past (worked out from
today, so a date months ago is no longer "estimated"); its source is in its own column, the
tooltip and the day list. Rules without a date (ERAS sets no application deadline) sit above
the list. The .ics export carries the same events, each with a stable UID, so importing it again
into a calendar app updates rather than duplicates, and reminders before deadlines.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
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
from workshop.core.season.events import STATUS_EXPLANATIONS, event_status
from workshop.core.season.ics import export_timeline_ics
from workshop.core.season.timeline import (
    SeasonNote,
    TimelineEvent,
    TimelineItem,
    group_by_month,
    load_season,
    next_events,
    rebase_season,
    with_countdowns,
)
from workshop.ui.file_dialogs import save_file_name
from workshop.ui.palette import is_dark, muted
from workshop.ui.programs.common import button, rich_text, show_error

if TYPE_CHECKING:
    from workshop.ui.programs.page import ProgramsPage

KIND_COLOURS = {
    "season": "#1a5276", "letter-due": "#6c3483", "program-deadline": "#922b21",
    "interview": "#1d6b3c", "custom": "#555555",
}
#: status -> (light background, dark background) text colour; "own" keeps the palette's text
STATUS_COLOURS = {"published": ("#1d6b3c", "#7fd39b"), "estimated": ("#8a5a00", "#e8b65a"),
                  "not-confirmed": ("#b03a2e", "#ff8a7a")}
SOON_DAYS = 30
COLUMNS = ("Date", "Event", "When", "Status", "Kind", "Source")


def tooltip(event: TimelineEvent, today: _dt.date | None = None) -> str:
    """What a hover says: the status (past once ``today`` is after it), what is known, the
    note and the source."""
    lines = [event.title]
    status = event_status(event, today) if today is not None else (event.status or "own")
    if status == "past":
        lines.append("This date has passed.")
    if event.status == "estimated":
        lines.append("Estimated date" + (f": {event.when}" if event.when else ""))
    elif event.status == "not-confirmed":
        lines.append("Not confirmed" + (f": {event.when}" if event.when else "")
                     + ". Check it with the source before relying on it.")
    elif event.when:
        lines.append(event.when)
    if event.note:
        lines.append(event.note)
    lines.append(f"Source: {event.source}" if event.source else "Your own date")
    return "\n".join(lines)


def date_text(event: TimelineEvent) -> str:
    """ "2027-03-03", or "2027-03-15 to 03-18" for a span of days."""
    if event.end is None or event.end == event.date:
        return event.date.isoformat()
    tail = event.end.isoformat()[5:] if event.end.year == event.date.year else (
        event.end.isoformat())
    return f"{event.date.isoformat()} to {tail}"


def notes_text(notes: list[SeasonNote]) -> str:
    """The season's rules without a date, with their sources, as one rich-text line."""
    return "<br>".join(f"<b>Note:</b> {rich_text(n.text)} <i>(Source: {rich_text(n.source)})</i>"
                       for n in notes)


def _readable(colour: QColor, dark: bool) -> QColor:
    """An accent lightened enough to read on a dark background (unchanged on a light one)."""
    return colour.lighter(190) if dark else colour



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
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName("Season rules")
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        bar = QHBoxLayout()
        bar.addWidget(self.upcoming, 1)
        bar.addWidget(self.export_button)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Season timeline")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self._size_columns()
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
                        "ERAS / NRMP / ECFMG <span style='color:#922b21'>■</span> deadline "
                        "<span style='color:#6c3483'>■</span> letter "
                        "<span style='color:#1d6b3c'>■</span> interview")
        legend.setWordWrap(True)
        right_layout.addWidget(legend)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 2)
        split.setSizes([900, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.notes)
        layout.addWidget(split, 1)

    def _size_columns(self) -> None:
        """Widths from the font, so the longest date, countdown, status and kind fit at any
        scaling; the event title gets a fixed share and the source the rest."""
        metrics = self.tree.fontMetrics()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        pad = metrics.horizontalAdvance("M") + 8
        widest = (metrics.horizontalAdvance("  2027-03-15 to 03-18"),
                  metrics.horizontalAdvance("NRMP rank-order list deadline, 9 p.m. ET"),
                  metrics.horizontalAdvance("888 days ago"),
                  bold_metrics.horizontalAdvance("not confirmed"),
                  metrics.horizontalAdvance("Letter due"))
        for column, width in enumerate(widest):
            self.tree.setColumnWidth(column, width + pad)

    def refresh(self, data: ProgramsData) -> None:
        today = data.today
        try:
            season = load_season(today=today)
            self.events = rebase_season(timeline_events(self.page.workspace), season)
        except UserError as exc:
            self.events = []
            self.upcoming.setText(f"<span style='color:#c0392b'>{exc}</span>")
            return
        self.notes.setText(notes_text(season.notes))
        self.notes.setVisible(bool(season.notes))
        self._fill_tree(today)
        self._fill_calendar(today)
        soon = next_events(self.events, today, SOON_DAYS)
        if soon:
            first = soon[0]
            self.upcoming.setText(
                f"<b>Next:</b> {rich_text(first.label)} — {first.event.date:%b %d} "
                f"({first.countdown}). "
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
                row = self._row(item, today)
                self.tree.addTopLevelItem(row)
                if first_future is None and not item.past:
                    first_future = row
        if first_future is not None:
            # After the layout pass, or the tree has no height to scroll in yet. A persistent
            # index, not the item: a second refresh in the same turn deletes the item.
            target = QPersistentModelIndex(self.tree.indexFromItem(first_future))
            QTimer.singleShot(0, lambda: target.isValid() and self.tree.scrollTo(
                QModelIndex(target), QTreeWidget.ScrollHint.PositionAtTop))

    def _row(self, item: TimelineItem, today: _dt.date) -> QTreeWidgetItem:
        event = item.event
        dark = is_dark(self.tree)
        row = QTreeWidgetItem([f"  {date_text(event)}", event.title, item.countdown,
                               item.status_label, event.kind_label, event.source or "you"])
        row.setData(0, Qt.ItemDataRole.UserRole, event.date.isoformat())
        tip = tooltip(event, today)
        colour = _readable(QColor(KIND_COLOURS.get(event.kind, "#333333")), dark)
        past = QColor(muted(self.tree))
        for column in range(len(COLUMNS)):
            row.setToolTip(column, tip)
            if item.past:
                row.setForeground(column, QBrush(past))
            elif column == 3 and item.status in STATUS_COLOURS:
                light, on_dark = STATUS_COLOURS[item.status]
                row.setForeground(column, QBrush(QColor(on_dark if dark else light)))
            elif column == 4:
                row.setForeground(column, QBrush(colour))
        row.setToolTip(3, f"{STATUS_EXPLANATIONS.get(item.status, '')}\n\n{tip}")
        if item.status in ("estimated", "not-confirmed"):
            font = row.font(1)
            font.setItalic(True)
            row.setFont(1, font)
        if item.status == "not-confirmed":
            font = row.font(3)
            font.setBold(True)
            row.setFont(3, font)
        return row

    def _fill_calendar(self, today: _dt.date) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear old highlights
        by_day: dict[_dt.date, list[TimelineEvent]] = {}
        for event in self.events:
            for offset in range((event.last_day - event.date).days + 1):
                by_day.setdefault(event.date + _dt.timedelta(days=offset), []).append(event)
        for day, events in by_day.items():
            fmt = QTextCharFormat()
            colour = QColor(KIND_COLOURS.get(events[0].kind, "#333333"))
            fmt.setBackground(QColor(colour.red(), colour.green(), colour.blue(), 60))
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setToolTip("\n\n".join(tooltip(e, today) for e in events))
            self.calendar.setDateTextFormat(_qdate(day), fmt)
        future = [e.date for e in self.events if e.last_day >= today]
        start = max(min(future), today) if future else today
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
        items = [i for i in with_countdowns(self.events, today)
                 if i.event.date <= day <= i.event.last_day]
        self.day_title.setText(f"<b>{day:%A, %B} {day.day}, {day.year}</b>")
        self.day_list.clear()
        for item in items:
            event = item.event
            facts = [event.kind_label, item.status_label]
            if event.when and item.status in ("estimated", "not-confirmed"):
                facts.append(event.when)
            if event.source:
                facts.append(f"source: {event.source}")
            entry = QListWidgetItem(f"{item.label} — {item.countdown}\n" + " · ".join(facts))
            entry.setToolTip(tooltip(item.event, today))
            self.day_list.addItem(entry)
        if not items:
            self.day_list.addItem("No dates on this day.")

    def export_ics(self) -> None:
        path, _ = save_file_name(self, "Export to calendar", "residency-season.ics",
                                              "iCalendar (*.ics)")
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != ".ics":
            out = out.with_suffix(".ics")
        events = list(self.events)
        today = self.page.data.today

        def done(written: object) -> None:
            self.page.message.emit(f"Exported {len(events)} dates to {Path(str(written)).name}; "
                                   "import it into your calendar app.")

        self.page.context.operations.run(
            lambda: export_timeline_ics(events, out, today=today), on_done=done,
            on_failed=lambda error: show_error(self, "Cannot export the calendar",
                                               UserError(error)),
            parent=self)
