"""CV findings by severity (click one to go to its field) and a note editor for every gap.

A gap note is the user's own account of the time ("preparing for Step 1, caring for my
father"): it is stored on the CV (``CV.set_gap_note``), turns the gap finding into advice, and is
what the interview drills ask about. The gap editors are rebuilt only when the set of gaps
changes, so typing a note is never interrupted by the checks it triggers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop.core.checks.finding import LANGUAGE_CATEGORIES
from workshop.core.cv.timeline import Gap
from workshop.ui.cv.language import describe

SEVERITY_COLOURS = {"error": "#c0392b", "warning": "#b9770e", "advice": "#2e86c1"}
SEVERITY_MARKS = {"error": "Error", "warning": "Warning", "advice": "Advice"}


def count_phrase(n: int, noun: str) -> str:
    """ "1 warning", "2 warnings", "1 gap", "3 pieces of advice" (advice has no plural)."""
    if noun == "advice":
        return f"{n} piece{'' if n == 1 else 's'} of advice"
    return f"{n} {noun}{'' if n == 1 else 's'}"


ROLE = Qt.ItemDataRole.UserRole


class WrappingList(QListWidget):
    """A list whose long messages wrap fully (Qt's own word-wrap hint cuts the last line)."""

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_rows()

    def fit_rows(self) -> None:
        width = max(self.viewport().width() - 16, 80)
        metrics = self.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        for i in range(self.count()):
            item = self.item(i)
            rect = metrics.boundingRect(0, 0, width, 10_000, flags, item.text())
            item.setSizeHint(QSize(width, rect.height() + 6))


class GapNoteEditor(QFrame):
    """One gap: its months and an "Explain this gap" box."""

    changed = Signal(object, str)

    def __init__(self, gap: Gap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gap = gap
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(f"<b>{gap.start.display()} – {gap.end.display()}</b> "
                       f"({gap.months} months)")
        between = " and ".join(p for p in (gap.after, gap.before) if p)
        detail = QLabel(f"Between {between}." if gap.before else f"Since {gap.after}.")
        detail.setWordWrap(True)
        detail.setStyleSheet("color: #5d6d7e;")
        self.edit = QPlainTextEdit(gap.explanation)
        self.edit.setAccessibleName(f"Explain the gap {gap.key}")
        self.edit.setPlaceholderText("Explain this gap: what you did (exam preparation, family, "
                                     "visa wait...). Kept in your CV data and used for interview "
                                     "practice; not printed.")
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(64)
        self.edit.textChanged.connect(lambda: self.changed.emit(self.gap, self.edit.toPlainText()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(title)
        layout.addWidget(detail)
        layout.addWidget(self.edit)


class ChecksPanel(QWidget):
    """Findings list above the gap notes.

    Signals:
        jump(str): the ``where`` path of a clicked finding.
        gap_note_changed(Gap, str): a note was edited.
    """

    jump = Signal(str)
    gap_note_changed = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("<b>Checks</b>")
        self.summary.setAccessibleName("CV check summary")
        self.summary.setWordWrap(True)
        self.list = WrappingList()
        self.list.setAccessibleName("CV findings")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        self.gap_editors: dict[str, GapNoteEditor] = {}
        self.gap_box = QWidget()
        self.gap_layout = QVBoxLayout(self.gap_box)
        self.gap_layout.setContentsMargins(0, 0, 0, 0)
        self.gaps_heading = QLabel("<b>Gaps</b>")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.gap_box)
        scroll.setAccessibleName("Gaps")
        gaps = QWidget()
        gaps_layout = QVBoxLayout(gaps)
        gaps_layout.setContentsMargins(0, 0, 0, 0)
        gaps_layout.addWidget(self.gaps_heading)
        gaps_layout.addWidget(scroll, 1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(gaps)
        splitter.setSizes([380, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._editable = True
        #: Names a finding's field for the list ("Experience “Externship”, bullet 1"); the page
        #: sets it, as only it knows the CV's entries.
        self.field_label: Callable[[str], str] = lambda path: path

    def show_findings(self, findings: Sequence[Any]) -> None:
        counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_MARKS}
        parts = [count_phrase(n, s) for s, n in counts.items() if n]
        self.summary.setText(f"<b>Checks</b>: {', '.join(parts)}" if parts
                             else "<b>Checks</b>: no problems found")
        self.list.clear()
        for finding in findings:
            message = (describe(finding, self.field_label)
                       if finding.category in LANGUAGE_CATEGORIES else finding.message)
            item = QListWidgetItem(f"{SEVERITY_MARKS[finding.severity]}: {message}")
            item.setData(ROLE, finding)
            item.setForeground(QBrush(QColor(SEVERITY_COLOURS[finding.severity])))
            tip = finding.message + (f"\n\nSource: {finding.source}" if finding.source else "")
            item.setToolTip(tip)
            self.list.addItem(item)
        self.list.fit_rows()

    def findings(self) -> list[Any]:
        return [self.list.item(i).data(ROLE) for i in range(self.list.count())]

    def show_gaps(self, gaps: Sequence[Gap]) -> None:
        """Rebuild the note editors only when the gaps themselves changed."""
        keys = [g.key for g in gaps]
        if keys == list(self.gap_editors):
            for gap in gaps:
                self.gap_editors[gap.key].gap = gap
            return
        for editor in self.gap_editors.values():
            editor.setParent(None)
            editor.deleteLater()
        self.gap_editors.clear()
        while self.gap_layout.count():
            item = self.gap_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for gap in gaps:
            editor = GapNoteEditor(gap)
            editor.edit.setReadOnly(not self._editable)
            editor.changed.connect(self.gap_note_changed)
            self.gap_editors[gap.key] = editor
            self.gap_layout.addWidget(editor)
        if not gaps:
            none = QLabel("No gaps over 3 months between your education and experiences.")
            none.setWordWrap(True)
            self.gap_layout.addWidget(none)
        self.gap_layout.addStretch(1)
        self.gaps_heading.setText(f"<b>Gaps</b> ({len(gaps)})" if gaps else "<b>Gaps</b>")

    def focus_gap(self, key: str) -> bool:
        editor = self.gap_editors.get(key)
        if editor is None:
            return False
        editor.edit.setFocus()
        return True

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for editor in self.gap_editors.values():
            editor.edit.setReadOnly(not editable)

    def _activated(self, item: QListWidgetItem) -> None:
        finding = item.data(ROLE)
        if finding is not None and finding.where:
            self.jump.emit(finding.where)
