"""The Edit menu: the platform's standard shortcuts, sent to whatever the user is editing.

A menu shortcut is window-wide, but a text field that has the focus takes its own standard
keys first (Qt's ShortcutOverride), so Ctrl+Z in the title field undoes the title. When the
focus is somewhere without an undo stack (a button just clicked: "Apply fix", "Make ERAS-safe")
the command goes to the current page, whose editor holds the edit to undo. Redo answers to every
spelling of it users know: the platform's (Ctrl+Shift+Z on Linux and macOS, Ctrl+Y on Windows)
plus Ctrl+Y and Ctrl+Shift+Z everywhere but macOS.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

#: (menu text, method name on a text widget or page, standard key)
EDIT_COMMANDS: tuple[tuple[str, str, QKeySequence.StandardKey], ...] = (
    ("&Undo", "undo", QKeySequence.StandardKey.Undo),
    ("&Redo", "redo", QKeySequence.StandardKey.Redo),
    ("Cu&t", "cut", QKeySequence.StandardKey.Cut),
    ("&Copy", "copy", QKeySequence.StandardKey.Copy),
    ("&Paste", "paste", QKeySequence.StandardKey.Paste),
    ("Select &All", "selectAll", QKeySequence.StandardKey.SelectAll),
)


def shortcuts_for(command: str, standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """The platform's keys for ``standard``, plus both redo spellings off macOS."""
    keys = list(QKeySequence.keyBindings(standard))
    if command == "redo" and sys.platform != "darwin":
        for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
            sequence = QKeySequence(extra)
            if sequence not in keys:
                keys.append(sequence)
    return keys


def send_edit_command(name: str, page: QWidget | None) -> bool:
    """Run ``name`` on the focused text widget, else on ``page``; False if nobody took it."""
    focus = QApplication.focusWidget()
    target = getattr(focus, name, None) if focus is not None else None
    if callable(target) and _is_text_widget(focus):
        target()
        return True
    target = getattr(page, name, None) if page is not None else None
    if callable(target):
        target()
        return True
    return False


def _is_text_widget(widget: object) -> bool:
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox))


def build_edit_menu(menu: QMenu, owner: QWidget, current_page: Callable[[], QWidget | None],
                    find: Callable[[str], None]) -> dict[str, QAction]:
    """Fill ``menu``; ``find("find"|"replace"|"next")`` opens the current page's finder."""
    actions: dict[str, QAction] = {}
    for text, name, standard in EDIT_COMMANDS:
        action = QAction(text, owner)
        action.setShortcuts(shortcuts_for(name, standard))
        action.triggered.connect(lambda _=False, n=name: send_edit_command(n, current_page()))
        menu.addAction(action)
        actions[name] = action
        if name in ("redo", "paste"):
            menu.addSeparator()
    menu.addSeparator()
    for text, key, standard in (("&Find…", "find", QKeySequence.StandardKey.Find),
                                ("Find and &Replace…", "replace",
                                 QKeySequence.StandardKey.Replace),
                                ("Find &Next", "next", QKeySequence.StandardKey.FindNext)):
        action = QAction(text, owner)
        action.setShortcuts(QKeySequence.keyBindings(standard))
        action.triggered.connect(lambda _=False, k=key: find(k))
        menu.addAction(action)
        actions[key] = action
    return actions
