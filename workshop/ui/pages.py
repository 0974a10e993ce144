"""Which page shows each section, built lazily the first time the section is opened.

Every page is a :class:`~workshop.ui.page_base.PageBase` (the contract the main window calls).
"""

from __future__ import annotations

from importlib import import_module

from workshop.ui.context import UiContext
from workshop.ui.empty_state import EmptyState
from workshop.ui.page_base import PageBase, PlaceholderPage
from workshop.ui.sections import section

PAGE_CLASSES: dict[str, str] = {
    "statements": "workshop.ui.statements.page:StatementsPage",
    "cv": "workshop.ui.cv.page:CvPage",
    "letters": "workshop.ui.letters.page:LettersPage",
    "interviews": "workshop.ui.interviews.page:InterviewsPage",
    "interview": "workshop.ui.interview.page:InterviewPage",
    "programs": "workshop.ui.programs.page:ProgramsPage",
    "exports": "workshop.ui.exports.page:ExportsPage",
}


def build_page(key: str, context: UiContext) -> PageBase:
    """The page for ``key``; sections not built yet show their honest empty state."""
    target = PAGE_CLASSES.get(key)
    if target is None:
        info = section(key)
        page: PageBase = PlaceholderPage(EmptyState(info.title, info.explanation,
                                                    list(info.steps)))
    else:
        module_name, _, class_name = target.partition(":")
        page = getattr(import_module(module_name), class_name)(context)
    page.setObjectName(f"page-{key}")
    return page
