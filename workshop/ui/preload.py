"""Import each section's code and read its shipped data before the user first opens it.

A section's first visit used to block the window for 150–400 ms (issue 20): importing its
modules (QtPdf for the CV preview, QtCharts for the drill dashboard, the CV import and export
code) and parsing shipped files (the 25 TOML files of the question bank) on the GUI thread.
None of that depends on the workspace, so once the checker is warm the window hands it to one
daemon thread, section by section in the navigation order. The thread only imports modules and
fills core caches (pure Python, no widgets, no database): the GIL is released every few
milliseconds, so the window stays responsive while it runs.

If the user opens a section whose preload is running, :meth:`Preloader.wait` lets it finish
first (never two imports of one module on two threads at once); a section not reached yet is
built as before.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from importlib import import_module

from workshop.core.preload import Preloader
from workshop.ui.pages import PAGE_CLASSES


def _bank() -> None:
    from workshop.core.drills.bank import shipped_bank

    shipped_bank()


def _themes() -> None:
    """Parse the shipped themes once (~30 ms; the CV preview and the exports list them)."""
    from workshop.core.export.themes import list_themes

    list_themes()


def _cv_model() -> None:
    """Read a CV once: the model's type hints are resolved on first use (~15 ms)."""
    from workshop.core.cv.store import sample_cv

    sample_cv()


def _season() -> None:
    """Parse the season files (the interviews timeline and the programs tabs read them)."""
    import datetime as dt

    from workshop.core.errors import UserError
    from workshop.core.season.season_file import load_season

    with contextlib.suppress(UserError):  # a broken file is the page's to explain, not ours
        load_season(today=dt.date.today())


def _interview_rules() -> None:
    """Parse the NRMP interview guidance the Interviews page shows beside each interview."""
    from workshop.core.interviews.guidance import guidance

    guidance()


#: What each section needs besides its page module: shipped data its page reads on opening.
DATA: dict[str, tuple[Callable[[], None], ...]] = {
    "cv": (_themes, _cv_model),
    "interviews": (_season, _interview_rules),
    "interview": (_bank,),
    "programs": (_season,),
    "exports": (_themes,),
}


def preload_section(key: str) -> None:
    """Import the section's page module and load its shipped data (any thread)."""
    target = PAGE_CLASSES.get(key)
    if target is not None:
        import_module(target.partition(":")[0])
    for load in DATA.get(key, ()):
        load()


def section_preloader() -> Preloader:
    """A preloader of sections, for the main window."""
    return Preloader(lambda key: preload_section(key))
