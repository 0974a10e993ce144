"""An honest empty state: what will be here, and how to start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


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
        body.setMaximumWidth(560)
        how = QLabel("<b>How to start</b><ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>")
        how.setWordWrap(True)
        how.setMaximumWidth(560)
        how.setTextFormat(Qt.TextFormat.RichText)
        for widget in (heading, body, how):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button: QPushButton | None = None
        if action_text:
            self.button = QPushButton(action_text)
            self.button.setAccessibleName(action_text)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        heading.setAccessibleName(title)
        body.setAccessibleName(f"{title}: what will be here")
        how.setAccessibleName(f"{title}: how to start")
