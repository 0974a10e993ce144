"""Where a recorded answer has speech and where it pauses, from the signal's energy alone.

No model and no recognizer: the answer is cut into 20 ms frames, each frame's level in dB is
compared with a threshold set from the recording itself (well above its noise floor and not too
far below its loud parts), short gaps between words are bridged, and what is left are speech
segments and the pauses between them. Syllables are counted as peaks of the smoothed level
inside speech (the syllable-nucleus method of de Jong & Wempe, 2009, without its pitch check),
which gives a speaking-rate estimate without knowing a single word. Everything here is an
estimate, and the UI says so.

Pure Python over :mod:`array` (no numpy): a two-minute answer at 16 kHz takes well under a
second, and the UI runs it off the GUI thread anyway.
"""

from __future__ import annotations

import math
import wave
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workshop.core.errors import UserError

FRAME_SECONDS = 0.02
FLOOR_DB = -100.0
#: Gaps shorter than this are the breaks between words, not pauses.
BRIDGE_SECONDS = 0.3
#: A silence at least this long counts as a pause in the feedback.
PAUSE_SECONDS = 0.5
#: ... and at least this long as a long pause.
LONG_PAUSE_SECONDS = 2.0
#: Speech shorter than this (a click, a breath) is dropped.
MIN_SPEECH_SECONDS = 0.08
MAX_SECONDS = 30 * 60.0


