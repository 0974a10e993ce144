"""Code that a Windows or macOS user runs has no POSIX-only calls outside named, guarded places.

The crash harness (``workshop/harness``) kills processes with SIGKILL on purpose and is a
developer tool; the workspace lock picks ``fcntl`` or ``msvcrt`` by platform.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "workshop"
POSIX_ONLY = re.compile(
    r"\bimport (fcntl|termios|pwd|grp)\b|os\.(fork|getuid|geteuid|getgid|killpg|setsid|uname|"
    r"statvfs|sync)\(|signal\.SIG(KILL|STOP|USR1|USR2|CHLD)\b|['\"]/(tmp|dev|proc)/")
#: file -> the POSIX-only uses it may have, each behind a platform check.
ALLOWED = {"core/storage/lock.py": {"import fcntl", "os.uname("}}


def test_no_posix_only_call_outside_the_guarded_places() -> None:
    found = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("harness/"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in POSIX_ONLY.finditer(line):
                if match.group(0) not in ALLOWED.get(relative, set()):
                    found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "POSIX-only calls a Windows user would hit:\n" + "\n".join(found)


def test_the_lock_falls_back_on_windows() -> None:
    text = (ROOT / "core" / "storage" / "lock.py").read_text(encoding="utf-8")
    assert 'if sys.platform == "win32"' in text and "import msvcrt" in text
    assert "except AttributeError" in text, "os.uname is missing on Windows"
