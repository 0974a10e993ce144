"""The Interviews section: times in two zones, conflicts, the pipeline, policy-aware letters,
the log, impressions, .ics import/export (dialogs patched), SOAP, and bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from tests.ui.conftest import type_text
from workshop.core.app_settings import AppSettings
from workshop.core.interviews import in_workspace as service
from workshop.core.programs.repository import ProgramRepository
from workshop.core.services import init_workspace
from workshop.ui.context import UiContext
from workshop.ui.interviews.dialogs import ImportDialog
from workshop.ui.interviews.page import InterviewsPage

TODAY = dt.date(2026, 12, 2)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "interviews"


@pytest.fixture
def page(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[InterviewsPage]:  # type: ignore[no-untyped-def]
    import workshop.core.sample as sample

    real = sample.load_sample
    monkeypatch.setattr("workshop.core.services.load_sample", lambda ws: real(ws, today=TODAY))
    ws = init_workspace(tmp_path / "s.workshop", sample=True)
    widget = InterviewsPage(UiContext(ws, AppSettings()), today=lambda: TODAY,
                            now=lambda: dt.datetime(2026, 12, 2, 15, tzinfo=dt.UTC))
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    yield widget
    widget.shutdown()
    widget.context.operations.wait()
    ws.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    return shown


def select(page: InterviewsPage, part: str) -> None:
    for row in range(page.table.rowCount()):
        if part in page.table.item(row, 0).text():
            page.table.selectRow(row)
            return
    raise AssertionError(part)


def test_list_shows_your_time_and_conflicts(page: InterviewsPage) -> None:
    select(page, "Riverside")
    assert page.table.item(page.table.currentRow(), 2).text() == "Wed Dec 9, 11:00 AM–3:00 PM CST"
    assert "9:00 AM" in page.table.item(page.table.currentRow(), 2).toolTip()
    page.detail_tabs.setCurrentIndex(1)
    assert page.dates.table.item(0, 1).text() == "Wed Dec 9, 9:00 AM–1:00 PM PST"
    assert page.dates.table.item(0, 2).text() == "11:00 AM–3:00 PM CST"
    assert "Two interviews on 2026-12-09" in page.conflicts.text()


def test_overlap_in_different_zones_is_reported(page: InterviewsPage, warnings: list[str]) -> None:
    select(page, "Summit Valley")  # offers Dec 14, 8:00-12:00 Denver = 9:00-13:00 Chicago
    page.dates.table.selectRow(0)
    page.dates.choose_selected()
    page.details.next_status.setCurrentIndex(page.details.next_status.findData("scheduled"))
    page.details.record_status()
    select(page, "Bayside")  # add a Dec 14 10:00-12:00 New York date: 9:00-11:00 Chicago
    page.dates.day.setText("2026-12-14")
    page.dates.start.setText("10:00")
    page.dates.end.setText("12:00")
    page.dates.zone.setCurrentText("America/New_York")
    page.dates.add_slot()
    page.dates.table.selectRow(1)
    page.dates.choose_selected()
    assert warnings == []
    assert "overlap" in page.conflicts.text() and "⛔" in page.conflicts.text()


def test_completing_adds_the_programs_interviewed_event(page: InterviewsPage) -> None:
    select(page, "Riverside")
    program_id = page.selected_program_id()
    assert program_id is not None
    page.details.next_status.setCurrentIndex(page.details.next_status.findData("completed"))
    page.details.status_date.setText("2026-12-09")
    page.details.record_status()
    program = ProgramRepository(page.workspace.conn).get(program_id)
    assert program.status == "interviewed"
    assert page.table.item(page.table.currentRow(), 1).text().startswith("Completed")
    assert page.letters.kind.currentData() == "thank-you"


def test_no_thank_you_program_offers_no_template_and_says_why(page: InterviewsPage) -> None:
    select(page, "Pinecrest")
    page.details.next_status.setCurrentIndex(page.details.next_status.findData("completed"))
    page.details.record_status()
    page.detail_tabs.setCurrentIndex(3)
    page.letters.kind.setCurrentIndex(page.letters.kind.findData("thank-you"))
    assert page.letters.reason.isVisible()
    assert "asks for no thank-you notes" in page.letters.reason.text()
    assert not page.letters.text.isVisible() and not page.letters.use_template.isVisible()
    select(page, "Lakeview")
    page.letters.kind.setCurrentIndex(page.letters.kind.findData("thank-you"))
    assert not page.letters.reason.isVisible() and page.letters.text.isVisible()


def test_commitment_wording_is_flagged_while_typing(page: InterviewsPage) -> None:
    select(page, "Lakeview")
    page.detail_tabs.setCurrentIndex(3)
    page.letters.kind.setCurrentIndex(page.letters.kind.findData("update-letter"))
    page.letters.text.clear()
    type_text(page.letters.text, "Will you rank me highly? — Yasmín")
    assert page.letters.check.isVisible() and "NRMP" in page.letters.check.text()
    page.letters.save_text()
    stored = service.repository(page.workspace).for_program(page.selected_program_id() or 0)
    assert stored is not None and stored.update_letter_text.endswith("Yasmín")


def test_bad_dates_and_zones_get_a_message_and_keep_data(page: InterviewsPage,
                                                         warnings: list[str]) -> None:
    select(page, "Summit Valley")
    before = service.repository(page.workspace).for_program(page.selected_program_id() or 0)
    page.details.respond_by.setText("Dec 4th")
    page.details.save_details()
    assert "is not a date" in warnings[-1] and "YYYY-MM-DD" in warnings[-1]
    page.details.respond_by.setText("2026-12-04")
    page.details.zone.setCurrentText("America/Chicgo")
    page.details.save_details()
    assert "unknown time zone" in warnings[-1]
    page.dates.day.setText("2026-12-20")
    page.dates.start.setText("25:00")
    page.dates.add_slot()
    assert "not a time of day" in warnings[-1]
    after = service.repository(page.workspace).for_program(page.selected_program_id() or 0)
    assert after == before
    assert page.details.invitation == before  # the form's copy was refused, not the loaded one
    page.zone.setCurrentText("Chicago")
    page.apply_zone()
    assert "unknown time zone" in warnings[-1]
    assert service.applicant_zone(page.workspace) == "America/Chicago"


def test_log_and_impressions(page: InterviewsPage) -> None:
    select(page, "Harborview")
    page.log.subject.setText("Asked to stay on the waitlist")
    page.log.add_message()
    assert page.log.table.item(page.log.table.rowCount() - 1, 4).text() == (
        "Asked to stay on the waitlist")
    page.impressions.ratings["culture"].setValue(4)
    page.impressions.overall.setValue(3)
    page.impressions.save_impression()
    from workshop.core.interviews.impressions import impressions

    found = impressions(page.workspace)[page.selected_program_id() or 0]
    assert found.ratings == {"culture": 4} and found.overall == 3
    assert page.table.item(page.table.currentRow(), 1).text() == "Waitlisted · ★3"


def test_ics_import_shows_the_match_and_asks(page: InterviewsPage, qtbot,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(
        lambda *a, **k: (str(FIXTURES / "thalamus_riverside.ics"), "")))
    seen: list[str] = []

    def accept(dialog: ImportDialog) -> int:
        seen.append(dialog.match.text())
        seen.append(dialog.preview.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", accept)
    page.import_ics()
    qtbot.waitUntil(lambda: not page._busy and bool(seen), timeout=5000)
    assert "Riverside" in seen[0] and "NRMP code 9990140C0" in seen[0]
    assert "11:00 AM–3:00 PM CST for you" in seen[1]
    select(page, "Riverside")
    chosen = next(s for s in service.repository(page.workspace).for_program(
        page.selected_program_id() or 0).slots if s.chosen)  # type: ignore[union-attr]
    assert chosen.day == dt.date(2026, 12, 16)


def test_broken_ics_says_so_and_saves_nothing(page: InterviewsPage, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch,
                                              warnings: list[str]) -> None:
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261299T090000\n", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(broken), "")))
    before = service.repository(page.workspace).all()
    page.import_ics()
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert "broken.ics" in warnings[0] and "Nothing was saved" in warnings[0]
    assert service.repository(page.workspace).all() == before


def test_ics_export_has_valarm_and_tzid(page: InterviewsPage, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "mine.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    page.export_ics()
    qtbot.waitUntil(lambda: out.exists() and not page._busy, timeout=5000)
    text = out.read_text("utf-8")
    assert "BEGIN:VALARM" in text and "DTSTART;TZID=America/Los_Angeles:20261209T090000" in text


def test_soap_tab_counts_and_saves(page: InterviewsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentWidget(page.soap_tab)
    soap = page.soap_tab
    assert soap.timeline.rowCount() == 5
    assert any("SOAP rounds" in soap.timeline.item(r, 1).text() for r in range(5))
    assert soap.counter.text() == "No statement for this track yet."
    soap.track.setCurrentIndex(soap.track.findData("transitional"))
    soap.create_statement(False)
    assert soap.editor.isEnabled()
    type_text(soap.editor, "Transitional year — ready on July 1.")
    assert soap.counter.text().startswith("36 / 28,000 characters")
    assert page.flush()
    titles = {d.title: d.body for d in page.workspace.documents.list()}
    assert titles["SOAP — Transitional year"] == "Transitional year — ready on July 1."
    # It describes the drill Interview practice runs: the bank's SOAP questions and their
    # limits, as the practice setup says ("rapid answers of 30-45 seconds").
    text = soap.preset.text()
    assert "You have 30 seconds: tell me about yourself. (30 s)" in text
    assert "30–40 s" in text and "60 s" not in text


def test_read_only_page_disables_editing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from workshop.core.storage.workspace import open_workspace

    path = tmp_path / "r.workshop"
    init_workspace(path, sample=True).close()
    ws = open_workspace(path, read_only=True)
    widget = InterviewsPage(UiContext(ws, AppSettings()), today=lambda: TODAY)
    qtbot.addWidget(widget)
    assert not widget.add_button.isEnabled() and widget.read_only_note.isVisibleTo(widget)
    assert widget.write(lambda: None, "x") is None
    widget.shutdown()
    ws.close()


def test_every_control_has_an_accessible_name(page: InterviewsPage) -> None:
    from PySide6.QtWidgets import QComboBox, QTableWidget, QTabWidget, QWidget

    from tests.ui.test_main_window import interactive_widgets
    from workshop.ui.interviews.dialogs import AddInvitationDialog

    view = page.view
    assert view is not None
    programs = [r.program for r in view.rows]
    from workshop.core.interviews.ics_read import read_ics

    proposal = service.ImportProposal(read_ics(FIXTURES / "mixed_forms.ics")[1], [])
    roots: list[QWidget] = [page, AddInvitationDialog(programs, TODAY, page),
                            ImportDialog(proposal, programs, "America/Chicago", page)]
    extra = (QComboBox, QTableWidget, QTabWidget)
    missing = [f"{type(w).__name__} in {type(root).__name__}"
               for root in roots
               for w in [*interactive_widgets(root),
                         *(x for x in root.findChildren(QWidget) if isinstance(x, extra))]
               if not w.accessibleName() and not getattr(w, "text", lambda: "")()]
    assert missing == []


def test_import_dialog_asks_for_a_zone_when_the_file_gives_none(page: InterviewsPage) -> None:
    from workshop.core.interviews.ics_read import read_ics

    floating = read_ics(FIXTURES / "mixed_forms.ics")[1]
    view = page.view
    assert view is not None
    programs = [r.program for r in view.rows]
    dialog = ImportDialog(service.ImportProposal(floating, []), programs, "America/Chicago",
                          page)
    assert dialog.zone.isEnabled() and "No program matched" in dialog.match.text()
    dialog.zone.setCurrentText("America/Denver")
    assert "8:00 AM MST" in dialog.preview.text() and "9:00 AM CST for you" in dialog.preview.text()
    dialog.zone.setCurrentText("Denver")
    assert "unknown time zone" in dialog.preview.text()


def test_cancelling_shows_the_notice_rule_and_the_countdown(page: InterviewsPage) -> None:
    select(page, "Riverside")
    assert page.details.when.text().endswith("= 11:00 AM–3:00 PM CST for you — in 7 days")
    page.details.next_status.setCurrentIndex(page.details.next_status.findData("cancelled"))
    assert "two weeks" in page.details.status_hint.text()
    assert page.details.status_hint.isVisibleTo(page)
    page.detail_tabs.setCurrentIndex(3)
    assert page.letters.kind.currentData() == "cancellation"
    assert "7 days' notice, less than the two weeks" in page.letters.notes.text()


def test_a_long_note_opens_at_its_start(page: InterviewsPage) -> None:
    """A line too long for its field shows its first words, not its last (Qt's default)."""
    for row in range(page.table.rowCount()):
        select(page, page.table.item(row, 0).text())
        for edit in (page.details.platform_note, page.details.location,
                     page.details.policy_note):
            assert edit.cursorPosition() == 0, (edit.accessibleName(), edit.text())
    select(page, "Lakeview")
    assert len(page.details.policy_note.text()) > 60  # longer than its field: the case at hand
