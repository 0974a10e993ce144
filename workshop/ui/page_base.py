"""The contract between the main window and a section page.

:class:`SectionPage` says what the main window relies on; :class:`PageBase` gives every page the
signals and harmless defaults, so the main window calls the contract directly instead of probing
pages for what they happen to have.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from workshop.core.changes import Changes


@runtime_checkable
class SectionPage(Protocol):
    """What the main window calls on a page."""

    #: The page can make something new for File > New (else the main window makes a statement).
    handles_new_item: bool
    #: The page keeps named versions (Ctrl+S); else Ctrl+S saves a version of a statement.
    keeps_versions: bool
    #: Edit > Find works here (else it opens the statements' finder).
    finds_text: bool

    def flush(self) -> bool:
        """Save what is pending now; False when it could not be saved (it is retried)."""

    def shutdown(self) -> None:
        """Stop timers and background work; the workspace closes next."""

    def on_changes(self, changes: Changes) -> None:
        """Another page (or an operation) changed the workspace: refresh what shows it."""

    def new_item(self) -> None:
        """File > New while this page is shown."""

    def save_version(self, name: str | None = None) -> bool:
        """Ctrl+S: keep a named version of what is edited."""

    def show_find(self, replace: bool = False) -> None:
        """Edit > Find (or Find and Replace) on this page's text."""

    def find_next(self) -> None:
        """Edit > Find Next."""

    def undo(self) -> None:
        """Edit > Undo when the focus is on no text field (e.g. a button just clicked)."""

    def redo(self) -> None:
        """Edit > Redo, likewise."""

    @property
    def ready_for_screenshot(self) -> bool:
        """Nothing still loading (screenshots and tests wait for this)."""


class PageBase(QWidget):
    """Signals every page has, and defaults for the parts of the contract a page does not need.

    Signals: ``save_state_changed(SaveState, detail)`` for the status bar, ``message(text)`` for
    a transient status line, ``changed(Changes)`` after the page wrote the workspace (the main
    window broadcasts it), ``go_to_section(key)`` to show another section, and
    ``document_changed(id)``.
    """

    save_state_changed = Signal(object, str)
    message = Signal(str)
    changed = Signal(object)
    go_to_section = Signal(str)
    #: A page rewrote one document (accepted review changes): editors reload and show it.
    document_changed = Signal(int)

    handles_new_item = True
    keeps_versions = False
    finds_text = False
    #: The parts of the workspace this page shows (``Changes`` field names); a change to any of
    #: them calls :meth:`refresh`: at once when the page is shown, else when it is next shown
    #: (a CV autosave every 1.5 s while typing must not re-read hidden pages behind the user).
    shows: tuple[str, ...] = ()
    _refresh_on_show = False

    @property
    def timing_something(self) -> bool:
        """True while the page runs something timed (a drill): no idle work may stall it."""
        return False

    def flush(self) -> bool:
        return True

    def shutdown(self) -> None:
        return None

    def on_changes(self, changes: Changes) -> None:
        if not self.shows or not changes.touches(*self.shows):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._refresh_on_show = True

    def refresh(self) -> None:
        """Re-read what the page shows (pages that declare ``shows`` implement it)."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._refresh_on_show:
            self._refresh_on_show = False
            self.refresh()
        super().showEvent(event)

    def new_item(self) -> None:
        return None

    def save_version(self, name: str | None = None) -> bool:
        return False

    def show_find(self, replace: bool = False) -> None:
        return None

    def find_next(self) -> None:
        return None

    def undo(self) -> None:
        return None

    def redo(self) -> None:
        return None

    @property
    def ready_for_screenshot(self) -> bool:
        return True


class PlaceholderPage(PageBase):
    """A section whose page is not built yet: its honest empty state, inside the contract."""

    handles_new_item = False

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(content)
