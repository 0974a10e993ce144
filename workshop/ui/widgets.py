"""Small widget helpers every page uses (one copy, so controls look and read alike)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPushButton


def button(text: str, slot: Callable[[], object] | None = None, tip: str = "", *,
           name: str = "") -> QPushButton:
    """A push button with an accessible name (the text without its ellipsis) and a tooltip.

    The slot is called without Qt's ``checked`` argument, so any plain method fits.
    """
    label = name or text.rstrip("…").strip()
    widget = QPushButton(text)
    widget.setAccessibleName(label)
    widget.setToolTip(tip or label)
    if slot is not None:
        widget.clicked.connect(lambda _checked=False: slot())
    return widget


def name_list(name: str) -> QListWidget:
    """A list of names in a narrow column: a long name ends in "…" instead of hiding under a
    horizontal scroll bar (give each item its whole name as a tooltip)."""
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget
