"""The communication log with one program: what was sent and received, dated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.core.interviews import in_workspace as service
from workshop.core.interviews.guidance import rule
from workshop.core.interviews.model import (
    CHANNEL_LABELS,
    MESSAGE_KIND_LABELS,
    Message,
)
from workshop.core.interviews.zones import parse_date
from workshop.ui.interviews.common import NOTE_STYLE, combo, line, table, text_box, wrapped
from workshop.ui.widgets import button

if TYPE_CHECKING:
    from workshop.ui.interviews.page import InterviewsPage

HEADERS = ("Date", "", "How", "What", "Subject")


class LogTab(QWidget):
    def __init__(self, page: InterviewsPage) -> None:
        super().__init__()
        self.page = page
        self.program_id: int | None = None
        self.messages: list[Message] = []
        self.table = table("Communication log", HEADERS, 4)
        self.table.itemSelectionChanged.connect(self._show_body)
        self.table.setMinimumHeight(110)
        self.body_view = text_box("Message text", "", 60, 110)
        self.body_view.setReadOnly(True)

        self.on = line("Message date", "YYYY-MM-DD")
        self.direction = combo("Sent or received", [("Sent", "sent"), ("Received", "received")])
        self.channel = combo("Channel", [(v, k) for k, v in CHANNEL_LABELS.items()])
        self.kind = combo("Kind of message", [(v, k) for k, v in MESSAGE_KIND_LABELS.items()])
        self.subject = line("Message subject", "Subject or a one-line summary")
        self.body = text_box("New message text", "What was said (optional)", 50, 120)
        self.add = button("Add to log", self.add_message, "Add this message to the log")
        self.remove = button("Remove entry", self.remove_selected, "Remove the selected entry")
        first = QHBoxLayout()
        for widget in (self.on, self.direction, self.channel, self.kind):
            first.addWidget(widget)
        second = QHBoxLayout()
        second.addWidget(self.subject, 1)
        second.addWidget(self.add)
        second.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.body_view, 1)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.body)
        breach = rule("report-breach")
        self.rule = wrapped(f"<b>{breach.title}:</b> {breach.text} <i>(Source: "
                            f"{breach.source}.)</i>", NOTE_STYLE, "NRMP rule on breaches")
        layout.addWidget(self.rule)

    def load(self, program_id: int) -> None:
        self.program_id = program_id
        self.messages = service.messages(self.page.workspace, program_id)
        self.table.setRowCount(0)
        for message in self.messages:
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = (message.on.isoformat(), "Sent" if message.direction == "sent"
                      else "Received", CHANNEL_LABELS[message.channel],
                      MESSAGE_KIND_LABELS[message.kind], message.subject)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.body_view.clear()
        if not self.on.text():
            self.on.setText(self.page.today().isoformat())
        for widget in (self.add, self.remove):
            widget.setEnabled(not self.page.read_only)

    def _show_body(self) -> None:
        row = self.table.currentRow()
        self.body_view.setPlainText(self.messages[row].body if 0 <= row < len(self.messages)
                                    else "")

    def prefill(self, kind: str, subject: str, body: str) -> None:
        """Fill the form with a letter about to be logged as sent (from the Letters tab)."""
        self.direction.setCurrentIndex(0)
        self.channel.setCurrentIndex(self.channel.findData("email"))
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self.on.setText(self.page.today().isoformat())

    def add_message(self) -> None:
        program_id = self.program_id
        if program_id is None:
            return

        def act() -> object:
            on = parse_date(self.on.text(), "message date") or self.page.today()
            message = Message(on, self.direction.currentData(), self.channel.currentData(),
                              self.kind.currentData(), self.subject.text().strip(),
                              self.body.toPlainText())
            result = service.log_message(self.page.workspace, program_id, message)
            self.subject.clear()
            self.body.clear()
            return result

        self.page.write(act, "Cannot add to the log")

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.messages):
            self.page.message.emit("Select a log entry first.")
            return
        message_id = self.messages[row].id
        if message_id is None:
            return
        self.page.write(lambda: service.delete_message(self.page.workspace, message_id),
                        "Cannot remove the entry")
