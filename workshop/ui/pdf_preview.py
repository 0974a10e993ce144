"""A PDF preview that renders off the GUI thread and shows the newest result with QtPdf.

Callers hand over a zero-argument render function. Every request carries a generation number:
a job that starts after a newer request skips its work, and a late answer is ignored, so typing
never waits for reportlab and the view never goes backwards. QtPdf (PDFium) is imported when
the first page is shown, keeping it off the start-up path. Used by the CV and Exports pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from workshop.ui.operations import Operations

ZOOMS = (("fit-width", "Fit width"), ("fit-page", "Whole page"), (1.0, "100%"), (1.25, "125%"),
         (1.5, "150%"))


class PdfPreview(QWidget):
    """``request(render)`` renders in the background; ``rendered`` fires with what is shown."""

    rendered = Signal(int, bytes)
    failed = Signal(int, str)

    def __init__(self, parent: QWidget | None = None, *, name: str = "PDF preview") -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.name = name
        self.message = QLabel("The preview appears here.")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Preview message")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        # Its own lane of the one background mechanism: a preview never queues behind an
        # export, and a burst of edits renders only the newest request.
        self.operations = Operations(self)
        self.generation = 0
        self.shown_generation = 0
        self.last_pdf = b""
        self.page_count = 0
        self.zoom: Any = "fit-width"
        self._buffer: QBuffer | None = None
        self._document: Any = None
        self.view: Any = None

    @property
    def pending(self) -> bool:
        return self.shown_generation != self.generation

    def request(self, render: Callable[[], bytes]) -> int:
        self.generation += 1
        generation = self.generation

        def job() -> bytes | None:
            if self.generation != generation:
                return None  # superseded before it started: skip the work
            return render()

        def done(data: object) -> None:
            if isinstance(data, bytes):
                self._done(generation, data)

        self.operations.run(job, on_done=done,
                            on_failed=lambda message: self._fail(generation, message),
                            parent=self)
        return generation

    def show_message(self, text: str) -> None:
        self.generation += 1  # anything still rendering is now stale
        self.shown_generation = self.generation
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def set_zoom(self, value: Any) -> None:
        self.zoom = value
        if self.view is None:
            return
        from PySide6.QtPdfWidgets import QPdfView

        if value == "fit-width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "fit-page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(value))

    def _ensure_view(self) -> None:
        if self.view is not None:
            return
        from PySide6.QtPdfWidgets import QPdfView

        self.view = QPdfView(self)
        self.view.setAccessibleName(f"{self.name} pages")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.set_zoom(self.zoom)
        self.stack.addWidget(self.view)

    def _done(self, generation: int, data: bytes) -> None:
        if generation != self.generation:
            return
        self._ensure_view()
        from PySide6.QtPdf import QPdfDocument

        navigator = self.view.pageNavigator()
        page, location = navigator.currentPage(), navigator.currentLocation()
        previous, previous_document = self._buffer, self._document
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        # A new document for every render: loaded into the same QPdfDocument, a render with
        # as many pages kept showing the view's cached images of the old one (an edit did
        # not appear in Exports until another document was picked).
        self._document = QPdfDocument(self)
        self._document.load(buffer)
        self.view.setDocument(self._document)
        self._buffer = buffer
        if previous_document is not None:
            previous_document.deleteLater()
        if previous is not None:
            previous.close()
            previous.deleteLater()
        self.page_count = self._document.pageCount()
        if 0 < page < self.page_count:  # stay on the page the user was reading
            navigator.jump(page, location)
        self.stack.setCurrentWidget(self.view)
        self.shown_generation = generation
        self.last_pdf = data
        self.rendered.emit(generation, data)

    def _fail(self, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        self.shown_generation = generation
        self.message.setText(message)
        self.stack.setCurrentWidget(self.message)
        self.failed.emit(generation, message)

    def shutdown(self) -> None:
        self.generation += 1  # queued jobs skip themselves
        self.operations.discard(self)
        self.operations.wait()
