"""An honest empty state: what will be here, and how to start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

COLUMN_WIDTH = 560


class EmptyState(QWidget):
    """A centred title, an explanation and optional first step button."""

    def __init__(
        self,
        title: str,
        explanation: str,
        steps: list[str],
        *,
        action_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(f"{title} (empty)")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(title)
        heading.setObjectName("emptyTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(explanation)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        how = QLabel("<b>How to start</b>")
        step_labels = []
        for number, step in enumerate(steps, start=1):
            label = QLabel(f"{number}.&nbsp;&nbsp;{step}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAccessibleName(f"Step {number}")
            step_labels.append(label)
        column = QWidget()
        column.setFixedWidth(COLUMN_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.setSpacing(14)
        for widget in (heading, body, how, *step_labels):
            # A fixed width lets word-wrapped labels report their true height.
            widget.setFixedWidth(COLUMN_WIDTH - 28)
            if isinstance(widget, QLabel) and widget.wordWrap():
                widget.setMinimumHeight(widget.heightForWidth(COLUMN_WIDTH - 28))
            column_layout.addWidget(widget)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button: QPushButton | None = None
        if action_text:
            self.button = QPushButton(action_text)
            self.button.setAccessibleName(action_text)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        heading.setAccessibleName(title)
        body.setAccessibleName(f"{title}: what will be here")
        how.setAccessibleName(f"{title}: how to start")
