"""The Programs page as its tab tests open it (the sample workspace is ``workspace`` in
tests/ui/conftest.py)."""

from __future__ import annotations

import datetime as dt

from workshop.core.app_settings import AppSettings
from workshop.core.storage.workspace import Workspace
from workshop.ui.context import UiContext
from workshop.ui.programs.page import ProgramsPage


def open_programs_page(qtbot, ws: Workspace, today: dt.date,  # type: ignore[no-untyped-def]
                       size: tuple[int, int], tab: str | None = None) -> ProgramsPage:
    """A shown Programs page on ``ws`` as of ``today``, on ``tab`` when one is named."""
    page = ProgramsPage(UiContext(ws, AppSettings()), today=today)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    if tab is not None:
        page.show_tab(tab)
    return page


def program_id(page: ProgramsPage, prefix: str) -> int:
    """The id of the page's first program whose name starts with ``prefix``."""
    return next(p.id for p in page.data.programs if p.name.startswith(prefix))  # type: ignore[return-value]
