"""ERAS-ready text blocks: one per experience, copied to the clipboard field by field.

MyERAS is filled by hand, one box at a time; this dialog shows exactly what will fit (plain
text, within 750/300 characters) and says plainly when a text had to be cut or characters
replaced, so nothing is silently lost between the CV and the application.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop.core.cv.eras import ErasBlock
from workshop.core.cv.eras_facts import (
    ERAS_DESCRIPTION_CHARS,
    ERAS_MAX_EXPERIENCES,
    ERAS_REFLECTION_CHARS,
)


def block_status(block: ErasBlock) -> str:
    """One line under a block: the counts against the limits and what was changed."""
    parts = [f"Description {len(block.description)}/{ERAS_DESCRIPTION_CHARS}"]
    if block.most_meaningful:
        parts.append(f"reflection {len(block.reflection)}/{ERAS_REFLECTION_CHARS}")
    if block.cut:
        parts.append(f"CUT to fit: {', '.join(block.cut)} (shorten it in the CV)")
    if block.changed:
        parts.append("ERAS-unsafe characters replaced")
    return " · ".join(parts)


class ErasBlocksDialog(QDialog):
    """Lists every ERAS block with a Copy button each and a Copy all."""

    def __init__(self, blocks: Sequence[ErasBlock], all_text: str,
                 parent: QWidget | None = None, *, worksheet: str = "",
                 save_worksheet: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("ERAS experience text and MyERAS worksheet")
        self.resize(720, 640)
        self.blocks = list(blocks)
        self.copy_buttons: list[QPushButton] = []
        self.all_text = all_text
        self.worksheet = worksheet
        head = QLabel(
            f"{len(self.blocks)} experiences marked for ERAS (MyERAS takes at most "
            f"{ERAS_MAX_EXPERIENCES}). Copy each and paste it into the matching MyERAS boxes. "
            "The worksheet has the whole application (preferences, essays, experiences, "
            "scholarly work) in MyERAS order, with every count.")
        head.setWordWrap(True)
        column = QWidget()
        column_layout = QVBoxLayout(column)
        for number, block in enumerate(self.blocks, start=1):
            column_layout.addWidget(self._block_frame(number, block))
        column_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(column)
        scroll.setAccessibleName("ERAS blocks")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        copy_all = buttons.addButton("Copy all", QDialogButtonBox.ButtonRole.ActionRole)
        copy_all.setAccessibleName("Copy all ERAS blocks")
        copy_all.clicked.connect(lambda: self.copy(self.all_text))
        self.copy_worksheet = buttons.addButton("Copy worksheet",
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_worksheet.setAccessibleName("Copy the MyERAS worksheet")
        self.copy_worksheet.clicked.connect(lambda: self.copy(self.worksheet))
        self.copy_worksheet.setEnabled(bool(worksheet))
        self.save_button = buttons.addButton("Save worksheet…",
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setAccessibleName("Save the MyERAS worksheet as text")
        self.save_button.setEnabled(save_worksheet is not None)
        if save_worksheet is not None:
            self.save_button.clicked.connect(save_worksheet)
        for button in buttons.buttons():
            if not button.accessibleName():
                button.setAccessibleName(button.text().replace("&", ""))
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def _block_frame(self, number: int, block: ErasBlock) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(f"<b>{number}. {block.position or 'Untitled'}</b> — {block.organization}"
                       f" ({block.experience_type})")
        title.setWordWrap(True)
        copy = QPushButton("Copy")
        copy.setAccessibleName(f"Copy ERAS block {number}")
        copy.clicked.connect(lambda _=False, text=block.text: self.copy(text))
        self.copy_buttons.append(copy)
        row = QHBoxLayout()
        row.addWidget(title, 1)
        row.addWidget(copy)
        text = QPlainTextEdit(block.text)
        text.setReadOnly(True)
        text.setAccessibleName(f"ERAS block {number}")
        text.setFixedHeight(150)
        status = QLabel(block_status(block))
        status.setWordWrap(True)
        status.setStyleSheet("color: #c0392b; font-weight: 600;" if block.cut
                             else "color: #5d6d7e;")
        layout = QVBoxLayout(frame)
        layout.addLayout(row)
        layout.addWidget(text)
        layout.addWidget(status)
        return frame

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
