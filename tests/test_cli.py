"""The ``workshop`` command, run as a user would: in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop import __version__


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True,
                          text=True, timeout=120, env=full_env, stdin=subprocess.DEVNULL)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"workshop {__version__}"


def test_console_script_installed() -> None:
    script = Path(sys.executable).with_name("workshop")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == f"workshop {__version__}"


def test_init_with_sample_then_refuses_existing(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    first = run("init", str(path), "--sample")
    assert first.returncode == 0, first.stderr
    assert "sample applicant" in first.stdout
    again = run("init", str(path))
    assert again.returncode == 1
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "already exists" in lines[0]
    assert "Traceback" not in again.stderr


def test_usage_error_exit_2() -> None:
    result = run("no-such-command")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_restore_damaged_workspace(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    assert run("init", str(path), "--sample").returncode == 0  # close makes a backup
    path.write_bytes(b"garbage" * 1000)
    refused = run("--workspace", str(path), "screenshot", "--out", str(tmp_path / "x.png"),
                  env={"QT_QPA_PLATFORM": "offscreen"})
    assert refused.returncode == 1 and "workshop restore" in refused.stderr
    result = run("restore", str(path))
    assert result.returncode == 0, result.stderr
    assert "kept as" in result.stdout
    assert list(tmp_path.glob("w.workshop.damaged-*"))


def test_app_without_display_says_so(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    result = subprocess.run([sys.executable, "-m", "workshop"], capture_output=True, text=True,
                            timeout=60, env=env, stdin=subprocess.DEVNULL)
    if not sys.platform.startswith("linux"):
        pytest.skip("display detection is Linux-specific")
    assert result.returncode == 1
    assert "No display found" in result.stderr


def test_internal_error_hides_traceback_unless_debug(tmp_path: Path) -> None:
    bad_size = run("screenshot", "--size", "wide", "--out", str(tmp_path / "x.png"))
    assert bad_size.returncode == 1 and "--size must look like" in bad_size.stderr


def test_screenshot_renders_png(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    assert run("init", str(path), "--sample").returncode == 0
    out = tmp_path / "shot.png"
    result = run("--workspace", str(path), "screenshot", "--section", "cv", "--out", str(out),
                 env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
