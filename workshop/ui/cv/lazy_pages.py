"""Build a CV section's form the first time it is looked at, not when the page opens.

The CV has fifteen sections (three record forms, twelve list editors, ~120 form rows); building
them all at once froze the first visit to the CV page for 150–200 ms plus their first layout.
:class:`LazyPages` is a mapping from section key to its widget that builds an entry on first
access (the navigation list showing it, a finding jumping to it, a test reading it), so the page
opens with the one section it shows. Code that must touch every *existing* form (binding a
newly loaded CV, switching read-only) iterates :meth:`LazyPages.built`; a form built later binds
itself to the CV then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar

Widget = TypeVar("Widget")


class LazyPages(Mapping[str, Widget], Generic[Widget]):
    """Section key -> widget, each built by ``build(key)`` on first access."""

    def __init__(self, keys: list[str], build: Callable[[str], Widget]) -> None:
        self._keys = list(keys)
        self._build = build
        self._built: dict[str, Widget] = {}

    def __getitem__(self, key: str) -> Widget:
        if key not in self._built:
            if key not in self._keys:
                raise KeyError(key)
            self._built[key] = self._build(key)
        return self._built[key]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def built(self) -> dict[str, Widget]:
        """The entries built so far (iterating these builds nothing)."""
        return dict(self._built)

    def is_built(self, key: str) -> bool:
        return key in self._built
