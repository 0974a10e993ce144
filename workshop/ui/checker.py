"""The grammar checker on its own thread.

Harper's Linter takes about a second to build and its first lint about two, and it is not
thread-safe: one worker thread owns the :class:`CheckService` (built and warmed there right after
the window first paints) and every check runs on it. Requests carry a generation number; the UI
drops answers to requests that a newer edit has superseded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from workshop.core.errors import UserError


@dataclass(frozen=True)
class CheckRequest:
    owner: str
    generation: int
    text: str
    context: Any
    user_words: tuple[str, ...]
    ignored: tuple[str, ...]


class _Worker(QObject):
    ready = Signal(str, int, object)
    failed = Signal(str, int, str)
    status = Signal(str)

    def __init__(self, engine: str, lt_url: str) -> None:
        super().__init__()
        self.engine = engine
        self.lt_url = lt_url
        self.service: Any = None

    @Slot()
    def start(self) -> None:
        from workshop.core.checks.factory import build_service

        self.status.emit("Checker: starting Harper…")
        try:
            self.service = build_service(self.engine, self.lt_url)
            self.service.warm()
        except UserError as exc:
            self.status.emit(f"Checker: {exc.message}")
            from workshop.core.checks.factory import build_service as fallback

            self.service = fallback("harper")
            self.service.warm()
        self.status.emit(describe(self.service))

    @Slot(object)
    def check(self, request: CheckRequest) -> None:
        if self.service is None:
            self.start()
        try:
            result = self.service.check(request.text, request.context, request.user_words,
                                        request.ignored)
        except Exception as exc:  # noqa: BLE001 - reported in the UI, never a crash
            self.failed.emit(request.owner, request.generation, f"{type(exc).__name__}: {exc}")
            return
        self.ready.emit(request.owner, request.generation, result)


def describe(service: Any) -> str:
    """Status-bar text: which engines run, and how to enable LanguageTool when it is off."""
    states = service.availability()
    parts = []
    for name, state in states.items():
        label = {"harper": "Harper (offline)", "languagetool": "LanguageTool"}.get(
            name.lower(), name)
        parts.append(f"{label}: {'on' if state.ok else 'off'}")
    if "languagetool" not in {n.lower() for n in states}:
        parts.append("LanguageTool: off (set a server in Preferences)")
    return "Checker: " + " · ".join(parts)


class CheckerHost(QObject):
    """Owns the worker thread; pages call :meth:`request` and listen to :attr:`ready`."""

    ready = Signal(str, int, object)
    failed = Signal(str, int, str)
    status = Signal(str)
    _submit = Signal(object)
    _start = Signal()

    def __init__(self, engine: str = "auto", lt_url: str = "") -> None:
        super().__init__()
        self.thread = QThread()
        self.thread.setObjectName("checker")
        self.worker = _Worker(engine, lt_url)
        self.worker.moveToThread(self.thread)
        self._submit.connect(self.worker.check)
        self._start.connect(self.worker.start)
        self.worker.ready.connect(self._delivered)
        self.worker.failed.connect(self._failed)
        self.worker.status.connect(self._remember_status)
        self.last_status = "Checker: starting…"
        # Per owner: the request on the worker now, and the newest one waiting behind it. A
        # request that a newer one replaced before it started is never run: while the user
        # types faster than a check takes, the worker checks the latest text, not a backlog.
        self._running: dict[str, int] = {}
        self._waiting: dict[str, CheckRequest] = {}
        self.thread.start()

    def _remember_status(self, text: str) -> None:
        self.last_status = text
        self.status.emit(text)

    def warm(self) -> None:
        """Build and warm the engines on the worker thread (call once, after first paint)."""
        self._start.emit()

    def request(self, request: CheckRequest) -> None:
        if request.owner in self._running:
            self._waiting[request.owner] = request
            return
        self._running[request.owner] = request.generation
        self._submit.emit(request)

    def _next(self, owner: str) -> None:
        self._running.pop(owner, None)
        waiting = self._waiting.pop(owner, None)
        if waiting is not None:
            self.request(waiting)

    def _delivered(self, owner: str, generation: int, result: object) -> None:
        self._next(owner)
        self.ready.emit(owner, generation, result)

    def _failed(self, owner: str, generation: int, error: str) -> None:
        self._next(owner)
        self.failed.emit(owner, generation, error)

    def busy(self, owner: str) -> bool:
        """Whether a check for ``owner`` is running or waiting (tests, benchmarks)."""
        return owner in self._running or owner in self._waiting

    def shutdown(self) -> None:
        self.thread.quit()
        self.thread.wait(10_000)
