from __future__ import annotations

import io

import docx
import pytest
from docx.shared import Pt

from workshop.core.export import render_docx
from workshop.core.export.samples import sample_document


@pytest.fixture(scope="module")
def cv_docx() -> docx.document.Document:
    return docx.Document(io.BytesIO(render_docx(sample_document("cv"), "cv-classic")))


def test_word_styles_are_used(cv_docx: docx.document.Document) -> None:
    by_style: dict[str, list[str]] = {}
    for para in cv_docx.paragraphs:
        by_style.setdefault(para.style.name, []).append(para.text)
    assert by_style["Title"] == ["Yasmin Farouk El-Sayed"]
    assert "Education" in by_style["Heading 1"]
    assert "Clinical Experience" in by_style["Heading 1"]
    assert any("heart failure at morning report" in t for t in by_style["List Bullet"])
    assert "Normal" in by_style


def test_same_content_as_pdf(cv_docx: docx.document.Document) -> None:
    body = "\n".join(p.text for p in cv_docx.paragraphs)
    assert "ياسمين فاروق السيد" in body
    assert "Dr. Ananya Iyer (अनन्या अय्यर)" in body
    assert "Extern, Internal Medicine\tJul 2024 \u2013 Sep 2024" in body


def test_links_properties_and_page(cv_docx: docx.document.Document) -> None:
    rels = [r.target_ref for r in cv_docx.part.rels.values() if r.is_external]
    assert "mailto:yasmin.elsayed.sample@example.org" in rels
    assert "https://doi.org/10.5555/sample.2024.001" in rels
    cp = cv_docx.core_properties
    assert cp.title == "Curriculum Vitae" and cp.author == "Yasmin Farouk El-Sayed"
    section = cv_docx.sections[0]
    assert section.page_width == Pt(612)
    assert section.different_first_page_header_footer
    assert "Yasmin Farouk El-Sayed" in section.header.paragraphs[0].text


def test_a4_and_packet_docx() -> None:
    out = docx.Document(io.BytesIO(render_docx(sample_document("packet"), "packet", "a4")))
    assert round(out.sections[0].page_width.mm) == 210
    headings = [p.text for p in out.paragraphs if p.style.name == "Heading 1"]
    assert "Contents" in headings
    assert [p.text for p in out.paragraphs if p.style.name == "List Number"] == [
        "Cover letter", "Curriculum Vitae", "Personal statement", "Case summary"]


def test_languages_print_their_myeras_level_not_the_stored_id() -> None:
    """"Arabic (Native or functionally native)" as MyERAS words it, not "Arabic (native)"."""
    from workshop.core.cv.model import CV, Language
    from workshop.core.export.cv_document import cv_blocks

    cv = CV(languages=[Language("Arabic", "native"), Language("French", "basic")])
    printed = repr(cv_blocks(cv))
    for lang in cv.languages:
        assert f"{lang.language} ({lang.proficiency_label})" in printed
        assert lang.proficiency_label != lang.proficiency
