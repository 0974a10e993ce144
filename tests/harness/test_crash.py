"""SIGKILL during autosave never corrupts the workspace nor loses more than the autosave window.

The normal run kills a handful of times; ``pytest -m slow`` runs the full 200 (also
``workshop bench --suite crash``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.harness.crash import run_crash_harness


def test_kills_during_save_leave_a_healthy_workspace(tmp_path: Path) -> None:
    report = run_crash_harness(tmp_path, 6, max_life=1.5)
    assert report.failures == []
    assert report.survived == report.kills == 6
    assert report.max_lost_chars < 1000  # bounded by the autosave ceiling, not unbounded


@pytest.mark.slow
def test_two_hundred_kills(tmp_path: Path) -> None:
    report = run_crash_harness(tmp_path, 200)
    print(report.summary())
    assert report.failures == []
    assert report.survived == 200
    assert report.max_lost_seconds <= 2.0
