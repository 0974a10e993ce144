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

import threading
from collections.abc import Callable, Sequence
from importlib import import_module

from workshop.ui.pages import PAGE_CLASSES


def _bank() -> None:
    from workshop.core.drills.bank import shipped_bank

    shipped_bank()


#: What each section needs besides its page module: shipped data its page reads on opening.
DATA: dict[str, tuple[Callable[[], None], ...]] = {
    "interview": (_bank,),
}


def preload_section(key: str) -> None:
    """Import the section's page module and load its shipped data (any thread)."""
    target = PAGE_CLASSES.get(key)
    if target is not None:
        import_module(target.partition(":")[0])
    for load in DATA.get(key, ()):
        load()


class Preloader:
    """Preloads sections on one daemon thread; the GUI thread :meth:`wait` s for a running one.

    Failures are left for the real visit to meet and explain: preloading is only a head start.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done: set[str] = set()
        self._current: str | None = None
        self._current_done = threading.Event()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def start(self, keys: Sequence[str]) -> None:
        """Preload ``keys`` in order, once; later calls do nothing."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, args=(tuple(keys),),
                                        name="section-preload", daemon=True)
        self._thread.start()

    def _run(self, keys: tuple[str, ...]) -> None:
        for key in keys:
            with self._lock:
                if self._stop.is_set():
                    return
                if key in self._done:
                    continue
                self._current = key
                self._current_done.clear()
            try:
                preload_section(key)
            except Exception:  # noqa: BLE001, S110 - the visit itself reports any failure
                pass
            finally:
                with self._lock:
                    self._done.add(key)
                    self._current = None
                    self._current_done.set()

    def wait(self, key: str, timeout: float = 30.0) -> None:
        """Before building ``key``'s page: let its preload finish if it is running now.

        A section not reached yet is marked done, so the thread skips it: the GUI thread is
        about to import it itself.
        """
        with self._lock:
            running = self._current == key
            if not running:
                self._done.add(key)
        if running:
            self._current_done.wait(timeout)

    def done(self) -> frozenset[str]:
        """Sections preloaded (or claimed by a visit) so far."""
        with self._lock:
            return frozenset(self._done)

    def stop(self) -> None:
        """Preload nothing more (the window is closing)."""
        self._stop.set()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the thread to end (tests)."""
        if self._thread is not None:
            self._thread.join(timeout)
