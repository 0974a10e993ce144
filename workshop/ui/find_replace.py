"""Find and replace in a plain-text editor (Ctrl+F / Ctrl+H)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)


class FindReplaceDialog(QDialog):
    """Non-modal; works on the editor it was made for. Replace-all is one undo step."""

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle("Find and replace")
        self.setAccessibleName("Find and replace")
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName("Find")
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName("Replace with")
        self.case = QCheckBox("Match case")
        self.case.setAccessibleName("Match case")
        self.whole = QCheckBox("Whole words")
        self.whole.setAccessibleName("Whole words")
        self.status = QLabel()
        self.status.setAccessibleName("Find status")
        buttons = []
        for text, slot in (("Find next", self.find_next), ("Replace", self.replace_one),
                           ("Replace all", self.replace_all)):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(slot)
            buttons.append(button)
        grid = QGridLayout(self)
        grid.addWidget(QLabel("Find:"), 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(buttons[0], 0, 2)
        grid.addWidget(QLabel("Replace:"), 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(buttons[1], 1, 2)
        grid.addWidget(self.case, 2, 1)
        grid.addWidget(buttons[2], 2, 2)
        grid.addWidget(self.whole, 3, 1)
        grid.addWidget(self.status, 4, 0, 1, 3)
        self.find_edit.returnPressed.connect(self.find_next)

    def _flags(self) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.whole.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        return flags

    def find_next(self) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        if self.editor.find(needle, self._flags()):
            self.status.setText("")
            return True
        cursor = self.editor.textCursor()  # wrap around once
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        found = self.editor.find(needle, self._flags())
        self.status.setText("" if found else f"“{needle}” not found.")
        return found

    def replace_one(self) -> None:
        cursor = self.editor.textCursor()
        selected = cursor.selectedText()
        needle = self.find_edit.text()
        same = selected == needle if self.case.isChecked() else (
            selected.casefold() == needle.casefold())
        if cursor.hasSelection() and same:
            cursor.insertText(self.replace_edit.text())
        self.find_next()

    def replace_all(self) -> int:
        needle = self.find_edit.text()
        if not needle:
            return 0
        count = 0
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        start = QTextCursor(self.editor.document())
        while True:
            found = self.editor.document().find(needle, start, self._flags())
            if found.isNull():
                break
            found.insertText(self.replace_edit.text())
            start = found
            count += 1
        cursor.endEditBlock()
        self.status.setText(f"Replaced {count} occurrence{'s' if count != 1 else ''}.")
        return count
