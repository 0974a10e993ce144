"""What the check service needs from a grammar engine, and the engine that finds nothing.

An engine checks one paragraph at a time and returns findings with offsets into that paragraph;
the service shifts them into the document and caches by paragraph text. Engines are created
and passed in by the caller (no singletons), so tests can use fakes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from workshop.core.checks.finding import Finding


@dataclass(frozen=True)
class Availability:
    """Whether an engine can run, and a sentence for the status bar when it cannot."""

    ok: bool
    state: str
    message: str
    how_to_enable: str = ""

    def __str__(self) -> str:
        return self.message if not self.how_to_enable else f"{self.message} {self.how_to_enable}"


@runtime_checkable
class Engine(Protocol):
    """A grammar/spelling checker the service can run."""

    name: str

    def availability(self) -> Availability:
        """Cheap check (no network, no model load) of whether :meth:`check` can work."""
        ...

    def warm(self) -> None:
        """Do the slow start-up now (call from a worker thread at app start)."""
        ...

    def check(self, text: str) -> list[Finding]:
        """Findings for ``text`` (one paragraph), offsets in code points into ``text``."""
        ...

    def set_words(self, words: Iterable[str]) -> None:
        """Words the engine must accept (medical list plus the user dictionary)."""
        ...


class NullEngine:
    """An engine that finds nothing: used when no real engine is available or wanted."""

    name = "none"

    def availability(self) -> Availability:
        """Always available: it never fails."""
        return Availability(True, "ready", "No grammar engine: only the residency rules run.")

    def warm(self) -> None:
        """Nothing to warm."""

    def check(self, text: str) -> list[Finding]:
        """No findings."""
        return []

    def set_words(self, words: Iterable[str]) -> None:
        """Nothing to remember."""
