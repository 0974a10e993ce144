"""The LanguageTool download: progress, failure explained, cancel — with a fake downloader."""

from __future__ import annotations

import sys

from workshop.core.checks.lt_download import download_command, explain_failure, parse_progress
from workshop.ui.lt_download import LanguageToolDownload

PROGRESS = ("import sys, time\n"
            "for p in (5, 40, 90):\n"
            "    sys.stderr.write(f'{p}%|####| {p}/100 MB\\r')\n"
            "    sys.stderr.flush()\n"
            "    time.sleep(0.05)\n")


def test_progress_parsing_and_messages() -> None:
    assert parse_progress("  3%|█         | 8.1M/260M\r 47%|████▋     |") == 47
    assert parse_progress("no bar here") is None
    assert "Java 17" in explain_failure("JavaError: java not found")
    assert "connect" in explain_failure("urlopen error [Errno -3] Temporary failure in name "
                                        "resolution")
    assert download_command()[0] == sys.executable


def test_download_success_shows_progress(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = LanguageToolDownload(command=[sys.executable, "-c", PROGRESS])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_ok, timeout=20_000):
        dialog.start()
    assert dialog.state == "done" and dialog.bar.value() == 100


def test_download_failure_is_explained(qtbot) -> None:  # type: ignore[no-untyped-def]
    failing = "import sys; sys.stderr.write('URLError: connection refused'); sys.exit(1)"
    dialog = LanguageToolDownload(command=[sys.executable, "-c", failing])
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.state == "failed", timeout=20_000)
    assert "could not connect" in dialog.label.text()


def test_cancel_stops_the_download(qtbot) -> None:  # type: ignore[no-untyped-def]
    slow = "import time; time.sleep(60)"
    dialog = LanguageToolDownload(command=[sys.executable, "-c", slow])
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.process.state().name == "Running", timeout=10_000)
    dialog.cancel()
    assert dialog.state == "cancelled"
    assert "canceled" in dialog.label.text()
