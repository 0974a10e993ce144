"""Benchmark: packet parts and the .docx zip for 20 letter requests.

Passes as a plain test under --benchmark-disable (the normal run); no timing assertions.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from pytest_benchmark.fixture import BenchmarkFixture

from workshop.core.cv.dates import MonthYear
from workshop.core.letters import (
    LetterRequest,
    LetterWriter,
    Relationship,
    WriterCase,
    build_packet_zip,
    packet_parts,
)

PROFILE = {"full_name": "Yasmin Farouk El-Sayed", "email": "yasmin.elsayed.sample@example.org"}


def _docx(text: str) -> bytes:
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pairs(n: int) -> list[tuple[LetterWriter, LetterRequest]]:
    out = []
    for i in range(n):
        writer = LetterWriter(
            id=i + 1, name=f"Dr. Sample Writer{i}", native_name="अनन्या अय्यर",
            institution="Lakeview Medical Center (fictional)", is_us=i % 2 == 0,
            email=f"writer{i}.sample@example.org", relationship=Relationship.ROTATION,
            setting="Internal Medicine externship", worked_from=MonthYear(2024, 7),
            worked_to=MonthYear(2024, 9),
            cases=[WriterCase(f"2024-08-{d:02d}", f"Case {d} de-identified summary",
                              "presented on rounds", "asked follow-up questions")
                   for d in range(1, 6)])
        out.append((writer, LetterRequest(writer_id=i + 1, id=i + 1,
                                          target_specialty="Internal Medicine",
                                          letter_id=f"SAMPLE{i:06d}",
                                          due=dt.date(2026, 8, 15))))
    return out


def test_packet_parts_and_zip_for_20_requests(benchmark: BenchmarkFixture) -> None:
    pairs = _pairs(20)
    cv_docx, statement_docx = _docx("CV\n\n" * 40), _docx("Statement paragraph.\n\n" * 8)

    def build() -> list[bytes]:
        archives = []
        for writer, request in pairs:
            parts = packet_parts(writer, request, PROFILE)
            files = {"cv.docx": cv_docx, "personal-statement.docx": statement_docx,
                     "cover-letter.docx": _docx(parts["cover_letter"]),
                     "case-summary.docx": _docx(parts["case_summary"]["body"])}
            archives.append(build_packet_zip(files))
        return archives

    archives = benchmark(build)
    assert len(archives) == 20
    with zipfile.ZipFile(io.BytesIO(archives[0])) as archive:
        assert len(archive.namelist()) == 4
