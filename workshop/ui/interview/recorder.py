"""Recording an answer and playing it back with QtMultimedia, where the hardware allows.

QtMultimedia is imported on first use only: it loads FFmpeg and PulseAudio libraries, and most
openings of the page never record. On a computer without a microphone
``QMediaDevices.audioInputs()`` is empty; if a recording is attempted anyway the recorder
reports "Audio device is null" and leaves an empty file. Both cases end the same way: the
reason is shown, the empty file is deleted (:mod:`workshop.core.drills.recordings`), and the
drill carries on timing the answer.

Takes are recorded as 16 kHz mono PCM WAV where Qt can encode it (about 1.9 MB a minute): the
offline feedback (:mod:`workshop.core.drills.answer_feedback`) reads WAV with the standard
library, and this Qt build cannot encode Opus at all (it used to fall back to its default
format under an ".ogg" name). Elsewhere the recorder keeps the old Ogg/Opus request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal

from workshop.core.drills import recordings
from workshop.core.errors import UserError

NO_MICROPHONE = "No microphone found: answers are timed but not recorded."
NO_SPEAKER = "No speaker or headphones found, so the recording cannot be played here."
SAMPLE_RATE = 16_000


def wav_supported() -> bool:
    """Whether Qt can record PCM WAV here (imports QtMultimedia)."""
    from PySide6.QtMultimedia import QMediaFormat

    fmt = QMediaFormat(QMediaFormat.FileFormat.Wave)
    fmt.setAudioCodec(QMediaFormat.AudioCodec.Wave)
    return bool(fmt.isSupported(QMediaFormat.ConversionMode.Encode))


def audio_inputs() -> list[Any]:
    """The microphones Qt can see (imports QtMultimedia)."""
    from PySide6.QtMultimedia import QMediaDevices

    return list(QMediaDevices.audioInputs())


def audio_outputs() -> list[Any]:
    """The speakers Qt can see (imports QtMultimedia)."""
    from PySide6.QtMultimedia import QMediaDevices

    return list(QMediaDevices.audioOutputs())


class AudioRecorder(QObject):
    """Records one take at a time into a file the caller names.

    Signals:
        finished(object): the kept file's Path, or None when nothing usable was recorded.
        failed(str): why recording did not work (the file is already deleted).
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._error = ""
        self._session: Any = None
        self._recorder: Any = None
        self._input: Any = None

    @property
    def busy(self) -> bool:
        """True between :meth:`start` and the end of the take."""
        return self._path is not None

    def suffix(self) -> str:
        """The file type the next take is recorded as: ".wav" where possible."""
        try:
            return ".wav" if wav_supported() else recordings.DEFAULT_SUFFIX
        except ImportError:
            return recordings.DEFAULT_SUFFIX

    def probe(self) -> tuple[bool, str]:
        """Whether a microphone exists, and if not, the sentence to show."""
        try:
            inputs = audio_inputs()
        except ImportError:
            return False, "Recording needs the Qt Multimedia module, which is missing."
        return (True, "") if inputs else (False, NO_MICROPHONE)

    def start(self, path: Path) -> bool:
        """Start recording into ``path``; False (and ``failed``) when it cannot start."""
        if self.busy:
            self.stop()
        try:
            recordings.prepare_recording(path)
        except UserError as exc:
            self.failed.emit(str(exc))
            return False
        from PySide6.QtMultimedia import (
            QAudioInput,
            QMediaCaptureSession,
            QMediaFormat,
            QMediaRecorder,
        )

        self._path = path
        self._error = ""
        self._session = QMediaCaptureSession(self)
        self._input = QAudioInput(self)
        self._session.setAudioInput(self._input)
        self._recorder = QMediaRecorder(self)
        self._session.setRecorder(self._recorder)
        if path.suffix == ".wav":
            fmt = QMediaFormat(QMediaFormat.FileFormat.Wave)
            fmt.setAudioCodec(QMediaFormat.AudioCodec.Wave)
            self._recorder.setAudioSampleRate(SAMPLE_RATE)
            self._recorder.setAudioChannelCount(1)
        else:
            fmt = QMediaFormat(QMediaFormat.FileFormat.Ogg)
            fmt.setAudioCodec(QMediaFormat.AudioCodec.Opus)
        if fmt.isSupported(QMediaFormat.ConversionMode.Encode):
            self._recorder.setMediaFormat(fmt)
        self._recorder.setQuality(QMediaRecorder.Quality.NormalQuality)
        self._recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
        self._recorder.errorOccurred.connect(self._on_error)
        self._recorder.recorderStateChanged.connect(self._on_state)
        self._recorder.record()
        return self.busy

    def stop(self) -> None:
        """End the take; ``finished`` follows once the file is closed."""
        if self._recorder is None or self._path is None:
            return
        from PySide6.QtMultimedia import QMediaRecorder

        if self._recorder.recorderState() == QMediaRecorder.RecorderState.StoppedState:
            self._finalise()
        else:
            self._recorder.stop()

    def discard(self) -> None:
        """Stop and delete the take (a retake replaces it)."""
        path = self._path
        self._error = self._error or "discarded"
        self.stop()
        if path is not None:
            recordings.discard_recording(path)

    def _on_error(self, _error: object, message: str) -> None:
        if self._path is None or self._error:
            return
        self._error = message or "the recorder failed"
        self._recorder.stop()
        self._finalise()

    def _on_state(self, state: object) -> None:
        from PySide6.QtMultimedia import QMediaRecorder

        if state == QMediaRecorder.RecorderState.StoppedState:
            self._finalise()

    def _finalise(self) -> None:
        path, self._path = self._path, None
        if path is None:
            return
        error = self._error
        if error:
            recordings.discard_recording(path)
            if error != "discarded":
                self.failed.emit(f"Recording failed ({error}). Your answer is still timed; "
                                 "no empty file was kept.")
            return
        self.finished.emit(recordings.finish_recording(path))


class Player(QObject):
    """Plays a recording; reports problems instead of raising."""

    failed = Signal(str)
    position_changed = Signal(int, int)  # position ms, duration ms

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player: Any = None
        self._output: Any = None

    def play(self, path: Path) -> bool:
        """Play ``path``; False (and ``failed``) when the file or a speaker is missing."""
        if not path.is_file():
            self.failed.emit("The recording file is missing (it may have been moved or "
                             "deleted).")
            return False
        if not audio_outputs():
            self.failed.emit(NO_SPEAKER)
            return False
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        if self._player is None:
            self._player = QMediaPlayer(self)
            self._output = QAudioOutput(self)
            self._player.setAudioOutput(self._output)
            self._player.errorOccurred.connect(lambda _e, msg: self.failed.emit(
                f"Cannot play the recording: {msg}"))
            self._player.positionChanged.connect(
                lambda pos: self.position_changed.emit(pos, self._player.duration()))
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._player.play()
        return True

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()
