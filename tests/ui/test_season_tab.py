"""The Season tab on the 2026-12-02 (interview season): every date with status and source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from tests.ui.programs_fixtures import open_programs_page
from workshop.core.storage.workspace import Workspace
from workshop.ui.programs import season_tab

TODAY = dt.date(2026, 12, 2)
STATUS, SOURCE = 3, 5


def _tab(qtbot, ws: Workspace, today: dt.date = TODAY) -> season_tab.SeasonTab:  # type: ignore[no-untyped-def]
    return open_programs_page(qtbot, ws, today, (1280, 760), "season").season_tab


def _rows(tab: season_tab.SeasonTab) -> dict[str, list[str]]:
    out = {}
    for i in range(tab.tree.topLevelItemCount()):
        item = tab.tree.topLevelItem(i)
        if item.text(1):
            out[item.text(1)] = [item.text(c) for c in range(len(season_tab.COLUMNS))]
    return out


def test_rows_show_status_and_source(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, workspace)
    rows = _rows(tab)
    headers = [tab.tree.headerItem().text(c) for c in range(tab.tree.columnCount())]
    assert headers == ["Date", "Event", "When", "Status", "Kind", "Source"]
    myeras = rows["MyERAS opens for applicants"]  # June: past now, not "estimated"
    assert myeras[STATUS] == "past" and myeras[SOURCE].startswith("Prep-course blog")
    rol = rows["NRMP rank-order list deadline, 9 p.m. ET"]
    assert rol[STATUS] == "not confirmed" and rol[SOURCE] == "NRMP calendars"
    rule = rows["IMGs: Step 1 and Step 2 CK passed and reported by ECFMG"]
    assert rule[4] == "ECFMG" and rule[SOURCE] == "NRMP FAQ"
    assert rows["NRMP standard registration deadline"][STATUS] == "estimated"
    soap = rows["SOAP rounds (Monday to Thursday of Match Week)"]
    assert soap[0].strip() == "2027-03-15 to 03-18"
    assert rows["ERAS season ends"][2] == "in 180 days"
    own = [r for title, r in rows.items() if title.startswith("Deadline: Bayside")]
    assert own and own[0][STATUS] == "past" and own[0][SOURCE] == "you"
    assert not any("ERAS deadline" in title for title in rows)
    assert not any("(estimated)" in title for title in rows)  # the Status column says it


def test_the_no_deadline_rule_and_the_next_date(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, workspace)
    assert "ERAS sets no application deadline" in tab.notes.text()
    assert "Applicant Responsibilities" in tab.notes.text()
    assert tab.upcoming.text().startswith("<b>Next:</b>")


def test_tooltip_and_day_list_explain_the_status(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, workspace)
    rule = next(e for e in tab.events if e.key == "img-exam-reporting")
    tip = season_tab.tooltip(rule, TODAY)
    assert "Not confirmed" in tip and "withdrawn" in tip and "Source: NRMP FAQ" in tip
    myeras = next(e for e in tab.events if e.key == "myeras-opens")
    assert "This date has passed." in season_tab.tooltip(myeras, TODAY)
    tab.calendar.setSelectedDate(QDate(2027, 3, 17))  # inside the SOAP span
    texts = [tab.day_list.item(i).text() for i in range(tab.day_list.count())]
    assert len(texts) == 1 and texts[0].startswith("SOAP rounds")
    assert "not confirmed" in texts[0] and "source: NRMP" in texts[0]
    assert tab.calendar.dateTextFormat(QDate(2027, 3, 17)).fontWeight() > 400


def test_export_carries_new_events_with_reminders(qtbot, workspace: Workspace,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path, monkeypatch) -> None:
    tab = _tab(qtbot, workspace)
    out = tmp_path / "season.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(out), ""))
    with qtbot.waitSignal(tab.page.message, timeout=30_000,
                          check_params_cb=lambda text: text.startswith("Exported")):
        tab.export_button.click()
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert len(calendar.walk("VEVENT")) == len(tab.events)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert "NRMP standard registration deadline (estimated)" in events
    assert events["NRMP rank-order list deadline, 9 p.m. ET (not confirmed)"].walk("VALARM")
    assert "Match Week: \"Did I match?\" results, 10 a.m. ET (not confirmed)" in events


def test_dark_palette_keeps_rows_readable(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from workshop.ui.palette import dark_palette

    app = QApplication.instance()
    before = app.palette()  # type: ignore[union-attr]
    app.setPalette(dark_palette())  # type: ignore[union-attr]
    try:
        tab = _tab(qtbot, workspace)
        base = tab.tree.palette().color(tab.tree.backgroundRole()).lightness()
        for i in range(tab.tree.topLevelItemCount()):
            item = tab.tree.topLevelItem(i)
            for column in range(len(season_tab.COLUMNS)):
                brush = item.foreground(column)
                if brush.style() != Qt.BrushStyle.NoBrush:  # our own colour: must contrast
                    assert brush.color().lightness() - base > 80, (item.text(1), column)
    finally:
        app.setPalette(before)  # type: ignore[union-attr]
