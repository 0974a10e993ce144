"""Build the sections' pages while the user is idle, so no first visit waits for one.

After the preloader (``ui/preload.py``) has imported a section's code, what was left of a first
visit was building the page's widgets and laying them out: 100–400 ms on the GUI thread
(measured per section by ``workshop.harness.first_visits``), far over the 50 ms a click may
block. Widgets can only be built on the GUI thread, so this builds them when nobody is using
it: once no key, mouse or wheel input has arrived for :data:`IDLE_S` seconds, one page is built
hidden and laid out at the size it will be shown at; then the next, each after a fresh idle
spell. A page the user opens first is built on demand as before.

The cost moves, it does not vanish: the pages' memory is there from the first idle spells on,
and a key pressed in the very moment a page is being built waits for that one page. No modal
dialog or unfocused window triggers a build (``QApplication.activeModalWidget``), so a dialog
the user is reading is never stalled, and nothing is built while a drill runs (the user is
silent for seconds then, but answering against a countdown).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

#: Seconds without input before a page is built.
IDLE_S = 1.5
POLL_MS = 250
_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.InputMethod, QEvent.Type.TouchBegin,
    QEvent.Type.ShortcutOverride,
})


class IdleBuilder(QObject):
    """Build pages one by one in idle spells; ``finished`` once none is left.

    Args:
        keys: the sections in the order to build them.
        is_built: whether a section's page exists already (the user may have opened it).
        is_ready: whether a section's code is loaded (the preloader is done with it).
        build: builds a section's page and lays it out (``MainWindow.prebuild_page``).
        window: built pages only while this window is the active one.
        busy: True while something timed runs (a drill): nothing is built then.
    """

    finished = Signal()
    built = Signal(str)

    def __init__(self, keys: Sequence[str], is_built: Callable[[str], bool],
                 is_ready: Callable[[str], bool], build: Callable[[str], None],
                 window: QWidget, idle_s: float = IDLE_S,
                 busy: Callable[[], bool] = lambda: False) -> None:
        super().__init__(window)
        self._todo = list(keys)
        self._is_built = is_built
        self._is_ready = is_ready
        self._build = build
        self._window = window
        self._busy = busy
        self.idle_s = idle_s
        self.last_input = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        app = QApplication.instance()
        if app is None or not self._todo:
            return
        app.installEventFilter(self)
        self.last_input = time.monotonic()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False

    def pending(self) -> list[str]:
        """Sections whose pages are neither built nor being built."""
        self._todo = [key for key in self._todo if not self._is_built(key)]
        return list(self._todo)

    def _tick(self) -> None:
        todo = self.pending()
        if not todo:
            self.stop()
            self.finished.emit()
            return
        if time.monotonic() - self.last_input < self.idle_s or not self._may_build():
            return
        key = next((k for k in todo if self._is_ready(k)), None)
        if key is None:
            return
        self._build(key)
        self._todo.remove(key)
        self.built.emit(key)
        # The next page waits for a fresh poll: input that queued during this build is seen
        # (and resets the idle clock) before anything else is built.
        self.last_input = max(self.last_input, time.monotonic() - self.idle_s + POLL_MS / 1000)

    def _may_build(self) -> bool:
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget():
            return False
        if self._busy():
            return False
        return self._window.isVisible() and not self._window.isMinimized()
