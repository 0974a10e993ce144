from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata

import pypdf
import pytest

from workshop import __version__
from workshop.core.export import render_pdf
from workshop.core.export.document import Document, Heading, Paragraph, Part, autolink, text
from workshop.core.export.samples import sample_document

ARABIC = "ياسمين فاروق السيد"
DEVANAGARI = "अनन्या अय्यर"
GREEK = "Νίκος Παπαδάκης"
CYRILLIC = "Юлия Ковальчук"
BASE14 = {"Helvetica", "Times-Roman", "Courier", "Symbol", "ZapfDingbats", "Times", "Arial"}


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _names_doc() -> Document:
    lines = [
        f"Applicant: Yasmin Farouk El-Sayed ({ARABIC}), Cairo.",
        f"Writers: Dr. Ananya Iyer ({DEVANAGARI}) and Dr. Nikos Papadakis ({GREEK}).",
        f"Also {CYRILLIC}, Łódź, São Paulo, Nguyễn Thị Hương, Øre.",
    ]
    blocks = [Heading("Names")] + [Paragraph(text(x)) for x in lines]
    return Document("Names", author="Test", parts=[Part("Names", blocks)])


@pytest.fixture(scope="module")
def names_reader() -> pypdf.PdfReader:
    return _reader(render_pdf(_names_doc(), "cv-classic"))


def test_latin_greek_cyrillic_devanagari_extract_exactly(names_reader: pypdf.PdfReader) -> None:
    got = _text(names_reader)
    for name in (GREEK, CYRILLIC, DEVANAGARI, "Łódź, São Paulo, Nguyễn Thị Hương"):
        assert name in got


def test_arabic_extracts_as_presentation_forms(names_reader: pypdf.PdfReader) -> None:
    # Shaped Arabic comes back as contextual presentation forms; NFKC folds them to the
    # letters typed. pypdf reorders the right-to-left run to logical order itself.
    got = unicodedata.normalize("NFKC", _text(names_reader))
    assert ARABIC in got


@pytest.mark.parametrize("kind", ["cv", "packet"])
def test_every_font_is_embedded_and_none_is_base14(
    kind: str, cv_reader: pypdf.PdfReader, packet_pdf: bytes
) -> None:
    reader = cv_reader if kind == "cv" else _reader(packet_pdf)
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/")
            seen.add(name.split("+")[-1])
            assert name.split("+")[-1] not in BASE14
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{name} not embedded"
    assert {"NotoSerif-Regular", "NotoSerif-Bold", "NotoNaskhArabic-Regular"} <= seen
    if kind == "packet":
        assert "NotoSansDevanagari-Regular" in seen


def test_metadata(cv_reader: pypdf.PdfReader) -> None:
    meta = cv_reader.metadata
    assert meta.title == "Curriculum Vitae"
    assert meta.author == "Yasmin Farouk El-Sayed"
    assert "Internal Medicine" in meta.subject
    assert meta.creator == f"Residency Application Workshop {__version__}"


def test_bookmarks_for_sections(cv_reader: pypdf.PdfReader) -> None:
    titles = [o["/Title"] for o in cv_reader.outline]
    assert titles[:3] == ["Summary", "Education", "Licensure and Examinations"]
    pages = [cv_reader.get_destination_page_number(o) for o in cv_reader.outline]
    assert pages == sorted(pages) and pages[-1] >= 1  # not all on page 1


def test_long_cv_has_header_from_page_two_and_x_of_y_footer(cv_reader: pypdf.PdfReader) -> None:
    n = len(cv_reader.pages)
    assert n >= 2
    texts = [p.extract_text() for p in cv_reader.pages]
    header = "Yasmin Farouk El-Sayed \u2014 Curriculum Vitae"
    assert header not in texts[0]
    for i, t in enumerate(texts, start=1):
        assert f"Page {i} of {n}" in t
        if i > 1:
            assert header in t


def test_links_are_clickable(cv_reader: pypdf.PdfReader) -> None:
    uris = set()
    for page in cv_reader.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    assert "mailto:yasmin.elsayed.sample@example.org" in uris
    assert "https://doi.org/10.5555/sample.2024.001" in uris


@pytest.mark.parametrize(("paper", "size"), [("letter", (612, 792)), ("a4", (595, 842))])
def test_page_size(paper: str, size: tuple[int, int]) -> None:
    reader = _reader(render_pdf(sample_document("report"), "report", paper))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_output_is_deterministic_under_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Byte-stable only when asked for (SOURCE_DATE_EPOCH); otherwise the real time is kept."""
    doc = sample_document("statement")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert render_pdf(doc, "statement") == render_pdf(doc, "statement")


def test_reportlab_runs_with_its_c_helpers() -> None:
    """reportlab[accel] is a requirement: its pure-Python fallbacks render ~10% slower."""
    from reportlab.lib import rl_accel

    assert not rl_accel.fp_str.__name__.startswith("_py_")
    assert not rl_accel.instanceStringWidthTTF.__name__.startswith("_py_")


def test_the_c_helpers_change_no_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without the accelerator writes the very same PDF."""
    script = ("import sys; sys.modules['_rl_accel'] = None\n"
              "from workshop.core.export import render_pdf\n"
              "from workshop.core.export.samples import sample_document\n"
              "from reportlab.lib import rl_accel\n"
              "assert rl_accel.fp_str.__name__.startswith('_py_')\n"
              "sys.stdout.buffer.write(render_pdf(sample_document('cv'), 'cv-compact'))\n")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    without = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                             check=True, timeout=120).stdout
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    with_helpers = render_pdf(sample_document("cv"), "cv-compact")
    assert without[:5] == b"%PDF-"
    assert with_helpers == without


def test_packet_parts_are_bookmarked_with_contents(packet_pdf: bytes) -> None:
    reader = _reader(packet_pdf)
    top = [o["/Title"] for o in reader.outline if not isinstance(o, list)]
    assert top == ["Cover letter", "Contents", "Curriculum Vitae", "Personal statement",
                   "Case summary"]
    contents = reader.pages[1].extract_text()
    for title in ("Cover letter", "Curriculum Vitae", "Personal statement", "Case summary"):
        assert title in contents
    assert len(reader.pages) >= 6
    assert "Dr. Ananya Iyer (अनन्या अय्यर)" in _text(reader)


def test_autolink_in_paragraph_text() -> None:
    spans = autolink("Mail a@b.org or see doi:10.1000/x1. Done")
    urls = [s.url for s in spans if s.url]
    assert urls == ["mailto:a@b.org", "https://doi.org/10.1000/x1"]
    assert "".join(s.text for s in spans) == "Mail a@b.org or see doi:10.1000/x1. Done"
