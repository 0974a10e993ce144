"""The standalone app (PyInstaller one-folder bundle), built and run as someone without Python.

Builds ``dist/residency-workshop`` with the committed recipe, then runs its launchers from an
unrelated folder with a bare PATH (no venv, no checkout on sys.path): start offscreen to the first
painted page, a screenshot, a CV export and a statement check (Harper's native library inside).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "residency-workshop"
EXE = ".exe" if os.name == "nt" else ""


@pytest.fixture(scope="module")
def bundle() -> Path:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "bundle" / "build.py")],
                          cwd=ROOT, capture_output=True, text=True, timeout=900,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    assert (BUNDLE / f"workshop{EXE}").is_file()
    return BUNDLE


def bare_env(tmp_path: Path) -> dict[str, str]:
    env = {"PATH": os.pathsep.join(["/usr/bin", "/bin"]), "HOME": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen", "WORKSHOP_HOME": str(tmp_path / "home"),
           "LANG": "C.UTF-8"}
    for key in ("SYSTEMROOT", "TEMP", "TMP"):  # Windows needs these to start a process
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def run(cmd: list[str], cwd: Path, env: dict[str, str],
        ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=180,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode in ok, f"{cmd} exited {proc.returncode}\n{proc.stderr[-3000:]}"
    return proc


def test_the_bundle_carries_the_data_and_no_test_tools(bundle: Path) -> None:
    internal = bundle / "_internal"
    data = internal / "workshop" / "_data"
    for name in ("resources/fonts/NotoSans-Regular.ttf", "resources/questions/categories.toml",
                 "resources/icons/residency-workshop.svg", "templates/themes"):
        assert (data / name).exists(), name
    assert list(internal.glob("harper/_harper*")), "Harper's native library is inside"
    assert not (internal / "pytest").exists() and not (internal / "mypy").exists()


def test_the_bundle_runs_without_python(bundle: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "Documents"
    elsewhere.mkdir()
    env = bare_env(tmp_path)
    cli = str(bundle / f"workshop{EXE}")
    app = str(bundle / f"residency-workshop{EXE}")
    ws = str(elsewhere / "Łukasz Öztürk.workshop")
    run([cli, "init", ws, "--sample"], elsewhere, env)
    started = run([app, "--workspace", ws], elsewhere,
                  {**env, "WORKSHOP_EXIT_AFTER_PAINT": "1"})
    assert "page-ready" in started.stdout, "the window painted its first page"
    run([cli, "--workspace", ws, "screenshot", "--section", "statements", "--out", "shot.png"],
        elsewhere, env)
    assert (elsewhere / "shot.png").stat().st_size > 50_000
    run([cli, "--workspace", ws, "export", "cv", "--out", "cv.pdf"], elsewhere, env)
    assert (elsewhere / "cv.pdf").read_bytes().startswith(b"%PDF")
    run([cli, "--workspace", ws, "export", "statement", "--out", "statement.txt"], elsewhere, env)
    checked = run([cli, "--workspace", ws, "check", "statement.txt", "--format", "json"],
                  elsewhere, env, ok=(0, 1))
    report = json.loads(checked.stdout)
    assert report["engines"] == ["harper"] and report["stats"]["words"] > 300
    # The shipped clinical vocabulary and names list reached the bundle: the sample is clean...
    assert not any(issue["category"] == "spelling" for issue in report["issues"]), report
    (elsewhere / "typo.txt").write_text("I recieved my degree in Cairo.", encoding="utf-8")
    typo = run([cli, "check", "typo.txt", "--format", "json"], elsewhere, env, ok=(0, 1))
    assert any(issue["category"] == "spelling"  # ...and Harper itself runs
               for issue in json.loads(typo.stdout)["issues"])
