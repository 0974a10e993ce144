"""The Help menu: keyboard shortcuts, a getting-started page, where the data is, About.

Everything here is offline (the app never needs the internet). The shortcut list is built
from the window's own actions, so it cannot drift from what the keys really do; the keys that
live inside the editor and the drills are listed after them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workshop import APP_NAME
from workshop.ui.dialogs import show_about

#: Keys handled inside a page rather than by a menu action.
PAGE_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Statement editor", "Right-click an underlined word", "suggestions, add to dictionary, "
     "ignore"),
    ("Statement editor", "Tab / Shift+Tab", "move to the next / previous field"),
    ("Interview practice", "Space", "start or pause the timer (when no text field has focus)"),
    ("Dialogs", "Esc", "close without changing anything"),
)

GETTING_STARTED = (
    "<h3>Getting started</h3>"
    "<ol>"
    "<li><b>Your profile</b>: File ▸ Applicant profile… — your name as on your passport, "
    "your name in your own script, contact details and target specialty. Every export "
    "uses it.</li>"
    "<li><b>Personal statements</b>: write or import (.docx, .txt, .md). Underlines appear "
    "as you type; right-click one for suggestions. The line above the editor says whether "
    "the statement is ready for ERAS, or what is left.</li>"
    "<li><b>Versions</b>: Ctrl+S keeps a named version; Versions… compares any two and "
    "restores one (your current text is kept as a version first).</li>"
    "<li><b>CV, letters, programs, interviews</b>: each section on the left starts with a "
    "short explanation of what to do there.</li>"
    "<li><b>Exports</b>: PDF and Word files for programs, mentors and reviewers.</li>"
    "</ol>"
    "<p>Everything is saved as you type, in one workspace file on this computer, with "
    "automatic backups. Nothing leaves this computer.</p>"
)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(command, keys) for every action that has a shortcut, in menu order."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…"), " or ".join(keys)))
    return rows


def shortcuts_html(actions: Iterable[QAction]) -> str:
    body = "".join(f"<tr><td>{html.escape(name)}</td><td>&nbsp;&nbsp;<b>{html.escape(keys)}"
                   "</b></td></tr>" for name, keys in shortcut_rows(actions))
    page = "".join(f"<tr><td>{html.escape(where)}: {html.escape(what)}</td><td>&nbsp;&nbsp;"
                   f"<b>{html.escape(keys)}</b></td></tr>" for where, keys, what in PAGE_KEYS)
    return (f"<h3>Keyboard shortcuts</h3><table>{body}</table>"
            f"<h4>Inside the pages</h4><table>{page}</table>")


def _text_dialog(parent: QWidget, title: str, content: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    view = QTextBrowser()
    view.setHtml(content)
    view.setOpenExternalLinks(False)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(560, 520)
    return dialog


def build_help_menu(menu: QMenu, window: QWidget, actions: Iterable[QAction],
                    data_folder: Callable[[], str]) -> dict[str, QAction]:
    """Fill the Help menu; ``actions`` are the window's actions, for the shortcut list."""
    every = list(actions)
    made: dict[str, QAction] = {}

    def add(key: str, text: str, slot: object, shortcut: QKeySequence | None = None) -> None:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        made[key] = action

    add("start", "&Getting started", lambda: _text_dialog(
        window, "Getting started", GETTING_STARTED).exec(),
        QKeySequence(QKeySequence.StandardKey.HelpContents))
    add("shortcuts", "&Keyboard shortcuts", lambda: _text_dialog(
        window, "Keyboard shortcuts", shortcuts_html(every + list(made.values()))).exec(),
        QKeySequence("Ctrl+/"))
    menu.addSeparator()
    add("data", "Show my &data folder", lambda: _show_folder(window, data_folder()))
    menu.addSeparator()
    add("about", f"&About {APP_NAME}", lambda: show_about(window))
    return made


def _show_folder(parent: QWidget, folder: str) -> None:
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
        QMessageBox.information(parent, "Your data folder",
                                f"Your workspace and its backups are in:\n{folder}")
