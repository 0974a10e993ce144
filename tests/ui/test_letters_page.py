"""Letters page: writers and cases, requests with Letter IDs, status steps, read-only mode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import type_text
from workshop.core.app_settings import AppSettings
from workshop.core.letters.model import LetterRequest, LetterWriter, Status
from workshop.core.letters.requests_repo import RequestRepository
from workshop.core.letters.writers_repo import WriterRepository
from workshop.core.services import init_workspace
from workshop.core.storage.workspace import open_workspace
from workshop.ui.context import UiContext
from workshop.ui.letters.page import LettersPage
from workshop.ui.save_state import SaveState


def make_page(qtbot, path: Path, *, sample: bool) -> LettersPage:  # type: ignore[no-untyped-def]
    ws = init_workspace(path, sample=sample)
    page = LettersPage(UiContext(ws, AppSettings()))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


@pytest.fixture
def empty_page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    page = make_page(qtbot, tmp_path / "empty.workshop", sample=False)
    yield page
    page.shutdown()
    page.workspace.close()


@pytest.fixture
def sample_page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    page = make_page(qtbot, tmp_path / "sample.workshop", sample=True)
    yield page
    page.shutdown()
    page.workspace.close()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every QMessageBox.warning shown, by text; question() answers Yes."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def finish(edit) -> None:  # type: ignore[no-untyped-def]
    edit.editingFinished.emit()


def select_writer(page: LettersPage, name: str) -> LetterWriter:
    tab = page.writers_tab
    ids = [w.id for w in tab.writers if name in w.name]
    assert ids, name
    tab.reload(select=ids[0])
    writer = tab.current()
    assert writer is not None and name in writer.name
    return writer


def test_add_writer_with_native_name_and_case(qtbot, empty_page: LettersPage) -> None:  # type: ignore[no-untyped-def]
    page = empty_page
    tab = page.writers_tab
    assert tab.table.rowCount() == 0
    with qtbot.waitSignal(page.save_state_changed,
                          check_params_cb=lambda state, _d: state is SaveState.SAVED):
        assert tab.add_writer()
    form = tab.form
    name = form.edits["name"]
    name.clear()
    type_text(name, "Dr. Ananya Iyer")
    finish(name)
    native = form.edits["native_name"]
    type_text(native, "अनन्या अय्यर")
    finish(native)
    form.is_us.setChecked(True)
    form.worked_from.setText("Mar 2024")
    finish(form.worked_from)
    stored = WriterRepository(page.workspace.conn).all()
    assert len(stored) == 1
    assert stored[0].name == "Dr. Ananya Iyer"
    assert stored[0].native_name == "अनन्या अय्यर"
    assert stored[0].is_us and stored[0].worked_from is not None
    assert tab.table.item(0, 0).text() == "Dr. Ananya Iyer (अनन्या अय्यर)"
    assert tab.table.item(0, 4).text() == "U.S."

    # A bad e-mail is refused inline and not stored.
    email = form.edits["email"]
    email.setText("not an address")
    finish(email)
    assert not form.refusal.isHidden() and "e-mail" in form.refusal.text()
    assert WriterRepository(page.workspace.conn).all()[0].email == ""

    cases = tab.cases
    assert "de-identified" in cases.hint.text()
    cases.add_case()
    row = cases.table.rowCount() - 1
    cases.table.item(row, 0).setText("2024-03")  # a date but no summary yet: refused
    assert not cases.refusal.isHidden() and "summary" in cases.refusal.text()
    assert WriterRepository(page.workspace.conn).all()[0].cases == []
    cases.table.item(row, 1).setText("Man in his 60s with decompensated heart failure")
    cases.table.item(row, 2).setText("Took the history, drafted the admission note")
    stored_cases = WriterRepository(page.workspace.conn).all()[0].cases
    assert [c.summary for c in stored_cases] == ["Man in his 60s with decompensated heart "
                                                 "failure"]
    assert stored_cases[0].role.startswith("Took the history")
    assert cases.refusal.isHidden()
    # The details form saved after the cases must not wipe them (both edit one record).
    form.edits["phone"].setText("+1 555 0100")
    finish(form.edits["phone"])
    assert len(WriterRepository(page.workspace.conn).all()[0].cases) == 1
    # The gentle identifying-detail hint.
    cases.table.item(row, 1).setText("Mrs. Smith, 64, heart failure")
    assert not cases.warning.isHidden()


def test_request_letter_id_validated_and_reuse_refused(qtbot, sample_page: LettersPage,
                                                       warnings: list[str]) -> None:  # type: ignore[no-untyped-def]
    page = sample_page
    writer = select_writer(page, "Papadakis")
    panel = page.writers_tab.requests
    general = next(r for r in panel.requests if r.target_specialty == "General")
    panel.load(writer, select=general.id)
    form = panel.form
    assert "can never be viewed" in form.waiver_note.text()

    form.letter_id.setText("sample-0002-im")  # the Internal Medicine request already has it
    finish(form.letter_id)
    assert not form.letter_id_refusal.isHidden()
    assert "already used by request" in form.letter_id_refusal.text()
    assert "Each Letter ID is used once" in form.letter_id_refusal.text()
    assert RequestRepository(page.workspace.conn).get(general.id).letter_id == ""

    form.letter_id.setText("12")
    finish(form.letter_id)
    assert "is not a Letter ID" in form.letter_id_refusal.text()

    form.letter_id.setText("abcd-1234-ef")
    finish(form.letter_id)
    assert form.letter_id_refusal.isHidden()
    assert form.letter_id.text() == "ABCD1234EF"
    assert RequestRepository(page.workspace.conn).get(general.id).letter_id == "ABCD1234EF"

    form.waived_no.setChecked(True)
    form.chair.setChecked(True)
    form.due.setDate(form.due.date().addDays(3))
    assert form.flush()
    stored = RequestRepository(page.workspace.conn).get(general.id)
    assert not stored.waived and stored.department_chair
    assert stored.due == general.due + dt.timedelta(days=3)

    # A new request for the same writer.
    before = len(panel.requests)
    assert panel.add_request()
    assert len(panel.requests) == before + 1
    assert panel.current().status is Status.PLANNED
    form.letter_id.setText("ABCD1234EF")  # the ID just given to the General letter
    finish(form.letter_id)
    assert "already used by request" in form.letter_id_refusal.text()
    assert warnings == []


def test_status_steps_advance_and_refusals(qtbot, sample_page: LettersPage,
                                           warnings: list[str]) -> None:  # type: ignore[no-untyped-def]
    page = sample_page
    page.today = lambda: dt.date(2030, 1, 10)
    writer = select_writer(page, "Papadakis")
    panel = page.writers_tab.requests
    general = next(r for r in panel.requests if r.target_specialty == "General")
    panel.load(writer, select=general.id)
    pipeline = panel.pipeline
    assert pipeline.next_button.text() == "Mark as asked"
    for expected in (Status.ASKED, Status.AGREED, Status.PACKET_SENT):
        assert pipeline.advance_next()
        assert RequestRepository(page.workspace.conn).get(general.id).status is expected
    assert "2030" in pipeline.bar.chips[Status.ASKED].text()
    assert "✓" in pipeline.bar.chips[Status.AGREED].text()
    assert panel.picker.currentText().endswith("packet sent")
    # Uploaded needs a Letter ID: the core's refusal is shown, nothing is recorded.
    assert not pipeline.advance_next()
    assert warnings and "no ERAS Letter ID" in warnings[-1]
    assert RequestRepository(page.workspace.conn).get(general.id).status is Status.PACKET_SENT
    assert pipeline.decline()
    assert RequestRepository(page.workspace.conn).get(general.id).status is Status.DECLINED
    assert not pipeline.next_button.isEnabled()
    assert pipeline.bar.chips[Status.DECLINED].isVisibleTo(pipeline.bar)


def test_read_only_workspace_disables_editing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ro.workshop"
    init_workspace(path, sample=True).close()
    ws = open_workspace(path, read_only=True)
    page = LettersPage(UiContext(ws, AppSettings()))
    qtbot.addWidget(page)
    tab = page.writers_tab
    assert tab.writers and not tab.add_button.isEnabled()
    assert not tab.form.isEnabled()
    assert not tab.requests.form.isEnabled()
    assert not tab.requests.pipeline.next_button.isEnabled()
    assert not tab.cases.add_button.isEnabled()
    outcome = page.store.add_writer(LetterWriter(name="Dr. Nobody"))
    assert not outcome and "read-only" in outcome.error
    page.shutdown()
    ws.close()


def test_delete_writer_with_requests_asks_first(qtbot, sample_page: LettersPage,
                                                warnings: list[str]) -> None:  # type: ignore[no-untyped-def]
    page = sample_page
    select_writer(page, "Kovalenko")
    before = len(page.writers_tab.writers)
    assert page.writers_tab.delete_writer()
    assert len(page.writers_tab.writers) == before - 1
    assert all("Kovalenko" not in w.name for w in WriterRepository(page.workspace.conn).all())


def test_every_control_has_an_accessible_name(sample_page: LettersPage) -> None:
    from tests.ui.test_main_window import interactive_widgets

    for index in range(sample_page.tabs.count()):
        sample_page.tabs.setCurrentIndex(index)
    missing = [f"{type(w).__name__} {w.objectName()}" for w in interactive_widgets(sample_page)
               if not w.accessibleName() and not getattr(w, "text", lambda: "")()]
    assert missing == []


def test_request_repository_seeded_for_dashboard_exists(sample_page: LettersPage) -> None:
    """The sample carries five requests, one declined: the matrix and lists rely on them."""
    requests = RequestRepository(sample_page.workspace.conn).all()
    assert len(requests) == 5
    assert sum(r.status is Status.DECLINED for r in requests) == 1
    assert isinstance(requests[0], LetterRequest)


def test_a_new_request_updates_the_writers_count_at_once(qtbot, sample_page: LettersPage,  # type: ignore[no-untyped-def]
                                                        warnings: list[str]) -> None:
    from workshop.core.changes import Changes
    from workshop.ui.letters.writers_tab import REQUESTS_COLUMN

    page = sample_page
    writer = select_writer(page, "Papadakis")
    tab = page.writers_tab
    row = [w.id for w in tab.writers].index(writer.id)
    before = int(tab.table.item(row, REQUESTS_COLUMN).text())
    with qtbot.waitSignal(page.changed, timeout=2000) as announced:
        assert tab.requests.add_request()
    assert announced.args[0] == Changes(letters=True), "other sections hear about it"
    assert tab.table.item(row, REQUESTS_COLUMN).text() == str(before + 1)
    assert tab.current_id() == writer.id, "the selection stays"


def test_packet_state_has_one_truth(qtbot, sample_page: LettersPage,  # type: ignore[no-untyped-def]
                                    warnings: list[str]) -> None:
    """"Packet sent" in the pipeline and the packet table never contradict each other."""
    page = sample_page
    writer = select_writer(page, "Papadakis")
    panel = page.writers_tab.requests
    general = next(r for r in panel.requests if r.target_specialty == "General")
    panel.load(writer, select=general.id)
    history = panel.packet.history
    assert "No packet built for this request yet" in history.item(0, 0).text()
    for _ in range(3):  # asked, agreed, packet sent (marked by hand, nothing built here)
        assert panel.pipeline.advance_next()
    assert panel.current().status is Status.PACKET_SENT
    text = history.item(0, 0).text()
    assert text == "Marked “packet sent”, but no packet was built here."
    assert "Build the packet here" in history.item(0, 0).toolTip()


def test_flagged_case_blocks_the_packet_until_confirmed(qtbot, sample_page: LettersPage,
                                                        tmp_path: Path,
                                                        warnings: list[str]) -> None:  # type: ignore[no-untyped-def]
    page = sample_page
    select_writer(page, "Iyer")
    cases = page.writers_tab.cases
    row = cases.table.rowCount() - 1
    cases.table.item(row, 1).setText("Mr. John Smith, 67, MRN 4471920, heart failure")
    assert "MRN 4471920" in cases.warning.text() and "(record number)" in cases.warning.text()
    assert cases.confirm_button.isVisibleTo(cases)
    packet = page.writers_tab.requests.packet
    packet.build(tmp_path / "p.pdf")
    assert warnings and "may identify a patient" in warnings[-1]
    assert not (tmp_path / "p.pdf").exists()
    cases.table.setCurrentCell(row, 1)
    cases.confirm_selected()
    assert "you confirmed" in cases.warning.text()
    assert not cases.confirm_button.isVisibleTo(cases)
    stored = WriterRepository(page.workspace.conn).all()
    iyer = next(w for w in stored if "Iyer" in w.name)
    assert iyer.cases[row].deidentified_confirmed
    # An edit re-opens the gate.
    cases.table.item(row, 1).setText("Mr. John Smith, 68, MRN 4471920, heart failure")
    assert cases.confirm_button.isVisibleTo(cases)


def test_salutation_is_derived_shown_and_follows_the_name_order(
        qtbot, empty_page: LettersPage) -> None:  # type: ignore[no-untyped-def]
    page = empty_page
    stored = WriterRepository(page.workspace.conn).add(LetterWriter(name="Dr. Zhang Wei"))
    page.writers_tab.reload(select=stored.id)
    form = page.writers_tab.form
    assert "Dear Dr. Wei," in form.salutation_shown.text()  # no country yet: given name first
    form.edits["country"].setText("China")
    finish(form.edits["country"])
    assert "Dear Dr. Zhang," in form.salutation_shown.text()
    assert form.edits["salutation"].placeholderText() == "Dear Dr. Zhang"
    index = form.name_order.findData("given_first")
    form.name_order.setCurrentIndex(index)
    form.name_order.activated.emit(index)
    assert "Dear Dr. Wei," in form.salutation_shown.text()
    saved = WriterRepository(page.workspace.conn).get(stored.id or 0)
    assert saved.name_order.value == "given_first"
    form.edits["salutation"].setText("Professor Zhang")
    finish(form.edits["salutation"])
    assert "Dear Professor Zhang," in form.salutation_shown.text()
    assert "derived" in form.salutation_shown.text()


def test_new_request_defaults_to_the_applicants_specialty(qtbot, empty_page: LettersPage) -> None:  # type: ignore[no-untyped-def]
    page = empty_page
    page.workspace.profile.update(target_specialty="Pediatrics")
    stored = WriterRepository(page.workspace.conn).add(LetterWriter(
        name="Dr. Ana Silva", specialty="Cardiology"))
    page.writers_tab.reload(select=stored.id)
    assert page.writers_tab.requests.add_request()
    made = RequestRepository(page.workspace.conn).all(writer_id=stored.id)
    assert [r.target_specialty for r in made] == ["Pediatrics"]
    assert page.writers_tab.detail.tabText(0) == "Letter requests (1)"  # the count follows
