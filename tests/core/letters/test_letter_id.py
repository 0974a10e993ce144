"""Letter ID format (conservative) and once-only use across the workspace."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.core.errors import UserError
from workshop.core.letters import (
    LetterRequest,
    LetterWriter,
    RequestRepository,
    WriterRepository,
    is_valid_letter_id,
    normalize_letter_id,
)

from .conftest import DAY, make_writer


@pytest.mark.parametrize(("raw", "canonical"), [
    ("SAMPLE-0001-IM", "SAMPLE0001IM"),
    ("  abc123  ", "ABC123"),
    ("ab 12 cd 34", "AB12CD34"),
    ("ＡＢＣ１２３", "ABC123"),  # full-width digits pasted from some IMEs
    ("sample\u20130002", "SAMPLE0002"),  # en dash from a word processor
    ("", ""),
])
def test_normalize(raw: str, canonical: str) -> None:
    assert normalize_letter_id(raw) == canonical


@pytest.mark.parametrize(("raw", "reason"), [
    ("ABC12", "expected 6 to 20"),
    ("A" * 21, "expected 6 to 20"),
    ("ABC_123", "contains '_'"),
    ("ABC/123#", "contains"),
    ("ЛЕТТЕР123", "contains"),  # Cyrillic look-alikes are not an ID
])
def test_malformed_ids_refused_with_reason(raw: str, reason: str) -> None:
    with pytest.raises(UserError, match=reason) as info:
        normalize_letter_id(raw)
    assert info.value.where == "Letter ID"
    assert not is_valid_letter_id(raw)


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
               min_size=6, max_size=20))
def test_any_alphanumeric_in_bounds_is_accepted_case_insensitively(raw: str) -> None:
    assert normalize_letter_id(raw) == raw.upper()
    assert normalize_letter_id(raw.lower()) == normalize_letter_id(raw.upper())


def test_second_use_refused_naming_the_holder(requests: RequestRepository,
                                              writers: WriterRepository,
                                              writer: LetterWriter) -> None:
    first = requests.add(LetterRequest(writer_id=writer.id or 0, letter_id="SAMPLE-0001",
                                       target_specialty="Internal Medicine"), planned_on=DAY)
    other = writers.add(make_writer("Dr. Nikos Papadakis"))
    with pytest.raises(UserError) as info:
        requests.add(LetterRequest(writer_id=other.id or 0, letter_id="sample 0001"),
                     planned_on=DAY)
    message = str(info.value)
    assert f"request {first.id}" in message and "Dr. Ananya Iyer" in message
    assert "used once" in message and "never reuse" in message
    assert len(requests.all()) == 1


def test_update_to_a_used_id_refused_but_keeping_own_id_is_fine(
        requests: RequestRepository, writer: LetterWriter) -> None:
    a = requests.add(LetterRequest(writer_id=writer.id or 0, letter_id="AAAA1111"),
                     planned_on=DAY)
    b = requests.add(LetterRequest(writer_id=writer.id or 0), planned_on=DAY)
    assert requests.update(a.id or 0, letter_id="aaaa-1111").letter_id == "AAAA1111"
    with pytest.raises(UserError, match="already used by request"):
        requests.update(b.id or 0, letter_id="AAAA1111")
    assert requests.update(b.id or 0, letter_id="BBBB2222").letter_id == "BBBB2222"


def test_declined_requests_keep_their_id(requests: RequestRepository,
                                         writer: LetterWriter) -> None:
    """A form is never reused, even when its writer declined."""
    a = requests.add(LetterRequest(writer_id=writer.id or 0, letter_id="CCCC3333"),
                     planned_on=DAY)
    requests.advance(a.id or 0, "declined", DAY + dt.timedelta(days=2))
    with pytest.raises(UserError, match="already used"):
        requests.add(LetterRequest(writer_id=writer.id or 0, letter_id="CCCC3333"),
                     planned_on=DAY)


def test_unique_index_is_the_backstop(conn: sqlite3.Connection, writer: LetterWriter) -> None:
    conn.execute("INSERT INTO letter_requests (writer_id, letter_id) VALUES (?, 'DDDD4444')",
                 (writer.id,))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO letter_requests (writer_id, letter_id) VALUES (?, 'DDDD4444')",
                     (writer.id,))
