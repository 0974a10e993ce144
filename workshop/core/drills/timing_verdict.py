"""Whether an answer's length fits its target: "well timed", "short", "long" or "skipped".

The tolerance is data (``resources/drills/timing_verdicts.toml``): an answer within that
fraction of its target either way is well timed. A skipped question gets no timing verdict at
all, so a skip can never read as "well timed". The targets come from the question bank's
timing facts (FACTS.md, "Interviews").
"""

from __future__ import annotations

import enum
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workshop.core.drills.report import clock_text
from workshop.core.errors import UserError
from workshop.core.resources import resource

DEFAULT_TOLERANCE = 0.25


class Timing(enum.Enum):
    """The verdict on an answer's length."""

    WELL_TIMED = "well timed"
    SHORT = "short"
    LONG = "long"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class TimingVerdict:
    """An answer's length judged against its target.

    Attributes:
        timing: the verdict.
        answer_seconds: the answer's length (0 when skipped).
        target_seconds: the target it was judged against.
        low_seconds: the shortest well-timed length.
        high_seconds: the longest well-timed length.
    """

    timing: Timing
    answer_seconds: float
    target_seconds: float
    low_seconds: float
    high_seconds: float

    @property
    def label(self) -> str:
        """One or two words for the countdown dial: "Well timed", "Short", "Long", "Skipped"."""
        return self.timing.value.capitalize()


def load_tolerance(path: Path | None = None) -> float:
    """The well-timed tolerance as a fraction of the target (0.25 means ±25%).

    Raises:
        UserError: the file is unreadable or the value is not a fraction between 0 and 1.
    """
    path = path or resource("drills", "timing_verdicts.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"Cannot read the timing verdicts: {exc}", where=str(path)) from exc
    value = data.get("verdict", {}).get("tolerance")
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1:
        raise UserError(f"'tolerance' must be a fraction between 0 and 1, not {value!r}.",
                        where=f"{path.name} [verdict]")
    return float(value)


@cache
def shipped_tolerance() -> float:
    """The shipped tolerance, read once; the default when the file is broken (a packaging bug
    must not stop a drill)."""
    try:
        return load_tolerance()
    except UserError:
        return DEFAULT_TOLERANCE


def judge_timing(answer_seconds: float, target_seconds: float, *, skipped: bool = False,
                 tolerance: float = DEFAULT_TOLERANCE) -> TimingVerdict:
    """Judge one answer.

    Args:
        answer_seconds: the whole answer, overtime included.
        target_seconds: the recommended length (must be positive).
        skipped: the question was skipped; the verdict is then SKIPPED whatever the length.
        tolerance: the fraction of the target allowed either way.
    """
    if target_seconds <= 0:
        raise ValueError("target_seconds must be positive")
    low = target_seconds * (1 - tolerance)
    high = target_seconds * (1 + tolerance)
    if skipped:
        timing = Timing.SKIPPED
        answer_seconds = 0.0
    elif answer_seconds < low:
        timing = Timing.SHORT
    elif answer_seconds > high:
        timing = Timing.LONG
    else:
        timing = Timing.WELL_TIMED
    return TimingVerdict(timing, answer_seconds, target_seconds, low, high)


def describe(verdict: TimingVerdict) -> str:
    """The sentence under the rubric, e.g. "You answered for 0:17 against a target of 2:00:
    short (1:43 under the target; well timed is 1:30–2:30)."."""
    if verdict.timing is Timing.SKIPPED:
        return "Skipped: no answer was timed."
    answer, target = clock_text(verdict.answer_seconds), clock_text(verdict.target_seconds)
    head = f"You answered for {answer} against a target of {target}: {verdict.timing.value}"
    diff = verdict.answer_seconds - verdict.target_seconds
    if abs(diff) < 1:
        return f"{head}."
    side = "over" if diff > 0 else "under"
    window = f"{clock_text(verdict.low_seconds)}–{clock_text(verdict.high_seconds)}"
    return f"{head} ({clock_text(abs(diff))} {side} the target; well timed is {window})."
