"""Small shared pieces of the Programs page: buttons, fit colours, error dialogs, optional numbers.

Fit colours are chosen so the label text stays readable on its tint (contrast above 4.5:1) and
so "not eligible" and "strong fit" differ in more than hue: the label is always written out too.
"""

from __future__ import annotations

import html
from typing import Final

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDoubleSpinBox, QMessageBox, QSpinBox, QWidget

from workshop.core.errors import UserError
from workshop.ui.widgets import button  # noqa: F401 - the Programs tabs import it from here

#: label -> (text colour, background tint)
FIT_COLOURS: Final[dict[str, tuple[str, str]]] = {
    "not eligible": ("#922b21", "#f9e0dd"),
    "reach": ("#8a5a00", "#fcefd4"),
    "target": ("#1a5276", "#dcebf7"),
    "strong fit": ("#1d6b3c", "#dcf2e4"),
    "not enough info": ("#4a4a4a", "#ececec"),
}
#: Bar colours of the mix chart (stronger than the tints).
FIT_BARS: Final[dict[str, str]] = {
    "not eligible": "#c0392b",
    "reach": "#d68910",
    "target": "#2e86c1",
    "strong fit": "#28a060",
    "not enough info": "#8c8c8c",
}
NOT_RECORDED: Final = "not recorded"


def fit_colours(label: str) -> tuple[QColor, QColor]:
    """(text, background) for a fit label; grey for anything unknown."""
    fg, bg = FIT_COLOURS.get(label, ("#333333", "#eeeeee"))
    return QColor(fg), QColor(bg)


def fit_badge_style(label: str) -> str:
    """A stylesheet that shows a label as a coloured badge."""
    fg, bg = FIT_COLOURS.get(label, ("#333333", "#eeeeee"))
    return (f"QLabel {{ color: {fg}; background: {bg}; border-radius: 4px; padding: 3px 8px;"
            " font-weight: bold; }")




def show_error(parent: QWidget, title: str, exc: Exception) -> None:
    """A UserError (or a database error) as a dialog, never a traceback."""
    text = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
    QMessageBox.warning(parent, title, text)


class OptionalSpin(QSpinBox):
    """An integer that may be "not recorded" (the value just under the minimum)."""

    def __init__(self, low: int, high: int, name: str, suffix: str = "") -> None:
        super().__init__()
        self.setRange(low - 1, high)
        self.setSpecialValueText(NOT_RECORDED)
        self.setAccessibleName(name)
        if suffix:
            self.setSuffix(suffix)
        self.setKeyboardTracking(False)

    def optional_value(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_optional(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)


class OptionalPercent(QDoubleSpinBox):
    """A percentage that may be "not recorded"."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setRange(-1, 100)
        self.setDecimals(0)
        self.setSuffix(" %")
        self.setSpecialValueText(NOT_RECORDED)
        self.setAccessibleName(name)
        self.setKeyboardTracking(False)

    def optional_value(self) -> float | None:
        return None if self.value() < 0 else float(self.value())

    def set_optional(self, value: float | None) -> None:
        self.setValue(-1 if value is None else value)


def rich_text(text: str) -> str:
    """``text`` safe inside a rich-text label (``&``, ``<`` and ``>`` escaped; quotes kept)."""
    return html.escape(text, quote=False)
