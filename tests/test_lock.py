"""requirements.lock: what the README's commands and CI install, and that it matches pyproject."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def _load_lock_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("lock_tool", ROOT / "scripts" / "lock.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["lock_tool"] = module
    spec.loader.exec_module(module)
    return module


lock_tool = _load_lock_tool()


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    pyproject = tmp_path / "pyproject.toml"
    lock = tmp_path / "requirements.lock"
    shutil.copy(ROOT / "pyproject.toml", pyproject)
    shutil.copy(ROOT / "requirements.lock", lock)
    return pyproject, lock


def test_the_lock_matches_pyproject() -> None:
    assert lock_tool.check_lock() == []


def test_every_pin_is_hashed_and_exact() -> None:
    pins = lock_tool.parse_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    assert len(pins) > 30
    assert all(hashed for *_, hashed in pins)
    names = {canonicalize_name(name) for name, *_ in pins}
    assert {"pyside6-essentials", "pyside6-addons", "shiboken6", "harper-py", "reportlab",
            "setuptools", "pytest"} <= names


def test_python_311_never_gets_the_leaking_qt() -> None:
    """PySide6 6.12.0 aborts the app on Python 3.11; 3.12+ may have it."""
    pins = lock_tool.parse_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    from packaging.markers import Marker

    for python, allowed in (("3.11", False), ("3.12", True), ("3.13", True)):
        env = {**default_environment(), "python_version": python,
               "python_full_version": f"{python}.0"}
        qt = [version for name, version, marker, _ in pins
              if canonicalize_name(name) == "pyside6-essentials"
              and (not marker or Marker(marker).evaluate(env))]
        assert len(qt) == 1, (python, qt)
        assert qt[0].startswith("6.12") == allowed, (python, qt)


def test_an_edited_requirement_is_noticed(copies: tuple[Path, Path]) -> None:
    pyproject, lock = copies
    text = pyproject.read_text(encoding="utf-8")
    edited = text.replace('"python-docx>=1.2"', '"python-docx>=1.3"')
    assert edited != text
    pyproject.write_text(edited, encoding="utf-8")
    problems = lock_tool.check_lock(pyproject, lock)
    assert any("changed since the lock was made" in p for p in problems), problems


def test_a_missing_or_wrong_pin_is_noticed(copies: tuple[Path, Path]) -> None:
    pyproject, lock = copies
    lines = lock.read_text(encoding="utf-8").split("\n")
    kept, skip = [], False
    for line in lines:
        if line.startswith("reportlab=="):
            skip = True
        elif skip and not line.startswith(" "):
            skip = False
        if not skip:
            kept.append(line)
    text = "\n".join(kept)
    text = text.replace("pyside6-essentials==6.11.3 ; python_full_version < '3.12'",
                        "pyside6-essentials==6.12.0 ; python_full_version < '3.12'")
    lock.write_text(text, encoding="utf-8")
    problems = lock_tool.check_lock(pyproject, lock)
    assert any(p.startswith("reportlab is not locked") for p in problems), problems
    assert any("pyside6-essentials==6.12.0" in p.lower() and "3.11" in p for p in problems)


def test_this_environment_is_the_locked_one() -> None:
    """The venv the tests run in holds exactly the lock's versions (what CI installed)."""
    pins = lock_tool.parse_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    from packaging.markers import Marker

    env = default_environment()
    wrong = []
    for name, version, marker, _ in pins:
        if marker and not Marker(marker).evaluate(env):
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong.append(f"{name} not installed")
            continue
        if Version(installed) != Version(version):
            wrong.append(f"{name} {installed} installed, {version} locked")
    assert not wrong, wrong
