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
from workshop.ui.lazy_tabs import LazyTab, LazyTabs
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
        #: Tabs (by key) to re-read when next shown.
        self._stale: set[str] = set()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Letters views")
        # Assignments and review are built when first shown or asked for (LazyTabs).
        self.lazy = LazyTabs(self.tabs)
        self.lazy.add("writers", "Writers && requests", self._build_writers)
        self.lazy.add("due", "Due", DueTab)
        self.lazy.add("assignments", "Assignments", self._build_assignments)
        self.lazy.add("review", "Statement review", self._build_review)
        self.due_tab: DueTab = self.lazy.get("due")  # type: ignore[assignment]
        self.tabs.currentChanged.connect(self._on_tab)
        self.banner.open_due.connect(lambda: self.lazy.show("due"))
        self.due_tab.show_request.connect(self.show_request)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.refresh_due()
        if self.workspace.read_only:
            self.save_state_changed.emit(SaveState.READ_ONLY, "editing is disabled")

    def _build_writers(self) -> WritersTab:
        tab = WritersTab(self.store)
        tab.message.connect(self.message)
        return tab

    def _build_assignments(self) -> AssignmentsTab:
        tab = AssignmentsTab(self.store)  # reads the workspace as it is built
        tab.changed.connect(self._after_assignment)
        self._stale.discard("assignments")
        return tab

    def _build_review(self) -> ReviewTab:
        tab = ReviewTab(self.store)
        tab.message.connect(self.message)
        tab.applied.connect(self.document_changed)
        return tab

    # The tabs by name (each built on first use: see LazyTabs).
    writers_tab = LazyTab[WritersTab]("writers")
    assignments_tab = LazyTab[AssignmentsTab]("assignments")
    review_tab = LazyTab[ReviewTab]("review")

    def show_tab(self, key: str) -> QWidget:
        """Switch to a tab (writers, due, assignments, review) and return it."""
        return self.lazy.show(key)

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
        self.tabs.setTabText(self.lazy.index_of("due"), title)
        self.tabs.setTabToolTip(self.lazy.index_of("due"),
                                f"{urgent} overdue or due within a day" if urgent else "")

    def _on_changed(self, kind: str) -> None:
        self.refresh_due()
        self.writers_tab.refresh_counts()
        if kind != ASSIGNMENTS and kind != PACKETS:
            self._stale.add("assignments")
        # Programs count letters per program and the checklist counts uploads: tell them.
        self.changed.emit(Changes(letters=True))

    def _after_assignment(self) -> None:
        """Assigning an uploaded letter moves it to "assigned": show that on the writers tab."""
        writer = self.writers_tab.current()
        self.writers_tab.requests.load(writer)

    def _on_tab(self, _index: int) -> None:
        current = self.lazy.current_key()
        if current == "assignments" and current in self._stale:
            self._stale.discard(current)
            self.assignments_tab.reload()
        elif current == "review":
            self.review_tab.reload()
        elif current == "due":
            self.refresh_due()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Programs and statements are edited in other sections: re-read them on return."""
        super().showEvent(event)
        self._stale.add("assignments")
        self._on_tab(self.tabs.currentIndex())
        self.refresh_due()

    def show_request(self, writer_id: int, request_id: int) -> None:
        self.lazy.show("writers")
        self.writers_tab.select_request(writer_id, request_id)

    # -- window hooks ---------------------------------------------------------------------
    def flush(self) -> bool:
        """Save any edit still in a field (the window calls this before closing)."""
        return self.writers_tab.flush()

    def new_item(self) -> None:
        self.lazy.show("writers")
        self.writers_tab.add_writer()

    def shutdown(self) -> None:
        self.writers_tab.requests.packet.shutdown()

    @property
    def ready_for_screenshot(self) -> bool:
        return not self.writers_tab.requests.packet.busy
