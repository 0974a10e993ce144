"""Small pieces the Interviews tabs share: named fields, scroll wrappers, the error dialog."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.interviews.zones import offered_zones
from workshop.ui.palette import is_dark
from workshop.ui.widgets import scrolling

#: The app runs with its palette by now (the page is built after the scheme is applied).
_DARK = is_dark()
#: Readable on the palette in use (contrast above 4.5:1 on light and dark windows).
NOTE_STYLE = f"color: {'#b8b8b8' if _DARK else '#5a5a5a'}; font-size: 9pt;"
WARN_STYLE = f"color: {'#f0b85a' if _DARK else '#8a5a00'};"
PROBLEM_STYLE = f"color: {'#ff8a80' if _DARK else '#922b21'};"


def line(name: str, placeholder: str = "", text: str = "") -> QLineEdit:
    widget = QLineEdit(text)
    widget.setAccessibleName(name)
    widget.setPlaceholderText(placeholder)
    return widget


def combo(name: str, items: Iterable[tuple[str, str]]) -> QComboBox:
    """A combo of (label, key) pairs; ``currentData()`` is the key."""
    widget = QComboBox()
    widget.setAccessibleName(name)
    for label, key in items:
        widget.addItem(label, key)
    return widget


def select(widget: QComboBox, key: str) -> None:
    index = widget.findData(key)
    widget.setCurrentIndex(max(index, 0))


def zone_box(name: str) -> QComboBox:
    """An editable list of IANA zones (any name may be typed; it is checked on save)."""
    widget = QComboBox()
    widget.setAccessibleName(name)
    widget.setEditable(True)
    widget.addItems(offered_zones())
    widget.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    if widget.lineEdit() is not None:
        widget.lineEdit().setAccessibleName(name)
        widget.lineEdit().setPlaceholderText("e.g. America/Chicago")
    return widget


def set_zone(widget: QComboBox, name: str) -> None:
    if name and widget.findText(name) < 0:
        widget.addItem(name)
    widget.setCurrentText(name)


def text_box(name: str, placeholder: str = "", height: int = 90,
             max_height: int = 0) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    widget.setAccessibleName(name)
    widget.setPlaceholderText(placeholder)
    widget.setMinimumHeight(height)
    if max_height:
        widget.setMaximumHeight(max_height)
    return widget


def wrapped(text: str = "", style: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    if name:
        label.setAccessibleName(name)
    return label


def table(name: str, headers: tuple[str, ...], stretch: int) -> QTableWidget:
    """A read-only table of whole rows, one selected at a time; column ``stretch`` takes the
    room left (the others fit their contents)."""
    widget = QTableWidget(0, len(headers))
    widget.setAccessibleName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.verticalHeader().setVisible(False)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return widget


def scrolled(content: QWidget, name: str) -> QScrollArea:
    """A tab's form in a scroll area (its content goes in when the tab is first shown)."""
    return scrolling(content, name, fit=False)


def show_error(parent: QWidget | None, title: str, exc: Exception) -> None:
    """A UserError as a dialog with what is wrong and what to do; never a traceback."""
    text = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
    QMessageBox.warning(parent, title, text)
