"""``workshop programs signals`` and ``workshop programs costs`` as a user runs them; plain
``workshop programs`` keeps its output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True,
                          text=True, timeout=180, stdin=subprocess.DEVNULL)


@pytest.fixture
def sample_ws(tmp_path: Path) -> Path:
    path = tmp_path / "sample.workshop"
    assert run("init", str(path), "--sample").returncode == 0
    return path


def test_signals_json_text_and_set(sample_ws: Path) -> None:
    ws = str(sample_ws)
    data = json.loads(run("programs", "signals", "--workspace", ws, "--format",
                          "json").stdout)
    im = next(s for s in data["specialties"] if s["specialty"] == "Internal Medicine")
    assert im["allowed"] == {"gold": 3, "silver": 12} and im["used"] == {"gold": 1,
                                                                          "silver": 3}
    assert im["confirmed"] is False and "unconfirmed for 2027" in im["allowed_text"]
    assert data["match_year"] == 2027 and "AAMC" in data["source"]
    ids = {s["program"].split(" (SAMPLE)")[0]: s["id"] for s in data["signaled"]}
    assert "Lakeview Medical Center Internal Medicine" in ids
    # Two more gold signals fit; the fourth is refused in one line, exit 1.
    listing = json.loads(run("programs", "--workspace", ws, "--format", "json").stdout)
    programs = listing["programs"] if isinstance(listing, dict) else listing
    free = [p["id"] for p in programs
            if not p.get("signal") and p.get("specialty") == "Internal Medicine"]
    assert len(free) >= 3, programs[0].keys()
    for pid in free[:2]:
        assert run("programs", "signals", "--workspace", ws, "--set", str(pid),
                   "gold").returncode == 0
    refused = run("programs", "signals", "--workspace", ws, "--set", str(free[2]), "gold")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "allows 3 gold signals" in refused.stderr
    assert "signal 0 of 5" in run("programs", "signals", "--workspace", ws).stdout
    bad = run("programs", "signals", "--workspace", ws, "--set", "x", "gold")
    assert bad.returncode == 1 and "cannot read" in bad.stderr


def test_costs_json_and_text(sample_ws: Path) -> None:
    ws = str(sample_ws)
    data = json.loads(run("programs", "--format", "json", "costs", "--workspace", ws).stdout)
    by = {s["specialty"]: s for s in data["specialties"]}
    assert by["Internal Medicine"]["programs"] == 9 and by["Internal Medicine"]["fee"] == 99
    assert data["eras_total"] == 110 and data["eras"]["confirmed"] is False
    assert [o["amount"] for o in data["other"]] == [None, None, None]
    text = run("programs", "costs", "--workspace", ws).stdout
    assert "USMLE transcript: amount not confirmed: see AAMC/NRMP" in text
    assert "2027 fees not confirmed" in text


def test_plain_programs_output_is_unchanged(sample_ws: Path) -> None:
    text = run("programs", "--workspace", str(sample_ws)).stdout
    assert "Program signals" not in text and "ERAS total" not in text
    assert "(SAMPLE)" in text
