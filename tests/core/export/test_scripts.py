"""Names in every script survive the PDF and the .docx: extracted text equals what went in."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest

from workshop.core.export import fonts
from workshop.core.export.api import render_docx, render_pdf
from workshop.core.export.builders import statement_document
from workshop.core.export.coverage import font_warnings
from workshop.core.export.docx_scripts import east_asian_lang

from .script_names import NAMES

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def _doc():  # type: ignore[no-untyped-def]
    body = "\n\n".join(f"{script}: Dr. {name} wrote to me." for script, name in NAMES.items())
    return statement_document({"full_name": "Zhang Wei", "native_name": "张伟"}, "Names",
                              body, "Internal Medicine")


def _same(got: str, want: str) -> bool:
    """Equal as text: canonical/compatibility forms (Arabic presentation forms, ``য়``) and the
    bidi marks a PDF reader adds around right-to-left runs do not count."""
    got = " ".join(_BIDI_CONTROLS.sub("", got).replace("\u00a0", " ").split())
    return unicodedata.normalize("NFKD", got) == unicodedata.normalize("NFKD", want)


def test_every_script_has_a_font_and_no_warning() -> None:
    assert font_warnings(_doc()) == []
    for name in NAMES.values():
        assert fonts.covers(name), name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_text_extraction_gives_back_every_name(tmp_path: Path) -> None:
    pdf = tmp_path / "names.pdf"
    pdf.write_bytes(render_pdf(_doc(), "statement"))
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    lines = {line.split(":", 1)[0]: line.split(":", 1)[1] for line in out.splitlines()
             if ":" in line}
    wrong = {}
    for script, name in NAMES.items():
        got = lines.get(script, "").replace(" Dr. ", "", 1).replace("wrote to me.", "")
        if not _same(got, name):
            wrong[script] = got
    assert wrong == {}
    assert len(NAMES) == 21


def test_pdf_embeds_one_face_per_script() -> None:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(render_pdf(_doc(), "statement")))
    faces = {str(f.get_object()["/BaseFont"]).split("+")[-1]
             for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    for stem in ("DroidSansFallback", "NotoSansHebrew-Regular", "NotoSansThai-Regular",
                 "NotoSansTamil-Regular", "NotoSansTelugu-Regular", "NotoSansGujarati-Regular",
                 "NotoSansGurmukhi-Regular", "NotoSansGeorgian-Regular",
                 "NotoSansArmenian-Regular", "NotoSansEthiopic-Regular",
                 "NotoSansSinhala-Regular", "NotoSansKhmer-Regular",
                 "NotoSansSymbols2-Regular", "NotoSansBengali-Regular"):
        assert any(f.startswith(stem) for f in faces), (stem, faces)


def test_docx_read_back_gives_every_name_with_font_hints() -> None:
    data = render_docx(_doc(), "statement")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert [s for s, name in NAMES.items() if f"Dr. {name} wrote" not in text] == []
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'w:eastAsia="zh-CN"' in xml and 'w:eastAsia="zh-TW"' in xml
    assert 'w:eastAsia="ko-KR"' in xml and 'w:eastAsia="ja-JP"' in xml
    assert 'w:cs="Nirmala UI"' in xml and 'w:bidi="he-IL"' in xml
    assert 'w:ascii="Sylfaen"' in xml and 'w:ascii="Ebrima"' in xml
    # Latin stays in the theme font: the split leaves "Dr. " in a run without a hint.
    assert re.search(r'<w:r>(?:<w:rPr/>|<w:rPr>(?:(?!rFonts).)*?</w:rPr>)?<w:t[^>]*>'
                     r'Tamil: Dr\. </w:t>', xml)


def test_east_asian_language_by_characters() -> None:
    assert east_asian_lang("张伟") == "zh-CN"
    assert east_asian_lang("陳志明") == "zh-TW"
    assert east_asian_lang("김민준") == "ko-KR"
    assert east_asian_lang("山田さくら") == "ja-JP"
