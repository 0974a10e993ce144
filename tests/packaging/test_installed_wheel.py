"""The product as a user installs it: the wheel, in a fresh venv, run from an unrelated folder.

The checkout's own tests import the source tree, so they cannot see a file missing from the
wheel or code that finds its data relative to the repository. This builds the wheel, checks that
it carries every file of resources/ and templates/, installs it (with the locked dependencies)
into a new venv outside the checkout and runs the main jobs from another folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA_FOLDERS = ("resources", "templates")


def data_files() -> set[str]:
    """Every data file of the checkout, as the wheel names it."""
    found = set()
    for folder in DATA_FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                found.add(f"workshop/_data/{path.relative_to(ROOT).as_posix()}")
    return found


def run(cmd: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 300,
        ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode in ok, (
        f"{' '.join(cmd)} exited {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(dist), str(ROOT)], cwd=dist, env=dict(os.environ))
    wheels = list(dist.glob("residency_workshop-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with the locked dependencies and the wheel; returns its bin folder."""
    venv = tmp_path_factory.mktemp("venv")
    env = dict(os.environ)
    run([sys.executable, "-m", "venv", "--clear", str(venv)], cwd=venv, env=env)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / "python"
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--require-hashes", "--no-deps", "-r", str(ROOT / "requirements.lock")],
        cwd=venv, env=env, timeout=900)
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", str(wheel)], cwd=venv, env=env)
    return scripts


def test_the_wheel_carries_every_data_file(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = sorted(data_files() - names)
    assert not missing, f"data files missing from the wheel: {missing[:10]}"
    assert "workshop/_data/resources/fonts/NotoSans-Regular.ttf" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    code = {n for n in names if n.endswith(".py") and not n.startswith("workshop/_data/")}
    source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "workshop").rglob("*.py")}
    assert source - code == set(), "every module of the package is in the wheel"


def test_the_installed_app_does_its_main_jobs(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "somewhere else"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", WORKSHOP_HOME=str(tmp_path / "home"),
               PATH=os.pathsep.join([str(installed), "/usr/bin", "/bin"]))
    assert (installed / "residency-workshop").is_file(), "the windowed launcher is installed"
    python = str(installed / "python")
    workshop = str(installed / "workshop")
    where = run([python, "-c", "import workshop, workshop.core.resources as r; "
                 "print(workshop.__file__); print(r.data_root())"], cwd=elsewhere, env=env)
    module_file, data_root = where.stdout.split()
    venv = str(installed.parent)
    assert module_file.startswith(venv) and data_root.startswith(venv), where.stdout
    assert not module_file.startswith(str(ROOT))

    ws = elsewhere / "Ana María Núñez.workshop"
    run([workshop, "init", str(ws), "--sample"], cwd=elsewhere, env=env)
    flag = ["--workspace", str(ws)]
    questions = json.loads(run([workshop, *flag, "questions", "--format", "json"],
                               cwd=elsewhere, env=env).stdout)
    assert questions["count"] == len(questions["questions"]) >= 150
    run([workshop, *flag, "export", "statement", "--out", "statement.txt"], cwd=elsewhere,
        env=env)
    checked = run([workshop, *flag, "check", "statement.txt", "--format", "json"],
                  cwd=elsewhere, env=env, ok=(0, 1))
    report = json.loads(checked.stdout)
    assert report["engines"] == ["harper"], "the offline grammar engine loads from the wheel"
    assert report["issues"] and report["stats"]["words"] > 300, report["summary"]
    for out in ("cv.pdf", "cv.docx", "statement.pdf", "statement.docx"):
        kind = out.split(".")[0]
        run([workshop, *flag, "export", kind, "--out", out], cwd=elsewhere, env=env)
    for pdf in ("cv.pdf", "statement.pdf"):
        assert (elsewhere / pdf).read_bytes().startswith(b"%PDF")
        assert (elsewhere / pdf).stat().st_size > 10_000, "fonts are embedded"
    for document in ("cv.docx", "statement.docx"):
        with zipfile.ZipFile(elsewhere / document) as archive:
            assert "word/document.xml" in archive.namelist()
    run([workshop, *flag, "screenshot", "--section", "interview", "--out", "shot.png"],
        cwd=elsewhere, env=env)
    assert (elsewhere / "shot.png").read_bytes().startswith(b"\x89PNG")
    assert (elsewhere / "shot.png").stat().st_size > 20_000
