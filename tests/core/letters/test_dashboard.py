"""Due-date dashboard with an injected clock; reminder texts and mailto links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.errors import UserError
from workshop.core.letters import LetterEvent, LetterRequest, Status, due_dashboard, mailto_url
from workshop.core.letters.dashboard import bucket_for

from .conftest import PROFILE, make_writer

TODAY = dt.date(2026, 8, 9)


def _request(rid: int, due: dt.date | None, status: Status = Status.ASKED) -> LetterRequest:
    events = [LetterEvent(Status.PLANNED, dt.date(2026, 5, 1))]
    if status is not Status.PLANNED:
        events.append(LetterEvent(status, dt.date(2026, 5, 2)))
    return LetterRequest(writer_id=1, id=rid, target_specialty="Internal Medicine",
                         letter_id=f"SAMPLE{rid:04d}", due=due, events=events)


@pytest.fixture
def writer():  # type: ignore[no-untyped-def]
    w = make_writer()
    w.id = 1
    return w


@pytest.mark.parametrize(("days", "bucket"), [
    (-30, "overdue"), (-1, "overdue"), (0, "due_1"), (1, "due_1"), (2, "due_7"),
    (7, "due_7"), (8, None), (60, None)])
def test_buckets_follow_interfolio_thresholds(days: int, bucket: str | None) -> None:
    assert bucket_for(days) == bucket


def test_dashboard_lists_only_what_is_due(writer) -> None:  # type: ignore[no-untyped-def]
    reqs = [
        _request(1, TODAY - dt.timedelta(days=3)),
        _request(2, TODAY + dt.timedelta(days=1), Status.AGREED),
        _request(3, TODAY + dt.timedelta(days=5), Status.PACKET_SENT),
        _request(4, TODAY + dt.timedelta(days=20)),          # not yet
        _request(5, TODAY - dt.timedelta(days=1), Status.DECLINED),
        _request(6, None),                                    # no due date
        _request(7, TODAY + dt.timedelta(days=2), Status.PLANNED),
    ]
    items = due_dashboard([writer], reqs, PROFILE, TODAY)
    assert [(i.request.id, i.bucket) for i in items] == [
        (1, "overdue"), (2, "due_1"), (7, "due_7"), (3, "due_7")]
    overdue = items[0]
    assert overdue.days_left == -3 and overdue.action == "remind"
    # Asked, no answer yet: a follow-up that asks again, never "you kindly agreed".
    assert "3 days ago" in overdue.reminder_text and "would you be willing" in overdue.reminder_text
    assert "agreed" not in overdue.reminder_text
    assert "On May 2, 2026 I wrote" in overdue.reminder_text
    assert overdue.reminder_text.startswith("Dear Dr. Iyer,")
    assert "Yasmin Farouk El-Sayed" in overdue.subject and "Following up" in overdue.subject
    agreed = items[1]
    assert "tomorrow, August 10, 2026" in agreed.reminder_text
    assert "kindly agreed" in agreed.reminder_text and "SAMPLE0002" in agreed.reminder_text
    assert "LoR Portal" in agreed.reminder_text and "due August 10, 2026" in agreed.subject
    planned = items[2]
    assert planned.action == "ask" and planned.reminder_text == "" and planned.mailto_url == ""


def test_uploaded_letters_are_never_due(writer) -> None:  # type: ignore[no-untyped-def]
    r = _request(1, TODAY, Status.ASKED)
    r.letter_id = "SAMPLE0001"
    r.events += [LetterEvent(Status.AGREED, TODAY), LetterEvent(Status.PACKET_SENT, TODAY),
                 LetterEvent(Status.UPLOADED, TODAY)]
    assert due_dashboard([writer], [r], PROFILE, TODAY) == []


def test_mailto_is_percent_encoded_and_round_trips(writer) -> None:  # type: ignore[no-untyped-def]
    item = due_dashboard([writer], [_request(1, TODAY)], PROFILE, TODAY)[0]
    url = item.mailto_url
    assert url.startswith("mailto:ananya.iyer.sample@example.org?subject=")
    assert " " not in url and "\n" not in url and "+" not in url.split("?")[1]
    assert "%0D%0A" in url
    query = parse_qs(urlsplit(url).query)
    assert query["subject"] == [item.subject]
    assert unquote(url.split("body=")[1]).replace("\r\n", "\n") == item.reminder_text


@given(st.text(max_size=200), st.text(max_size=500))
def test_mailto_encoding_is_lossless(subject: str, body: str) -> None:
    url = mailto_url("a.b+c@example.org", subject, body)
    rest = url.split("?", 1)[1]
    assert all(ord(c) < 128 and c not in " \n\r#" for c in url)
    parsed = dict(part.split("=", 1) for part in rest.split("&"))
    assert unquote(parsed["subject"]) == subject
    assert unquote(parsed["body"]) == body.replace("\r\n", "\n").replace("\n", "\r\n")


def test_user_template_overrides_and_bad_placeholder(tmp_path: Path,
                                                     writer) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "reminder.txt").write_text("Subject: Hi ${writer_name}\nDue ${due_date}.\n",
                                           encoding="utf-8")
    agreed = _request(1, TODAY, Status.AGREED)
    item = due_dashboard([writer], [agreed], PROFILE, TODAY, template_dir=tmp_path)[0]
    assert item.subject == "Hi Dr. Ananya Iyer" and item.reminder_text == "Due August 9, 2026.\n"
    (tmp_path / "reminder.txt").write_text("Dear ${nickname}", encoding="utf-8")
    with pytest.raises(UserError, match=r"\$\{nickname\}"):
        due_dashboard([writer], [agreed], PROFILE, TODAY, template_dir=tmp_path)
