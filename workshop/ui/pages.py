"""Which widget shows each section, built lazily the first time the section is opened.

Pages are duck-typed: any of the signals ``save_state_changed(SaveState, str)`` and
``message(str)``, and the methods ``flush() -> bool`` (save now; False if it failed),
``save_version()``, ``new_item()`` and ``shutdown()`` are used when a page has them.
"""

from __future__ import annotations

from importlib import import_module

from PySide6.QtWidgets import QWidget

from workshop.ui.context import UiContext
from workshop.ui.empty_state import EmptyState
from workshop.ui.sections import section

PAGE_CLASSES: dict[str, str] = {
    "statements": "workshop.ui.statements.page:StatementsPage",
    "cv": "workshop.ui.cv.page:CvPage",
    "letters": "workshop.ui.letters.page:LettersPage",
    "interview": "workshop.ui.interview.page:InterviewPage",
    "programs": "workshop.ui.programs.page:ProgramsPage",
    "exports": "workshop.ui.exports.page:ExportsPage",
}


def build_page(key: str, context: UiContext) -> QWidget:
    """The page for ``key``; sections not built yet show their honest empty state."""
    target = PAGE_CLASSES.get(key)
    if target is None:
        info = section(key)
        page: QWidget = EmptyState(info.title, info.explanation, list(info.steps))
    else:
        module_name, _, class_name = target.partition(":")
        page = getattr(import_module(module_name), class_name)(context)
    page.setObjectName(f"page-{key}")
    return page
