"""Shared sample documents for the export tests (rendered once per session: 2 cores)."""

from __future__ import annotations

import io

import pypdf
import pytest

from workshop.core.export import render_pdf
from workshop.core.export.samples import sample_document, sample_inputs

ARABIC = "ياسمين فاروق السيد"
DEVANAGARI = "अनन्या अय्यर"
GREEK = "Νίκος Παπαδάκης"
CYRILLIC = "Юлия Ковальчук"


@pytest.fixture(scope="session")
def inputs() -> dict:
    return sample_inputs()


@pytest.fixture(scope="session")
def cv_pdf() -> bytes:
    return render_pdf(sample_document("cv"), "cv-classic")


@pytest.fixture(scope="session")
def cv_reader(cv_pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(cv_pdf))


@pytest.fixture(scope="session")
def packet_pdf() -> bytes:
    return render_pdf(sample_document("packet"), "packet")
