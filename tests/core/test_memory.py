"""release_free_heap hands freed heap back (glibc) and is a harmless no-op elsewhere."""

from __future__ import annotations

import sys

import pytest

from workshop.core import memory


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_freed_small_blocks_go_back_to_the_system() -> None:
    memory.release_free_heap()
    # Many small objects, with a few survivors that pin arenas: the case malloc keeps mapped.
    blocks = [bytearray(600) for _ in range(200_000)]
    keep = blocks[::5000]
    del blocks
    before = _rss_kb()
    assert memory.release_free_heap()
    assert _rss_kb() < before - 20_000  # well over 20 MB of the ~130 MB came back
    assert len(keep) == 40


def test_no_op_without_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory.sys, "platform", "win32")
    memory._trim.cache_clear()
    try:
        assert memory.release_free_heap() is False
    finally:
        memory._trim.cache_clear()
