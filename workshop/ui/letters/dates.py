"""A date field that takes typing and opens on today, with an optional "no date" state.

Qt's QDateEdit has no empty state; the usual trick (the minimum date shown as "No due date")
made typing produce "No due dateDec15,2026" and the calendar open on January 2000. This edit
keeps that state but steps out of it as soon as the user starts: focusing or opening the
calendar puts today's date in (without saving it until the user changes or keeps it), and
typing goes into ISO-ordered sections (2026-12-15) that accept digits directly. "Today" comes
from the injected clock so tests drive it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

NO_DATE = QDate(2000, 1, 1)  # the minimum, shown as the special text
FORMAT = "yyyy-MM-dd"
FORMAT_HINT = "Type the date as 2026-12-15 (year, month, day) or pick it from the calendar."


class DateField(QDateEdit):
    """A keyboard-friendly QDateEdit that opens on today.

    Args:
        today: the injected clock.
        empty_text: when given, the field may be empty and shows this text ("No due date");
            Delete or Backspace on the whole field empties it again.
    """

    #: Emitted when the user changed the value (not when the field only put today in).
    edited = Signal()

    def __init__(self, today: Callable[[], dt.date], empty_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.optional = bool(empty_text)
        self._provisional = False  # today shown on focus, not yet the user's choice
        self._advanced = False  # the last digit filled a section and Qt moved to the next
        self.setCalendarPopup(True)
        self.setDisplayFormat(FORMAT)
        self.setToolTip(FORMAT_HINT)
        if self.optional:
            self.setMinimumDate(NO_DATE)
            self.setSpecialValueText(empty_text)
            self.setDate(NO_DATE)
        else:
            self.setDate(_q(today()))
        self._show_page(today())
        self.dateChanged.connect(self._changed)

    # -- value ------------------------------------------------------------------------------
    def value(self) -> dt.date | None:
        """The chosen day; None when empty (or only showing today provisionally)."""
        if self._provisional or (self.optional and self.date() == NO_DATE):
            return None
        day = self.date()
        return dt.date(day.year(), day.month(), day.day())

    def set_value(self, day: dt.date | None) -> None:
        """Show ``day`` (None: empty) without emitting ``edited``."""
        self.blockSignals(True)
        self._provisional = False
        if day is None and self.optional:
            self.setDate(NO_DATE)
        else:
            self.setDate(_q(day or self._today()))
        self.blockSignals(False)
        self._show_page(day or self._today())

    def clear_value(self) -> None:
        """Empty the field (optional fields only) and report it as the user's edit."""
        if not self.optional:
            return
        self.set_value(None)
        self.edited.emit()

    # -- stepping out of the empty state ----------------------------------------------------
    def _start_from_today(self) -> None:
        if self.optional and self.date() == NO_DATE:
            self.blockSignals(True)
            self.setDate(_q(self._today()))
            self.blockSignals(False)
            self._provisional = True
        self._show_page(self.value() or self._today())

    def _show_page(self, day: dt.date) -> None:
        """The calendar opens on ``day``'s month (selecting in it would set the field)."""
        self.calendarWidget().setCurrentPage(day.year, day.month)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        self._start_from_today()
        super().focusInEvent(event)
        self.setSelectedSection(QDateEdit.Section.YearSection)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self._start_from_today()
        super().mousePressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusOutEvent(event)
        if self._provisional and not self.calendarWidget().isVisible():
            self.set_value(None)  # looked, did not choose: still no date

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if (self.optional and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and self.lineEdit().selectedText() == self.lineEdit().text()):
            self.clear_value()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._provisional:
            self._provisional = False  # Enter keeps today
            self.edited.emit()
        if event.text() in ("-", "/", ".") and self._advanced:
            self._advanced = False  # Qt already moved on after a full section: "2027-01-15"
            return
        before = self.currentSection()
        super().keyPressEvent(event)
        self._advanced = event.text().isdigit() and self.currentSection() != before

    def _changed(self, _day: QDate) -> None:
        self._provisional = False  # typed, stepped or picked: the user's choice now
        self.edited.emit()


def _q(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
