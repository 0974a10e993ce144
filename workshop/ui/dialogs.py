"""Small dialogs: first run, preferences, about."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop import APP_NAME, __version__
from workshop.core.app_settings import AppSettings
from workshop.ui.file_dialogs import save_file_name


class FirstRunDialog(QDialog):
    """Creates the first workspace and offers the clearly labeled sample applicant."""

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        self.setAccessibleName("Welcome")
        intro = QLabel(
            "<h2>Welcome</h2><p>Everything you write stays on this computer, in one workspace "
            "file that saves as you type and keeps rotating backups.</p>"
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(str(default_path))
        self.path_edit.setAccessibleName("Workspace location")
        browse = QPushButton("Browse…")
        browse.setAccessibleName("Browse for workspace location")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.sample = QCheckBox(
            "Load the sample applicant (fictional: Yasmin El-Sayed, Internal Medicine)")
        self.sample.setAccessibleName("Load the sample applicant")
        self.sample.setToolTip("A made-up applicant so you can see every section filled in. "
                               "Start your own workspace any time with File ▸ New workspace.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Create workspace")
        ok.setAccessibleName("Create workspace")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel("Workspace file:"))
        layout.addLayout(row)
        layout.addWidget(self.sample)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = save_file_name(
            self, "Create workspace", self.path_edit.text(), "Workspace (*.workshop)")
        if path:
            self.path_edit.setText(path)

    @property
    def chosen_path(self) -> Path:
        return Path(self.path_edit.text()).expanduser()


def learner_note() -> str:
    """What the learner switch does, how well it works, and whether it can run here."""
    from workshop.core.checks.engines.learner_engine import LearnerEngine

    state = LearnerEngine().availability()
    text = ("Compares each article, preposition and verb form with its alternatives in an "
            "offline English language model. On learner sentences it finds a few more "
            "errors but also flags some correct text, so it is off unless you want it.")
    if not state.ok:
        text += (" <b>Not installed on this computer:</b> its language model comes with the "
                 f"optional package pocketsphinx ({state.how_to_enable.split(': ')[-1]}); "
                 "until then this switch changes nothing.")
    return text


class PreferencesDialog(QDialog):
    """App preferences; the caller saves them when the dialog is accepted."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")
        self.settings = settings
        self.lt_url = QLineEdit(settings.languagetool_url)
        self.lt_url.setAccessibleName("LanguageTool server URL")
        self.lt_url.setPlaceholderText("optional, e.g. http://localhost:8081")
        self.idle = QSpinBox()
        self.idle.setAccessibleName("Autosave pause in milliseconds")
        self.idle.setRange(200, 2000)
        self.idle.setSingleStep(100)
        self.idle.setSuffix(" ms")
        self.idle.setValue(settings.autosave_idle_ms)
        self.backup = QSpinBox()
        self.backup.setAccessibleName("Backup interval in minutes")
        self.backup.setRange(1, 120)
        self.backup.setSuffix(" min")
        self.backup.setValue(settings.backup_interval_minutes)
        self.learner = QCheckBox("Learner-English checks: articles, prepositions, verb forms, "
                                 "noun number (experimental)")
        self.learner.setAccessibleName("Learner-English checks")
        self.learner.setChecked(settings.learner_grammar)
        self.learner_note = QLabel(learner_note())
        self.learner_note.setWordWrap(True)
        self.learner_note.setAccessibleName("About the learner-English checks")
        form = QFormLayout()
        form.addRow("LanguageTool server:", self.lt_url)
        form.addRow("Autosave after a pause of:", self.idle)
        form.addRow("Back up every:", self.backup)
        note = QLabel("Harper, the built-in checker, works offline. LanguageTool is optional: "
                      "give the address of a LanguageTool server you run yourself, or download "
                      "it (about 260 MB, needs Java 17+).")
        note.setWordWrap(True)
        self.download = QPushButton("Download LanguageTool…")
        self.download.setAccessibleName("Download LanguageTool")
        self.download.clicked.connect(self._download)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.download)
        layout.addWidget(self.learner)
        layout.addWidget(self.learner_note)
        layout.addWidget(buttons)

    def _download(self) -> None:
        from workshop.ui.lt_download import LanguageToolDownload

        LanguageToolDownload(self).exec()

    def apply(self) -> AppSettings:
        """Copy the fields into the settings object and return it."""
        self.settings.languagetool_url = self.lt_url.text().strip()
        self.settings.learner_grammar = self.learner.isChecked()
        self.settings.autosave_idle_ms = self.idle.value()
        self.settings.backup_interval_minutes = self.backup.value()
        return self.settings


def component_versions() -> dict[str, str]:
    """Versions shown in Help ▸ About (and useful in bug reports)."""
    from importlib import metadata  # slow to import; only needed when About opens

    versions = {APP_NAME: __version__, "Python": platform.python_version(),
                "Qt": qVersion(), "PySide6": pyside_version}
    for dist, label in (("harper-py", "Harper (harper-py)"), ("reportlab", "reportlab"),
                        ("python-docx", "python-docx"),
                        ("language-tool-python", "language-tool-python")):
        try:
            versions[label] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[label] = "not installed"
    return versions


def show_about(parent: QWidget | None) -> None:
    rows = "".join(f"<tr><td>{k}</td><td>&nbsp;{v}</td></tr>"
                   for k, v in component_versions().items())
    QMessageBox.about(
        parent, f"About {APP_NAME}",
        f"<h3>{APP_NAME}</h3><p>Prepare your residency application offline: statements, CV, "
        f"letters, interview practice. No telemetry; nothing leaves this computer.</p>"
        f"<table>{rows}</table>",
    )
