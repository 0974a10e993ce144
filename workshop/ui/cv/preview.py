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
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from workshop.core.errors import UserError
from workshop.core.export import cv_document, list_themes, render_pdf

DEBOUNCE_MS = 400
PAPERS = (("letter", "US Letter"), ("a4", "A4"))
ZOOMS = (("fit-width", "Fit width"), ("fit-page", "Whole page"), (1.0, "100%"), (1.25, "125%"),
         (1.5, "150%"))


class _Signals(QObject):
    done = Signal(int, bytes)
    failed = Signal(int, str)


class RenderJob(QRunnable):
    """Render one snapshot; skipped when a newer request was made before it started."""

    def __init__(self, generation: int, data: dict[str, Any], theme: str, paper: str,
                 latest: Callable[[], int], signals: _Signals) -> None:
        super().__init__()
        self.generation = generation
        self.data = data
        self.theme = theme
        self.paper = paper
        self.latest = latest
        self.signals = signals

    def run(self) -> None:
        if self.latest() != self.generation:
            return
        try:
            pdf = render_pdf(cv_document(self.data), self.theme, self.paper)
        except UserError as exc:
            self.signals.failed.emit(self.generation, str(exc))
        except Exception as exc:  # noqa: BLE001 - a renderer bug must not kill the worker
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(self.generation, pdf)


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
        self.generation = 0
        self.shown_generation = 0
        self.last_pdf = b""
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals()
        self.signals.done.connect(self._on_done)
        self.signals.failed.connect(self._on_failed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.render_now)
        self._buffer: QBuffer | None = None
        self._pdf_doc: Any = None
        self._view: Any = None

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
        self.zoom.currentIndexChanged.connect(lambda _i: self._apply_zoom())
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
        self.placeholder = QLabel("The preview appears here.")
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)

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
        self.generation += 1
        generation = self.generation
        self.status.setText("Preview: rendering…")
        job = RenderJob(generation, self.snapshot(), self.theme_name, self.paper_name,
                        lambda: self.generation, self.signals)
        self.pool.start(job)
        return generation

    @property
    def busy(self) -> bool:
        return self.timer.isActive() or self.shown_generation != self.generation

    def _on_done(self, generation: int, pdf: bytes) -> None:
        if generation != self.generation:
            return  # a newer edit is on its way
        self.last_pdf = pdf
        self.shown_generation = generation
        self._show(pdf)
        self.rendered.emit(generation, pdf)

    def _on_failed(self, generation: int, error: str) -> None:
        if generation == self.generation:
            self.shown_generation = generation
            self.status.setText(f"Preview failed: {error}")
            self.status.setStyleSheet("color: #c0392b;")

    def _show(self, pdf: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        if self._view is None:
            self._pdf_doc = QPdfDocument(self)
            self._view = QPdfView(self)
            self._view.setAccessibleName("CV preview")
            self._view.setPageMode(QPdfView.PageMode.MultiPage)
            self._view.setDocument(self._pdf_doc)
            self._apply_zoom()
            self.stack.addWidget(self._view)
            self.stack.setCurrentWidget(self._view)
        navigator = self._view.pageNavigator()
        page = navigator.currentPage()
        old_buffer = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._pdf_doc.load(buffer)
        self._buffer = buffer
        if old_buffer is not None:
            old_buffer.close()
            old_buffer.deleteLater()
        pages = self._pdf_doc.pageCount()
        if 0 < page < pages:
            navigator.jump(page, navigator.currentLocation())
        self.status.setText(f"Preview: {pages} page{'s' if pages != 1 else ''} · "
                            f"{self.theme.currentText()} · {self.paper.currentText()}")
        self.status.setStyleSheet("color: #5d6d7e;")

    def _apply_zoom(self) -> None:
        if self._view is None:
            return
        from PySide6.QtPdfWidgets import QPdfView

        value = self.zoom.currentData()
        if value == "fit-width":
            self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "fit-page":
            self._view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self._view.setZoomMode(QPdfView.ZoomMode.Custom)
            self._view.setZoomFactor(float(value))

    def shutdown(self) -> None:
        self.timer.stop()
        self.generation += 1  # queued jobs skip themselves
        self.pool.waitForDone(10_000)
