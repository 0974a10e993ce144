"""The Programs page: fit labels, overrides, edits, import, season .ics, checklist, rank list."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import icalendar
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from tests.ui.programs_fixtures import open_programs_page, program_id
from workshop.core.programs import ranking_store
from workshop.core.programs.model import ProgramEvent
from workshop.core.programs.repository import ProgramRepository
from workshop.core.services import init_workspace
from workshop.core.storage.workspace import Workspace, open_workspace
from workshop.ui.programs import list_tab, season_tab
from workshop.ui.programs.common import FIT_COLOURS
from workshop.ui.programs.import_dialog import ERROR_TINT, ImportDialog
from workshop.ui.programs.page import ProgramsPage
from workshop.ui.programs.table_model import FIT_COLUMN
from workshop.ui.save_state import SaveState

TODAY = dt.date(2026, 11, 23)


def make_page(qtbot, ws: Workspace) -> ProgramsPage:  # type: ignore[no-untyped-def]
    return open_programs_page(qtbot, ws, TODAY, (1100, 720))


def fit_texts(page: ProgramsPage) -> dict[str, str]:
    model = page.programs_tab.model
    return {p.name: model.index(row, FIT_COLUMN).data() for row, p in enumerate(model.rows)}


def test_sample_list_shows_coloured_fit_labels_and_mix(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    texts = fit_texts(page)
    assert len(texts) == 10
    assert texts["Summit Valley Health (SAMPLE)"] == "not eligible"  # sponsors no visa
    assert texts["Bayside Community Hospital (SAMPLE)"] == "target"  # no USCE rule recorded
    assert texts["Lakeview Medical Center Internal Medicine (SAMPLE)"] == "strong fit"
    signal_column = page.programs_tab.model.index(0, 0).model().headerData(
        2, Qt.Orientation.Horizontal)
    assert signal_column == "Signal"
    assert texts["Crescent Lake Medical Center (SAMPLE)"] == "reach (yours)"
    model = page.programs_tab.model
    row = next(i for i, p in enumerate(model.rows) if p.name.startswith("Summit"))
    background = model.index(row, FIT_COLUMN).data(Qt.ItemDataRole.BackgroundRole)
    assert background.name() == FIT_COLOURS["not eligible"][1]
    mix = page.programs_tab.mix
    assert mix.summary is not None and sum(mix.summary.counts.values()) == 10
    assert "not eligible" in mix.warnings.text()


def test_sorting_by_fit_goes_from_not_eligible_to_strong_fit(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    table = page.programs_tab.table
    table.sortByColumn(FIT_COLUMN, Qt.SortOrder.AscendingOrder)
    proxy = page.programs_tab.proxy
    labels = [proxy.index(r, FIT_COLUMN).data() for r in range(proxy.rowCount())]
    assert labels[0] == "not eligible"
    assert labels[-1] == "strong fit"


def test_selecting_shows_reasons_in_plain_words(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    assert page.programs_tab.select(program_id(page, "Summit"))
    detail = page.programs_tab.detail
    assert detail.isVisible()
    assert "sponsors no visa" in detail.fit_view.reasons.toPlainText()
    assert detail.badge.text() == "not eligible"


def test_override_is_kept_and_shown(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    pid = program_id(page, "Summit")
    page.programs_tab.select(pid)
    view = page.programs_tab.detail.fit_view
    view.reason.setText("The coordinator wrote that they will sponsor a J-1 this year.")
    view.reason.editingFinished.emit()
    with qtbot.waitSignal(page.save_state_changed) as saved:
        view.label.setCurrentIndex(view.label.findData("target"))
        view.label.activated.emit(view.label.currentIndex())
    assert saved.args == [SaveState.SAVED, ""]
    stored = ProgramRepository(workspace.conn).get(pid)
    assert (stored.fit_override, stored.fit_override_reason) == (
        "target", "The coordinator wrote that they will sponsor a J-1 this year.")
    badge = page.programs_tab.detail.badge.text()
    assert badge == "target (your label; computed: not eligible)"
    again = make_page(qtbot, workspace)
    assert fit_texts(again)["Summit Valley Health (SAMPLE)"] == "target (yours)"


def test_field_edit_saves_at_once_and_relabels(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    pid = program_id(page, "Bayside")
    page.programs_tab.select(pid)
    detail = page.programs_tab.detail
    detail.min_step2.setValue(250)  # above the sample's 246: now a blocker
    stored = ProgramRepository(workspace.conn).get(pid)
    assert stored.min_step2ck == 250
    assert fit_texts(page)["Bayside Community Hospital (SAMPLE)"] == "not eligible"
    assert "under the stated minimum 250" in detail.fit_view.reasons.toPlainText()


def test_unreadable_date_is_shown_not_saved(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    pid = program_id(page, "Bayside")
    page.programs_tab.select(pid)
    detail = page.programs_tab.detail
    detail.program_deadline.setText("the 45th of Smarch")
    detail.program_deadline.editingFinished.emit()
    assert detail.error.isVisibleTo(page)
    assert "Program deadline" in detail.error.text()
    assert ProgramRepository(workspace.conn).get(pid).program_deadline == dt.date(2026, 11, 1)


def test_status_step_is_dated_and_moves_the_pipeline(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    pid = program_id(page, "Riverside")
    page.programs_tab.select(pid)
    detail = page.programs_tab.detail
    detail.new_status.setCurrentIndex(detail.new_status.findData("interview-invited"))
    detail.new_note.setText("e-mail from the coordinator")
    detail.add_event_button.click()
    stored = ProgramRepository(workspace.conn).get(pid)
    assert stored.status == "interview-invited"
    assert stored.events[-1].note == "e-mail from the coordinator"
    assert "[Interview invited]" in detail.pipeline.text()


def test_add_and_delete_program(qtbot, workspace: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    monkeypatch.setattr(list_tab.QInputDialog, "getText",
                        lambda *_a, **_k: ("Saint-Étienne Hôpital (SAMPLE)", True))
    page.programs_tab.add_button.click()
    assert len(page.data.programs) == 11
    assert page.programs_tab.detail.program.name == "Saint-Étienne Hôpital (SAMPLE)"
    monkeypatch.setattr(list_tab.QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page.programs_tab.delete_button.click()
    assert len(ProgramRepository(workspace.conn).list_programs()) == 10


def test_duplicate_code_is_a_dialog_not_a_crash(qtbot, workspace: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    shown: list[str] = []
    monkeypatch.setattr("workshop.ui.programs.common.QMessageBox.warning",
                        lambda _p, _t, text: shown.append(text))
    page.programs_tab.select(program_id(page, "Bayside"))
    detail = page.programs_tab.detail
    detail.code.setText("9990140C0")  # Riverside's code
    with qtbot.waitSignal(page.save_state_changed) as signal:
        detail.code.editingFinished.emit()
    assert signal.args[0] is SaveState.FAILED
    assert "already used" in shown[0]


MESSY = (
    "My programs 2026 (exported from Sheets)\r\n"
    "\r\n"
    "Hospital;City, State;Visa;Min. Step 2 CK score;IMG %;Deadline;Mystery\r\n"
    "Elm Street Hospital (SAMPLE);Akron, OH;J-1;230;55%;15/10/2026;x\r\n"
    ";;;;;;\r\n"
    "Birch Medical Center (SAMPLE);Tulsa, OK;J-1, H-1B;abc;20;Oct 1 2026;y\r\n"
    "Cedar Regional (SAMPLE);Fresno, CA;none;225;70;2026-10-20;z\r\n"
)


def run_import(qtbot, page: ProgramsPage, path: Path, monkeypatch, seen: dict) -> object:  # type: ignore[no-untyped-def,type-arg]
    def fake_exec(dialog: ImportDialog) -> int:
        seen["mapping"] = dict(dialog.mapping)
        seen["preview"] = dialog.preview
        seen["tint"] = [dialog.rows.item(r, 0).background().color().name()
                        for r in range(dialog.rows.rowCount())]
        seen["problems"] = [dialog.rows.item(r, 1).text() for r in range(dialog.rows.rowCount())]
        dialog.set_field(6, "notes")  # the user maps the unknown column by hand
        seen["mapped_notes"] = dialog.mapping.get(6)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ImportDialog, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(path), ""))
    with qtbot.waitSignal(page.import_tab.imported, timeout=30_000):
        page.import_tab.import_button.click()  # read off the GUI thread, then mapped
    return page.import_tab.last_report


def test_messy_csv_through_the_dialog_then_reimport_updates(qtbot, workspace: Workspace,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path, monkeypatch) -> None:
    page = make_page(qtbot, workspace)
    sheet = tmp_path / "mine.csv"
    sheet.write_bytes(b"\xef\xbb\xbf" + MESSY.encode("utf-8"))
    seen: dict = {}  # type: ignore[type-arg]
    report = run_import(qtbot, page, sheet, monkeypatch, seen)
    mapping = seen["mapping"]
    assert mapping[0] == "name" and mapping[1] == "location" and mapping[3] == "min_step2ck"
    assert 6 not in mapping  # "Mystery" is not guessed
    assert seen["mapped_notes"] == "notes"
    assert seen["tint"][1] == ERROR_TINT.name()  # the Birch row: "abc" is not a score
    assert "abc" in seen["problems"][1]
    assert report is not None
    assert (report.created, report.updated, report.skipped) == (2, 0, 1)  # type: ignore[attr-defined]
    assert any("row 6" in e for e in report.errors)  # type: ignore[attr-defined]
    assert "2 added" in page.import_tab.report.toPlainText()
    elm = next(p for p in page.data.programs if p.name.startswith("Elm"))
    assert (elm.city, elm.state, elm.min_step2ck, elm.notes) == ("Akron", "OH", 230, "x")
    assert elm.program_deadline == dt.date(2026, 10, 15)
    assert len(page.data.programs) == 12

    sheet.write_bytes(MESSY.replace(";230;", ";235;").replace(";abc;", ";232;").encode())
    again = run_import(qtbot, page, sheet, monkeypatch, {})
    assert (again.created, again.updated, again.skipped) == (1, 2, 0)  # type: ignore[attr-defined]
    assert len(page.data.programs) == 13  # Birch now added; Elm and Cedar updated, not doubled
    elm = next(p for p in page.data.programs if p.name.startswith("Elm"))
    assert elm.min_step2ck == 235


def test_unreadable_spreadsheet_is_a_dialog(qtbot, workspace: Workspace, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch) -> None:
    page = make_page(qtbot, workspace)
    shown: list[str] = []
    monkeypatch.setattr("workshop.ui.programs.common.QMessageBox.warning",
                        lambda _p, _t, text: shown.append(text))
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    page.import_tab.import_file(old)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "old Excel" in shown[0]
    assert page.import_tab.import_button.isEnabled(), "the button comes back"


def test_export_csv_and_template(qtbot, workspace: Workspace, tmp_path: Path,  # type: ignore[no-untyped-def]
                                 monkeypatch) -> None:
    page = make_page(qtbot, workspace)
    out = tmp_path / "programs.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(out), ""))
    with qtbot.waitSignal(page.message, timeout=30_000,
                          check_params_cb=lambda text: text.startswith("Exported")):
        page.import_tab.export_button.click()  # written off the GUI thread
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 10
    template = tmp_path / "template.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(template), ""))
    with qtbot.waitSignal(page.message, timeout=30_000,
                          check_params_cb=lambda text: text.startswith("Saved the blank")):
        page.import_tab.template_button.click()
    assert template.read_text(encoding="utf-8-sig").startswith("Program name,NRMP code")


def test_season_ics_export_parses_back(qtbot, workspace: Workspace, tmp_path: Path,  # type: ignore[no-untyped-def]
                                       monkeypatch) -> None:
    page = make_page(qtbot, workspace)
    page.show_tab("season")
    tab = page.season_tab
    assert tab.tree.topLevelItemCount() > len(tab.events)  # month headings + events
    estimated = [e for e in tab.events if e.estimated]
    assert estimated and "Estimated" in season_tab.tooltip(estimated[0])
    assert "Source:" in season_tab.tooltip(estimated[0])
    out = tmp_path / "season"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(out), ""))
    with qtbot.waitSignal(page.message, timeout=30_000,
                          check_params_cb=lambda text: text.startswith("Exported")):
        tab.export_button.click()  # written off the GUI thread
    calendar = icalendar.Calendar.from_ical((tmp_path / "season.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(tab.events)
    summaries = {str(e["SUMMARY"]) for e in events}
    assert any(s.endswith("(estimated)") for s in summaries)
    assert any(s.startswith("Deadline: Bayside") for s in summaries)


def test_calendar_lists_the_selected_days_events(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    page.show_tab("season")
    tab = page.season_tab
    from PySide6.QtCore import QDate

    tab.calendar.setSelectedDate(QDate(2026, 11, 1))
    texts = [tab.day_list.item(i).text() for i in range(tab.day_list.count())]
    assert any("Bayside" in t for t in texts)
    assert tab.calendar.dateTextFormat(QDate(2026, 11, 1)).fontWeight() > 400


def test_checklist_tick_persists_and_go_there_emits(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    page.show_tab("checklist")
    tab = page.checklist_tab
    done_before = tab.progress.value()
    assert tab.boxes["usmle-step1"].isChecked() and not tab.boxes["usmle-step1"].isEnabled()
    box = tab.boxes["world-directory"]
    assert box.isEnabled() and not box.isChecked()
    with qtbot.waitSignal(page.save_state_changed):
        box.setChecked(True)
    assert ranking_store.load_checklist_ticks(workspace.settings) == {"world-directory": True}
    assert tab.progress.value() == done_before + 1
    again = make_page(qtbot, workspace)
    again.show_tab("checklist")
    assert again.checklist_tab.boxes["world-directory"].isChecked()
    with qtbot.waitSignal(again.go_to_section) as signal:
        again.checklist_tab.go_buttons["statement-plain-text"].click()  # type: ignore[attr-defined]
    assert signal.args == ["exports"]


def test_letters_button_goes_to_letters(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, workspace)
    page.programs_tab.select(program_id(page, "Bayside"))
    with qtbot.waitSignal(page.go_to_section) as signal:
        page.programs_tab.detail.letters_button.click()
    assert signal.args == ["letters"]


def not_yet_interviewed(ws: Workspace) -> None:
    """The sample comes with interviews done; these tests start from none."""
    ws.conn.execute("DELETE FROM program_events WHERE status IN "
                    "('interviewed', 'ranked', 'matched')")
    ws.conn.execute("UPDATE interview_invitations SET impression = '{}'")
    ws.conn.execute("UPDATE programs SET status = 'applied' WHERE status IN "
                    "('interviewed', 'ranked', 'matched')")


def interviewed(ws: Workspace, count: int = 3) -> list[int]:
    not_yet_interviewed(ws)
    repo = ProgramRepository(ws.conn)
    ids = []
    for program in repo.list_programs()[:count]:
        # after every date in the sample, so the step becomes the program's status
        repo.add_event(program.id or 0, ProgramEvent("interviewed", dt.date(2027, 1, 20)))
        ids.append(program.id or 0)
    return ids


def test_rank_list_empty_until_interviews(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    not_yet_interviewed(workspace)
    page = make_page(qtbot, workspace)
    page.show_tab("rank")
    assert page.rank_tab.stack.currentWidget() is page.rank_tab.empty


def test_rank_drag_persists_and_exports(qtbot, workspace: Workspace, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        monkeypatch) -> None:
    ids = interviewed(workspace)
    page = make_page(qtbot, workspace)
    page.show_tab("rank")
    tab = page.rank_tab
    assert tab.stack.currentIndex() == 1
    first = tab.ratings.cellWidget(0, 0)
    first.setValue(5)  # culture 5 for the first program
    ratings = ranking_store.load_rank_sheet(workspace.settings).ratings
    assert [pid for pid in ids if ratings.get(pid, {}).get("culture") == 5] != []
    before = tab.final_ids()
    assert sorted(before) == sorted(ids)
    # What a drop does in an InternalMove list: move the row in the model.
    assert tab.final.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    expected = before[1:] + before[:1]
    qtbot.waitUntil(lambda: ranking_store.load_rank_sheet(workspace.settings).final_order
                    == expected)
    assert tab.final.item(0).text().startswith("1. ")
    out = tmp_path / "rank.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(out), ""))
    with qtbot.waitSignal(page.message, timeout=30_000,
                          check_params_cb=lambda text: text.startswith("Rank list exported")):
        tab.csv_button.click()
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    names = {p.id: p.display_name for p in page.data.programs}
    assert [r["Program"] for r in rows] == [names[i] for i in expected]
    again = make_page(qtbot, workspace)
    again.show_tab("rank")
    assert again.rank_tab.final_ids() == expected


def test_rank_pdf_export_runs_in_background(qtbot, workspace: Workspace, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch) -> None:
    import pypdf

    interviewed(workspace, 2)
    page = make_page(qtbot, workspace)
    page.show_tab("rank")
    out = tmp_path / "rank.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(out), ""))
    with qtbot.waitSignal(page.message, timeout=20_000,
                          check_params_cb=lambda m: "exported" in m):
        page.rank_tab.pdf_button.click()
    reader = pypdf.PdfReader(out)
    assert "applicant-proposing" in reader.pages[0].extract_text()
    keywords = str(reader.metadata.get("/Keywords", ""))
    assert "rank order list" in keywords and "interview practice" not in keywords
    page.shutdown()


def test_damaged_rank_sheet_is_reported_and_reset(qtbot, workspace: Workspace,  # type: ignore[no-untyped-def]
                                                  monkeypatch) -> None:
    interviewed(workspace, 2)
    workspace.settings.set(ranking_store.RANK_SHEET_KEY, {"weights": {"culture": 99}})
    shown: list[str] = []
    monkeypatch.setattr("workshop.ui.programs.common.QMessageBox.warning",
                        lambda _p, _t, text: shown.append(text))
    page = make_page(qtbot, workspace)
    page.show_tab("rank")
    assert "damaged" in shown[0]
    assert ranking_store.load_rank_sheet(workspace.settings).weights["culture"] == 1.0


def test_read_only_workspace_disables_editing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ro.workshop"
    init_workspace(path, sample=True).close()
    ws = open_workspace(path, read_only=True)
    try:
        page = make_page(qtbot, ws)
        assert not page.programs_tab.add_button.isEnabled()
        assert not page.import_tab.import_button.isEnabled()
        page.programs_tab.select(program_id(page, "Bayside"))
        assert page.programs_tab.detail.name.isReadOnly()
        assert not page.programs_tab.detail.min_step2.isEnabled()
        page.show_tab("checklist")
        assert not page.checklist_tab.boxes["world-directory"].isEnabled()
        assert page.write(lambda: None, "x") is False
    finally:
        ws.close()


def test_every_control_has_an_accessible_name(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    interviewed(workspace, 2)
    page = make_page(qtbot, workspace)
    page.programs_tab.select(program_id(page, "Bayside"))
    for key in ("season", "checklist", "rank", "programs"):
        page.show_tab(key)
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QListWidget, QAbstractSpinBox)
    missing = [f"{type(w).__name__} in {type(w.parent()).__name__}"
               for w in page.findChildren(QWidget)
               if isinstance(w, kinds) and not w.objectName().startswith("qt_")
               and not w.accessibleName() and not getattr(w, "text", lambda: "")()]
    assert missing == []


def test_rank_list_reorders_from_the_keyboard_and_shows_full_names(  # type: ignore[no-untyped-def]
        qtbot, workspace: Workspace) -> None:
    from PySide6.QtTest import QTest

    interviewed(workspace)
    page = make_page(qtbot, workspace)
    page.show_tab("rank")
    tab = page.rank_tab
    before = tab.final_ids()
    tab.final.setFocus()
    tab.final.setCurrentRow(0)
    QTest.keyClick(tab.final, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    swapped = [before[1], before[0], *before[2:]]
    qtbot.waitUntil(lambda: ranking_store.load_rank_sheet(workspace.settings).final_order
                    == swapped)
    assert tab.final.currentRow() == 1
    tab.move_up.click()  # and back with the button
    qtbot.waitUntil(lambda: ranking_store.load_rank_sheet(workspace.settings).final_order
                    == before)
    assert tab.move_up.isEnabled() and not tab.final.item(0).text().endswith("…")
    names = {p.id: p.display_name for p in page.data.programs}
    assert names[before[0]] in tab.final.item(0).toolTip()
    assert tab.final.wordWrap()
