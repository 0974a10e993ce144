"""Small widgets and helpers shared by the Letters tabs (buttons, refusals, dates, colours)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFocusEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QPlainTextEdit, QWidget

from workshop.ui.widgets import button  # noqa: F401 - the Letters tabs import it from here

# Dashboard colours: the same three everywhere (banner, Due tab, writers' request list).
BUCKET_COLOURS = {"overdue": "#c0392b", "due_1": "#d35400", "due_7": "#9a7d0a"}
BUCKET_TITLES = {"overdue": "Overdue", "due_1": "Due within 1 day",
                 "due_7": "Due within 7 days"}
DONE_COLOUR = "#1e8449"
MUTED_COLOUR = "#7f8c8d"




def wrapped(text: str = "", name: str = "", *, rich: bool = False) -> QLabel:
    """A word-wrapped label (explanations, notes)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if name:
        label.setAccessibleName(name)
    return label


class RefusalLabel(QLabel):
    """An inline, red explanation of why an edit was refused; hidden when there is none.

    Field edits show refusals inline instead of in a dialog: a dialog would steal focus,
    which ends the edit again and would pop the same dialog twice.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: #c0392b; background: #fdecea; padding: 4px 6px;"
                           " border-radius: 3px;")
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_text(self) -> None:
        self.show_text("")


class NotesEdit(QPlainTextEdit):
    """A multi-line field that reports ``editingFinished`` when it loses focus, like QLineEdit."""

    editingFinished = Signal()  # noqa: N815 - mirrors QLineEdit's signal name

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.editingFinished.emit()


def refuse(parent: QWidget | None, title: str, message: str) -> None:
    """Show a refusal from the core (its message already says what to do)."""
    QMessageBox.warning(parent, title, message)


def open_mail_or_copy(parent: QWidget | None, url: str, subject: str, body: str,
                      to: str = "") -> bool:
    """Open a ``mailto:`` draft; when no mail program takes it, copy the text and say so.

    Returns:
        True when a mail program opened the draft, False when the text was copied instead.
    """
    if QDesktopServices.openUrl(QUrl(url)):
        return True
    QGuiApplication.clipboard().setText(f"Subject: {subject}\n\n{body}")
    where = f" and send it to {to}" if to else ""
    QMessageBox.information(parent, "E-mail text copied",
                            "No e-mail program opened the draft, so the e-mail text (with its "
                            f"subject line) was copied instead. Paste it into your mail{where}.")
    return False


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def days_phrase(days_left: int) -> str:
    """"overdue by 2 days", "due today", "due tomorrow", "due in 5 days"."""
    if days_left < 0:
        n = -days_left
        return f"overdue by {n} day{'s' if n != 1 else ''}"
    if days_left == 0:
        return "due today"
    if days_left == 1:
        return "due tomorrow"
    return f"due in {days_left} days"


def specialty_names() -> list[str]:
    """"General" first, then the ERAS specialty names the checks know (resources/checks)."""
    import json

    from workshop.core.letters.model import GENERAL
    from workshop.core.resources import resource

    try:
        data = json.loads(resource("checks", "specialties.json").read_text("utf-8"))
    except (OSError, ValueError):
        return [GENERAL]
    names = data.get("specialties", {}) if isinstance(data, dict) else data
    return [GENERAL, *sorted(str(n) for n in names if isinstance(n, str))]


def short_date(day: dt.date) -> str:
    """"Nov 21, 2026" on every platform (``%-d`` is not portable)."""
    return f"{day:%b} {day.day}, {day.year}"


def escape(text: str) -> str:
    """Text made safe for a rich-text label (names may contain '<' or '&')."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
