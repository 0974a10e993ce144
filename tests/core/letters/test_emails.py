"""Every e-mail text follows the request's status and the facts it has: no placeholder left."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from workshop.core.letters import LetterEvent, LetterRequest, LetterWriter, Status
from workshop.core.letters.emails import KINDS, email_for, kind_for
from workshop.core.letters.packet import packet_parts

DAY = dt.date(2026, 5, 2)
_LEFTOVER = re.compile(r"\$\{|\[[^\]]*\]|to follow\)|: \.|\(\)|\bNone\b| ,|\n\n\n")


def _request(status: Status, *, letter_id: str = "", due: dt.date | None = None) -> LetterRequest:
    events = [LetterEvent(Status.PLANNED, DAY)]
    if status is not Status.PLANNED:
        events.append(LetterEvent(Status.ASKED, DAY + dt.timedelta(days=1)))
    if status not in (Status.PLANNED, Status.ASKED):
        events.append(LetterEvent(status, DAY + dt.timedelta(days=3)))
    return LetterRequest(writer_id=1, id=1, target_specialty="Internal Medicine",
                         letter_id=letter_id, due=due, events=events)


WRITER = LetterWriter(name="Dr. Zhang Wei", native_name="张伟", country="China", id=1)


@pytest.mark.parametrize(("status", "letter_id", "due", "email", "phone"), list(itertools.product(
    list(Status), ["", "ABCD1234"], [None, dt.date(2026, 9, 1)], ["", "me@example.org"],
    ["", "+1 555 0100"])))
def test_no_placeholder_in_any_text(status: Status, letter_id: str, due: dt.date | None,
                                    email: str, phone: str) -> None:
    profile = {"full_name": "Yasmin Farouk El-Sayed", "email": email, "phone": phone}
    request = _request(status, letter_id=letter_id, due=due)
    parts = packet_parts(WRITER, request, profile)
    texts = [parts["cover_letter"], parts["request_email"], parts["request_email_subject"]]
    for kind in KINDS:
        mail = email_for(WRITER, request, profile, kind=kind, today=dt.date(2026, 8, 25))
        texts += [mail.subject, mail.body]
    for text in texts:
        assert not _LEFTOVER.search(text), text
        assert "Dear Dr. Zhang," in text or "Dear" not in text
    if not letter_id:
        assert all("Letter ID ABCD" not in t for t in texts)


@pytest.mark.parametrize(("status", "kind", "says", "never"), [
    (Status.PLANNED, "ask", "would be willing", "agreeing"),
    (Status.ASKED, "follow_up", "follow up", "agreeing"),
    (Status.AGREED, "packet", "agreeing to write", "would you be willing"),
    (Status.PACKET_SENT, "reminder", "kindly agreed", "would you be willing"),
    (Status.UPLOADED, "thank_you", "reached eras", "reminder"),
    (Status.ASSIGNED, "thank_you", "thank you", "reminder"),
    (Status.DECLINED, "declined", "letting me know", "agreeing"),
])
def test_the_e_mail_follows_the_status(status: Status, kind: str, says: str, never: str) -> None:
    request = _request(status, letter_id="ABCD1234", due=dt.date(2026, 9, 1))
    assert kind_for(request) == kind
    mail = email_for(WRITER, request, {"full_name": "Yasmin"}, today=dt.date(2026, 8, 25))
    assert says in mail.body.lower() or says in mail.subject.lower()
    assert never not in mail.body.lower()


def test_cover_letter_thanks_only_after_agreement() -> None:
    planned = packet_parts(WRITER, _request(Status.PLANNED), {"full_name": "Y"})
    agreed = packet_parts(WRITER, _request(Status.AGREED), {"full_name": "Y"})
    assert "for agreeing" not in planned["cover_letter"]
    assert "Thank you for considering writing" in planned["cover_letter"]
    assert "Thank you again for agreeing to write" in agreed["cover_letter"]


def test_packet_email_names_the_letter_id_only_when_known() -> None:
    without = email_for(WRITER, _request(Status.AGREED), {"full_name": "Y"})
    with_id = email_for(WRITER, _request(Status.AGREED, letter_id="ABCD1234"), {"full_name": "Y"})
    assert "Letter ID" not in without.subject and "as soon as I have it" in without.body
    assert with_id.subject.endswith("Letter ID ABCD1234") and "ABCD1234" in with_id.body
