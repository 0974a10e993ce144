"""Letters page flows: the due dashboard with an injected clock, the 4-letter cap in the
assignment matrix, a writer packet built off the GUI thread, and the reviewer round-trip."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.core.review.docx_builder import plain_docx, reviewed_docx
from workshop.core.app_settings import AppSettings
from workshop.core.letters.assignments_repo import AssignmentRepository
from workshop.core.letters.model import LetterEvent, LetterRequest, LetterWriter, Status
from workshop.core.letters.requests_repo import RequestRepository
from workshop.core.letters.writers_repo import WriterRepository
from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace
from workshop.ui.context import UiContext
from workshop.ui.letters.page import LettersPage

PACKET_TIMEOUT = 30_000
DAY = dt.date(2026, 9, 10)


@pytest.fixture
def page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "flows.workshop", sample=True)
    widget = LettersPage(UiContext(ws, AppSettings()))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget
    widget.shutdown()
    ws.close()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:  # type: ignore[type-arg]
    seen: dict[str, list] = {"warning": [], "information": [], "urls": []}  # type: ignore[type-arg]
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _t, text, *a: seen["warning"].append(text))
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _t, text, *a: seen["information"].append(text))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: seen["urls"].append(url.toString()) or True)
    return seen


def _add_dashboard_data(page: LettersPage) -> dict[str, int]:
    """One writer with requests overdue, due tomorrow, due in 5 days (planned), and later."""
    conn = page.workspace.conn
    writer = WriterRepository(conn).add(LetterWriter(
        name="Dr. Maria Rossi", email="m.rossi@example.org", is_us=True,
        institution="Clinic (fictional)"))
    repo = RequestRepository(conn)
    asked = [LetterEvent(Status.PLANNED, DAY - dt.timedelta(days=40)),
             LetterEvent(Status.ASKED, DAY - dt.timedelta(days=30))]
    ids = {}
    for key, days, events, letter_id in (("overdue", -3, asked, "ROSSI00001"),
                                         ("due_1", 1, asked, "ROSSI00002"),
                                         ("due_7", 5, [], ""), ("later", 30, asked, "")):
        request = repo.add(LetterRequest(writer_id=writer.id or 0, letter_id=letter_id,
                                         target_specialty="Pediatrics",
                                         due=DAY + dt.timedelta(days=days), events=events),
                           planned_on=DAY - dt.timedelta(days=40))
        ids[key] = request.id or 0
    return ids


def test_due_dashboard_uses_the_injected_today(qtbot, page: LettersPage,
                                               dialogs: dict[str, list]) -> None:  # type: ignore[type-arg,no-untyped-def]
    ids = _add_dashboard_data(page)
    page.today = lambda: DAY
    page.refresh_due()
    mine = [c for c in page.due_tab.cards if c.item.writer.name == "Dr. Maria Rossi"]
    by_request = {c.item.request.id: c for c in mine}
    assert set(by_request) == {ids["overdue"], ids["due_1"], ids["due_7"]}
    assert by_request[ids["overdue"]].item.bucket == "overdue"
    assert "overdue by 3 days" in by_request[ids["overdue"]].heading.text()
    assert by_request[ids["due_1"]].item.bucket == "due_1"
    assert "due tomorrow" in by_request[ids["due_1"]].heading.text()
    planned = by_request[ids["due_7"]]
    assert planned.item.action == "ask" and planned.text is None
    cards = list(page.due_tab.cards)
    page.refresh_due()  # shown again, nothing changed: the same cards, not rebuilt ones
    assert all(a is b for a, b in zip(page.due_tab.cards, cards, strict=True))
    page.today = lambda: DAY + dt.timedelta(days=1)
    page.refresh_due()  # another day: the buckets move, so the cards are rebuilt
    assert not any(a is b for a, b in zip(page.due_tab.cards, cards, strict=False))
    page.today = lambda: DAY
    page.refresh_due()
    mine = [c for c in page.due_tab.cards if c.item.writer.name == "Dr. Maria Rossi"]
    by_request = {c.item.request.id: c for c in mine}
    banner = page.banner.label.text()
    assert "<b>1</b> overdue" in banner and "<b>1</b> due within 1 day" in banner
    assert "never sends e-mail" in page.due_tab.note.text()

    card = by_request[ids["due_1"]]
    # Asked, not yet answered: the card's text follows up (it never thanks for agreeing).
    assert card.text is not None and "would you be willing" in card.text.toPlainText()
    assert "agreed" not in card.text.toPlainText()
    card.copy_button.click()
    assert "Subject: Following up" in QGuiApplication.clipboard().text()
    card.mail_button.click()
    assert dialogs["urls"] and dialogs["urls"][-1].startswith("mailto:m.rossi@example.org?")

    # Another day, another dashboard: a month later only the "later" request is overdue... and
    # the three earlier ones too, but none is "due within 7 days" any more.
    page.today = lambda: DAY + dt.timedelta(days=31)
    page.refresh_due()
    buckets = {c.item.request.id: c.item.bucket for c in page.due_tab.cards
               if c.item.writer.name == "Dr. Maria Rossi"}
    assert buckets[ids["later"]] == "overdue"
    assert "due_7" not in buckets.values()


def test_fifth_letter_is_refused_and_the_box_unticked(qtbot, page: LettersPage,
                                                      dialogs: dict[str, list]) -> None:  # type: ignore[type-arg,no-untyped-def]
    conn = page.workspace.conn
    iyer = WriterRepository(conn).find("Iyer")
    RequestRepository(conn).add(LetterRequest(writer_id=iyer.id or 0,
                                              target_specialty="General"),
                                planned_on=dt.date.today())
    page.show_tab("assignments")
    tab = page.assignments_tab
    tab.reload()
    program = tab.programs[0]
    open_requests = [r for r in tab.requests if r.status is not Status.DECLINED]
    assert len(open_requests) == 5
    for request in open_requests[:4]:
        tab.cell(program.id, request.id).setCheckState(Qt.CheckState.Checked)
    assert len(AssignmentRepository(conn).for_program(program.id)) == 4
    assert dialogs["warning"] == []
    fifth = tab.cell(program.id, open_requests[4].id)
    fifth.setCheckState(Qt.CheckState.Checked)
    assert dialogs["warning"] and "at most 4 letters per program" in dialogs["warning"][-1]
    assert fifth.checkState() == Qt.CheckState.Unchecked
    assert len(AssignmentRepository(conn).for_program(program.id)) == 4
    # Three U.S. letters and two in Internal Medicine: nothing left to warn about there.
    blocks = [tab.findings.item(i).text() for i in range(tab.findings.count())]
    assert blocks and not any(b.startswith(program.name + "\n") for b in blocks)
    tab.cell(program.id, open_requests[0].id).setCheckState(Qt.CheckState.Unchecked)
    assert len(AssignmentRepository(conn).for_program(program.id)) == 3
    # A declined letter cannot be ticked.
    declined = next(r for r in tab.requests if r.status is Status.DECLINED)
    assert not tab.cell(program.id, declined.id).flags() & Qt.ItemFlag.ItemIsEnabled


def test_build_packet_pdf_off_the_gui_thread(qtbot, page: LettersPage, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             dialogs: dict[str, list]) -> None:  # type: ignore[type-arg,no-untyped-def]
    tab = page.writers_tab
    writer = WriterRepository(page.workspace.conn).find("Papadakis")
    tab.reload(select=writer.id)
    panel = tab.requests
    im = next(r for r in panel.requests if r.letter_id == "SAMPLE0002IM")
    panel.load(tab.current(), select=im.id)
    target = tmp_path / "packet"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "PDF packet, bookmarked (*.pdf)"))
    packet = panel.packet
    with qtbot.waitSignal(packet.built, timeout=PACKET_TIMEOUT) as blocker:
        packet.build_dialog()
        assert packet.busy and not packet.build_button.isEnabled()
        assert not page.ready_for_screenshot
    written = Path(blocker.args[0])
    assert written.suffix == ".pdf" and written.exists()
    reader = PdfReader(io.BytesIO(written.read_bytes()))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "SAMPLE0002IM" in text
    assert not packet.busy and packet.build_button.isEnabled()
    assert packet.history.rowCount() == 1
    assert "statement" in packet.history.item(0, 1).text().lower()
    assert written.name in packet.history.item(0, 3).text()
    assert dialogs["warning"] == []


def test_packet_failure_is_shown(qtbot, page: LettersPage, tmp_path: Path,
                                 dialogs: dict[str, list]) -> None:  # type: ignore[type-arg,no-untyped-def]
    for doc in page.workspace.documents.list(DocumentKind.PERSONAL_STATEMENT):
        page.workspace.documents.delete(doc.id)
    packet = page.writers_tab.requests.packet
    packet.build(tmp_path / "p.pdf")
    qtbot.waitUntil(lambda: not packet.busy, timeout=PACKET_TIMEOUT)
    assert dialogs["warning"] and "personal statement" in dialogs["warning"][-1]


def _statement(page: LettersPage):  # type: ignore[no-untyped-def]
    docs = page.workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)
    tab = page.review_tab
    tab.reload()
    tab.statement.setCurrentIndex(tab.statement.findData(docs[0].id))
    return docs[0]


def test_review_round_trip_applies_an_accepted_change(qtbot, page: LettersPage, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      dialogs: dict[str, list]) -> None:  # type: ignore[type-arg,no-untyped-def]
    doc = _statement(page)
    paragraphs = doc.body.split("\n\n")
    first = paragraphs[0]
    assert "bus driver" in first
    before, after = first.split("bus driver", 1)
    segments = [[("text", before), ("del", "bus driver"), ("ins", "taxi driver"),
                 ("text", after)]]
    second = paragraphs[1]
    segments.append([("comment", second[:40], "Lovely detail; keep it."),
                     ("text", second[40:])])
    segments += [[("text", p)] for p in paragraphs[2:]]
    reviewed = tmp_path / "reviewed by Iyer.docx"
    reviewed.write_bytes(reviewed_docx(segments))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(reviewed), ""))
    tab = page.review_tab
    tab.import_dialog()
    assert dialogs["warning"] == []
    assert tab.review is not None
    texts = [tab.items.item(i).text() for i in range(tab.items.count())]
    assert any("Lovely detail" in t for t in texts)
    assert any("bus driver" in t and "taxi driver" in t for t in texts)
    changes = tab.change_entries()
    assert len(changes) == 1
    tab.items.setCurrentItem(changes[0])
    assert "taxi driver" in tab.detail.text()
    changes[0].setCheckState(Qt.CheckState.Checked)
    said: list[str] = []
    tab.message.connect(said.append)
    with qtbot.waitSignal(page.document_changed) as blocker:
        assert tab.apply()
    assert blocker.args == [doc.id]
    body = page.workspace.documents.get(doc.id).body
    assert "taxi driver" in body and "bus driver" not in body
    versions = page.workspace.documents.versions(doc.id)
    assert versions[0].name == "Before review from reviewed by Iyer.docx"
    assert "bus driver" in page.workspace.documents.version(versions[0].id).body
    assert tab.change_entries() == []  # applied: nothing left to accept
    summary = tab.summary.text()
    assert "1 change accepted, 1 comment" in summary, summary
    assert said and said[-1].startswith("1 change accepted and written into"), said
    assert "could not be placed" not in summary and "lost" not in summary
    assert dialogs["information"] == []


def test_review_refusals_are_shown(qtbot, page: LettersPage, tmp_path: Path,
                                   dialogs: dict[str, list]) -> None:  # type: ignore[type-arg,no-untyped-def]
    _statement(page)
    tab = page.review_tab
    text_file = tmp_path / "notes.docx"
    text_file.write_text("just some text", "utf-8")
    assert not tab.import_file(text_file)
    assert "not a .docx" in dialogs["warning"][-1]
    plain = tmp_path / "plain.docx"
    plain.write_bytes(plain_docx(["No comments here."]))
    assert not tab.import_file(plain)
    assert "no comments" in dialogs["warning"][-1]
    other = tmp_path / "other.docx"
    other.write_bytes(reviewed_docx([[("text", "Surgery has fascinated me since I watched my "
                                       "grandfather recover from a hip operation in a small "
                                       "town hospital near the sea. "),
                                      ("ins", "Truly.")]]))
    assert not tab.import_file(other)
    assert "another statement" in dialogs["warning"][-1]
    assert tab.review is None


def test_export_for_review_writes_docx(qtbot, page: LettersPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                       dialogs: dict[str, list]) -> None:  # type: ignore[type-arg]
    _statement(page)
    with qtbot.waitSignal(page.review_tab.exported, timeout=30_000) as done:
        assert page.review_tab.export_to(tmp_path / "for review") is not None
    written = done.args[0]
    assert written.suffix == ".docx" and written.exists()
    assert written.read_bytes()[:2] == b"PK"


def test_no_mail_program_copies_the_text_and_says_so(qtbot, page: LettersPage,
                                                     dialogs: dict[str, list],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[type-arg,no-untyped-def]
    ids = _add_dashboard_data(page)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    page.today = lambda: DAY
    page.refresh_due()
    card = next(c for c in page.due_tab.cards if c.item.request.id == ids["due_1"])
    QGuiApplication.clipboard().setText("")
    assert card.open_mail() is False
    assert dialogs["information"] and "copied" in dialogs["information"][-1]
    assert "m.rossi@example.org" in dialogs["information"][-1]
    assert QGuiApplication.clipboard().text().startswith("Subject: Following up")
    assert not dialogs["warning"]


def test_packet_panel_e_mail_follows_the_status(qtbot, page: LettersPage,
                                                dialogs: dict[str, list],
                                                monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[type-arg,no-untyped-def]
    ids = _add_dashboard_data(page)
    tab = page.writers_tab
    writer_id = next(w.id for w in WriterRepository(page.workspace.conn).all()
                     if "Rossi" in w.name)
    tab.reload(select=writer_id)
    panel = tab.requests
    planned = panel.store.request(ids["due_7"])
    panel.packet.load(tab.current(), planned)
    assert "ask whether they will write" in panel.packet.email_purpose.text()
    panel.packet.copy_request_email()
    text = QGuiApplication.clipboard().text()
    assert "would be willing" in text and "agreeing" not in text
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    panel.packet.open_request_email()
    assert dialogs["information"] and "copied" in dialogs["information"][-1]
