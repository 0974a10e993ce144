"""Feedback on a recorded answer, offline: pace in words a minute, pauses, time to start.

Built on :mod:`workshop.core.drills.voice_activity` (energy and syllables; no recognizer). The
words-a-minute figure is an estimate from syllables and is always shown as approximate with its
margin; pace is called fast or slow only when it is outside the 140–160 target (FACTS.md,
"Speaking pace") by more than that margin. Filler words are not counted: the offline recognizer
tried (pocketsphinx) was too inaccurate to be honest about them (numbers in
``resources/drills/answer_feedback.toml``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from workshop.core.drills.report import clock_text
from workshop.core.drills.voice_activity import (
    LONG_PAUSE_SECONDS,
    PAUSE_SECONDS,
    VoiceActivity,
    detect_voice,
    read_wav,
)
from workshop.core.errors import UserError
from workshop.core.resources import resource

ANALYZABLE_SUFFIXES = (".wav",)
NOT_ANALYZABLE = ("Feedback on pace and pauses needs a WAV recording; this take was saved "
                  "in another format, so it can be played but not analyzed.")
FILLERS_NOTE = ("Filler words are not counted: no offline speech recognizer available here is "
                "accurate enough to count them honestly.")


@dataclass(frozen=True, slots=True)
class FeedbackSettings:
    """The pace target and how the estimate is made (``resources/drills/answer_feedback.toml``)."""

    target_min_wpm: int = 140
    target_max_wpm: int = 160
    syllables_per_word: float = 1.5
    error_fraction: float = 0.25


@dataclass(frozen=True, slots=True)
class AnswerFeedback:
    """What the feedback panel shows for one recording.

    Attributes:
        activity: speech and pauses found in the recording.
        words: estimated words (syllables / syllables per word).
        wpm: estimated words a minute over the span from the first word to the last; None
            when there is too little speech to say.
        settings: the target and margin the figures were judged with.
    """

    activity: VoiceActivity
    words: float
    wpm: float | None
    settings: FeedbackSettings

    @property
    def pace(self) -> str:
        """"fast", "slow", "near target" or "" (no estimate)."""
        if self.wpm is None:
            return ""
        s = self.settings
        if self.wpm > s.target_max_wpm * (1 + s.error_fraction):
            return "fast"
        if self.wpm < s.target_min_wpm * (1 - s.error_fraction):
            return "slow"
        return "near target"

    def lines(self) -> list[str]:
        """Plain sentences for the panel and the report, every estimate marked approximate."""
        a, s = self.activity, self.settings
        if not a.has_speech:
            return ["No speech was found in this recording (it may be silent or very quiet)."]
        span = a.talk_span
        assert span is not None
        margin = f"±{self.settings.error_fraction:.0%}"
        target = f"{s.target_min_wpm}–{s.target_max_wpm}"
        out: list[str] = []
        if self.wpm is None:
            out.append("Pace: too little speech to estimate.")
        else:
            judged = {"fast": f"faster than the {target} target",
                      "slow": f"slower than the {target} target",
                      "near target": f"close to the {target} target"}
            out.append(f"Pace: about {self.wpm:.0f} words a minute (approximate, {margin}, "
                       f"from syllables): {judged[self.pace]}.")
        pauses = a.pauses
        if pauses:
            longest = max(pauses, key=lambda p: p.seconds)
            text = (f"Pauses: {len(pauses)} of {PAUSE_SECONDS:g} s or more; the longest "
                    f"{longest.seconds:.1f} s at {clock_text(longest.start)}")
            if a.long_pauses:
                text += f" ({len(a.long_pauses)} longer than {LONG_PAUSE_SECONDS:g} s)"
            out.append(text + ".")
        else:
            out.append(f"Pauses: none of {PAUSE_SECONDS:g} s or more.")
        out.append(f"Started speaking after {span.start:.1f} s; spoke for "
                   f"{clock_text(a.speaking_seconds)} of {clock_text(a.duration)}.")
        return out


def load_settings(path: Path | None = None) -> FeedbackSettings:
    """Read the pace target and estimate settings.

    Raises:
        UserError: the file is unreadable or a value is out of range.
    """
    path = path or resource("drills", "answer_feedback.toml")
    try:
        pace = tomllib.loads(path.read_text(encoding="utf-8")).get("pace", {})
        settings = FeedbackSettings(int(pace["target_min_wpm"]), int(pace["target_max_wpm"]),
                                    float(pace["syllables_per_word"]),
                                    float(pace["error_fraction"]))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError,
            ValueError) as exc:
        raise UserError(f"Cannot read the feedback settings: {exc}", where=str(path)) from exc
    if not (0 < settings.target_min_wpm <= settings.target_max_wpm <= 400
            and 1 <= settings.syllables_per_word <= 3 and 0 <= settings.error_fraction < 1):
        raise UserError("A pace setting is out of range.", where=f"{path.name} [pace]")
    return settings


def analyze(activity: VoiceActivity, settings: FeedbackSettings) -> AnswerFeedback:
    """Turn voice activity into feedback (pure; tests feed it synthetic activity)."""
    words = activity.syllables / settings.syllables_per_word
    span = activity.talk_span
    wpm = words / span.seconds * 60 if span is not None and span.seconds >= 5 and words >= 5 \
        else None
    return AnswerFeedback(activity, words, wpm, settings)


def analyze_recording(path: Path, settings: FeedbackSettings | None = None) -> AnswerFeedback:
    """Read and analyze one recording (slow: call it off the GUI thread).

    Raises:
        UserError: the recording is not WAV (:data:`NOT_ANALYZABLE`) or cannot be read.
    """
    if path.suffix.lower() not in ANALYZABLE_SUFFIXES:
        raise UserError(NOT_ANALYZABLE, where=str(path))
    return analyze(detect_voice(read_wav(path)), settings or load_settings())
