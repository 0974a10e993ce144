"""Pasted control characters never crash an export (python-docx refuses them outright)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from workshop.core import statements
from workshop.core.export.document import Paragraph, Span
from workshop.core.export.text_safety import clean_tree, xml_safe
from workshop.core.services import init_workspace


def test_breaks_are_kept_and_illegal_characters_dropped() -> None:
    assert xml_safe("one\x0btwo\x0cthree\r\nfour\rfive") == "one\ntwo\nthree\nfour\nfive"
    assert xml_safe("a\x00b\x01c\x1fd\x7fe\ufffff\tg") == "abcdef\tg"
    assert xml_safe("Łukasz Öztürk ياسمين 张伟") == "Łukasz Öztürk ياسمين 张伟"


def test_the_whole_description_is_cleaned_without_changing_its_shape() -> None:
    para = Paragraph((Span("Hi\x0bthere", bold=True), Span("\x01x")), style="lead")
    cleaned = clean_tree([para, {"k": ("\x02v",)}])
    assert cleaned[0] == Paragraph((Span("Hi\nthere", bold=True), Span("x")), style="lead")
    assert cleaned[1] == {"k": ("v",)}


def test_a_statement_pasted_from_word_exports_to_docx_and_pdf(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w.workshop", sample=True)
    doc = ws.documents.list()[0]
    ws.documents.save_working_copy(
        doc.id, "First line\x0bafter a manual break.\n\nA \x01stray control character.")
    doc = ws.documents.get(doc.id)
    for suffix in (".docx", ".pdf"):
        out = statements.export_statement(ws, doc, tmp_path / f"s{suffix}")
        assert out.stat().st_size > 1000
    with zipfile.ZipFile(tmp_path / "s.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "after a manual break." in xml and "stray control character." in xml
    assert "\x01" not in xml and "\x0b" not in xml
    ws.close()


def test_a_very_long_unbroken_run_becomes_breakable_and_reads_the_same() -> None:
    from workshop.core.export.text_safety import xml_safe

    run = "x" * 1000
    safe = xml_safe(f"see {run} end")
    assert safe.replace("\u200b", "") == f"see {run} end"
    pieces = safe.split(" ")[1].split("\u200b")
    assert len(pieces) == 17 and max(len(p) for p in pieces) == 60
    assert xml_safe("an ordinary https://example.org/a/long/path link") == \
        "an ordinary https://example.org/a/long/path link"  # short runs untouched


def test_links_are_found_without_scanning_a_long_run_again_and_again() -> None:
    from workshop.core.export.document import autolink

    spans = autolink("mail yasmin.elsayed@example.org today")
    assert [s.url for s in spans if s.url] == ["mailto:yasmin.elsayed@example.org"]
    assert all(not s.url for s in autolink("x" * 100 + "@example.org"))  # no real address
    assert autolink("x" * 50_000) == (autolink("x" * 50_000)[0],)
