"""Underlines that stay on their words while the user types, and land right when late."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import type_text
from workshop.core.app_settings import AppSettings
from workshop.core.services import init_workspace
from workshop.ui.context import UiContext
from workshop.ui.statements.offsets import EditLog
from workshop.ui.statements.page import StatementsPage

CHECK_TIMEOUT = 30_000
TEXT = ("I recieved my degree in Cairo and definately want internal medicine.\n\n"
        "On my first rotation I met a patient whose story changed how I listen.\n\n"
        "My research on hypertension taught me to be patient with data and alot of people.")


def test_edit_log_moves_spans_after_an_edit_and_drops_touched_ones() -> None:
    log = EditLog()
    log.record(0, 0, 3)  # three characters typed at the start
    assert log.map_span(0, 10, 14) == (13, 17)
    assert log.map_span(0, 0, 2) is None  # typed right at its start: the word changed
    log.record(20, 4, 0)  # four removed inside 20..24 (today's text)
    assert log.map_span(0, 30, 34) == (29, 33)
    assert log.map_span(0, 16, 19) is None  # its end (today 22) lies in the removed range
    assert log.map_span(1, 5, 8) == (5, 8)  # before the removal: unchanged
    log.forget_before(2)
    assert log.map_span(0, 30, 34) is None  # edits before revision 2 are gone: cannot map
    log.reset()
    assert log.map_span(2, 30, 34) is None


@pytest.fixture
def page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "s.workshop", sample=True)
    context = UiContext(ws, AppSettings())
    widget = StatementsPage(context)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.checked, timeout=CHECK_TIMEOUT):
        widget.editor.setPlainText(TEXT)
        widget._on_text_changed()
    yield widget
    widget.shutdown()
    context.services["checker"].shutdown()
    ws.close()


def _underlined(page: StatementsPage) -> dict[str, int]:
    """Underlined text → count, read from the editor's own selections."""
    shown: dict[str, int] = {}
    for selection in page.editor.extraSelections():
        text = selection.cursor.selectedText()
        shown[text] = shown.get(text, 0) + 1
    return shown


def _type_at(page: StatementsPage, position: int, text: str) -> None:
    cursor = page.editor.textCursor()
    cursor.setPosition(position)
    page.editor.setTextCursor(cursor)
    type_text(page.editor, text)


def test_typing_keeps_other_underlines_on_their_words(qtbot, page: StatementsPage) -> None:  # type: ignore[no-untyped-def]
    before = _underlined(page)
    assert "recieved" in before and "definately" in before, before
    assert "alot" in before or "alot of" in before, before
    # Type in the middle paragraph: every keystroke, the other paragraphs keep theirs.
    start = page.editor.toPlainText().index("patient whose")
    for char in "very ":
        _type_at(page, start, char)
        start += 1
        now = _underlined(page)
        assert now.get("recieved") and now.get("definately"), now
    # The underlines moved with the text: each still covers exactly its word.
    with qtbot.waitSignal(page.checked, timeout=CHECK_TIMEOUT):
        pass
    text = page.editor.toPlainText()
    for finding, (start, end) in ((f, page.editor.span_of(f)) for f in page.editor.findings):
        assert text[start:end] == finding.excerpt, (finding.rule, text[start:end])


def test_typing_inside_a_flagged_word_removes_only_that_underline(  # type: ignore[no-untyped-def]
        qtbot, page: StatementsPage) -> None:
    text = page.editor.toPlainText()
    _type_at(page, text.index("recieved") + 3, "x")
    now = _underlined(page)
    assert "recxieved" not in now and "recieved" not in now
    assert now.get("definately"), now


def test_a_late_answer_lands_on_the_right_words(qtbot, page: StatementsPage) -> None:  # type: ignore[no-untyped-def]
    """A result for an older text is carried through the edits typed since it was sent."""
    old_text, old_revision = page.editor.toPlainText(), page.editor.revision
    findings = list(page.editor.findings)
    cursor = QTextCursor(page.editor.document())
    cursor.setPosition(0)
    cursor.insertText("Honestly, ")  # an edit after the check was sent
    page.editor.show_findings(findings, old_text, old_revision)
    text = page.editor.toPlainText()
    assert page.editor.findings, "findings after the edit are kept"
    for finding in page.editor.findings:
        start, end = page.editor.span_of(finding)
        assert text[start:end] == finding.excerpt


def test_counters_follow_every_keystroke(qtbot, page: StatementsPage) -> None:  # type: ignore[no-untyped-def]
    words = len(page.editor.toPlainText().split())
    _type_at(page, len(page.editor.toPlainText()), " more")
    # No check has answered yet (the debounce is still running): the counts are already new.
    assert page.counters.labels["words"].text().startswith(f"{words + 1} words")
    chars = page.counters.labels["characters"].text()
    assert chars.startswith(f"{len(page.editor.toPlainText()) + 4:,} /"), chars  # 4 line breaks


def test_apply_fix_replaces_the_word_where_it_is_now(qtbot, page: StatementsPage) -> None:  # type: ignore[no-untyped-def]
    typo = next(f for f in page.editor.findings if f.excerpt == "definately")
    _type_at(page, 0, "Truly, ")  # the word moved since the check
    page.apply_fix(typo, "definitely")
    assert "Truly, I recieved my degree in Cairo and definitely want" in \
        page.editor.toPlainText()


def test_a_statement_opens_with_quick_underlines_then_the_whole_check(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "q.workshop", sample=True)
    context = UiContext(ws, AppSettings())
    events: list[str] = []
    widget = StatementsPage(context)
    qtbot.addWidget(widget)
    widget.first_underlines.connect(lambda: events.append(
        "quick" if widget.result is None else "underlines"))
    widget.checked.connect(lambda r: events.append("checked"))
    widget.show()
    try:
        qtbot.waitUntil(lambda: "checked" in events, timeout=CHECK_TIMEOUT)
        assert events[0] == "quick", events  # underlines before the rules' verdict
        assert widget.result is not None and not widget.result.quick
        assert "Checking" not in widget.summary.text()
    finally:
        widget.shutdown()
        context.services["checker"].shutdown()
        ws.close()