@dataclass(frozen=True, slots=True)
class Audio:
    """Mono samples scaled to -1..1 and their rate."""

    samples: array[float]
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate if self.rate else 0.0


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the recording, in seconds from its start."""

    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class VoiceActivity:
    """Speech and pauses in one recording.

    Attributes:
        duration: the whole recording.
        speech: speech segments in order (gaps under :data:`BRIDGE_SECONDS` bridged).
        pauses: silences of at least :data:`PAUSE_SECONDS` between speech segments (silence
            before the first word and after the last is not a pause).
        threshold_db: the level that separated speech from silence.
        syllables: syllable nuclei counted inside speech.
    """

    duration: float
    speech: tuple[Span, ...]
    pauses: tuple[Span, ...]
    threshold_db: float
    syllables: int

    @property
    def has_speech(self) -> bool:
        return bool(self.speech)

    @property
    def talk_span(self) -> Span | None:
        """From the first word to the last, the stretch speaking rates are measured over."""
        return Span(self.speech[0].start, self.speech[-1].end) if self.speech else None

    @property
    def speaking_seconds(self) -> float:
        """Time with speech, pauses left out."""
        return sum(s.seconds for s in self.speech)

    @property
    def long_pauses(self) -> tuple[Span, ...]:
        return tuple(p for p in self.pauses if p.seconds >= LONG_PAUSE_SECONDS)


def read_wav(path: Path) -> Audio:
    """Read a PCM WAV file (8, 16, 24 or 32 bit, any channel count) as mono.

    Raises:
        UserError: the file is missing, not PCM WAV, empty or longer than 30 minutes.
    """
    try:
        with wave.open(str(path), "rb") as w:
            channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
            frames = w.getnframes()
            if rate <= 0 or frames / rate > MAX_SECONDS:
                raise UserError("The recording is too long to analyze (over 30 minutes).",
                                where=str(path))
            raw = w.readframes(frames)
    except (OSError, EOFError, wave.Error) as exc:
        raise UserError(f"Cannot read the recording as WAV audio: {exc}", where=str(path),
                        hint="Feedback works on WAV recordings made by this app.") from exc
    return Audio(_to_mono(raw, width, channels), rate)


def _to_mono(raw: bytes, width: int, channels: int) -> array[float]:
    if width == 1:
        ints = array("h", ((b - 128) << 8 for b in raw))
        scale = 32768.0
    elif width == 2:
        ints = array("h")
        ints.frombytes(raw[: len(raw) - len(raw) % 2])
        scale = 32768.0
    elif width == 3:
        usable = len(raw) - len(raw) % 3
        ints = array("i", (int.from_bytes(raw[i:i + 3], "little", signed=True)
                           for i in range(0, usable, 3)))
        scale = 8388608.0
    elif width == 4:
        ints = array("i")
        ints.frombytes(raw[: len(raw) - len(raw) % 4])
        scale = 2147483648.0
    else:
        raise UserError(f"{width * 8}-bit audio is not supported.")
    if ints.itemsize > 1 and array("h", [1]).tobytes()[0] == 0:  # a big-endian machine
        ints.byteswap()
    if channels <= 1:
        return array("d", (v / scale for v in ints))
    n = len(ints) // channels
    return array("d", (sum(ints[i * channels:(i + 1) * channels]) / (channels * scale)
                       for i in range(n)))


def frame_levels(audio: Audio, frame_seconds: float = FRAME_SECONDS) -> list[float]:
    """The level of each frame in dB relative to full scale (:data:`FLOOR_DB` for silence)."""
    size = max(1, int(audio.rate * frame_seconds))
    s = audio.samples
    levels = []
    for start in range(0, len(s) - size + 1, size):
        frame = s[start:start + size]
        power = math.fsum(x * x for x in frame) / size
        levels.append(10 * math.log10(power) if power > 1e-10 else FLOOR_DB)
    return levels


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(q * (len(ordered) - 1))))]


def detect_voice(audio: Audio) -> VoiceActivity:
    """Speech segments, pauses and syllables of ``audio`` (see the module's notes)."""
    levels = frame_levels(audio)
    duration = audio.seconds
    if not levels:
        return VoiceActivity(duration, (), (), FLOOR_DB, 0)
    floor = _percentile(levels, 0.1)
    loud = _percentile(levels, 0.95)
    threshold = max(floor + 12.0, loud - 30.0, -60.0)
    if loud - floor < 12.0:  # no frame stands out: silence, a hum, or steady noise
        return VoiceActivity(duration, (), (), threshold, 0)
    spans = _runs([lv >= threshold for lv in levels])
    bridged: list[Span] = []
    for span in spans:
        if bridged and span.start - bridged[-1].end < BRIDGE_SECONDS:
            bridged[-1] = Span(bridged[-1].start, span.end)
        else:
            bridged.append(span)
    speech = tuple(s for s in bridged if s.seconds >= MIN_SPEECH_SECONDS)
    pauses = tuple(Span(a.end, b.start) for a, b in zip(speech, speech[1:], strict=False)
                   if b.start - a.end >= PAUSE_SECONDS)
    syllables = _syllables(levels, speech, threshold)
    return VoiceActivity(duration, speech, pauses, threshold, syllables)


def _runs(flags: list[bool]) -> list[Span]:
    spans: list[Span] = []
    start: int | None = None
    for i, on in enumerate([*flags, False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            spans.append(Span(start * FRAME_SECONDS, i * FRAME_SECONDS))
            start = None
    return spans


def _syllables(levels: list[float], speech: tuple[Span, ...], threshold: float,
               dip_db: float = 3.0) -> int:
    """Peaks of the smoothed level that stand ``dip_db`` above the valleys on both sides."""
    smooth = [math.fsum(levels[max(0, i - 1):i + 2]) / len(levels[max(0, i - 1):i + 2])
              for i in range(len(levels))]
    count = 0
    for span in speech:
        lo = int(round(span.start / FRAME_SECONDS))
        hi = min(len(smooth), int(round(span.end / FRAME_SECONDS)))
        valley = smooth[lo - 1] if lo > 0 else FLOOR_DB
        peak = -math.inf
        rising = True
        for v in smooth[lo:hi]:
            if rising:
                if v > peak:
                    peak = v
                elif peak - v >= dip_db and peak >= threshold and peak - valley >= dip_db:
                    count += 1
                    rising, valley = False, v
            elif v < valley:
                valley = v
            elif v - valley >= dip_db:
                rising, peak = True, v
        if rising and peak >= threshold and peak - valley >= dip_db:
            count += 1  # the level falls after the segment's end
    return count
