"""Build the grammar engines while the window is still being built.

Harper's linter takes over a second to build. It builds in Rust without holding the GIL, so
starting it first thing, on a thread of its own, hides most of that second behind Qt's start-up
and the window's construction; the checker's worker then takes the built service instead of
building its own. Nothing is shared after the hand-over: the service is taken once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported on the thread: this module must cost nothing to import
    from workshop.core.checks.service import CheckService


@dataclass
class _HeadStart:
    key: tuple[str, str, bool]
    done: threading.Event = field(default_factory=threading.Event)
    service: CheckService | None = None
    error: BaseException | None = None


#: The app's checker engines ("auto": Harper, plus LanguageTool when it is available).
APP_ENGINE = "auto"

_lock = threading.Lock()
_pending: _HeadStart | None = None


def begin(engine: str = "auto", lt_server_url: str = "", learner_grammar: bool = False) -> None:
    """Start building (and warming) the engines for ``engine`` on a daemon thread."""
    global _pending
    with _lock:
        if _pending is not None:
            return
        head = _pending = _HeadStart((engine, lt_server_url, learner_grammar))

    def build() -> None:
        try:
            from workshop.core.checks.factory import build_service

            service = build_service(engine, lt_server_url, learner_grammar=learner_grammar)
            service.warm_engines()
            head.service = service
        except BaseException as exc:  # noqa: BLE001 - handed to the taker, which rebuilds
            head.error = exc
        finally:
            head.done.set()

    threading.Thread(target=build, name="checker-head-start", daemon=True).start()


def take(engine: str, lt_server_url: str, learner_grammar: bool = False,
         timeout: float = 60.0) -> CheckService | None:
    """The service built by :func:`begin` for the same settings, once; else None."""
    global _pending
    with _lock:
        head, _pending = _pending, None
    if head is None or head.key != (engine, lt_server_url, learner_grammar):
        return None
    if not head.done.wait(timeout) or head.error is not None:
        return None
    return head.service
