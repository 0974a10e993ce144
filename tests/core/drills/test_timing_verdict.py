"""Timing verdicts: within the stated tolerance of the target is "well timed"; a skip never is."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.drills.timing_verdict import (
    Timing,
    describe,
    judge_timing,
    load_tolerance,
)
from workshop.core.errors import UserError


def test_shipped_tolerance_is_a_quarter() -> None:
    assert load_tolerance() == 0.25


@pytest.mark.parametrize(("seconds", "timing"), [
    (17, Timing.SHORT), (89.9, Timing.SHORT), (90, Timing.WELL_TIMED), (120, Timing.WELL_TIMED),
    (150, Timing.WELL_TIMED), (150.1, Timing.LONG), (400, Timing.LONG)])
def test_two_minute_target(seconds: float, timing: Timing) -> None:
    assert judge_timing(seconds, 120, tolerance=0.25).timing is timing


def test_seventeen_seconds_against_two_minutes_reads_short() -> None:
    verdict = judge_timing(17, 120, tolerance=0.25)
    assert verdict.label == "Short"
    assert describe(verdict) == ("You answered for 0:17 against a target of 2:00: short (1:43 "
                                 "under the target; well timed is 1:30–2:30).")


def test_skipped_is_never_well_timed() -> None:
    verdict = judge_timing(120, 120, skipped=True)
    assert verdict.timing is Timing.SKIPPED and verdict.answer_seconds == 0
    assert "well timed" not in describe(verdict).lower()


@given(st.floats(0, 3600), st.integers(10, 600), st.floats(0.05, 0.9))
def test_well_timed_exactly_inside_the_window(seconds: float, target: int, tol: float) -> None:
    verdict = judge_timing(seconds, target, tolerance=tol)
    inside = target * (1 - tol) <= seconds <= target * (1 + tol)
    assert (verdict.timing is Timing.WELL_TIMED) == inside


@pytest.mark.parametrize("text", ["[verdict]\ntolerance = 1.5\n", "[verdict]\n",
                                  "[verdict]\ntolerance = true\n", "not toml ["])
def test_bad_tolerance_files_are_user_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError):
        load_tolerance(path)
