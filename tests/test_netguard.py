"""The offline guard itself: a connection attempt fails loudly; local IPC still works."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from tests.netguard import NetworkAttempt


def test_tcp_connection_is_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkAttempt):
        sock.connect(("127.0.0.1", 9))


def test_http_request_is_refused() -> None:
    with pytest.raises(NetworkAttempt):
        urllib.request.urlopen("http://example.org", timeout=1)  # noqa: S310


def test_unix_sockets_still_work() -> None:
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"ok")
        assert right.recv(2) == b"ok"
