"""Keyboard reordering for a list the user orders by hand (the rank list): Move up / Move down
buttons and Alt+Up / Alt+Down, so ranking never depends on dragging with a mouse."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QPushButton, QWidget

from workshop.ui.widgets import button

UP_KEYS = "Alt+Up"
DOWN_KEYS = "Alt+Down"


def move_current(items: QListWidget, delta: int) -> bool:
    """Move the selected row by ``delta``; False at either end (nothing moves)."""
    row = items.currentRow()
    target = row + delta
    if row < 0 or not 0 <= target < items.count() or not items.dragEnabled():
        return False
    item = items.takeItem(row)  # the list's rowsRemoved/rowsInserted save the new order
    items.insertItem(target, item)
    items.setCurrentRow(target)
    return True


def move_buttons(items: QListWidget, parent: QWidget) -> tuple[QPushButton, QPushButton]:
    """Move up / Move down for ``items``, with their shortcuts while the list has focus."""
    up = button("Move up", lambda: move_current(items, -1),
                f"Move the selected program one place up ({UP_KEYS})")
    down = button("Move down", lambda: move_current(items, 1),
                  f"Move the selected program one place down ({DOWN_KEYS})")
    items.installEventFilter(_MoveKeys(items, parent))
    return up, down


class _MoveKeys(QObject):
    """Alt+Up / Alt+Down on the list itself (a plain arrow still moves the selection)."""

    def __init__(self, items: QListWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.items = items

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.modifiers() == Qt.KeyboardModifier.AltModifier:
            delta = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if delta is not None:
                move_current(self.items, delta)
                return True
        return super().eventFilter(watched, event)
