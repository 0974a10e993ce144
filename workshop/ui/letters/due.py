"""What is due: overdue letters and those due within 1 and 7 days, with polite reminders.

ERAS sends writers no reminders; the thresholds follow Interfolio's 7 and 1 days (the core
reads them from templates/letters/facts.toml). The app never sends mail: "Open in e-mail"
hands a ``mailto:`` draft to the user's own mail program, and the user presses Send.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop.core.letters.dashboard import DueItem
from workshop.ui.letters.common import (
    BUCKET_COLOURS,
    BUCKET_TITLES,
    button,
    days_phrase,
    escape,
    open_mail_or_copy,
    short_date,
    wrapped,
)

NEVER_SENDS = ("The app never sends e-mail itself: “Open in e-mail” opens a draft in your own "
               "mail program, where you can edit it and press Send; “Copy reminder” puts the "
               "text on the clipboard.")
BUCKETS = ("overdue", "due_1", "due_7")


def counts(items: list[DueItem]) -> dict[str, int]:
    return {bucket: sum(1 for i in items if i.bucket == bucket) for bucket in BUCKETS}


class DueBanner(QFrame):
    """One line at the top of the page: how many letters are overdue or due soon."""

    open_due = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueBanner")
        self.label = QLabel()
        self.label.setAccessibleName("Letters due")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.show_button = button("Show what is due", self.open_due.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.show_button)

    def show_items(self, items: list[DueItem]) -> None:
        found = counts(items)
        if not items:
            self.label.setText("<b>Due:</b> nothing overdue or due in the next 7 days.")
            self.setStyleSheet("#dueBanner { background: #eafaf1; border-radius: 4px; }")
            self.show_button.hide()
            return
        parts = []
        for bucket in BUCKETS:
            n = found[bucket]
            colour = BUCKET_COLOURS[bucket] if n else "#7f8c8d"
            title = BUCKET_TITLES[bucket].lower()
            parts.append(f"<span style='color:{colour}'><b>{n}</b> {title}</span>")
        self.label.setText("<b>Due:</b>&nbsp; " + " &nbsp;·&nbsp; ".join(parts))
        worst = next(b for b in BUCKETS if found[b])
        tint = {"overdue": "#fdecea", "due_1": "#fdf2e9", "due_7": "#fef9e7"}[worst]
        self.setStyleSheet(f"#dueBanner {{ background: {tint}; border-radius: 4px; }}")
        self.show_button.show()


class DueCard(QFrame):
    """One letter that needs attention, with its reminder and the two mail buttons."""

    show_request = Signal(int, int)  # writer id, request id

    def __init__(self, item: DueItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        colour = BUCKET_COLOURS[item.bucket]
        self.setObjectName("dueCard")
        self.setStyleSheet(f"#dueCard {{ border: 1px solid #d5d8dc; border-left: 5px solid "
                           f"{colour}; border-radius: 4px; background: palette(base); }}")
        request, writer = item.request, item.writer
        due = short_date(request.due) if request.due else ""
        heading = QLabel(f"<span style='color:{colour}'><b>{days_phrase(item.days_left)}"
                         f"</b></span> &nbsp;{escape(writer.display_name)} · "
                         f"{escape(request.target_specialty)} · {request.status.label}"
                         f" · due {due}")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setAccessibleName(f"Due item: {writer.name}")
        self.heading = heading
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.addWidget(heading)
        row = QHBoxLayout()
        self.text: QPlainTextEdit | None = None
        if item.action == "remind":
            subject = QLabel(f"Subject: {item.subject}")
            subject.setAccessibleName(f"Reminder subject for {writer.name}")
            subject.setStyleSheet("color: #566573;")
            layout.addWidget(subject)
            self.text = QPlainTextEdit(item.reminder_text)
            self.text.setReadOnly(True)
            self.text.setAccessibleName(f"Reminder to {writer.name}")
            self.text.setFixedHeight(150)
            layout.addWidget(self.text)
            self.copy_button = button("Copy reminder", self.copy,
                                      name=f"Copy reminder to {writer.name}")
            self.mail_button = button("Open in e-mail", self.open_mail,
                                      "Opens a draft in your own mail program",
                                      name=f"Open reminder to {writer.name} in e-mail")
            self.mail_button.setEnabled(bool(writer.email))
            if not writer.email:
                self.mail_button.setToolTip(f"No e-mail address for {writer.name} yet.")
            row.addWidget(self.copy_button)
            row.addWidget(self.mail_button)
        else:
            note = wrapped("Still only planned: nobody has asked this writer yet, so there is "
                           "nothing to remind them of. Ask them now, then record “asked”.",
                           f"What to do about {writer.name}")
            layout.addWidget(note)
        show = button("Show request", self._show, name=f"Show request of {writer.name}")
        row.addWidget(show)
        row.addStretch(1)
        layout.addLayout(row)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(f"Subject: {self.item.subject}\n\n"
                                            f"{self.item.reminder_text}")

    def open_mail(self) -> bool:
        return open_mail_or_copy(self, self.item.mailto_url, self.item.subject,
                                 self.item.reminder_text, self.item.writer.email)

    def _show(self) -> None:
        writer_id, request_id = self.item.writer.id, self.item.request.id
        if writer_id is not None and request_id is not None:
            self.show_request.emit(writer_id, request_id)


class DueTab(QWidget):
    """The dashboard: groups of cards, most urgent first."""

    show_request = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[DueCard] = []
        self.note = wrapped(NEVER_SENDS, "The app never sends e-mail")
        self.note.setStyleSheet("color: #5d6d7e;")
        self._shown: list[DueItem] | None = None  # the items the cards show now
        self.inner = QWidget()
        self.inner_layout = QVBoxLayout(self.inner)
        self.inner_layout.setContentsMargins(0, 0, 6, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.scroll, 1)

    def show_items(self, items: list[DueItem]) -> None:
        # The letters page recomputes what is due each time it is shown: the same items keep
        # their cards (rebuilding them cost ~40 ms of layout and paint on every visit).
        if self._shown == items:
            return
        self._shown = list(items)
        while self.inner_layout.count():
            child = self.inner_layout.takeAt(0)
            widget = child.widget()
            if widget is not None:  # hidden now: deferred deletion may wait a while
                widget.hide()
                widget.deleteLater()
        self.cards = []
        if not items:
            empty = wrapped("Nothing is overdue or due in the next 7 days. Letters still "
                            "waiting on a writer show up here a week before their due date.",
                            "Nothing due")
            self.inner_layout.addWidget(empty)
        for bucket in BUCKETS:
            mine = [i for i in items if i.bucket == bucket]
            if not mine:
                continue
            title = QLabel(f"<b style='color:{BUCKET_COLOURS[bucket]}'>"
                           f"{BUCKET_TITLES[bucket]} ({len(mine)})</b>")
            title.setAccessibleName(BUCKET_TITLES[bucket])
            self.inner_layout.addWidget(title)
            for item in mine:
                card = DueCard(item)
                card.show_request.connect(self.show_request)
                self.cards.append(card)
                self.inner_layout.addWidget(card)
        self.inner_layout.addStretch(1)

