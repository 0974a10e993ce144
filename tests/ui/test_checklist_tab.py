"""The Checklist tab: information lines without ticks, visa items by the CV, season dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QLabel

from tests.ui.programs_fixtures import open_programs_page
from workshop.core.cv.in_workspace import load_workspace_cv, save_workspace_cv
from workshop.core.storage.workspace import Workspace
from workshop.ui.programs.checklist_tab import ChecklistTab

TODAY = dt.date(2026, 12, 2)


def _tab(qtbot, ws: Workspace) -> ChecklistTab:  # type: ignore[no-untyped-def]
    return open_programs_page(qtbot, ws, TODAY, (1280, 760), "checklist").checklist_tab


def _texts(tab: ChecklistTab) -> str:
    return "\n".join(w.text() for w in tab.body.findChildren(QLabel)) + "\n".join(
        b.text() for b in tab.body.findChildren(QCheckBox))


def test_sample_checklist_is_corrected(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, workspace)
    keys = [e.item.key for e in tab.entries]
    assert "diploma-transcript" not in keys
    for key in ("myeras-token", "ecfmg-pathway", "nrmp-registration", "j1-statement-of-need"):
        assert key in tab.boxes
    # information lines: shown, never a tick
    assert "ecfmg-status-report" in keys and "ecfmg-status-report" not in tab.boxes
    assert "not-transmitted" in keys and "not-transmitted" not in tab.boxes
    text = _texts(tab)
    assert "Diplomas, CVs and foreign-language documents are not sent by ECFMG" in text
    assert "ECFMG sends the diploma" not in text and "Diploma and medical" not in text
    assert "Photo uploaded through ECFMG OASIS" in text
    assert "In ECFMG OASIS" in text  # done outside the app: no Go-to button
    assert "myeras-token" not in tab.go_buttons and "statements" in tab.go_buttons
    assert "By Sunday, January 31, 2027 (estimated; in 60 days" in text
    # the sample CV needs a J-1: no H-1B items
    assert "h1b-step3" not in keys and "J-1" in tab.visa.text()
    done, total = tab.progress.value(), tab.progress.maximum()
    assert total == sum(1 for e in tab.entries if not e.is_info) and done < total


def test_h1b_from_the_cv_shows_step3(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    cv = load_workspace_cv(workspace)
    cv.personal.immigration.visa_status = "Requires H-1B sponsorship"
    save_workspace_cv(workspace, cv)
    tab = _tab(qtbot, workspace)
    assert "h1b-step3" in tab.boxes and "j1-evsp" not in tab.boxes
    assert not tab.boxes["h1b-step3"].isChecked()
    assert "H-1B" in tab.visa.text()
    assert "$100,000" in _texts(tab)


def test_unknown_visa_shows_every_visa_item_labelled(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    cv = load_workspace_cv(workspace)
    cv.personal.immigration.visa_status = ""
    save_workspace_cv(workspace, cv)
    tab = _tab(qtbot, workspace)
    assert tab.boxes["h1b-step3"].text().startswith("If you need an H-1B: ")
    assert tab.boxes["j1-evsp"].text().startswith("If you need a J-1: ")
    assert "does not say which visa" in tab.visa.text()
