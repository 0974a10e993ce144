"""A writer's letter requests: pick one, edit its ERAS entry, move its status, build its packet."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop.core.letters.model import LetterRequest, LetterWriter
from workshop.ui.letters.common import button, refuse
from workshop.ui.letters.packet import PacketPanel
from workshop.ui.letters.pipeline import PipelineView
from workshop.ui.letters.request_form import RequestForm
from workshop.ui.letters.store import LettersStore


def request_label(request: LetterRequest) -> str:
    """"#2 Internal Medicine · Narrative · packet sent"."""
    return (f"#{request.id} {request.target_specialty} · {request.type_label} · "
            f"{request.status.label}")


class RequestsPanel(QWidget):
    """Every request of one writer, one at a time."""

    message = Signal(str)
    #: The number of requests shown, after every load (the tab title counts them).
    counted = Signal(int)

    def __init__(self, store: LettersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.writer: LetterWriter | None = None
        self.requests: list[LetterRequest] = []
        self.picker = QComboBox()
        self.picker.setAccessibleName("Letter request")
        self.picker.currentIndexChanged.connect(self._on_picked)
        self.add_button = button("Add request", self.add_request,
                                 "A writer may write several letters (e.g. one per specialty)")
        self.delete_button = button("Delete request…", self.delete_request)
        top = QHBoxLayout()
        top.addWidget(QLabel("Request:"))
        top.addWidget(self.picker, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        self.form = RequestForm(store)
        self.pipeline = PipelineView(store)
        self.packet = PacketPanel(store)
        self.packet.message.connect(self.message)
        self.form.saved.connect(lambda r: self._on_saved(r, from_form=True))
        self.pipeline.advanced.connect(lambda r: self._on_saved(r, from_form=False))
        entry = QGroupBox("ERAS letter entry")
        entry_layout = QVBoxLayout(entry)
        entry_layout.addWidget(self.form)
        entry_layout.addStretch(1)
        status = QGroupBox("Next step")
        status_layout = QVBoxLayout(status)
        status_layout.addWidget(self.pipeline)
        packet = QGroupBox("Writer packet")
        packet_layout = QVBoxLayout(packet)
        packet_layout.addWidget(self.packet)
        right = QVBoxLayout()
        right.addWidget(status)
        right.addWidget(packet, 1)
        columns = QHBoxLayout()
        columns.addWidget(entry, 1)
        columns.addLayout(right, 1)
        self.empty = QLabel("No letter requests for this writer yet. Click “Add request” "
                            "once you plan to ask them.")
        self.empty.setAccessibleName("No requests")
        self.empty.setWordWrap(True)
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.pipeline.bar)
        body_layout.addLayout(columns, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        self.load(None)

    # -- loading --------------------------------------------------------------------------
    def load(self, writer: LetterWriter | None, select: int | None = None) -> None:
        """Show ``writer``'s requests, keeping (or choosing) the selected one."""
        keep = select if select is not None else self.current_id()
        self.writer = writer
        self.requests = self.store.requests(writer.id) if writer and writer.id else []
        self.picker.blockSignals(True)
        self.picker.clear()
        for request in self.requests:
            self.picker.addItem(request_label(request), request.id)
        index = self.picker.findData(keep) if keep is not None else -1
        self.picker.setCurrentIndex(index if index >= 0 else (0 if self.requests else -1))
        self.picker.blockSignals(False)
        editable = writer is not None and not self.store.read_only
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and bool(self.requests))
        self.empty.setVisible(writer is not None and not self.requests)
        self.scroll.setVisible(bool(self.requests))
        self._on_picked()
        self.counted.emit(len(self.requests))

    def current_id(self) -> int | None:
        data = self.picker.currentData()
        return int(data) if data is not None else None

    def current(self) -> LetterRequest | None:
        rid = self.current_id()
        return next((r for r in self.requests if r.id == rid), None)

    def _on_picked(self, _index: int = -1) -> None:
        request = self.current()
        self.form.load(request)
        self.pipeline.load(request, self.writer.name if self.writer else "")
        self.packet.load(self.writer, request)

    def _on_saved(self, request: LetterRequest, *, from_form: bool) -> None:
        """Refresh the label in the picker and the parts that depend on the request."""
        for i, old in enumerate(self.requests):
            if old.id == request.id:
                self.requests[i] = request
        index = self.picker.findData(request.id)
        if index >= 0:
            self.picker.setItemText(index, request_label(request))
        if not from_form:
            self.form.load(request)
        else:
            self.pipeline.load(request, self.writer.name if self.writer else "")
        self.packet.load(self.writer, request)

    # -- actions --------------------------------------------------------------------------
    def add_request(self) -> bool:
        if self.writer is None or self.writer.id is None:
            return False
        # The letter speaks to the specialty the applicant applies in, not the writer's own.
        specialty = str(self.store.profile().get("target_specialty") or "").strip() or "General"
        outcome = self.store.add_request(LetterRequest(writer_id=self.writer.id,
                                                       target_specialty=specialty))
        if not outcome:
            refuse(self, "Request not added", outcome.error)
            return False
        self.load(self.writer, select=outcome.value.id)
        self.form.specialty.setFocus()
        return True

    def delete_request(self) -> bool:
        request = self.current()
        if request is None or request.id is None:
            return False
        answer = QMessageBox.question(
            self, "Delete request",
            f"Delete {request_label(request)}? Its status history, program assignments and "
            "packet history go with it. A Letter ID already used in MyERAS stays used there.")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        outcome = self.store.delete_request(request.id)
        if not outcome:
            refuse(self, "Request not deleted", outcome.error)
            return False
        self.load(self.writer)
        return True

    def flush(self) -> bool:
        return self.form.flush()
