"""``workshop interviews`` as a user runs it: text, JSON, .ics export, a clear error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True,
                          text=True, timeout=180, stdin=subprocess.DEVNULL)


def test_interviews_command(tmp_path: Path) -> None:
    ws = str(tmp_path / "s.workshop")
    assert run("init", ws, "--sample").returncode == 0
    text = run("interviews", "--workspace", ws)
    assert text.returncode == 0
    assert "your time zone: America/Chicago" in text.stdout and "Conflicts:" in text.stdout
    data = json.loads(run("interviews", "--workspace", ws, "--format", "json").stdout)
    assert data["applicant_zone"] == "America/Chicago"
    riverside = next(i for i in data["invitations"] if "Riverside" in i["program"])
    chosen = next(s for s in riverside["slots"] if s["chosen"])
    assert chosen["time_zone"] == "America/Los_Angeles" and chosen["starts"].endswith("T09:00")
    assert chosen["your_time"].startswith("11:00 AM")
    assert {i["status"] for i in data["invitations"]} >= {"completed", "waitlisted", "invited"}
    assert any(m["title"].startswith("SOAP rounds") for m in data["march"])
    out = tmp_path / "i.ics"
    done = run("interviews", "--workspace", ws, "--export-ics", str(out))
    assert done.returncode == 0 and "BEGIN:VALARM" in out.read_text("utf-8")


def test_empty_workspace_export_is_one_clear_line(tmp_path: Path) -> None:
    ws = str(tmp_path / "e.workshop")
    assert run("init", ws).returncode == 0
    assert "No invitations yet" in run("interviews", "--workspace", ws).stdout
    failed = run("interviews", "--workspace", ws, "--export-ics", str(tmp_path / "x.ics"))
    assert failed.returncode == 1
    assert "no scheduled interview" in failed.stderr and "Traceback" not in failed.stderr
