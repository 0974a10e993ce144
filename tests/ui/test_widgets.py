"""The shared widget helpers: a scroll area that takes its content at its first show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from workshop.ui.widgets import scrolling


def _form() -> tuple[QWidget, QLineEdit]:
    content = QWidget()
    layout = QVBoxLayout(content)
    for n in range(12):
        label = QLabel(f"A wrapped explanation, line {n}, long enough to wrap at a narrow width.")
        label.setWordWrap(True)
        layout.addWidget(label)
    field = QLineEdit()
    field.setObjectName("field")
    layout.addWidget(field)
    return content, field


def test_a_hidden_tab_is_laid_out_when_first_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    first, _ = _form()
    content, field = _form()
    area = scrolling(content, "Second tab", fit=False)
    tabs.addTab(QLabel("first"), "First")
    tabs.addTab(area, "Second")
    tabs.resize(400, 300)
    tabs.show()
    qtbot.waitExposed(tabs)
    # Reachable from the start, as with an ordinary scroll area ...
    assert area.widget() is content
    assert tabs.findChild(QLineEdit, "field") is field
    # ... but not sized, laid out or shown while its tab is hidden.
    assert not content.testAttribute(Qt.WidgetAttribute.WA_Resized)
    assert not content.isVisible()
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(content.isVisible)
    assert content.parentWidget() is area.viewport()
    assert field.isVisible() and field.width() > 0
    assert content.width() <= area.viewport().width()  # resized to the area, no side scroll
    assert area.widget() is content


def test_fitting_area_asks_for_its_whole_content(qtbot) -> None:  # type: ignore[no-untyped-def]
    content, _ = _form()
    area = scrolling(content, "Fitted")
    qtbot.addWidget(area)
    assert area.sizeHint().height() >= content.sizeHint().height()
    area.show()
    qtbot.waitExposed(area)
    assert area.widget() is content and content.isVisible()
