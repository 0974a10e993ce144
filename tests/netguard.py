"""Make any network connection from the test process fail loudly.

The product promises that checking, importing, exporting and drills open no socket; only a
LanguageTool server the user configured, or a download the user started, may connect. Every test
runs under this guard (see ``conftest.py``); a test that is allowed to connect (a real
LanguageTool server) is marked ``allow_network``. Unix-domain sockets (D-Bus, Qt internals) are
local IPC and stay allowed.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest


class NetworkAttempt(AssertionError):
    """Raised instead of connecting; an AssertionError so tests fail, not skip."""


def _refuse(address: Any) -> None:
    raise NetworkAttempt(f"network connection attempted to {address!r}: the app must work offline")


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        if self.family == getattr(socket, "AF_UNIX", None):
            return real_connect(self, address)
        _refuse(address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family == getattr(socket, "AF_UNIX", None):
            return real_connect_ex(self, address)
        _refuse(address)
        return 1

    def getaddrinfo(host: Any, *_args: Any, **_kwargs: Any) -> Any:
        _refuse(host)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
