"""A PDF preview that renders off the GUI thread and shows the newest result with QtPdf.

Callers hand over a zero-argument render function; only the answer to the newest request is
shown, so a burst of edits costs at most one visible refresh.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from workshop.core.errors import UserError


class _Signals(QObject):
    done = Signal(int, bytes)
    failed = Signal(int, str)


class _Render(QRunnable):
    def __init__(self, generation: int, render: Callable[[], bytes], signals: _Signals) -> None:
        super().__init__()
        self.generation = generation
        self.render = render
        self.signals = signals

    def run(self) -> None:
        try:
            data = self.render()
        except UserError as exc:
            self.signals.failed.emit(self.generation, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - shown in the pane, never a crash
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
            return
        self.signals.done.emit(self.generation, data)


class PdfPreview(QWidget):
    """``request(render)`` renders in the background; ``rendered`` fires with the bytes shown."""

    rendered = Signal(bytes)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("PDF preview")
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName("PDF preview pages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.message = QLabel("Choose something to preview.")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Preview message")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals()
        self.signals.done.connect(self._show)
        self.signals.failed.connect(self._fail)
        self.generation = 0
        self.pending = False
        self.data = b""
        self._buffer: QBuffer | None = None

    def request(self, render: Callable[[], bytes]) -> None:
        self.generation += 1
        self.pending = True
        self.pool.start(_Render(self.generation, render, self.signals))

    def _show(self, generation: int, data: bytes) -> None:
        if generation != self.generation:
            return
        self.pending = False
        self.data = data
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.close()
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.stack.setCurrentWidget(self.view)
        self.rendered.emit(data)

    def _fail(self, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        self.pending = False
        self.message.setText(message)
        self.stack.setCurrentWidget(self.message)
        self.failed.emit(message)

    def shutdown(self) -> None:
        self.pool.waitForDone(10_000)
