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

from workshop.ui.statements.offsets import EditLog, Utf16Map

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
    """Emits what the user chose for a finding; the page applies it and saves.

    Each underline is held as a :class:`QTextCursor`, which Qt moves with every edit, so
    underlines stay on their words while the user types; an edit that touches a finding's
    words removes just that underline (its word changed; the next check judges it again).
    Findings that arrive for an older revision of the text are carried through the edits made
    since (:class:`EditLog`), so a check never lands on the wrong words.
    """

    apply_suggestion = Signal(object, str)
    add_to_dictionary = Signal(str)
    ignore_finding = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Any] = []  # underlined, in step with their cursors
        self.whole_findings: list[Any] = []  # about the whole text (readability): no underline
        self._cursors: list[QTextCursor] = []
        self.edits = EditLog()
        self.setMouseTracking(True)
        self.document().contentsChange.connect(self._on_contents_change)

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt override
        """Load a new text: no finding of the old one applies to it."""
        super().setPlainText(text)
        self._set_marks([], [])
        self.edits.reset()

    @property
    def revision(self) -> int:
        """Counts edits; a check request remembers it to map its findings later."""
        return self.edits.revision

    def show_findings(self, findings: Sequence[Any], text: str | None = None,
                      revision: int | None = None) -> None:
        """Underline ``findings`` of ``text`` as it was at ``revision`` (default: now)."""
        if text is None or revision is None:
            text, revision = self.toPlainText(), self.edits.revision
        to_qt = Utf16Map(text).to_qt
        kept: list[Any] = []
        cursors: list[QTextCursor] = []
        limit = self.document().characterCount() - 1
        self.whole_findings = [f for f in findings if f.end <= f.start]
        for finding in findings:
            if finding.end <= finding.start:
                continue
            span = self.edits.map_span(revision, to_qt(finding.start), to_qt(finding.end))
            if span is None or span[1] > limit:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
            kept.append(finding)
            cursors.append(cursor)
        self._set_marks(kept, cursors)

    def listed_findings(self) -> list[Any]:
        """What the issues panel lists: the whole-text findings, then the underlined ones."""
        return self.whole_findings + self.findings

    def _set_marks(self, findings: list[Any], cursors: list[QTextCursor]) -> None:
        self.findings, self._cursors = findings, cursors
        selections = []
        for finding, cursor in zip(findings, cursors, strict=True):
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline
                                  if finding.severity != "advice"
                                  else QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(CATEGORY_COLOURS.get(finding.category, "#555")))
            selection.format = fmt
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        self.edits.record(position, removed, added)
        end = position + added
        touched = [i for i, c in enumerate(self._cursors)
                   if c.selectionStart() <= end and c.selectionEnd() >= position]
        if touched:
            drop = set(touched)
            self._set_marks([f for i, f in enumerate(self.findings) if i not in drop],
                            [c for i, c in enumerate(self._cursors) if i not in drop])

    def spans(self) -> list[tuple[int, int]]:
        """Where each shown finding is now, in Qt units, in the order of :attr:`findings`."""
        return [(c.selectionStart(), c.selectionEnd()) for c in self._cursors]

    def span_of(self, finding: Any) -> tuple[int, int] | None:
        """Where ``finding`` is now, in Qt units; None once its words were edited."""
        for shown, cursor in zip(self.findings, self._cursors, strict=True):
            if shown is finding:
                return cursor.selectionStart(), cursor.selectionEnd()
        return None

    def finding_at(self, point: QPoint) -> Any | None:
        position = self.cursorForPosition(point).position()
        hits = [(f.severity_rank, c.selectionEnd() - c.selectionStart(), i)
                for i, (f, c) in enumerate(zip(self.findings, self._cursors, strict=True))
                if c.selectionStart() <= position < c.selectionEnd()]
        return self.findings[min(hits)[2]] if hits else None

    def select_finding(self, finding: Any) -> None:
        span = self.span_of(finding)
        if span is None:
            return
        cursor = self.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def replace_finding(self, finding: Any, text: str) -> bool:
        """Replace a finding's words as one undoable edit; False if they were edited away."""
        span = self.span_of(finding)
        if span is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        return True

    def replace_all_text(self, text: str) -> None:
        """Replace the whole text as one undoable edit (Ctrl+Z brings the old text back)."""
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
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
