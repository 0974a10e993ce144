"""The statement as .docx, inspected with python-docx (no Word here): the same promises as the PDF.

Name on top (never an empty Title), no program and no internal title, real dates in the core
properties, and a single line break kept as a run break.
"""

from __future__ import annotations

import io
from datetime import datetime

import docx
import pytest
from docx.oxml.ns import qn

from tests.core.export.statements_data import applicants, text
from workshop.core.export import render_docx, statement_document


def _docx(name: str, paper: str = "letter", **kwargs: object) -> docx.document.Document:
    a = applicants()[name]
    doc = statement_document(a["profile"], "Internal title — v3", text(name), a["specialty"],
                             programs=a["programs"], **kwargs)  # type: ignore[arg-type]
    return docx.Document(io.BytesIO(render_docx(doc, "statement", paper)))


def _all_text(out: docx.document.Document) -> str:
    parts = [p.text for p in out.paragraphs]
    for section in out.sections:
        for part in (section.header, section.footer, section.first_page_footer):
            parts += [p.text for p in part.paragraphs]
    cp = out.core_properties
    parts += [cp.title or "", cp.subject or "", cp.keywords or "", cp.comments or ""]
    return "\n".join(parts)


def test_starts_with_the_name_and_native_name_then_contact() -> None:
    out = _docx("fm_bangladesh.txt")
    first, second = out.paragraphs[0], out.paragraphs[1]
    assert first.style.name == "Title"
    assert first.text == "Ayesha Rahman   আয়েশা রহমান"
    assert "ayesha.rahman.fictional@example.org" in second.text
    assert second.text.endswith("\tPersonal statement \u00b7 Family Medicine")
    assert all(p.text.strip() for p in out.paragraphs[:3]), "no empty paragraph on top"


def test_no_empty_title_when_the_profile_has_no_name() -> None:
    out = docx.Document(io.BytesIO(render_docx(
        statement_document({}, "Draft", "One paragraph.", "Pediatrics"), "statement")))
    assert [p.style.name for p in out.paragraphs[:1]] != ["Title"]
    assert out.paragraphs[0].text == "Personal statement \u00b7 Pediatrics"


def test_no_program_and_no_internal_title_anywhere() -> None:
    everything = _all_text(_docx("im_nigeria.txt"))
    assert "Riverside" not in everything and "Internal title" not in everything
    shown = _docx("im_nigeria.txt", show_target=True)
    assert "Riverside University Internal Medicine" in shown.paragraphs[1].text
    cp = shown.core_properties
    assert "Riverside" not in f"{cp.title}{cp.subject}{cp.keywords}"


def test_core_properties_name_the_applicant_with_real_dates(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    cp = _docx("peds_india.txt").core_properties
    assert cp.title == "Personal statement \u2014 Rohan Deshmukh"
    assert cp.author == "Rohan Deshmukh"
    assert cp.created is not None and cp.created.year >= 2025
    assert abs((datetime.now().astimezone() - cp.created).total_seconds()) < 120
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    fixed = _docx("peds_india.txt").core_properties
    assert fixed.created is not None and fixed.created.timestamp() == 1700000000
    assert fixed.modified == fixed.created


def test_single_line_breaks_are_run_breaks() -> None:
    out = _docx("fm_bangladesh.txt")
    body = [p for p in out.paragraphs[2:] if p.text.strip()]
    assert len(body) == 1, "no blank line in the text: one paragraph, as in the editor"
    breaks = body[0]._p.findall(".//" + qn("w:br"))
    assert len(breaks) == 8  # nine lines


def test_running_header_names_the_applicant_and_page_one_is_unnumbered() -> None:
    out = _docx("neuro_ukraine.txt", "a4")
    section = out.sections[0]
    assert section.header.paragraphs[0].text == (
        "Oleksandra Kovalenko-Wiśniewska \u2014 Personal statement")
    assert section.different_first_page_header_footer
    first_xml = section.first_page_footer._element.xml
    assert "PAGE" not in first_xml, "a one-page statement has no page number"
    assert "PAGE" in section.footer._element.xml, "pages 2 and on are numbered"
