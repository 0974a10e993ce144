"""Findings grouped by category with counts; click to jump, button to apply the first fix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.ui.statements.editor import CATEGORY_COLOURS

ORDER = ("residency", "spelling", "grammar", "punctuation", "length", "clarity", "style")
ROLE = Qt.ItemDataRole.UserRole


class IssuesPanel(QWidget):
    jump = Signal(object)
    apply_fix = Signal(object)
    ignore = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("<b>Issues</b>")
        self.summary.setAccessibleName("Check summary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Issues")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.fix_button = QPushButton("Apply fix")
        self.fix_button.setAccessibleName("Apply fix")
        self.fix_button.clicked.connect(lambda: self._emit_current(self.apply_fix))
        self.ignore_button = QPushButton("Ignore")
        self.ignore_button.setAccessibleName("Ignore issue")
        self.ignore_button.clicked.connect(lambda: self._emit_current(self.ignore))
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.ignore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def show_result(self, summary: str, findings: Sequence[Any]) -> None:
        total = len(findings)
        self.summary.setText(f"<b>Issues</b> ({total})" if total else "<b>No issues found</b>")
        expanded = {self.tree.topLevelItem(i).data(0, ROLE): self.tree.topLevelItem(i).isExpanded()
                    for i in range(self.tree.topLevelItemCount())}
        self.tree.clear()
        groups: dict[str, list[Any]] = {}
        for finding in findings:
            groups.setdefault(finding.category, []).append(finding)
        for category in sorted(groups, key=lambda c: ORDER.index(c) if c in ORDER else 99):
            items = groups[category]
            top = QTreeWidgetItem([f"{category.title()} ({len(items)})"])
            top.setData(0, ROLE, category)
            top.setForeground(0, QBrush(QColor(CATEGORY_COLOURS.get(category, "#555"))))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for finding in items:
                excerpt = finding.excerpt if len(finding.excerpt) < 40 else (
                    finding.excerpt[:37] + "…")
                child = QTreeWidgetItem([f"{excerpt or '—'}: {finding.message}"])
                child.setToolTip(0, finding.message)
                child.setData(0, ROLE, finding)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(expanded.get(category, category in {"residency", "spelling",
                                                                  "grammar"}))
        self._update_buttons()

    def current_finding(self) -> Any | None:
        item = self.tree.currentItem()
        value = item.data(0, ROLE) if item else None
        return None if isinstance(value, str) or value is None else value

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, ROLE)
        if finding is not None and not isinstance(finding, str):
            self.jump.emit(finding)

    def _emit_current(self, signal: Any) -> None:
        finding = self.current_finding()
        if finding is not None:
            signal.emit(finding)

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        self.fix_button.setEnabled(bool(finding and finding.suggestions))
        self.ignore_button.setEnabled(finding is not None)
