"""Tabs whose content is built the first time the tab is shown or asked for.

A page with six tabs used to build all six when it opened, though the user sees one: the
Programs page's first visit froze the window for 90–150 ms, a third of it for tabs nobody had
clicked. :class:`LazyTabs` puts an empty holder in each tab and builds the real widget into it
when the tab becomes current (a click, ``setCurrentIndex``) or when code asks for it with
:meth:`LazyTabs.get` (a finding jumping to it, a test reading it), so nothing has to know
whether a tab exists yet. Code that must touch every *existing* tab (a refresh, switching
read-only) iterates :meth:`LazyTabs.built`; a tab built later is brought up to date by its
``build`` function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

Tab = TypeVar("Tab", bound=QWidget)


class LazyTabs:
    """Key -> tab content of one :class:`QTabWidget`, each built by its function on first use.

    Create it before connecting anything else to ``tabs.currentChanged``: the tab is built
    before other slots look at it.
    """

    def __init__(self, tabs: QTabWidget) -> None:
        self.tabs = tabs
        self._keys: list[str] = []
        self._holders: dict[str, QWidget] = {}
        self._builders: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._on_current)

    def add(self, key: str, label: str, build: Callable[[], QWidget]) -> None:
        """A tab labelled ``label`` whose content ``build()`` makes when first needed."""
        holder = QWidget()
        holder.setObjectName(f"tab-{key}")
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self._keys.append(key)
        self._holders[key] = holder
        self._builders[key] = build
        self.tabs.addTab(holder, label)
        if self.tabs.count() == 1:  # the first tab is current at once: it is seen
            self.get(key)

    def get(self, key: str) -> QWidget:
        """The content of tab ``key``, built now if it was not yet."""
        widget = self._built.get(key)
        if widget is None:
            build = self._builders[key]  # KeyError for an unknown key
            widget = build()
            self._built[key] = widget
            holder = self._holders[key]
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(widget)
            # A layout shows a child added to a visible parent one turn later; a tab being
            # switched to must be on show (and laid out) now.
            widget.show()
        return widget

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> dict[str, QWidget]:
        """The tabs built so far, by key (iterating these builds nothing)."""
        return dict(self._built)

    def index_of(self, key: str) -> int:
        return self._keys.index(key)

    def current_key(self) -> str:
        return self._keys[self.tabs.currentIndex()]

    def current(self) -> QWidget:
        """The content of the tab on show (built if need be)."""
        return self.get(self.current_key())

    def show(self, key: str) -> QWidget:
        """Make tab ``key`` current and return its content."""
        self.tabs.setCurrentIndex(self.index_of(key))
        return self.get(key)

    def _on_current(self, index: int) -> None:
        if 0 <= index < len(self._keys):
            self.get(self._keys[index])


class LazyTab(Generic[Tab]):
    """A page's attribute for one lazy tab (``rank_tab = LazyTab[RankTab]("rank")``): reading
    it builds the tab if need be. The page keeps its :class:`LazyTabs` as ``self.lazy``."""

    def __init__(self, key: str) -> None:
        self.key = key

    @overload
    def __get__(self, page: None, owner: type) -> LazyTab[Tab]: ...

    @overload
    def __get__(self, page: object, owner: type) -> Tab: ...

    def __get__(self, page: object | None, owner: type) -> Any:
        if page is None:
            return self
        return page.lazy.get(self.key)  # type: ignore[attr-defined]
