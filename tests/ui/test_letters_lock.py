"""The letters matrix marks programs already applied to and warns on a change there."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workshop.core.letters import lock
from workshop.core.services import init_workspace
from workshop.ui.letters.assignments import LOCKED_TINT, AssignmentsTab
from workshop.ui.letters.store import LettersStore


@pytest.fixture
def tab(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    ws = init_workspace(tmp_path / "s.workshop", sample=True)
    store = LettersStore(ws, lambda: dt.date(2026, 12, 2))
    widget = AssignmentsTab(store)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    yield widget
    ws.close()


def _row(tab: AssignmentsTab, program_id: int) -> int:
    return [p.id for p in tab.programs].index(program_id)


def test_applied_programs_are_marked_and_explained(tab: AssignmentsTab) -> None:
    applied = {p.id for p in tab.programs if p.status in lock.LOCKED_STATUSES}
    assert applied and tab.locked_ids == applied
    assert tab.lock_note.isVisible() and "personal statement" in tab.lock_note.text()
    for program in tab.programs:
        label = tab.matrix.item(_row(tab, program.id), 0)
        assert (lock.MARK in label.text()) == (program.id in applied)
        tinted = label.background().color().name() == LOCKED_TINT
        assert tinted == (program.id in applied)


def test_changing_a_locked_program_says_myeras_will_not_allow_it(
        tab: AssignmentsTab) -> None:
    assert not tab.change_notice.isVisible()
    open_program = next(p for p in tab.programs if p.id not in tab.locked_ids)
    request = next(r for r in tab.requests if r.status.name != "DECLINED")
    cell = tab.cell(open_program.id, request.id)
    assert cell is not None
    cell.setCheckState(Qt.CheckState.Checked)
    assert not tab.change_notice.isVisible()  # not applied yet: nothing to say
    locked = next(p for p in tab.programs if p.id in tab.locked_ids)
    cell = tab.cell(locked.id, request.id)
    assert cell is not None
    was = cell.checkState()
    cell.setCheckState(Qt.CheckState.Unchecked if was == Qt.CheckState.Checked
                       else Qt.CheckState.Checked)
    assert tab.change_notice.isVisible()
    assert "MyERAS will not allow" in tab.change_notice.text()
    assert locked.display_name in tab.change_notice.text()
    pairs = set(tab.store.assignments())  # the plan is still recorded
    assert ((locked.id, request.id) in pairs) == (was != Qt.CheckState.Checked)
