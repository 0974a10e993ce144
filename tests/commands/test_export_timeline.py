"""`workshop export timeline`: the season running that day, the workspace's own dates, reminders."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from workshop.commands.export import export_timeline
from workshop.core.errors import UserError
from workshop.core.services import init_workspace

TODAY = dt.date(2026, 12, 2)


def test_export_carries_the_2027_match_dates_with_reminders(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "s.workshop", sample=True)
    try:
        out = export_timeline(ws, tmp_path / "season.ics", today=TODAY)
        with pytest.raises(UserError, match="iCalendar"):
            export_timeline(ws, tmp_path / "season.txt", today=TODAY)
    finally:
        ws.close()
    raw = out.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    by_summary = {str(e["SUMMARY"]): e for e in events}
    for title in ("NRMP standard registration deadline (estimated)",
                  "NRMP ranking opens (estimated)",
                  "NRMP rank-order list deadline, 9 p.m. ET (not confirmed)",
                  "IMGs: Step 1 and Step 2 CK passed and reported by ECFMG (not confirmed)",
                  "SOAP rounds (Monday to Thursday of Match Week) (not confirmed)",
                  "Match Day (not confirmed)", "ERAS season ends (estimated)"):
        assert title in by_summary, title
    rol = by_summary["NRMP rank-order list deadline, 9 p.m. ET (not confirmed)"]
    assert "Source: NRMP calendars" in str(rol["DESCRIPTION"])
    assert len(rol.walk("VALARM")) == 2
    own = [e for e in events if str(e["SUMMARY"]).startswith("Letter due:")]
    assert own and all(e.walk("VALARM") for e in own if e.decoded("DTSTART") > TODAY)
    assert not any("ERAS deadline" in str(e["SUMMARY"]) for e in events)


def test_the_command_line_writes_the_calendar(tmp_path: Path) -> None:
    ws = tmp_path / "s.workshop"
    env_run = [sys.executable, "-m", "workshop"]
    assert subprocess.run([*env_run, "init", str(ws), "--sample"], capture_output=True,
                          timeout=180, stdin=subprocess.DEVNULL).returncode == 0
    out = tmp_path / "season.ics"
    result = subprocess.run([*env_run, "export", "timeline", "--workspace", str(ws), "--out",
                             str(out)], capture_output=True, text=True, timeout=180,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    summaries = [str(e["SUMMARY"]) for e in
                 icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert any(s.startswith("IMGs: Step 1 and Step 2 CK") for s in summaries)
    assert any(s.startswith("NRMP standard registration deadline") for s in summaries)
