"""Kill the save loop with SIGKILL at random moments and check what survives.

After every kill the workspace must open, pass ``PRAGMA integrity_check`` and hold a prefix of
what was typed; the text lost is measured as the time between the moment the saved text was
typed and the kill (target: at most 2 s, the autosave ceiling plus a tick).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace
from workshop.core.storage import open_workspace


@dataclass
class CrashReport:
    kills: int = 0
    survived: int = 0
    max_lost_seconds: float = 0.0
    max_lost_chars: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.survived}/{self.kills} kills survived; max text lost "
                f"{self.max_lost_seconds:.2f} s ({self.max_lost_chars} characters)"
                + (f"; failures: {self.failures[:3]}" if self.failures else ""))


def _read_lines(proc: subprocess.Popen[str], until: float) -> list[str]:
    """Read the child's report lines until ``until`` (wall clock) without blocking past it."""
    assert proc.stdout is not None
    lines: list[str] = []
    fd = proc.stdout.fileno()
    buffer = b""
    while True:
        remaining = until - time.time()
        if remaining <= 0:
            break
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buffer += chunk
            *complete, buffer_rest = buffer.split(b"\n")
            lines += [line.decode() for line in complete]
            buffer = buffer_rest
    return lines


def run_crash_harness(folder: Path, kills: int, *, seed: int = 1,
                      max_life: float = 3.0) -> CrashReport:
    """Start, kill and reopen ``kills`` times in one workspace under ``folder``."""
    rng = random.Random(seed)
    path = folder / "crash.workshop"
    if not path.exists():
        with init_workspace(path, sample=True) as ws:
            doc = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0]
            ws.documents.save_working_copy(doc.id, "")
    report = CrashReport()
    for round_number in range(kills):
        proc = subprocess.Popen(
            [sys.executable, "-m", "workshop.harness.save_loop", str(path),
             str(rng.randrange(1 << 30))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        lines = _read_lines(proc, time.time() + 0.3 + rng.random() * max_life)
        os.kill(proc.pid, signal.SIGKILL)
        killed_at = time.time()
        lines += _read_lines(proc, time.time() + 0.2)
        proc.wait()
        report.kills += 1
        typed = [(float(t), int(n)) for kind, t, n in (ln.split() for ln in lines if ln)
                 if kind in {"typed", "start"}]
        try:
            with open_workspace(path) as ws:
                ok = ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                body = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0].body
        except Exception as exc:  # noqa: BLE001 - every failure is a finding to report
            report.failures.append(f"round {round_number}: {type(exc).__name__}: {exc}")
            continue
        if not ok:
            report.failures.append(f"round {round_number}: integrity_check failed")
            continue
        report.survived += 1
        if not typed:
            continue
        saved_len = len(body)
        last_len = typed[-1][1]
        lost_chars = max(0, last_len - saved_len)
        # When was the saved text typed? The first report at or past the saved length.
        typed_at = next((t for t, n in typed if n >= saved_len), typed[-1][0])
        lost_seconds = max(0.0, killed_at - typed_at) if lost_chars else 0.0
        report.max_lost_chars = max(report.max_lost_chars, lost_chars)
        report.max_lost_seconds = max(report.max_lost_seconds, lost_seconds)
    return report
