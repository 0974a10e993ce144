"""Run one-time loads by key on one daemon thread, ahead of the GUI thread that needs them.

The window uses it to import each section's code and read its shipped data once the checker is
warm (``ui/preload.py`` says what; this says how, without Qt, so the UI starts no threads of its
own). The GUI thread calls :meth:`Preloader.wait` before doing the same work itself: a running
load is let finish (never two imports of one module on two threads at once), a load not
reached yet is claimed and skipped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence


class Preloader:
    """Runs ``load(key)`` for each key on one daemon thread; see :meth:`wait`.

    Failures are left for the real visit to meet and explain: preloading is only a head start.
    """

    def __init__(self, load: Callable[[str], None]) -> None:
        self._load = load
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
                                        name="preload", daemon=True)
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
                self._load(key)
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
