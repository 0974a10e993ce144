"""Packet texts for the PDF renderer and the deterministic .zip of .docx files."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from workshop.core.errors import UserError
from workshop.core.export import packet_document
from workshop.core.letters import (
    LetterEvent,
    LetterRequest,
    LetterType,
    LetterWriter,
    Status,
    build_packet_zip,
    case_summary,
    packet_parts,
)

from .conftest import PROFILE, make_writer


def _pair(**kw: object) -> tuple[LetterWriter, LetterRequest]:
    w = make_writer()
    w.id = 1
    agreed = [LetterEvent(Status.ASKED, dt.date(2026, 5, 2)),
              LetterEvent(Status.AGREED, dt.date(2026, 5, 4))]
    fields: dict[str, object] = {"writer_id": 1, "id": 9, "target_specialty": "Internal Medicine",
                                 "letter_id": "SAMPLE0001IM", "due": dt.date(2026, 8, 15),
                                 "events": agreed}
    fields.update(kw)
    return w, LetterRequest(**fields)  # type: ignore[arg-type]


def test_parts_carry_everything_the_writer_needs() -> None:
    w, r = _pair()
    parts = packet_parts(w, r, PROFILE)
    cover = parts["cover_letter"]
    assert cover.startswith("Dear Dr. Iyer,")
    assert "supervised me during my Internal Medicine observership at Garden State" in cover
    assert "August 15, 2026" in cover and "SAMPLE0001IM" in cover
    assert "LoR Portal" in cover and "waived my right to see this letter" in cover
    assert parts["request_email_subject"].endswith("Letter ID SAMPLE0001IM")
    assert "Subject:" not in parts["request_email"]
    form = parts["request_form"]
    assert form["Letter ID"] == "SAMPLE0001IM" and form["Right to see the letter waived"] is True
    assert form["Letter writer"] == "Dr. Ananya Iyer (अनन्या अय्यर)"
    assert parts["warnings"] == []
    assert parts["file_stem"] == "letter-packet-ananya-iyer-internal-medicine"
    assert "${" not in cover + parts["request_email"]


def test_not_waived_and_missing_id_are_said_plainly() -> None:
    w, r = _pair(waived=False, letter_id="", due=None, letter_type=LetterType.STANDARDIZED,
                 standardized_form="SLOE")
    parts = packet_parts(w, r, PROFILE)
    assert "have not waived" in parts["cover_letter"]
    assert "I will send it to you as soon as I have it" in parts["cover_letter"]
    assert "Letter ID" not in parts["request_email_subject"]
    assert "to follow" not in parts["cover_letter"] + parts["request_email"]
    assert "please let me know when an upload would suit you" in parts["cover_letter"].lower()
    assert "Please upload by" not in parts["request_form"]  # no empty rows for the writer
    assert parts["request_form"]["Letter type"] == "Standardized (SLOE)"
    assert any("No ERAS Letter ID" in x for x in parts["warnings"])
    assert any("No due date" in x for x in parts["warnings"])


def test_request_of_another_writer_refused() -> None:
    w, r = _pair(writer_id=2)
    with pytest.raises(UserError, match="not for Dr. Ananya Iyer"):
        packet_parts(w, r, PROFILE)


def test_case_summary_sheet() -> None:
    w, _ = _pair()
    sheet = case_summary(w)
    assert sheet["title"] == "Patients and work with Dr. Ananya Iyer (अनन्या अय्यर)"
    assert "April 18, 2023: Man in his 60s with heart failure." in sheet["body"]
    assert "My role: drafted the admission note." in sheet["body"]
    assert "What you saw: reviewed my note on rounds." in sheet["body"]
    w.cases = []
    body = case_summary(w)["body"]  # writer-facing: no applicant hint
    assert "No cases recorded" not in body and "Add the patients" not in body
    assert "short call" in body


def test_parts_feed_the_documents_engine() -> None:
    """packet_document accepts the parts as they are (the PDF itself is the engine's test)."""
    from workshop.core.export.samples import sample_inputs

    w, r = _pair()
    parts = packet_parts(w, r, PROFILE)
    doc = packet_document(parts["cover_letter"], sample_inputs()["cv"],
                          {"title": "Personal statement", "body": "Text.", "target": "IM"},
                          parts["case_summary"], parts["request_form"])
    assert [p.title for p in doc.parts][-1] == "Case summary"


def test_zip_is_deterministic_and_clean() -> None:
    files = {"statement.docx": b"PK-statement" * 50, "cv.docx": b"PK-cv" * 100}
    first = build_packet_zip(files)
    second = build_packet_zip(dict(reversed(list(files.items()))))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == ["cv.docx", "statement.docx"]
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
        assert all(i.extra == b"" and i.comment == b"" for i in infos)
        assert archive.comment == b""
        assert archive.read("cv.docx") == files["cv.docx"]


@pytest.mark.parametrize("files", [
    {},
    {"../evil.docx": b"x"},
    {"sub/cv.docx": b"x"},
    {"cv.pdf": b"x"},
    {".hidden.docx": b"x"},
    {"CV.docx": b"x", "cv.docx": b"y"},
])
def test_zip_refuses_bad_names(files: dict[str, bytes]) -> None:
    with pytest.raises(UserError):
        build_packet_zip(files)


def test_a_due_date_that_has_passed_is_a_warning_before_sending() -> None:
    w, r = _pair()  # agreed, due 2026-08-15
    passed = [n for n in packet_parts(w, r, PROFILE, today=dt.date(2026, 8, 20))["warnings"]
              if "has passed" in n]
    assert len(passed) == 1 and "August 15, 2026" in passed[0] and w.name in passed[0]
    assert not [n for n in packet_parts(w, r, PROFILE, today=dt.date(2026, 8, 15))["warnings"]
                if "has passed" in n]  # due today is not late
    done = _pair(events=[LetterEvent(Status.ASKED, dt.date(2026, 5, 2)),
                         LetterEvent(Status.UPLOADED, dt.date(2026, 8, 1))])[1]
    assert not [n for n in packet_parts(w, done, PROFILE, today=dt.date(2026, 8, 20))["warnings"]
                if "has passed" in n]  # uploaded already: nothing to chase
