"""Open and save dialogs that start in a folder the user knows, and remember the last one.

A dialog given a bare file name ("rank-list.csv") or no folder starts in the process's working
directory: on Windows, for an app started from the Start menu, that is the install folder or
System32, where an applicant would never look for the file again. These wrappers take the same
arguments as ``QFileDialog.getSaveFileName``/``getOpenFileName`` and start instead in the folder
the user last saved to or opened from in this session, else their Documents folder, else home.
A folder the caller chose deliberately (anything but home) is kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_last_folder: Path | None = None


def default_folder() -> Path:
    """The last folder used in a file dialog this session, else Documents, else home."""
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def suggest(start: str) -> str:
    """Where a dialog given ``start`` (a folder, a file name or a path) should start."""
    path = Path(start) if start else None
    if path is None:
        return str(default_folder())
    if not path.is_absolute():
        return str(default_folder() / path)
    if path == Path.home():
        return str(default_folder())
    if path.parent == Path.home() and not path.is_dir():
        return str(default_folder() / path.name)
    return str(path)


def remember(chosen: str) -> None:
    """Start the next dialog in the folder of ``chosen`` (a file the user picked)."""
    global _last_folder
    if chosen:
        _last_folder = Path(chosen).parent


def save_file_name(parent: QWidget | None, caption: str, start: str = "", filters: str = "",
                   *args: Any, **kwargs: Any) -> tuple[str, str]:
    """``QFileDialog.getSaveFileName`` starting in :func:`suggest`'s folder."""
    path, chosen = QFileDialog.getSaveFileName(parent, caption, suggest(start), filters,
                                               *args, **kwargs)
    remember(path)
    return path, chosen


def open_file_name(parent: QWidget | None, caption: str, start: str = "", filters: str = "",
                   *args: Any, **kwargs: Any) -> tuple[str, str]:
    """``QFileDialog.getOpenFileName`` starting in :func:`suggest`'s folder."""
    path, chosen = QFileDialog.getOpenFileName(parent, caption, suggest(start), filters,
                                               *args, **kwargs)
    remember(path)
    return path, chosen
