"""The Letters section: a due banner on top, then Writers & requests / Due / Assignments / Review.

Every field edit is one repository call (see :class:`LettersStore`), so there is no unsaved
state to lose. ``today`` is a replaceable callable so tests (and the screenshot) can drive the
dashboard's clock; call :meth:`refresh_due` after replacing it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from workshop.core.changes import Changes
from workshop.core.errors import UserError
from workshop.ui.context import UiContext
from workshop.ui.letters.assignments import AssignmentsTab
from workshop.ui.letters.due import DueBanner, DueTab, counts
from workshop.ui.letters.review import ReviewTab
from workshop.ui.letters.store import ASSIGNMENTS, PACKETS, LettersStore
from workshop.ui.letters.writers_tab import WritersTab
from workshop.ui.page_base import PageBase
from workshop.ui.save_state import SaveState


class LettersPage(PageBase):
    """Letter writers, ERAS letter requests, reminders, packets, assignment and review."""

    # A statement's working copy was rewritten here (review changes applied): the window
    # should make an open statement editor reload it, or its autosave would write back the
    # old text.

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workspace = context.workspace
        self.today: Callable[[], dt.date] = dt.date.today
        self.store = LettersStore(self.workspace, lambda: self.today(), self,
                                  operations=context.operations)
        self.store.save_state_changed.connect(self.save_state_changed)
        self.store.changed.connect(self._on_changed)

        self.banner = DueBanner()
        self.writers_tab = WritersTab(self.store)
        self.due_tab = DueTab()
        self.assignments_tab = AssignmentsTab(self.store)
        self.review_tab = ReviewTab(self.store)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Letters views")
        self.tabs.addTab(self.writers_tab, "Writers && requests")
        self.tabs.addTab(self.due_tab, "Due")
        self.tabs.addTab(self.assignments_tab, "Assignments")
        self.tabs.addTab(self.review_tab, "Statement review")
        self.tabs.currentChanged.connect(self._on_tab)
        self.banner.open_due.connect(lambda: self.tabs.setCurrentWidget(self.due_tab))
        self.due_tab.show_request.connect(self.show_request)
        self.writers_tab.message.connect(self.message)
        self.review_tab.message.connect(self.message)
        self.review_tab.applied.connect(self.document_changed)
        self.assignments_tab.changed.connect(self._after_assignment)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self._stale: set[QWidget] = set()
        self.refresh_due()
        if self.workspace.read_only:
            self.save_state_changed.emit(SaveState.READ_ONLY, "editing is disabled")

    # -- refreshing -----------------------------------------------------------------------
    def refresh_due(self) -> None:
        """Recompute the dashboard (after an edit, or after replacing ``today``)."""
        try:
            items = self.store.due_items()
        except UserError as exc:  # a broken user template: say so, keep the page usable
            self.message.emit(str(exc))
            items = []
        self.banner.show_items(items)
        self.due_tab.show_items(items)
        found = counts(items)
        urgent = found["overdue"] + found["due_1"]
        title = f"Due ({len(items)})" if items else "Due"
        self.tabs.setTabText(self.tabs.indexOf(self.due_tab), title)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.due_tab),
                                f"{urgent} overdue or due within a day" if urgent else "")

    def _on_changed(self, kind: str) -> None:
        self.refresh_due()
        self.writers_tab.refresh_counts()
        if kind != ASSIGNMENTS and kind != PACKETS:
            self._stale.add(self.assignments_tab)
        # Programs count letters per program and the checklist counts uploads: tell them.
        self.changed.emit(Changes(letters=True))

    def _after_assignment(self) -> None:
        """Assigning an uploaded letter moves it to "assigned": show that on the writers tab."""
        writer = self.writers_tab.current()
        self.writers_tab.requests.load(writer)

    def _on_tab(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        if current is self.assignments_tab and self.assignments_tab in self._stale:
            self._stale.discard(self.assignments_tab)
            self.assignments_tab.reload()
        elif current is self.review_tab:
            self.review_tab.reload()
        elif current is self.due_tab:
            self.refresh_due()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Programs and statements are edited in other sections: re-read them on return."""
        super().showEvent(event)
        self._stale.add(self.assignments_tab)
        self._on_tab(self.tabs.currentIndex())
        self.refresh_due()

    def show_request(self, writer_id: int, request_id: int) -> None:
        self.tabs.setCurrentWidget(self.writers_tab)
        self.writers_tab.select_request(writer_id, request_id)

    # -- window hooks ---------------------------------------------------------------------
    def flush(self) -> bool:
        """Save any edit still in a field (the window calls this before closing)."""
        return self.writers_tab.flush()

    def new_item(self) -> None:
        self.tabs.setCurrentWidget(self.writers_tab)
        self.writers_tab.add_writer()

    def shutdown(self) -> None:
        self.writers_tab.requests.packet.shutdown()

    @property
    def ready_for_screenshot(self) -> bool:
        return not self.writers_tab.requests.packet.busy
