"""A set of tick boxes bound to a list field (Census divisions, settings).

Kept apart from :mod:`workshop.ui.cv.fields` so the form module stays about the common kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

if TYPE_CHECKING:
    from workshop.ui.cv.fields import FieldSpec


class ChecksBox(QWidget):
    """Tick boxes over a set of choices; the value is the list of ticked stored values.

    A stored value that is not a choice (an old or misspelt one) gets its own box, ticked and
    marked "not a MyERAS choice", so it is visible and the user decides; it is never dropped.
    ``max_checked`` (``spec.extra``) only informs: the checks report going over it.
    """

    def __init__(self, spec: FieldSpec, on_change: Callable[[list[Any]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.on_change = on_change
        self.boxes: dict[Any, QCheckBox] = {}
        self.extra: dict[Any, QCheckBox] = {}
        self._loading = False
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.columns = int(spec.extra.get("columns", 2))
        for value, label in spec.choices:
            self._add_box(value, label, self.boxes)
        if self.boxes:  # a finding's "jump to" focuses the first box
            self.setFocusProxy(next(iter(self.boxes.values())))

    def _add_box(self, value: Any, label: str, into: dict[Any, QCheckBox]) -> QCheckBox:
        box = QCheckBox(label)
        box.setAccessibleName(label)
        box.toggled.connect(lambda _on: self._changed())
        index = len(self.boxes) + len(self.extra)
        self.grid.addWidget(box, index // self.columns, index % self.columns)
        into[value] = box
        return box

    def show_values(self, values: list[Any]) -> None:
        self._loading = True
        try:
            for box in self.extra.values():
                self.grid.removeWidget(box)
                box.deleteLater()
            self.extra = {}
            for value, box in self.boxes.items():
                box.setChecked(value in values)
            for value in values:
                if value not in self.boxes and value not in self.extra:
                    box = self._add_box(value, f"{value} (not a MyERAS choice)", self.extra)
                    box.setChecked(True)
                    box.setStyleSheet("color: #b9770e;")
        finally:
            self._loading = False

    def values(self) -> list[Any]:
        """Ticked values in the choices' order, then kept unknown ones."""
        return [v for v, b in (*self.boxes.items(), *self.extra.items()) if b.isChecked()]

    def _changed(self) -> None:
        if not self._loading:
            self.on_change(self.values())
