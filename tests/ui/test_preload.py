"""Sections are preloaded on a worker once the checker is warm; a visit waits for a running one."""

from __future__ import annotations

import sys
import threading

from workshop.ui import preload
from workshop.ui.preload import section_preloader


def test_preloads_page_modules_and_the_bank(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workshop.core.drills import bank

    bank.shipped_bank.cache_clear()
    loader = section_preloader()
    loader.start(["interview", "exports"])
    loader.join(60)
    assert loader.done() == {"interview", "exports"}
    assert "workshop.ui.interview.page" in sys.modules
    assert bank.shipped_bank.cache_info().currsize == 1
    assert bank.shipped_bank() is bank.shipped_bank()


def test_a_visit_claims_a_section_not_reached_yet(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    gate = threading.Event()

    def slow(key: str) -> None:
        seen.append(key)
        if key == "cv":
            gate.wait(10)

    monkeypatch.setattr(preload, "preload_section", slow)
    loader = section_preloader()
    loader.start(["cv", "letters", "programs"])
    loader.wait("programs")  # the user opens Programs while CV is still preloading
    gate.set()
    loader.join(10)
    assert seen == ["cv", "letters"]  # Programs was left to the visit


def test_wait_blocks_until_the_running_section_is_done(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    started, release = threading.Event(), threading.Event()
    finished: list[str] = []

    def slow(key: str) -> None:
        started.set()
        release.wait(10)
        finished.append(key)

    monkeypatch.setattr(preload, "preload_section", slow)
    loader = section_preloader()
    loader.start(["cv"])
    assert started.wait(10)
    threading.Timer(0.2, release.set).start()
    loader.wait("cv")
    assert finished == ["cv"]


def test_a_failing_preload_is_left_to_the_visit(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(key: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(preload, "preload_section", broken)
    loader = section_preloader()
    loader.start(["cv", "letters"])
    loader.join(10)
    assert loader.done() == {"cv", "letters"}


def test_window_preloads_after_warm_only_when_asked(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    from workshop.core.app_settings import AppSettings
    from workshop.ui.main_window import MainWindow

    window = MainWindow(workspace, AppSettings(), persist=False, preload_sections=True)
    qtbot.addWidget(window)
    window.checker.status.emit("Checker: starting Harper…")
    assert window.preloader.done() == {"statements"}  # built by the window itself
    window.checker.status.emit("Checker: Harper (offline)")
    window.preloader.join(60)
    assert "interview" in window.preloader.done()
    window.show_section("interview")
    assert window.page_widgets["interview"].bank is not None  # type: ignore[attr-defined]


def test_cv_preload_parses_the_themes_and_reads_a_cv(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workshop.core.cv import serial
    from workshop.core.cv.model import CV
    from workshop.core.export import themes

    themes._PARSED.clear()
    serial._HINTS.clear()
    preload.preload_section("cv")
    assert len(themes._PARSED) >= 6  # every shipped theme parsed once
    assert CV in serial._HINTS


def test_interviews_and_programs_preload_the_season_and_the_guidance() -> None:
    from workshop.core.interviews import guidance
    from workshop.core.season import season_file

    season_file._parse_once.cache_clear()  # noqa: SLF001
    guidance.guidance.cache_clear()
    preload.preload_section("interviews")
    assert season_file._parse_once.cache_info().currsize >= 1  # noqa: SLF001
    assert guidance.guidance.cache_info().currsize == 1
    season_file._parse_once.cache_clear()  # noqa: SLF001
    preload.preload_section("programs")
    assert season_file._parse_once.cache_info().currsize >= 1  # noqa: SLF001


def test_preloading_practice_leaves_speech_and_audio_unloaded() -> None:
    """Qt's text-to-speech pulls in Qt Multimedia: ~8 MB resident for everyone who never opens
    Interview practice, for ~7 ms of its first visit. The page loads it; the preloader never."""
    import os
    import subprocess

    code = ("import sys\nfrom workshop.ui.preload import preload_section\n"
            "preload_section('interview')\n"
            "print([m for m in ('PySide6.QtTextToSpeech', 'PySide6.QtMultimedia') "
            "if m in sys.modules])")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["[]"]
