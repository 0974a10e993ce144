"""Small widget helpers every page uses (one copy, so controls look and read alike)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
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


class _DeferredScroll(QScrollArea):
    """A scroll area that takes its content when first shown.

    Handing a form to ``QScrollArea.setWidget`` sizes it and lays it out at once (8–16 ms for
    a tab's form with wrapped text); a page builds every tab, most of which are never opened
    in a session. Here that work waits for the tab's first show, which does it anyway (Qt
    still polishes hidden tabs with the page).
    Until then the content is a hidden child of the area, so ``widget()`` and ``findChildren``
    reach it from the start and callers see no difference.

    ``fit``: ask for the whole content's height (Qt's own hint caps it at ~24 lines), so the
    area only scrolls when the window really is too short.
    """

    def __init__(self, content: QWidget, *, fit: bool) -> None:
        super().__init__()
        self._pending: QWidget | None = content
        self._fit = fit
        content.setParent(self)
        content.hide()  # shown (in the viewport) by setWidget at the first show

    def widget(self) -> QWidget | None:
        """The content, whether it went in yet or not."""
        return self._pending if self._pending is not None else super().widget()

    def take_content(self) -> None:
        """Put the content in now (its first show does this by itself)."""
        if self._pending is not None:
            content, self._pending = self._pending, None
            self.setWidget(content)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.take_content()
        super().showEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        inner = self.widget()
        if not self._fit or inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, hint.height() + 2 * self.frameWidth())


def scrolling(widget: QWidget, name: str = "", *, fit: bool = True) -> QScrollArea:
    """``widget`` in a frameless vertical scroll area: on a short screen (a 1366x768 laptop at
    125 %: 544 px for the page) its wrapped text keeps its height and scrolls instead of being
    squeezed to one cut line. ``fit``: ask for the content's whole height; off, Qt's own capped
    size hint. The content goes in at the area's first show (see :class:`_DeferredScroll`)."""
    area = _DeferredScroll(widget, fit=fit)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if name:
        area.setAccessibleName(name)
    return area
