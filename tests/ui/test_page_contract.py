"""Every section page keeps the main window's contract (no probing for what a page has)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core.app_settings import AppSettings
from workshop.core.changes import Changes
from workshop.core.services import init_workspace
from workshop.ui.context import UiContext
from workshop.ui.page_base import PageBase, SectionPage
from workshop.ui.pages import PAGE_CLASSES, build_page
from workshop.ui.sections import SECTIONS


def test_every_section_has_a_page() -> None:
    assert {info.key for info in SECTIONS} == set(PAGE_CLASSES)


@pytest.mark.parametrize("key", sorted(PAGE_CLASSES))
def test_each_page_keeps_the_contract(qtbot, tmp_path: Path, key: str) -> None:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "c.workshop", sample=True)
    context = UiContext(ws, AppSettings())
    page = build_page(key, context)
    qtbot.addWidget(page)
    assert isinstance(page, PageBase) and isinstance(page, SectionPage)
    assert page.flush() is True
    page.on_changes(Changes(statements=True, cv=True, profile=True, letters=True,
                            programs=True, drills=True))  # every page copes with any change
    assert isinstance(page.ready_for_screenshot, bool)
    page.shutdown()
    checker = context.services.get("checker")
    if checker is not None:
        checker.shutdown()
    ws.close()


def test_the_main_window_does_not_probe_pages() -> None:
    source = (Path(__file__).resolve().parents[2] / "workshop" / "ui" / "main_window.py")
    text = source.read_text(encoding="utf-8")
    assert "hasattr(widget" not in text and "hasattr(page" not in text
    assert 'getattr(widget, "' not in text
