"""The CV's fifteen section forms: the navigation list, the stack they show in, built lazily.

The CV page owns the CV, saving, checks and the preview; this module owns the forms that edit
it. Each section's form is built the first time it is shown (see :mod:`lazy_pages`), so the page
opens with one form instead of ~120 rows. A form built later binds itself to the CV then, and
binding a CV never counts as an edit (``edited`` is called only for what the user typed).

The custom sections' page is the one with two editors: the sections, and below them the items
of the section selected (:attr:`SectionForms.custom_items`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QListWidget, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from workshop.core.cv.model import CV
from workshop.ui.cv import specs
from workshop.ui.cv.fields import RecordForm
from workshop.ui.cv.lazy_pages import LazyPages
from workshop.ui.cv.list_editor import ListEditor

RECORD_PAGES = {"personal": "Personal details", "ecfmg": "ECFMG",
                "preferences": "Preferences and essays"}
RECORD_SPECS = {"personal": specs.PERSONAL, "ecfmg": specs.ECFMG,
                "preferences": specs.PREFERENCES}
_RECORD_NAV = {"personal": "Personal", "ecfmg": "ECFMG", "preferences": "Preferences"}


class SectionForms:
    """Section key -> its form, with the navigation list that picks the one shown.

    ``cv`` returns the CV being edited (the page replaces it on load); ``edited(path)`` is
    called for the user's edits only.
    """

    def __init__(self, cv: Callable[[], CV], edited: Callable[[str], None],
                 editable: bool) -> None:
        self._cv = cv
        self._edited = edited
        self._quiet = False
        self._editable = editable
        self.nav = QListWidget()
        self.nav.setAccessibleName("CV sections")
        self.nav.setFixedWidth(128)
        self.nav.setSpacing(2)
        self.forms = QStackedWidget()
        #: The empty slot each section's form goes into, in navigation order.
        self.pages: dict[str, QWidget] = {}
        self.record_scrolls: dict[str, QScrollArea] = {}
        self._sections = {section.key: section for section in specs.LIST_SECTIONS}
        self._custom: ListEditor | None = None
        self._custom_sections: ListEditor | None = None
        self.records: LazyPages[RecordForm] = LazyPages(list(RECORD_PAGES), self._build_record)
        self.lists: LazyPages[ListEditor] = LazyPages(list(self._sections), self._build_list)
        for key, title in _RECORD_NAV.items():
            self._add_page(key, title)
        for section in specs.LIST_SECTIONS:
            self._add_page(section.key, section.title)
        self.nav.currentRowChanged.connect(self._show_row)

    # -- what the page asks for ---------------------------------------------------------------
    def bind(self, only: str | None = None) -> None:
        """Show the CV in every form built so far (or in record form ``only``), quietly."""
        def bind_all() -> None:
            for key, form in self.records.built().items():
                if only is None or key == only:
                    form.bind(self._cv())
            if only is None:
                for editor in self.lists.built().values():
                    editor.refresh(select=0)
        self._quietly(bind_all)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for form in self.records.built().values():
            form.set_editable(editable)
        for editor in self.lists.built().values():
            editor.set_editable(editable)
        if self._custom is not None:
            self._custom.set_editable(editable)

    def refresh_lists(self, names: list[str]) -> None:
        """The entries of sections ``names`` were reordered or replaced: show them again."""
        for name in names:
            if self.lists.is_built(name):
                self.lists[name].refresh(select=0)
        if self._custom is not None and any(name.startswith("custom_sections")
                                            for name in names):
            self._custom.refresh(select=0)

    def current_key(self) -> str:
        return list(self.pages)[max(self.forms.currentIndex(), 0)]

    def show_section(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    @property
    def custom_items(self) -> ListEditor:
        """The items of the custom section selected (built with the custom sections' page)."""
        self.lists["custom_sections"]
        assert self._custom is not None
        return self._custom

    # -- building -----------------------------------------------------------------------------
    def _add_page(self, key: str, title: str) -> None:
        slot = QWidget()
        slot.setObjectName(f"cv-slot-{key}")
        layout = QVBoxLayout(slot)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages[key] = slot
        self.forms.addWidget(slot)
        self.nav.addItem(title)

    def _show_row(self, row: int) -> None:
        """Show section ``row``, building its form on the first visit."""
        if row < 0:
            return
        key = list(self.pages)[row]
        (self.records if key in self.records else self.lists)[key]
        self.forms.setCurrentIndex(row)

    def _fill_slot(self, key: str, widget: QWidget) -> None:
        layout = self.pages[key].layout()
        assert layout is not None
        layout.addWidget(widget)

    def _on_edit(self, path: str = "") -> None:
        if not self._quiet:
            self._edited(path)

    def _build_record(self, key: str) -> RecordForm:
        form = RecordForm(RECORD_SPECS[key])
        form.edited.connect(self._on_edit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        scroll.setAccessibleName(RECORD_PAGES[key])
        self.record_scrolls[key] = scroll
        self._fill_slot(key, scroll)
        self._quietly(lambda: form.bind(self._cv()))
        form.set_editable(self._editable)
        return form

    def _build_list(self, key: str) -> ListEditor:
        section = self._sections[key]
        footer = self._custom_items_editor() if key == "custom_sections" else None
        editor = ListEditor(section.title, section.specs,
                            lambda k=section.key: getattr(self._cv(), k),
                            section.factory, section.label, noun=section.noun,
                            footer=footer)
        editor.edited.connect(self._on_edit)
        self._fill_slot(key, editor)
        if self._custom is not None and footer is not None:
            custom = self._custom
            self._custom_sections = editor
            editor.current_changed.connect(lambda _s: custom.refresh(select=0))
            custom.edited.connect(lambda _p: self._relabel(editor))
            custom.set_editable(self._editable)
        self._quietly(lambda: editor.refresh(select=0))
        editor.set_editable(self._editable)
        return editor

    def _relabel(self, editor: ListEditor) -> None:
        """A custom item changed: its section's label in the list may show it."""
        item = editor.list.currentItem()
        if item is not None:
            item.setText(editor.label(editor.current()))
        self._on_edit()

    def _quietly(self, bind: Callable[[], None]) -> None:
        """Show the CV in a form without it counting as an edit."""
        quiet, self._quiet = self._quiet, True
        try:
            bind()
        finally:
            self._quiet = quiet

    def _custom_items_editor(self) -> QWidget:
        item = specs.CUSTOM_ITEM
        self._custom = ListEditor(
            item.title, item.specs, self._custom_items_list, item.factory, item.label,
            noun=item.noun)
        self._custom.setMinimumHeight(420)
        return self._custom

    def _custom_items_list(self) -> list[Any]:
        editor = self._custom_sections
        section = editor.current() if editor is not None else None
        return section.items if section is not None else []
