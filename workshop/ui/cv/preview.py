"""The live PDF preview: rendered off the GUI thread, debounced, stale renders dropped.

Each edit restarts a ~400 ms timer; when it fires the page's CV is snapshotted as a plain dict
(cheap, on the GUI thread) and a worker on a one-thread pool builds the document and renders it
with the chosen theme and paper. Every request carries a generation number: a worker that
starts after a newer request skips its work, and a result that arrives late is ignored, so
typing never waits for reportlab and the view never goes backwards. QtPdf is imported only when
the first preview is shown (it pulls in PDFium).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workshop.core.export import cv_document, list_themes, render_pdf
from workshop.ui.pdf_preview import ZOOMS, PdfPreview

DEBOUNCE_MS = 400
PAPERS = (("letter", "US Letter"), ("a4", "A4"))


class PreviewPane(QWidget):
    """Theme and paper pickers over a QPdfView of the latest render.

    Signals:
        rendered(int, bytes): a current (not stale) render was shown.
        options_changed(): theme or paper changed (the page remembers the choice).
    """

    rendered = Signal(int, bytes)
    options_changed = Signal()

    def __init__(self, snapshot: Callable[[], dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot = snapshot
        self.pdf = PdfPreview(name="CV preview")
        self.pdf.rendered.connect(self._on_done)
        self.pdf.failed.connect(self._on_failed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.render_now)

        self.theme = QComboBox()
        self.theme.setAccessibleName("CV theme")
        self.theme.setToolTip("Theme for the preview and for PDF/.docx exports")
        for info in list_themes(kind="cv"):
            if not info.error:
                self.theme.addItem(info.name.removeprefix("cv-").title(), info.name)
                self.theme.setItemData(self.theme.count() - 1, info.description,
                                       Qt.ItemDataRole.ToolTipRole)
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        for key, label in PAPERS:
            self.paper.addItem(label, key)
        self.zoom = QComboBox()
        self.zoom.setAccessibleName("Preview zoom")
        for value, label in ZOOMS:
            self.zoom.addItem(label, value)
        self.zoom.currentIndexChanged.connect(lambda _i: self.pdf.set_zoom(self.zoom.currentData()))
        self.theme.currentIndexChanged.connect(self._options)
        self.paper.currentIndexChanged.connect(self._options)
        self.status = QLabel("Preview: waiting…")
        self.status.setAccessibleName("Preview status")
        self.status.setStyleSheet("color: #5d6d7e;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Theme:"))
        bar.addWidget(self.theme)
        bar.addWidget(QLabel("Paper:"))
        bar.addWidget(self.paper)
        bar.addStretch(1)
        bar.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.pdf, 1)

    # -- options ----------------------------------------------------------------------------
    @property
    def theme_name(self) -> str:
        return str(self.theme.currentData() or "cv-classic")

    @property
    def paper_name(self) -> str:
        return str(self.paper.currentData() or "letter")

    def set_options(self, theme: str, paper: str) -> None:
        for combo, value in ((self.theme, theme), (self.paper, paper)):
            index = combo.findData(value)
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)

    def _options(self) -> None:
        self.options_changed.emit()
        self.schedule(immediate=True)

    # -- rendering --------------------------------------------------------------------------
    def schedule(self, *, immediate: bool = False) -> None:
        """Ask for a new render after the debounce (or at once)."""
        if immediate:
            self.timer.stop()
            self.render_now()
        else:
            self.timer.start()

    def render_now(self) -> int:
        """Snapshot the CV and queue a render; returns its generation."""
        self.status.setText("Preview: rendering…")
        data, theme, paper = self.snapshot(), self.theme_name, self.paper_name
        return self.pdf.request(lambda: render_pdf(cv_document(data), theme, paper))

    @property
    def last_pdf(self) -> bytes:
        return self.pdf.last_pdf

    @property
    def busy(self) -> bool:
        return self.timer.isActive() or self.pdf.pending

    def _on_done(self, generation: int, pdf: bytes) -> None:
        pages = self.pdf.page_count
        self.status.setText(f"Preview: {pages} page{'s' if pages != 1 else ''} · "
                            f"{self.theme.currentText()} · {self.paper.currentText()}")
        self.status.setStyleSheet("color: #5d6d7e;")
        self.rendered.emit(generation, pdf)

    def _on_failed(self, _generation: int, error: str) -> None:
        self.status.setText(f"Preview failed: {error}")
        self.status.setStyleSheet("color: #c0392b;")

    def shutdown(self) -> None:
        self.timer.stop()
        self.pdf.shutdown()
