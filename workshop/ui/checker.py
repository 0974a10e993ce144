"""The grammar checker on its own thread.

Harper's Linter takes over a second to build and it is not thread-safe: one worker thread owns
the :class:`CheckService` and every check runs on it. The engines are built there as soon as the
host exists (Harper builds in Rust without holding the GIL, so the window is built meanwhile);
the rules' data, which is Python and holds the GIL, loads after the window's first paint.
Requests carry a generation number; per owner only the newest waiting request is run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from workshop.core.errors import UserError

#: Wait this long after the first paint for a quick check before loading the rules' data.
WARM_DELAY_MS = 700


@dataclass(frozen=True)
class CheckRequest:
    owner: str
    generation: int
    text: str
    context: Any
    user_words: tuple[str, ...]
    ignored: tuple[str, ...]
    #: Engines only: the first check of a statement, so underlines come before the rules load.
    quick: bool = False


class _Worker(QObject):
    ready = Signal(str, int, object)
    failed = Signal(str, int, str)
    status = Signal(str)

    reconfigured = Signal()

    def __init__(self, engine: str, lt_url: str, learner: bool = False) -> None:
        super().__init__()
        self.engine = engine
        self.lt_url = lt_url
        self.learner = learner
        self.service: Any = None

    @Slot()
    def start(self) -> None:
        """Build the engines (Harper's linter: ~1.4 s, without the GIL) at app start."""
        from workshop.core import engine_head_start as head_start
        from workshop.core.checks.factory import build_service

        if self.service is not None:
            return
        self.status.emit("Checker: starting Harper…")
        self.service = head_start.take(self.engine, self.lt_url, self.learner)
        if self.service is not None:
            return
        try:
            self.service = build_service(self.engine, self.lt_url,
                                         learner_grammar=self.learner)
            self.service.warm_engines()
        except UserError as exc:
            self.status.emit(f"Checker: {exc.message}")
            self.service = build_service("harper", learner_grammar=self.learner)
            self.service.warm_engines()

    @Slot()
    def warm_rest(self) -> None:
        """Load the rules' data (Python, holds the GIL: after the window's first paint)."""
        self.start()
        self.service.warm_rules()
        self.status.emit(describe(self.service))

    @Slot(object)
    def reconfigure(self, settings: tuple[str, bool]) -> None:
        """Rebuild the engines with a new LanguageTool address or learner switch (Preferences).

        Runs on the worker, between two checks: a check asked for meanwhile waits in the
        queue and gets the new engines. Harper is built again (~1 s, without the GIL).
        """
        self.lt_url, self.learner = settings
        self.service = None
        self.status.emit("Checker: starting Harper…")
        self.start()
        self.service.warm_rules()
        self.status.emit(describe(self.service))
        self.reconfigured.emit()

    @Slot(object)
    def check(self, request: CheckRequest) -> None:
        if self.service is None:
            self.start()
        try:
            result = self.service.check(request.text, request.context, request.user_words,
                                        request.ignored, quick=request.quick)
        except Exception as exc:  # noqa: BLE001 - reported in the UI, never a crash
            self.failed.emit(request.owner, request.generation, f"{type(exc).__name__}: {exc}")
            return
        self.ready.emit(request.owner, request.generation, result)


def describe(service: Any) -> str:
    """Status-bar text: which engines run, and how to enable LanguageTool when it is off."""
    states = service.availability()
    parts = []
    for name, state in states.items():
        label = {"harper": "Harper (offline)", "languagetool": "LanguageTool",
                 "learner-lm": "Learner grammar"}.get(name.lower(), name)
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
    _warm = Signal()
    _reconfigure = Signal(object)
    #: The engines were rebuilt (Preferences changed them): pages check their text again.
    reconfigured = Signal()

    def __init__(self, engine: str = "auto", lt_url: str = "", learner: bool = False) -> None:
        super().__init__()
        self.thread = QThread()
        self.thread.setObjectName("checker")
        self.settings = (lt_url, learner)
        self.worker = _Worker(engine, lt_url, learner)
        self.worker.moveToThread(self.thread)
        self._submit.connect(self.worker.check)
        self._start.connect(self.worker.start)
        self._warm.connect(self.worker.warm_rest)
        self._reconfigure.connect(self.worker.reconfigure)
        self.worker.reconfigured.connect(self.reconfigured)
        self.worker.ready.connect(self._delivered)
        self.worker.failed.connect(self._failed)
        self.worker.status.connect(self._remember_status)
        self.last_status = "Checker: starting…"
        # Per owner: the request on the worker now, and the newest one waiting behind it. A
        # request that a newer one replaced before it started is never run: while the user
        # types faster than a check takes, the worker checks the latest text, not a backlog.
        self._running: dict[str, int] = {}
        self._waiting: dict[str, CheckRequest] = {}
        self._warm_sent = False
        self.thread.start()
        self._start.emit()  # build the engines now, in parallel with the window

    def _remember_status(self, text: str) -> None:
        self.last_status = text
        self.status.emit(text)

    def warm(self) -> None:
        """Finish warming on the worker (after the first paint), after a first quick check.

        The rules' data takes ~0.5 s to load on the worker; a quick check that the statement
        page sends in that moment would wait behind it. So the rules load after the first
        quick answer, or after a short delay when no page asks for one.
        """
        from PySide6.QtCore import QTimer

        QTimer.singleShot(WARM_DELAY_MS, self._send_warm)

    def _send_warm(self) -> None:
        if not self._warm_sent:
            self._warm_sent = True
            self._warm.emit()

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
        if getattr(result, "quick", False):
            self._send_warm()  # queued before the full check that waits behind the quick one
        self._next(owner)
        self.ready.emit(owner, generation, result)

    def _failed(self, owner: str, generation: int, error: str) -> None:
        self._next(owner)
        self.failed.emit(owner, generation, error)

    def reconfigure(self, lt_url: str, learner: bool) -> bool:
        """Use a new LanguageTool address or learner switch; False when nothing changed."""
        if (lt_url, learner) == self.settings:
            return False
        self.settings = (lt_url, learner)
        self._warm_sent = True  # the rebuild warms the rules itself
        self._reconfigure.emit((lt_url, learner))
        return True

    def busy(self, owner: str) -> bool:
        """Whether a check for ``owner`` is running or waiting (tests, benchmarks)."""
        return owner in self._running or owner in self._waiting

    def shutdown(self) -> None:
        self.thread.quit()
        self.thread.wait(10_000)
