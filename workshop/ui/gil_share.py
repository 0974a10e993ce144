"""How long the GUI thread may wait for the GIL while a worker thread runs Python.

The preview render (reportlab), the checks and the exports run on worker threads, but they hold
the GIL while they run Python, and every Qt call from the GUI thread gives the GIL up and takes
it back. CPython hands it over only every *switch interval* (5 ms by default), so a page laid
out while a preview rendered waited up to 5 ms per Qt call: the CV page's first visit froze the
window 88–97 ms with the default and 47–70 ms with 1 ms (the first-visits harness, alternating
runs), and the first underlines came no later (449–466 ms after paint against 481–514). Worker
throughput barely changes: the interval only decides how soon a waiting thread is served.
"""

from __future__ import annotations

import sys

#: Seconds; CPython's default is 0.005.
GUI_SWITCH_INTERVAL_S = 0.001


def favour_gui_thread() -> None:
    """Serve a thread waiting for the GIL (the GUI thread, mostly) within about a millisecond."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
