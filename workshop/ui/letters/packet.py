"""Writer packets for one request: build the PDF or .zip off the GUI thread, show the history.

Building takes 0.1-0.7 s (rendering the CV and statement), so it runs on a one-thread pool
while the button says so. The history answers "which statement and CV did this writer get,
and when?" from the packet log the core writes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.letters.dashboard import mailto_url
from workshop.core.letters.in_workspace import prepare_packet, record_packet, render_packet
from workshop.core.letters.model import LetterRequest, LetterWriter, Status
from workshop.core.letters.packet import packet_parts
from workshop.ui.file_dialogs import save_file_name
from workshop.ui.letters.common import (
    button,
    open_mail_or_copy,
    refuse,
    short_date,
    wrapped,
)
from workshop.ui.letters.store import PACKETS, LettersStore

FILTERS = {".pdf": "PDF packet, bookmarked (*.pdf)", ".zip": "Word files in a .zip (*.zip)"}


#: Statuses that say the writer already has the packet (the pipeline's truth).
SENT_OR_LATER = frozenset({Status.PACKET_SENT, Status.UPLOADED, Status.ASSIGNED})


class PacketPanel(QWidget):
    """Build-packet button, request e-mail helpers, warnings and packet history."""

    built = Signal(object)  # Path of the written packet
    message = Signal(str)

    def __init__(self, store: LettersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.writer: LetterWriter | None = None
        self.request: LetterRequest | None = None
        self.busy = False
        self.operations = store.operations
        self.build_button = button("Build packet…", self.build_dialog,
                                   "One PDF (cover letter, CV, statement, case summary, Letter "
                                   "Request Form details) or a .zip of .docx files")
        self.copy_button = button("Copy e-mail", self.copy_request_email,
                                  "Copy the e-mail for this step to paste into your mail")
        self.mail_button = button("Open in e-mail", self.open_request_email,
                                  "Opens a draft in your own mail program; you press Send")
        self.email_purpose = wrapped("", "What the e-mail is for")
        self.email_purpose.setStyleSheet("color: #5d6d7e;")
        self.warnings = wrapped("", "Before sending the packet")
        self.warnings.setStyleSheet("color: #9a7d0a;")
        self.history = QTableWidget(0, 4)
        self.history.setAccessibleName("Packet history")
        self.history.setHorizontalHeaderLabels(["Sent", "Statement", "CV", "Files"])
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.history.setMinimumHeight(90)
        row = QHBoxLayout()
        row.addWidget(self.build_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.mail_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.email_purpose)
        layout.addWidget(self.warnings)
        layout.addWidget(self.history, 1)
        self.load(None, None)

    # -- showing --------------------------------------------------------------------------
    def load(self, writer: LetterWriter | None, request: LetterRequest | None) -> None:
        self.writer, self.request = writer, request
        declined = request is not None and request.status is Status.DECLINED
        ready = writer is not None and request is not None and not declined
        self.build_button.setEnabled(ready and not self.busy)
        self.copy_button.setEnabled(writer is not None and request is not None)
        self.mail_button.setEnabled(request is not None and bool(writer and writer.email))
        self.warnings.setText("")
        self.warnings.hide()
        if declined:
            self.warnings.setText("This letter was declined: no packet is needed.")
            self.warnings.show()
        self.email_purpose.setText("")
        if writer is not None and request is not None:
            try:
                parts = self._parts()
                notes = list(parts["warnings"]) if ready else []  # type: ignore[call-overload]
                self.email_purpose.setText(f"E-mail for this step ({request.status.label}): "
                                           f"{parts['email_purpose']}.")
            except UserError as exc:
                notes = [str(exc)]
            self.warnings.setText("\n".join(f"• {n}" for n in notes))
            self.warnings.setVisible(bool(notes))
        self.show_history()

    def show_history(self) -> None:
        records = (self.store.history(self.request.id)
                   if self.request is not None and self.request.id is not None else [])
        self.history.clearSpans()
        self.history.setRowCount(0)
        for record in reversed(records):  # newest first
            row = self.history.rowCount()
            self.history.insertRow(row)
            files = ", ".join(f["name"] for f in record.files)
            cells = (f"{short_date(record.sent_at.date())} {record.sent_at:%H:%M}",
                     record.statement_label, record.cv_version, files)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setToolTip("\n".join(f"{f['name']}  sha256 {f['sha256'][:16]}…"
                                              for f in record.files))
                self.history.setItem(row, column, item)
        if not records:
            self.history.setRowCount(1)
            marked = self.request is not None and self.request.status in SENT_OR_LATER
            item = QTableWidgetItem("Marked “packet sent”, but no packet was built here."
                                    if marked else "No packet built for this request yet.")
            if marked:
                item.setToolTip("Nothing records what went to the writer. Build the packet "
                                "here to keep that record (which statement and CV versions).")
            self.history.setItem(0, 0, item)
            self.history.setSpan(0, 0, 1, 4)

    def _parts(self) -> dict[str, object]:
        assert self.writer is not None and self.request is not None
        return packet_parts(self.writer, self.request, self.store.profile(),
                            today=self.store.today())

    # -- request e-mail -------------------------------------------------------------------
    def _email_parts(self) -> dict[str, object] | None:
        """The packet texts for the request e-mail, or None (refusal shown) when unavailable."""
        if self.writer is None or self.request is None:
            return None
        try:
            return self._parts()
        except UserError as exc:
            refuse(self, "Request e-mail", str(exc))
            return None

    def copy_request_email(self) -> None:
        parts = self._email_parts()
        if parts is None:
            return
        QGuiApplication.clipboard().setText(f"Subject: {parts['request_email_subject']}\n\n"
                                            f"{parts['request_email']}")
        self.message.emit("E-mail copied.")

    def open_request_email(self) -> None:
        parts = self._email_parts()
        if parts is None or self.writer is None:
            return
        subject, body = str(parts["request_email_subject"]), str(parts["request_email"])
        url = mailto_url(self.writer.email, subject, body)
        if not open_mail_or_copy(self, url, subject, body, self.writer.email):
            self.message.emit("No e-mail program opened: the e-mail text was copied.")

    # -- building -------------------------------------------------------------------------
    def default_path(self, suffix: str = ".pdf") -> Path:
        assert self.writer is not None and self.request is not None
        stem = str(self._parts()["file_stem"])
        return Path.home() / f"{stem}{suffix}"

    def build_dialog(self) -> None:
        """Ask where to write the packet (PDF or .zip), then build it in the background."""
        if self.writer is None or self.request is None or self.busy:
            return
        try:
            start = self.default_path()
        except UserError as exc:
            refuse(self, "Packet not built", str(exc))
            return
        path, chosen = save_file_name(self, "Build writer packet", str(start),
                                                   ";;".join(FILTERS.values()))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in FILTERS:
            suffix = next((s for s, f in FILTERS.items() if f == chosen), ".pdf")
            target = target.with_name(target.name + suffix)
        self.build(target)

    def build(self, target: Path) -> None:
        """Write the packet to ``target`` on the worker thread; ``built`` reports it."""
        assert self.writer is not None and self.request is not None
        workspace = self.store.workspace
        name, request_id = self.writer.name, self.request.id
        paper = "letter" if self.writer.is_us else "a4"
        try:  # reading the workspace stays on the GUI thread; only rendering goes to the worker
            prepared = prepare_packet(workspace, name, request_id)
        except UserError as exc:
            self._on_failed(str(exc))
            return
        self._prepared = prepared
        self._set_busy(True)
        self.operations.run(lambda: render_packet(prepared, target, paper=paper),
                            on_done=self._on_built, on_failed=self._on_failed, parent=self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.build_button.setText("Building packet…" if busy else "Build packet…")
        self.build_button.setEnabled(not busy and self.request is not None
                                     and self.request.status is not Status.DECLINED)

    def _on_built(self, rendered: object) -> None:
        self._set_busy(False)
        try:
            record_packet(self.store.workspace, self._prepared, rendered)  # type: ignore[arg-type]
        except UserError as exc:
            self.message.emit(f"The packet was written, but its history was not saved: {exc}")
        path = rendered.path  # type: ignore[attr-defined]
        self.show_history()
        self.store.changed.emit(PACKETS)
        notes = getattr(rendered, "warnings", [])
        self.message.emit(f"Packet written to {path}." + (" " + " ".join(notes) if notes else ""))
        if notes:
            self.warnings.setText("\n".join(f"• {n}" for n in notes))
            self.warnings.show()
        self.built.emit(path)

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        refuse(self, "Packet not built", message)

    def shutdown(self) -> None:
        self.operations.wait()
