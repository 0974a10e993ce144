"""Small widget helpers every page uses (one copy, so controls look and read alike)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QListWidget, QPushButton, QScrollArea, QWidget


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


class _FittingScroll(QScrollArea):
    """A scroll area that asks for its whole content's height (Qt's own caps it at ~24 lines),
    so it only scrolls when the window really is too short."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, hint.height() + 2 * self.frameWidth())


def scrolling(widget: QWidget, name: str = "", *, fit: bool = True) -> QScrollArea:
    """``widget`` in a frameless vertical scroll area: on a short screen (a 1366x768 laptop at
    125 %: 544 px for the page) its wrapped text keeps its height and scrolls instead of being
    squeezed to one cut line. ``fit``: ask for the content's whole height (see
    :class:`_FittingScroll`); off, Qt's own capped size hint."""
    area = _FittingScroll() if fit else QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    if name:
        area.setAccessibleName(name)
    return area
