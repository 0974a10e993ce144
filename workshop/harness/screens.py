"""A child process that lays out every page of the main window at a laptop's size and reports
what does not fit.

Run as ``python -m workshop.harness.screens WIDTHxHEIGHT [OUT_DIR]`` with the screen's size
in pixels, and ``QT_SCALE_FACTOR`` set for high-DPI screens (1920×1080 at 150 % is 1280×720
logical pixels). The window fits itself to that screen as at a first start; the pages are then
laid out in what a maximized window has once the taskbar and the title bar are taken
(``CHROME`` pixels). Prints one JSON line:

- ``maximized``: whether the window chose to start maximized on that screen;
- ``window``: the window's size during the audit (larger than asked when its minimum is larger);
- ``problems``: one line per widget whose text is cut (a button or a one-line label narrower
  than its text, a wrapped label shorter than its lines) or that lies outside the window
  without a scroll bar to reach it; each names the page, tab and widget;
- ``shots``: a PNG per page and tab in ``OUT_DIR`` when given, to look at.

Why a child process: the scale factor is read once, when Qt starts.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SECTIONS = ("statements", "cv", "letters", "interviews", "interview", "programs", "exports")
SLACK = 2  # pixels: rounding at fractional scale factors
CHROME = 70  # logical pixels a maximized window loses: a taskbar (40) and a title bar (30)


def _describe(widget: Any) -> str:
    text = ""
    for getter in ("text", "title", "placeholderText"):
        if hasattr(widget, getter):
            value = getattr(widget, getter)()
            if isinstance(value, str) and value.strip():
                text = value.strip().replace("\n", " ")[:48]
                break
    label = text or widget.accessibleName() or widget.objectName()
    return f"{type(widget).__name__}({label!r})"


def _inside_scroll_area(widget: Any) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _visible_rect_in_window(widget: Any, window: Any) -> Any:
    from PySide6.QtCore import QPoint, QRect

    top_left = widget.mapTo(window, QPoint(0, 0))
    return QRect(top_left, widget.size())


def cut_widgets(window: Any) -> list[str]:
    """Widgets on screen whose text does not fit, or that the window cuts off."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

    problems: list[str] = []
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        scrolled = _inside_scroll_area(widget)
        if not scrolled and isinstance(widget, (QAbstractButton, QLabel, QComboBox, QLineEdit)):
            rect = _visible_rect_in_window(widget, window)
            if rect.right() > bounds.right() + SLACK or rect.bottom() > bounds.bottom() + SLACK:
                problems.append(f"{_describe(widget)} lies outside the window at "
                                f"({rect.x()},{rect.y()} {rect.width()}×{rect.height()})")
                continue
        if isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.minimumSizeHint()
            if widget.width() + SLACK < hint.width():
                problems.append(f"{_describe(widget)} is {widget.width()} px wide, its text "
                                f"needs {hint.width()}")
        elif isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > 0 and widget.height() + SLACK < needed:
                    problems.append(f"{_describe(widget)} is {widget.height()} px high, its "
                                    f"lines need {needed}")
            elif widget.width() + SLACK < widget.minimumSizeHint().width():
                problems.append(f"{_describe(widget)} is {widget.width()} px wide, its text "
                                f"needs {widget.minimumSizeHint().width()}")
    return problems


def _tab_widgets(page: Any) -> list[Any]:
    from PySide6.QtWidgets import QTabWidget

    return [tabs for tabs in page.findChildren(QTabWidget) if tabs.isVisibleTo(page)]


def _reveal(tabs: Any) -> None:
    """Make every tab widget around ``tabs`` show the tab that holds it (a tab widget inside
    another tab is only laid out, and only audited, when its outer tab is current)."""
    from PySide6.QtWidgets import QTabWidget

    parent = tabs.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            for i in range(parent.count()):
                if parent.widget(i).isAncestorOf(tabs):
                    parent.setCurrentIndex(i)
        parent = parent.parentWidget()


def _settle(app: Any, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def _settled_problems(app: Any, window: Any) -> list[str]:
    """What :func:`cut_widgets` finds once the layout has settled.

    A page filled by a worker (the programs checklist) is laid out when its result arrives; on
    a loaded machine that can be after the fixed settle time, and the audit then saw labels
    mid-layout (2 px high) in a fresh-clone CI run. A problem counts when it is still there
    after up to 3 s more.
    """
    found = cut_widgets(window)
    for _ in range(6):
        if not found:
            break
        _settle(app, 0.5)
        found = cut_widgets(window)
    return found


def main(size: str, out_dir: str | None = None) -> None:
    from workshop.harness.offscreen import offscreen_platform

    width, height = (int(n) for n in size.lower().split("x"))
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(width, height)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    from PySide6.QtWidgets import QApplication

    from workshop.core.app_settings import AppSettings
    from workshop.core.services import init_workspace, open_workspace
    from workshop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    home = Path(tempfile.mkdtemp(prefix="workshop-screens-"))
    os.environ["WORKSHOP_HOME"] = str(home / "home")
    path = home / "sample.workshop"
    init_workspace(path, sample=True).close()
    window = MainWindow(open_workspace(path), AppSettings(), persist=False)
    maximized = window.start_maximized
    window.show()
    window.resize(round(width / scale), round(height / scale) - CHROME)
    window.checker.warm()
    problems: list[str] = []
    shots: list[str] = []
    for key in SECTIONS:
        window.show_section(key)
        page = window.page(key)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not page.ready_for_screenshot:
            app.processEvents()
            time.sleep(0.02)
        _settle(app, 0.4)
        views = [(None, -1)]
        for tabs in _tab_widgets(page):
            views += [(tabs, i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
        for tabs, index in views:
            label = key
            if tabs is not None:
                _reveal(tabs)
                tabs.setCurrentIndex(index)
                _settle(app, 0.3)
                label = f"{key} ▸ {tabs.tabText(index).replace('&', '')}"
            problems += [f"{label}: {p}" for p in _settled_problems(app, window)]
            if out_dir:
                name = label.replace(" ▸ ", "-").replace(" ", "_").lower()
                target = Path(out_dir) / f"{size}-{os.environ.get('QT_SCALE_FACTOR', '1')}-" \
                    f"{name}.png"
                window.grab().save(str(target))
                shots.append(str(target))
    result = {"maximized": maximized, "window": [window.width(), window.height()],
              "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
              "problems": sorted(set(problems)), "shots": shots}
    window.close()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "1366x768",
         sys.argv[2] if len(sys.argv) > 2 else None)
