"""The Programs section: your list with transparent fit, import/export, the season, the IMG
checklist, the rank-list helper, and signals & costs, as six tabs over one snapshot of the
workspace.

Every edit is written at once through the programs repository (the workspace has no unsaved
state) and reported with ``save_state_changed``; a :class:`UserError` becomes a dialog. A
read-only workspace shows everything and disables editing.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from workshop.core.errors import UserError
from workshop.core.programs import in_workspace
from workshop.core.programs.snapshot import ProgramsData, load_data
from workshop.ui.context import UiContext
from workshop.ui.lazy_tabs import LazyTab, LazyTabs
from workshop.ui.page_base import PageBase
from workshop.ui.programs.application_tab import ApplicationTab
from workshop.ui.programs.checklist_tab import ChecklistTab
from workshop.ui.programs.common import show_error
from workshop.ui.programs.import_tab import ImportTab
from workshop.ui.programs.list_tab import ProgramsTab
from workshop.ui.programs.rank_tab import RankTab
from workshop.ui.programs.season_tab import SeasonTab
from workshop.ui.save_state import SaveState

TAB_KEYS = ("programs", "import", "season", "checklist", "rank", "application")


class ProgramsPage(PageBase):
    """Programs, Import, Season, Checklist, Rank list, and Signals & costs tabs."""

    shows = ("cv", "profile", "statements", "letters", "programs")


    def __init__(self, context: UiContext, parent: QWidget | None = None, *,
                 today: _dt.date | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workspace = context.workspace
        self.read_only = bool(self.workspace.read_only)
        self.repo = in_workspace.repository(self.workspace)
        self._today = today
        self.data = ProgramsData(programs=[], profile=None, today=self.today)  # type: ignore[arg-type]
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Programs sections")
        # Only the Programs tab is built now; the others when first shown or asked for.
        self.lazy = LazyTabs(self.tabs)
        for key, label, factory in (
                ("programs", "Programs", ProgramsTab), ("import", "Import && export", ImportTab),
                ("season", "Season", SeasonTab), ("checklist", "Checklist", ChecklistTab),
                ("rank", "Rank list", RankTab),
                ("application", "Signals && costs", ApplicationTab)):
            self.lazy.add(key, label, lambda factory=factory: self._build_tab(factory))
        self.tabs.currentChanged.connect(self._on_tab)
        self.read_only_note = QLabel("This workspace is open read-only: you can look, not edit.")
        self.read_only_note.setStyleSheet("color: #b9770e;")
        self.read_only_note.setVisible(self.read_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.tabs, 1)
        self.reload()

    def _build_tab(self, factory: Callable[[ProgramsPage], Any]) -> Any:
        """One tab, up to date with the data already read and with the page's read-only state."""
        tab = factory(self)
        if factory is not ProgramsTab:  # the Programs tab is built before any data is read
            tab.refresh(self.data)
        if self.read_only and hasattr(tab, "set_editable"):
            tab.set_editable(False)
        return tab

    # The tabs by name (each built on first use: see LazyTabs).
    programs_tab = LazyTab[ProgramsTab]("programs")
    import_tab = LazyTab[ImportTab]("import")
    season_tab = LazyTab[SeasonTab]("season")
    checklist_tab = LazyTab[ChecklistTab]("checklist")
    rank_tab = LazyTab[RankTab]("rank")
    application_tab = LazyTab[ApplicationTab]("application")

    @property
    def today(self) -> _dt.date:
        return self._today or _dt.date.today()

    def refresh(self) -> None:
        """Fit labels, the checklist and the statements list read the CV, letters, statements."""
        self.reload(full=False)

    # -- data -------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None, *, full: bool = True) -> None:
        """Re-read the workspace and refresh every tab (fast: one list, assessed in memory)."""
        try:
            self.data = load_data(self.workspace, self.today)
        except (UserError, sqlite3.Error) as exc:
            show_error(self, "Cannot read the programs", exc)
            return
        self.programs_tab.refresh(self.data, select_id, full=full)
        if self.lazy.is_built("import"):
            self.import_tab.refresh(self.data)
        self._refresh_visible()

    def _refresh_visible(self) -> None:
        """Season, checklist, rank list, signals & costs refresh when shown (they read more)."""
        if self.lazy.current_key() in ("season", "checklist", "rank", "application"):
            self.lazy.current().refresh(self.data)  # type: ignore[attr-defined]

    def _on_tab(self, _index: int) -> None:
        self.programs_tab.detail.flush()
        self._refresh_visible()

    def show_tab(self, key: str) -> None:
        """Switch to a tab by key (one of :data:`TAB_KEYS`)."""
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))

    def write(self, action: Callable[[], Any], title: str) -> bool:
        """Run one write; report Saved, or show the problem and report Not saved."""
        if self.read_only:
            self.save_state_changed.emit(SaveState.READ_ONLY, "")
            return False
        try:
            action()
        except (UserError, sqlite3.Error) as exc:
            show_error(self, title, exc)
            self.save_state_changed.emit(SaveState.FAILED, str(exc))
            return False
        self.save_state_changed.emit(SaveState.SAVED, "")
        return True

    # -- what the main window calls -------------------------------------------------------------
    def flush(self) -> bool:
        """Save notes typed in the last moment; every other edit is already saved."""
        self.programs_tab.detail.flush()
        return True

    def new_item(self) -> None:
        self.show_tab("programs")
        self.programs_tab.add_program()

    def shutdown(self) -> None:
        self.flush()
        if self.lazy.is_built("rank"):
            self.rank_tab.shutdown()
