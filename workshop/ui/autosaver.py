"""The editor-side autosave loop shared by every page that edits text or forms.

It drives :class:`workshop.core.autosave.AutosavePolicy` from a short timer and reports the
save state for the status bar. A failed save (disk full) keeps the page's data and the dirty
flag, so the next tick retries: nothing typed is dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from workshop.core.autosave import AutosavePolicy
from workshop.core.errors import UserError
from workshop.ui.save_state import SaveState

TICK_MS = 150


class Autosaver(QObject):
    """Call :meth:`edited` on every change; ``save`` runs when the policy says so."""

    state_changed = Signal(object, str)

    def __init__(self, save: Callable[[], object], *, idle_ms: int = 700,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.save = save
        self.policy = AutosavePolicy(idle_delay=idle_ms / 1000)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    @property
    def dirty(self) -> bool:
        return self.policy.dirty

    def edited(self) -> None:
        self.policy.edited(time.monotonic())
        self.state_changed.emit(SaveState.UNSAVED, "")

    def _tick(self) -> None:
        if self.policy.should_save(time.monotonic()):
            self.flush()

    def flush(self) -> bool:
        """Save now if anything is unsaved; False when saving failed (retried on a later tick)."""
        if not self.policy.dirty:
            return True
        self.state_changed.emit(SaveState.SAVING, "")
        try:
            self.save()
        except UserError as exc:
            self.policy.edited(time.monotonic())
            self.state_changed.emit(SaveState.FAILED, exc.message)
            return False
        self.policy.saved()
        self.state_changed.emit(SaveState.SAVED, "")
        return True

    def discard(self) -> None:
        """Forget unsaved changes (the item they belonged to is gone)."""
        self.policy.saved()

    def stop(self) -> None:
        self.timer.stop()
