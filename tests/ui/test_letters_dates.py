"""Letters date fields: typing works from the empty state, the calendar opens on today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from workshop.ui.letters.dates import DateField

TODAY = dt.date(2026, 12, 2)


def _field(qtbot, optional: bool = True) -> DateField:  # type: ignore[no-untyped-def]
    field = DateField(lambda: TODAY, "No due date" if optional else "")
    qtbot.addWidget(field)
    field.show()
    return field


def _focus(field: DateField, kind: QEvent.Type = QEvent.Type.FocusIn) -> None:
    QApplication.sendEvent(field, QFocusEvent(kind, Qt.FocusReason.TabFocusReason))


def test_empty_field_shows_the_text_and_has_no_value(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = _field(qtbot)
    assert field.text() == "No due date" and field.value() is None
    calendar = field.calendarWidget()
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 12)


def test_typing_into_the_empty_field_gives_the_typed_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = _field(qtbot)
    edits: list[None] = []
    field.edited.connect(lambda: edits.append(None))
    _focus(field)
    assert field.text() == "2026-12-02"  # starts from today, ready for typing
    assert field.value() is None  # …but nothing chosen yet
    qtbot.keyClicks(field, "2027-01-15")  # the year section is selected; "-" moves on
    assert field.value() == dt.date(2027, 1, 15), field.text()
    field.setSelectedSection(DateField.Section.YearSection)
    qtbot.keyClicks(field, "2026-12-15")
    assert field.value() == dt.date(2026, 12, 15), field.text()
    assert "No due date" not in field.text()
    assert edits


def test_calendar_opens_on_today(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = _field(qtbot)
    field.calendarWidget().setCurrentPage(2000, 1)
    _focus(field)  # clicking the calendar button focuses the field first
    calendar = field.calendarWidget()
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 12)
    assert calendar.selectedDate() == QDate(2026, 12, 2)


def test_looking_without_choosing_leaves_it_empty(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = _field(qtbot)
    _focus(field)
    _focus(field, QEvent.Type.FocusOut)
    assert field.value() is None and field.text() == "No due date"


def test_delete_empties_and_set_value_round_trips(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = _field(qtbot)
    field.set_value(dt.date(2026, 8, 15))
    assert field.value() == dt.date(2026, 8, 15) and field.text() == "2026-08-15"
    field.lineEdit().selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None and field.text() == "No due date"


def test_required_field_starts_on_today(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = _field(qtbot, optional=False)
    assert field.value() == TODAY


def test_request_due_date_typed_from_empty_is_saved(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_letters_page import make_page, select_writer
    from workshop.core.letters.requests_repo import RequestRepository

    page = make_page(qtbot, tmp_path / "s.workshop", sample=True)
    try:
        page.today = lambda: TODAY
        writer = select_writer(page, "Papadakis")
        panel = page.writers_tab.requests
        panel.load(writer)
        assert panel.add_request()
        form = panel.form
        assert form.due.text() == "No due date"
        _focus(form.due)
        assert form.due.value() is None and "No due date" not in form.due.text()
        form.due.setSelectedSection(DateField.Section.YearSection)
        qtbot.keyClicks(form.due, "2026-12-15")
        assert form.flush()
        request_id = panel.current().id
        assert RequestRepository(page.workspace.conn).get(request_id).due == dt.date(2026, 12, 15)
        form.due_clear.click()
        assert form.flush()
        assert RequestRepository(page.workspace.conn).get(request_id).due is None
    finally:
        page.shutdown()
        page.workspace.close()
