"""A writer packet carries writers' names in every script (issue 18: "Dr. Zhang Wei ()")."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from workshop.core.export.api import render_pdf
from workshop.core.export.builders import packet_document
from workshop.core.export.coverage import font_warnings
from workshop.core.letters import LetterRequest, LetterWriter, WriterCase
from workshop.core.letters.packet import packet_parts
from workshop.core.resources import resource

from .conftest import PROFILE

WRITERS = {"Dr. Zhang Wei": "张伟", "Dr. Kim Min-jun": "김민준", "Dr. Yamada Sakura": "山田さくら",
           "Dr. Sarah Cohen": "שרה כהן", "Dr. Priya Raghavan": "பிரியா ராகவன்",
           "Dr. Abebe Bikila": "አበበ ቢቂላ", "Dr. Nino Beridze": "ნინო ბერიძე"}


def _cv() -> dict:  # type: ignore[type-arg]
    import json
    return json.loads(resource("sample", "cv.json").read_text("utf-8"))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(("name", "native"), list(WRITERS.items()))
def test_packet_prints_the_writers_native_name(name: str, native: str, tmp_path: Path) -> None:
    writer = LetterWriter(name=name, native_name=native, id=1,
                          cases=[WriterCase("2023-04", "Man in his 60s with heart failure")])
    request = LetterRequest(writer_id=1, target_specialty="Internal Medicine",
                            letter_id="ABCD1234", id=1)
    parts = packet_parts(writer, request, PROFILE)
    doc = packet_document(parts["cover_letter"], _cv(), "My statement.", parts["case_summary"],
                          parts["request_form"])
    assert font_warnings(doc) == []
    pdf = tmp_path / "packet.pdf"
    pdf.write_bytes(render_pdf(doc, "packet"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = unicodedata.normalize("NFKD", " ".join(text.replace("\u00a0", " ").split()))
    assert f"{name} (" in flat
    assert "()" not in flat
    if native != "שרה כהן":  # right-to-left: the reader's own order, checked in export tests
        assert unicodedata.normalize("NFKD", native) in flat
