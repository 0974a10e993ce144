from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.export import fonts
from workshop.core.export.fonts import ARABIC, DEVANAGARI, LATIN, split_runs

AR_NAME = "ياسمين فاروق السيد"
DEV_NAME = "अनन्या अय्यर"


def test_runs_keep_spaces_inside_complex_script_runs() -> None:
    runs = split_runs(f"Yasmin ({AR_NAME}), {DEV_NAME}.")
    assert [r.script for r in runs] == [LATIN, ARABIC, LATIN, DEVANAGARI, LATIN]
    assert runs[1].text == AR_NAME
    assert runs[0].text == "Yasmin ("  # the parenthesis stays in the left-to-right run
    assert runs[2].text == "), "


def test_greek_and_cyrillic_use_the_latin_families() -> None:
    assert {r.script for r in split_runs("Νίκος Παπαδάκης, Юлия Ковальчук, Łódź")} == {LATIN}


def test_markup_escapes_and_wraps_runs() -> None:
    out = fonts.markup_runs(f"A & B <{AR_NAME}>", bold=True)
    assert "&amp;" in out and "&lt;" in out
    assert '<font name="NotoNaskhArabic-Bold">' in out
    assert "\u00a0" in out  # Arabic words joined so HarfBuzz orders them right-to-left


def test_plain_latin_markup_has_no_font_tags() -> None:
    assert fonts.markup_runs("Nguyễn & Co") == "Nguyễn &amp; Co"


@given(st.text(alphabet=st.sampled_from(list("ab ,.(1") + list("ياسم") + list("अनय्"))))
def test_runs_partition_the_text(text: str) -> None:
    runs = split_runs(text)
    assert "".join(r.text for r in runs) == text
    assert all(r.text for r in runs)
    assert all(a.script != b.script for a, b in zip(runs, runs[1:], strict=False))


def test_discretionary_ligatures_are_off_for_reportlab_shaping() -> None:
    from reportlab.pdfbase import ttfonts
    from reportlab.platypus import paragraph

    fonts.ensure_family("NotoNaskhArabic")
    assert ttfonts.shapeFragWord.__defaults__[0]["dlig"] is False
    assert paragraph.shapeFragWord is not ttfonts.shapeFragWord  # per-font wrapper installed
