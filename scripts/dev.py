"""Developer set-up on any platform (Windows, macOS, Linux), with nothing but Python 3.11+.

    python scripts/dev.py install   .venv with the exact versions of requirements.lock
    python scripts/dev.py test      install, then the whole test suite headless (pytest args ok)
    python scripts/dev.py run       install, then open the app
    python scripts/dev.py bundle    install, then build the standalone app (dist/)

On Debian/Ubuntu the README's `make run` / `make test` also install the Qt system libraries
(scripts/bootstrap.sh) and then call ``install`` here; elsewhere Qt's wheels bring what they need.
The venv is reinstalled only when requirements.lock or pyproject.toml changes (a stamp file), so a
second call takes a second.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"


def venv_python() -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    return VENV / folder / ("python.exe" if os.name == "nt" else "python")


def stamp() -> Path:
    digest = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes())
    return VENV / f".installed-{digest.hexdigest()[:16]}"


def pip(*args: str) -> None:
    subprocess.run([str(venv_python()), "-m", "pip", "--disable-pip-version-check", *args],
                   check=True, cwd=ROOT)


def install() -> Path:
    """Create or refresh .venv from the lock; returns its python."""
    if sys.version_info < (3, 11):  # noqa: UP036 - say so clearly on an older Python
        raise SystemExit(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]}).")
    if not venv_python().exists():
        print(">> creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    marker = stamp()
    if not marker.exists():
        print(">> installing the locked Python packages into .venv "
              "(first time or the lock changed)", flush=True)
        pip("install", "-q", "--require-hashes", "--no-deps", "-r", str(LOCK))
        pip("install", "-q", "--no-deps", "--no-build-isolation", "-e", str(ROOT))
        check = subprocess.run([str(venv_python()), "-m", "pip", "check"], cwd=ROOT,
                               capture_output=True, text=True)
        if check.returncode:
            raise SystemExit(f"the locked packages do not fit together:\n{check.stdout}")
        for old in VENV.glob(".installed-*"):
            old.unlink()
        marker.touch()
    return venv_python()


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command not in {"install", "test", "run", "bundle"}:
        print(__doc__, file=sys.stderr)
        return 2
    python = install()
    env = dict(os.environ)
    if command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([str(python), "-m", "pytest", "-q", "-p", "no:randomly", *rest],
                               cwd=ROOT, env=env)
    if command == "run":
        return subprocess.call([str(python), "-m", "workshop", *rest], cwd=ROOT, env=env)
    if command == "bundle":
        return subprocess.call([str(python), str(ROOT / "scripts" / "bundle" / "build.py"),
                                *rest], cwd=ROOT, env=env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
