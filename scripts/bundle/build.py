"""Build the standalone app into dist/residency-workshop/ (and a .zip of it) with PyInstaller.

    python scripts/bundle/build.py      (or `make bundle`, `python scripts/dev.py bundle`)

Why PyInstaller rather than pyside6-deploy: pyside6-deploy compiles with Nuitka, which needs a C
compiler and 10+ minutes per build on our 2-core CI; PyInstaller only collects, has maintained
hooks for PySide6, reportlab and python-docx, builds in a few minutes and runs the same recipe on
Linux, Windows and macOS. It must be run on each platform for that platform (no cross builds).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
NAME = "residency-workshop"


def main() -> int:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(DIST),
                    "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "scripts" / "bundle" / "workshop.spec")], check=True, cwd=ROOT)
    folder = DIST / NAME
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    archive = shutil.make_archive(str(DIST / f"{NAME}-{sys.platform}"), "zip", DIST, NAME)
    print(f"built {folder} ({size / 1e6:.0f} MB, {Path(archive).stat().st_size / 1e6:.0f} MB "
          f"zipped) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
