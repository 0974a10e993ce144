"""Tabs built on first use (workshop.ui.lazy_tabs) and the Programs page that uses them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QTabWidget

from tests.ui.programs_fixtures import open_programs_page
from workshop.core.programs.fit import MixSummary
from workshop.core.storage.workspace import Workspace
from workshop.ui.lazy_tabs import LazyTabs
from workshop.ui.programs.mix_chart import MixPanel

TODAY = dt.date(2026, 11, 23)


def test_only_the_first_tab_is_built_until_another_is_shown_or_asked_for(qtbot) -> None:  # type: ignore[no-untyped-def]
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    made: list[str] = []

    def factory(key: str) -> QLabel:
        made.append(key)
        return QLabel(f"content of {key}")

    lazy = LazyTabs(tabs)
    for key in ("one", "two", "three"):
        lazy.add(key, key.title(), lambda key=key: factory(key))
    seen: list[str] = []
    tabs.currentChanged.connect(lambda _i: seen.append(lazy.current().text()))  # type: ignore[attr-defined]
    tabs.show()
    assert made == ["one"] and tabs.count() == 3
    assert [tabs.tabText(i) for i in range(3)] == ["One", "Two", "Three"]
    assert lazy.built().keys() == {"one"}

    tabs.setCurrentIndex(2)  # a click: built before other slots read it, and on show at once
    assert made == ["one", "three"] and seen == ["content of three"]
    assert lazy.get("three").isVisible() and lazy.current_key() == "three"

    two = lazy.get("two")  # asked for by code: built, not shown
    assert made == ["one", "three", "two"] and not two.isVisible()
    assert lazy.get("two") is two and made.count("two") == 1  # built once
    assert lazy.show("two") is two and two.isVisible() and tabs.currentIndex() == 1


def test_programs_page_builds_other_tabs_on_first_show_with_current_data(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace) -> None:
    page = open_programs_page(qtbot, workspace, TODAY, (1100, 720))
    assert page.lazy.built().keys() == {"programs"}
    page.show_tab("checklist")
    assert page.lazy.built().keys() == {"programs", "checklist"}
    tab = page.checklist_tab
    assert tab.isVisible() and tab.entries  # filled from the workspace when it was built
    assert 0 < tab.progress.maximum() <= len(tab.entries)
    page.reload()  # a reload refreshes the built tabs and builds no other
    assert page.lazy.built().keys() == {"programs", "checklist"}
    page.show_tab("rank")
    page.shutdown()  # the rank tab, built now, is shut down with the page


def test_mix_chart_is_drawn_a_turn_after_the_warnings(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = MixPanel()
    qtbot.addWidget(panel)
    first = panel.view.chart()
    panel.show_summary(MixSummary(counts={"reach": 2, "target": 3}, total=5))
    panel.show_summary(MixSummary(counts={"reach": 1, "target": 3}, total=4))  # a burst
    assert "Balanced" in panel.warnings.text() or "Check your list" in panel.warnings.text()
    assert panel.view.chart() is first  # not drawn yet
    qtbot.waitUntil(lambda: panel.view.chart() is not first, timeout=2000)
    series = panel.view.chart().series()[0]
    values = {bar.label(): sum(bar.at(i) for i in range(bar.count())) for bar in series.barSets()}
    assert values["reach"] == 1 and values["target"] == 3  # the newest summary


def test_a_long_evidence_source_opens_at_its_start(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.programs_fixtures import program_id

    page = open_programs_page(qtbot, workspace, TODAY, (1100, 720))
    page.programs_tab.select(program_id(page, "Crescent Lake"))
    source = page.programs_tab.detail.evidence.source
    assert len(source.text()) > 40 and source.cursorPosition() == 0
    detail = page.programs_tab.detail
    edits = [e for e in detail.findChildren(QLineEdit) if len(e.text()) > 40]
    assert edits and all(e.cursorPosition() == 0 for e in edits), [e.text() for e in edits]


def test_a_lazy_tab_attribute_builds_its_tab_when_read(qtbot) -> None:  # type: ignore[no-untyped-def]
    from workshop.ui.lazy_tabs import LazyTab

    class Page(QTabWidget):
        notes = LazyTab[QLabel]("notes")

        def __init__(self) -> None:
            super().__init__()
            self.lazy = LazyTabs(self)
            self.lazy.add("intro", "Intro", lambda: QLabel("intro"))
            self.lazy.add("notes", "Notes", lambda: QLabel("notes"))

    page = Page()
    qtbot.addWidget(page)
    assert isinstance(Page.notes, LazyTab) and not page.lazy.is_built("notes")
    assert page.notes.text() == "notes" and page.lazy.is_built("notes")
    assert page.notes is page.lazy.get("notes")


def test_many_mix_warnings_scroll_instead_of_being_cut_off(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = MixPanel()
    qtbot.addWidget(panel)
    panel.resize(560, 170)
    panel.show()
    panel.show_summary(MixSummary(counts={"reach": 1}, total=1))  # short first
    warnings = [f"Warning {i}: " + "a long sentence about the list " * 6 for i in range(3)]
    panel.show_summary(MixSummary(counts={"reach": 2, "target": 1}, total=3, warnings=warnings))
    bar = panel.warnings.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)  # the rest is reachable
    assert "Warning 2" in panel.warnings.text()
