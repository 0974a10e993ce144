"""One CV list (education, exams, experiences...): entries on the left, the chosen one's form.

Reorder by drag and drop, or with Move up / Move down for keyboard users. The list widget is only
a view: after every move the model list is rewritten in place (``items()[:] = ...``) from the
entries' identities, so the CV's order is always what the user sees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop.ui.cv.fields import FieldSpec, RecordForm
from workshop.ui.widgets import button

ROLE = Qt.ItemDataRole.UserRole




class ListEditor(QWidget):
    """Add / remove / reorder the entries of one list and edit the selected entry.

    Signals:
        edited(str): a field path ("start") after a field edit, "order" after a move,
            "items" after an add or remove.
        current_changed(object): the selected entry (None when the list is empty).
    """

    edited = Signal(str)
    current_changed = Signal(object)

    def __init__(self, title: str, specs: Sequence[FieldSpec], items: Callable[[], list[Any]],
                 factory: Callable[[], Any], label: Callable[[Any], str], *,
                 noun: str = "entry", footer: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.items = items
        self.factory = factory
        self.label = label
        self.noun = noun
        self.editable = True

        self.list = QListWidget()
        self.list.setAccessibleName(title)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.currentRowChanged.connect(self._on_row)
        self.list.model().rowsMoved.connect(lambda *_: self._sync_order())
        self.add_button = button("Add", self.add, name=f"Add {noun}")
        self.remove_button = button("Remove", self.remove, name=f"Remove {noun}")
        self.up_button = button("Up", lambda: self.move(-1), "Move up (or drag the entry)",
                                name="Move up")
        self.down_button = button("Down", lambda: self.move(1), "Move down (or drag the entry)",
                                  name="Move down")
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for control in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(control)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(f"<b>{title}</b>")
        left_layout.addWidget(heading)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)

        self.form = RecordForm(specs)
        self.form.edited.connect(self._on_field)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.form)
        if footer is not None:
            body_layout.addWidget(footer)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        self.scroll.setAccessibleName(f"{title} details")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([170, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.splitter = splitter

    # -- view <-> model ---------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        """Rebuild the list from the model, keeping (or setting) the selected row."""
        row = self.list.currentRow() if select is None else select
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.items():
            item = QListWidgetItem(self.label(entry))
            item.setData(ROLE, entry)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self._on_row(self.list.currentRow())

    def current(self) -> Any | None:
        item = self.list.currentItem()
        return item.data(ROLE) if item is not None else None

    def select(self, index: int) -> bool:
        if 0 <= index < self.list.count():
            self.list.setCurrentRow(index)
            return True
        return False

    def _on_row(self, row: int) -> None:
        entry = self.current() if row >= 0 else None
        self.form.bind(entry)
        self.form.set_editable(self.editable)
        self._update_buttons()
        self.current_changed.emit(entry)

    def _on_field(self, path: str) -> None:
        item = self.list.currentItem()
        if item is not None:
            item.setText(self.label(item.data(ROLE)))
        self.edited.emit(path)

    def _sync_order(self) -> None:
        """After a drag and drop: make the model list follow the widget's order."""
        order = [self.list.item(i).data(ROLE) for i in range(self.list.count())]
        model = self.items()
        if [id(x) for x in order] != [id(x) for x in model] and len(order) == len(model):
            model[:] = order
            self.edited.emit("order")
        self._update_buttons()

    # -- actions ----------------------------------------------------------------------------
    def add(self) -> Any | None:
        if not self.editable:
            return None
        entry = self.factory()
        model = self.items()
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else len(model)
        model.insert(row, entry)
        self.refresh(select=row)
        self.edited.emit("items")
        first = next(iter(self.form.widgets.values()), None)
        if first is not None:
            first.setFocus()
        return entry

    def remove(self) -> None:
        row = self.list.currentRow()
        model = self.items()
        if not self.editable or not 0 <= row < len(model):
            return
        del model[row]
        self.refresh(select=min(row, len(model) - 1))
        self.edited.emit("items")

    def move(self, delta: int) -> bool:
        """Move the selected entry up (-1) or down (+1) in the model and the list."""
        row = self.list.currentRow()
        model = self.items()
        target = row + delta
        if not self.editable or not (0 <= row < len(model) and 0 <= target < len(model)):
            return False
        model[row], model[target] = model[target], model[row]
        self.refresh(select=target)
        self.list.setFocus()
        self.edited.emit("order")
        return True

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove if editable
                                  else QAbstractItemView.DragDropMode.NoDragDrop)
        self.form.set_editable(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.add_button.setEnabled(self.editable)
        self.remove_button.setEnabled(self.editable and row >= 0)
        self.up_button.setEnabled(self.editable and row > 0)
        self.down_button.setEnabled(self.editable and 0 <= row < count - 1)
