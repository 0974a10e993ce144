"""Voice activity and feedback on recorded answers, on signals made here (no microphone):
tone bursts as syllables with pauses of known length, silence, noise, odd WAV formats, and
espeak-ng speech with a known word count where espeak-ng is installed."""

from __future__ import annotations

import math
import random
import shutil
import subprocess
import wave
from array import array
from pathlib import Path

import pytest

from workshop.core.drills.answer_feedback import (
    NOT_ANALYZABLE,
    FeedbackSettings,
    analyze,
    analyze_recording,
    load_settings,
)
from workshop.core.drills.voice_activity import Audio, detect_voice, read_wav
from workshop.core.errors import UserError

RATE = 16_000


def burst(seconds: float, freq: float = 180.0, amp: float = 0.5) -> list[float]:
    n = int(seconds * RATE)
    # A raised-cosine envelope: one clear level peak per burst, as a syllable has.
    return [amp * math.sin(math.pi * i / n) ** 2 * math.sin(2 * math.pi * freq * i / RATE)
            for i in range(n)]


def silence(seconds: float, noise: float = 0.0005, seed: int = 1) -> list[float]:
    rng = random.Random(seed)
    return [rng.uniform(-noise, noise) for _ in range(int(seconds * RATE))]


def speech(syllables: int, rng: random.Random) -> list[float]:
    out: list[float] = []
    for _ in range(syllables):
        out += burst(rng.uniform(0.14, 0.2), rng.uniform(120, 220), rng.uniform(0.3, 0.6))
        out += silence(rng.uniform(0.05, 0.09), seed=rng.randrange(1000))
    return out


def write_wav(path: Path, samples: list[float], *, rate: int = RATE, width: int = 2,
              channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        if width == 2:
            ints = array("h", (int(max(-1, min(1, s)) * 32767) for s in samples
                               for _ in range(channels)))
            w.writeframes(ints.tobytes())
        else:
            w.writeframes(bytes(int(128 + max(-1, min(1, s)) * 127) for s in samples
                                for _ in range(channels)))
    return path


def answer_with_pauses() -> list[float]:
    rng = random.Random(7)
    return (silence(1.2) + speech(20, rng) + silence(1.0) + speech(15, rng) + silence(2.5)
            + speech(10, rng) + silence(0.6))


def test_pauses_and_start_are_found_where_they_are() -> None:
    activity = detect_voice(Audio(array("d", answer_with_pauses()), RATE))
    span = activity.talk_span
    assert span is not None and span.start == pytest.approx(1.2, abs=0.05)
    pauses = [round(p.seconds, 1) for p in activity.pauses]
    assert len(pauses) == 2
    assert pauses[0] == pytest.approx(1.05, abs=0.12) and pauses[1] == pytest.approx(2.55,
                                                                                     abs=0.12)
    assert len(activity.long_pauses) == 1
    assert activity.syllables == pytest.approx(45, abs=2)


def test_feedback_lines_are_labelled_approximate(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "a.wav", answer_with_pauses())
    feedback = analyze_recording(path)
    text = " ".join(feedback.lines())
    assert "(approximate, ±25%, from syllables)" in text
    assert "Pauses: 2 of 0.5 s or more; the longest 2.5 s" in text or \
        "Pauses: 2 of 0.5 s or more; the longest 2.6 s" in text
    assert "(1 longer than 2 s)" in text
    assert "Started speaking after 1.2 s" in text
    assert "Filler" not in text  # never claimed


def test_pace_verdict_only_outside_the_margin() -> None:
    settings = FeedbackSettings(140, 160, 1.5, 0.2)
    activity = detect_voice(Audio(array("d", answer_with_pauses()), RATE))
    feedback = analyze(activity, settings)
    assert feedback.wpm is not None
    for wpm, pace in ((100, "slow"), (120, "near target"), (190, "near target"),
                      (200, "fast")):
        fake = type(feedback)(activity, feedback.words, wpm, settings)
        assert fake.pace == pace


def test_silence_and_steady_noise_have_no_speech(tmp_path: Path) -> None:
    for samples in (silence(3, noise=0.0), silence(3, noise=0.2)):
        activity = detect_voice(Audio(array("d", samples), RATE))
        assert not activity.has_speech and activity.syllables == 0
        feedback = analyze(activity, FeedbackSettings())
        assert feedback.wpm is None and "No speech" in feedback.lines()[0]


def test_empty_and_odd_wav_files(tmp_path: Path) -> None:
    empty = write_wav(tmp_path / "e.wav", [])
    assert analyze_recording(empty).lines()[0].startswith("No speech")
    stereo8 = write_wav(tmp_path / "s.wav", answer_with_pauses(), rate=8000, width=1,
                        channels=2)
    audio = read_wav(stereo8)  # the same samples written as 8 kHz: twice as long
    assert audio.rate == 8000
    assert audio.seconds == pytest.approx(len(answer_with_pauses()) / 8000, rel=0.01)
    assert detect_voice(audio).has_speech


def test_broken_and_other_formats_are_user_errors(tmp_path: Path) -> None:
    bad = tmp_path / "b.wav"
    bad.write_bytes(b"RIFF\x00\x00nonsense")
    with pytest.raises(UserError, match="Cannot read the recording"):
        analyze_recording(bad)
    ogg = tmp_path / "a.ogg"
    ogg.write_bytes(b"OggS" + bytes(64))
    with pytest.raises(UserError) as caught:
        analyze_recording(ogg)
    assert caught.value.message == NOT_ANALYZABLE
    with pytest.raises(UserError):
        analyze_recording(tmp_path / "missing.wav")


def test_shipped_settings_follow_facts() -> None:
    s = load_settings()
    assert (s.target_min_wpm, s.target_max_wpm) == (140, 160)  # FACTS.md, "Speaking pace"
    assert 0 < s.error_fraction < 0.5


TEXT = ("I grew up in Lahore and trained at King Edward Medical University, where I first "
        "worked in a busy emergency department. During my research year I studied outcomes of "
        "patients with diabetes and presented the results at a national meeting. I want to "
        "train in internal medicine because I enjoy complex patients and long relationships "
        "with them over time.")


@pytest.mark.skipif(shutil.which("espeak-ng") is None or shutil.which("sox") is None,
                    reason="espeak-ng and sox make the test speech")
@pytest.mark.parametrize("rate", [130, 170])
def test_words_a_minute_on_generated_speech(tmp_path: Path, rate: int) -> None:
    raw, wav = tmp_path / "raw.wav", tmp_path / "s.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", str(rate), "-w", str(raw), TEXT],
                   check=True, capture_output=True)
    subprocess.run(["sox", "-q", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(wav)],
                   check=True)
    feedback = analyze_recording(wav)
    span = feedback.activity.talk_span
    assert span is not None and feedback.wpm is not None
    true_wpm = len(TEXT.split()) / span.seconds * 60
    assert feedback.wpm == pytest.approx(true_wpm, rel=feedback.settings.error_fraction)
