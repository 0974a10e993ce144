"""The LanguageTool download dialog: progress, cancel, a clear message at the end."""

from __future__ import annotations

from PySide6.QtCore import QProcess, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from workshop.core.checks.lt_download import (
    APPROXIMATE_SIZE_MB,
    download_command,
    explain_failure,
    parse_progress,
)


class LanguageToolDownload(QDialog):
    """Runs ``command`` (the real downloader unless a test injects one) and shows its progress."""

    finished_ok = Signal()

    def __init__(self, parent: QWidget | None = None, command: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Download LanguageTool")
        self.setAccessibleName("Download LanguageTool")
        self.command = command or download_command()
        self.output = ""
        self.state = "idle"
        self.label = QLabel(
            f"LanguageTool is a second, Java-based grammar checker (about {APPROXIMATE_SIZE_MB} MB,"
            " needs Java 17+). It is optional: Harper already checks offline.")
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Download status")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Download progress")
        self.bar.setRange(0, 100)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton("Download",
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setAccessibleName("Start download")
        self.start_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._finished)

    def start(self) -> None:
        self.state = "running"
        self.start_button.setEnabled(False)
        self.label.setText("Downloading LanguageTool…")
        self.process.start(self.command[0], self.command[1:])

    def _read(self) -> None:
        chunk = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace")
        self.output += chunk
        percent = parse_progress(chunk)
        if percent is not None:
            self.bar.setValue(percent)

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        if self.state == "cancelled":
            return
        if code == 0:
            self.state = "done"
            self.bar.setValue(100)
            self.label.setText("LanguageTool is installed. It will be used from the next check.")
            self.finished_ok.emit()
        else:
            self.state = "failed"
            self.label.setText(explain_failure(self.output))
        self.start_button.setEnabled(True)

    def cancel(self) -> None:
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.state = "cancelled"
            self.process.kill()
            self.process.waitForFinished(5000)
            self.label.setText("Download canceled. Nothing was changed.")
            self.start_button.setEnabled(True)
            return
        self.reject()
