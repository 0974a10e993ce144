"""The status-bar save indicator: Saved / Saving... / Not saved (why, retrying)."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from PySide6.QtWidgets import QLabel, QWidget


class SaveState(Enum):
    SAVED = "Saved"
    UNSAVED = "Editing…"
    SAVING = "Saving…"
    FAILED = "Not saved"
    READ_ONLY = "Read-only"


class SaveStateLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Save state")
        self.state = SaveState.SAVED
        #: When everything was last known to be on disk (shown in the error dialog).
        self.saved_at = dt.datetime.now()
        self.detail = ""
        self.set_state(SaveState.SAVED)

    def set_state(self, state: SaveState, detail: str = "") -> None:
        self.state = state
        self.detail = detail
        if state is SaveState.SAVED:
            self.saved_at = dt.datetime.now()
        text = state.value if not detail else f"{state.value}: {detail}"
        self.setText(text)
        self.setToolTip(detail or text)
        colour = {"FAILED": "#c0392b", "READ_ONLY": "#b9770e"}.get(state.name, "")
        self.setStyleSheet(f"color: {colour};" if colour else "")
