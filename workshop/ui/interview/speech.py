"""Reading the question aloud with QtTextToSpeech, when this computer can.

Engines come from ``QTextToSpeech.availableEngines()``; an engine is usable only once it reaches
the Ready state (speech-dispatcher is listed on Linux even when its daemon is missing, and then
reports an error). Qt's "mock" engine is a test double that makes no sound, so it is never
offered to the applicant; tests pass it in explicitly. When nothing works the option is
disabled and :attr:`Speaker.reason` says why: the drill never fails for want of a voice.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

TEST_ONLY_ENGINES = ("mock",)


class Speaker(QObject):
    """Reads text aloud with the first engine that works, or explains why it cannot."""

    spoken = Signal(str)

    def __init__(self, engines: Sequence[str] | None = None,
                 parent: QObject | None = None, *, probe: bool = True) -> None:
        super().__init__(parent)
        self.engine_name = ""
        self._reason = ""
        self._tts: object | None = None
        self._engines = engines
        self._probed = False
        if probe:
            self.probe()

    def probe(self) -> None:
        """Load Qt's text-to-speech and find a working engine (once; ~7 ms and Qt Multimedia,
        so a page can do it after it is shown). Asking ``available`` or ``reason`` probes."""
        if not self._probed:
            self._probed = True
            self._probe(self._engines)

    @property
    def available(self) -> bool:
        """True when an engine is ready to speak."""
        self.probe()
        return self._tts is not None

    @property
    def reason(self) -> str:
        """Why nothing can be read aloud ("" when an engine works)."""
        self.probe()
        return self._reason

    def _probe(self, engines: Sequence[str] | None) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            self._reason = "Reading aloud needs the Qt Text-to-Speech module, which is missing."
            return
        names = list(QTextToSpeech.availableEngines()) if engines is None else list(engines)
        if engines is None:
            names = [n for n in names if n not in TEST_ONLY_ENGINES]
        if not names:
            self._reason = ("No text-to-speech engine is installed on this computer "
                           "(on Linux, install speech-dispatcher).")
            return
        errors = []
        for name in names:
            tts = QTextToSpeech(name, self)
            if tts.state() == QTextToSpeech.State.Error:
                errors.append(f"{name}: {tts.errorString() or 'not working'}")
                tts.deleteLater()
                continue
            self._tts = tts
            self.engine_name = name
            return
        self._reason = "No text-to-speech engine works here (" + "; ".join(errors) + ")."

    def say(self, text: str) -> bool:
        """Start reading ``text``; False (and nothing else) when no engine is available."""
        if not self.available or not text.strip():
            return False
        self._tts.stop()  # type: ignore[attr-defined]
        self._tts.say(text)  # type: ignore[attr-defined]
        self.spoken.emit(text)
        return True

    def stop(self) -> None:
        """Stop reading (leaving the drill, the next question)."""
        if self._tts is not None:
            self._tts.stop()  # type: ignore[attr-defined]
