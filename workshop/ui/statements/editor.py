"""The statement editor: plain text with findings underlined by category.

Hover shows why; right-click offers the suggestions, "Add to dictionary" and "Ignore".
Underlines are extra selections, so they never touch the text or the undo stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from workshop.ui.statements.offsets import Utf16Map

CATEGORY_COLOURS = {
    "spelling": "#d62728",
    "grammar": "#e67e22",
    "punctuation": "#8e44ad",
    "style": "#2e86c1",
    "clarity": "#17a589",
    "length": "#7f8c8d",
    "residency": "#c0392b",
}


class CheckedEditor(QPlainTextEdit):
    """Emits what the user chose for a finding; the page applies it and saves."""

    apply_suggestion = Signal(object, str)
    add_to_dictionary = Signal(str)
    ignore_finding = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Any] = []
        self._map = Utf16Map("")
        self.setMouseTracking(True)

    def show_findings(self, findings: Sequence[Any]) -> None:
        self.findings = [f for f in findings if f.end > f.start]
        self._map = Utf16Map(self.toPlainText())
        selections = []
        for finding in self.findings:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline
                                  if finding.severity != "advice"
                                  else QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(CATEGORY_COLOURS.get(finding.category, "#555")))
            selection.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_qt(finding.start))
            cursor.setPosition(self._map.to_qt(finding.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)

    def finding_at(self, point: QPoint) -> Any | None:
        position = self._map.from_qt(self.cursorForPosition(point).position())
        hits = [f for f in self.findings if f.start <= position < f.end]
        return min(hits, key=lambda f: (f.severity_rank, f.end - f.start)) if hits else None

    def select_finding(self, finding: Any) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self._map.to_qt(finding.start))
        cursor.setPosition(self._map.to_qt(finding.end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def replace_span(self, start: int, end: int, text: str) -> None:
        """Replace a code-point span as one undoable edit."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            finding = self.finding_at(self.viewport().mapFromGlobal(event.globalPos()))
            if finding is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), tooltip_html(finding), self)
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu()
        finding = self.finding_at(event.pos())
        if finding is not None:
            build_finding_menu(menu, finding, self)
        menu.exec(event.globalPos())


def build_finding_menu(menu: QMenu, finding: Any, editor: CheckedEditor) -> None:
    """Put the finding's actions at the top of ``menu``."""
    first = menu.actions()[0] if menu.actions() else None
    actions = []
    for suggestion in finding.suggestions[:6]:
        label = suggestion if suggestion.strip() else "(remove)"
        action = menu.addAction(f"Replace with “{label}”")
        action.triggered.connect(
            lambda _=False, s=suggestion: editor.apply_suggestion.emit(finding, s))
        actions.append(action)
    if finding.category == "spelling":
        add = menu.addAction(f"Add “{finding.excerpt}” to dictionary")
        add.triggered.connect(lambda: editor.add_to_dictionary.emit(finding.excerpt))
        actions.append(add)
    ignore = menu.addAction("Ignore this")
    ignore.triggered.connect(lambda: editor.ignore_finding.emit(finding))
    actions.append(ignore)
    for action in actions:
        menu.removeAction(action)
        menu.insertAction(first, action) if first else menu.addAction(action)
    if first:
        menu.insertSeparator(first)


def tooltip_html(finding: Any) -> str:
    colour = CATEGORY_COLOURS.get(finding.category, "#555")
    fixes = ""
    if finding.suggestions:
        fixes = "<br><i>Try:</i> " + ", ".join(f"“{s}”" for s in finding.suggestions[:3])
    return (f"<b style='color:{colour}'>{finding.category.title()}</b> · {finding.severity}"
            f"<br>{finding.message}{fixes}")


__all__ = ["CATEGORY_COLOURS", "CheckedEditor", "Qt"]
