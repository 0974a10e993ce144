"""Two processes on one workspace: the second is refused (or reads), nothing is corrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from workshop.core.model.documents import DocumentKind
from workshop.core.storage import create_workspace, open_workspace

HOLDER = textwrap.dedent("""
    import sys, time
    from workshop.core.storage import open_workspace
    ws = open_workspace(sys.argv[1])
    doc = ws.documents.list()[0]
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        ws.documents.save_working_copy(doc.id, f"edit {n} " * 200)
        time.sleep(0.002)
""")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True,
                          text=True, timeout=60)


def test_second_process_refused_while_first_writes_then_killed(ws_path: Path) -> None:
    with create_workspace(ws_path) as ws:
        ws.documents.create(DocumentKind.PERSONAL_STATEMENT, "PS", "start")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(ws_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        probe = textwrap.dedent("""
            import sys
            from workshop.core.errors import UserError
            from workshop.core.storage import open_workspace
            try:
                open_workspace(sys.argv[1])
            except UserError as exc:
                print("refused:", exc)
            viewer = open_workspace(sys.argv[1], read_only=True)
            print("read:", viewer.documents.list()[0].body[:5])
        """)
        out = subprocess.run([sys.executable, "-c", probe, str(ws_path)], capture_output=True,
                             text=True, timeout=60)
        assert "refused:" in out.stdout and "already open in another window" in out.stdout
        assert "read: edit " in out.stdout, out.stderr
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    with open_workspace(ws_path) as ws:  # the kernel dropped the dead holder's lock
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ws.documents.list()[0].body.startswith("edit ")
