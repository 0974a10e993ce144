"""Give freed heap memory back to the system after the big one-time loads.

Building Harper's linter and the checker's first lint allocate and free tens of megabytes in
small blocks; glibc's allocator keeps the freed blocks mapped, so the resident size stays at
its peak although Python and Rust no longer use them (issue 20 measured 32 MB kept after the
warm-up). ``malloc_trim(0)`` returns them. Windows and macOS allocators return free pages on
their own, so there this is a no-op; it never raises.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys
from collections.abc import Callable


@functools.cache
def _trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):  # musl and other libcs have no malloc_trim
        return None
    trim.argtypes = [ctypes.c_size_t]  # type: ignore[attr-defined]
    trim.restype = ctypes.c_int  # type: ignore[attr-defined]
    return trim


def release_free_heap() -> bool:
    """Return free heap pages to the system; True when the allocator could be asked."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
