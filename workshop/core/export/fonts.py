"""Embedded fonts and per-script font runs for the PDF writer.

Applicants' names, schools and cities arrive in Latin with diacritics, Greek, Cyrillic, Arabic,
Devanagari and Bengali. Noto Serif / Noto Sans cover the first three; Arabic, Devanagari and
Bengali get their own Noto faces and are shaped by HarfBuzz (reportlab's
``ParagraphStyle(shaping=1)``). Text is split into runs by script so each run is set in a face
that has its glyphs, and every font is an embedded TrueType subset (never a base-14 font that a
reader would substitute). A name in a script with no shipped face is left out of the PDF
(:func:`covers`) rather than printed as empty boxes.

Two reportlab 5 glitches are handled here:

* ``reportlab.pdfbase.ttfonts.shapeFragWord`` shapes with the features
  ``kern, liga, dlig`` (a default argument). Discretionary ligatures stack letters in some
  Arabic names and read as added vowels, so the default is replaced with ``dlig`` off.
* reportlab has no paragraph-level bidi for mixed-font paragraphs, so an Arabic run of several
  words would come out in logical order (first word on the left). An Arabic run is therefore
  joined with no-break spaces into one word, which HarfBuzz shapes right-to-left as a whole;
  punctuation and digits at its edges stay in the surrounding left-to-right text, which is
  where the Unicode bidi algorithm puts them in a left-to-right paragraph.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workshop.core.errors import UserError
from workshop.core.export import shaping
from workshop.core.resources import resource

LATIN = "latin"
ARABIC = "arabic"
DEVANAGARI = "devanagari"
BENGALI = "bengali"

#: Font families a theme may name, each mapped to the file stem of its four faces.
FAMILIES: dict[str, str] = {"serif": "NotoSerif", "sans": "NotoSans"}
#: Complex-script families; they have no italic, so italic maps to the upright face.
SCRIPT_FAMILIES: dict[str, str] = {ARABIC: "NotoNaskhArabic", DEVANAGARI: "NotoSansDevanagari",
                                   BENGALI: "NotoSansBengali"}
#: Longest Arabic run (in words) kept on one line so HarfBuzz orders it right-to-left.
MAX_JOINED_RTL_WORDS = 10

_lock = threading.Lock()
_registered: set[str] = set()

_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                  (0xFE70, 0xFEFF))
_DEVANAGARI_RANGES = ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF))
_BENGALI_RANGES = ((0x0980, 0x09FF),)
#: Any character of a shaped script: a scan in C, since every paragraph of every layout asks.
_COMPLEX_RE = re.compile("[" + "".join(
    f"{chr(lo)}-{chr(hi)}" for lo, hi in (*_ARABIC_RANGES, *_DEVANAGARI_RANGES, *_BENGALI_RANGES)
) + "]")
#: Characters every face lacks on purpose but that never show: joiners and variation selectors.
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, *range(0xFE00, 0xFE10)}


def font_path(stem: str) -> Path:
    """Path of a shipped font file by its stem, e.g. ``NotoSans-Bold``."""
    return resource("fonts", f"{stem}.ttf")


def _register_face(name: str, stem: str) -> None:
    path = font_path(stem)
    if not path.is_file():
        raise UserError(
            f"The font file {path.name} is missing.",
            hint="Reinstall the application; fonts ship in resources/fonts.",
            where=str(path),
        )
    pdfmetrics.registerFont(TTFont(name, str(path)))


def ensure_family(stem: str) -> str:
    """Register the faces of one family with reportlab (once per process) and return its name.

    Registration parses the font files (tens of milliseconds), so it is cached for the process;
    reportlab keeps fonts in its own global registry anyway.
    """
    if stem in _registered:
        return stem
    with _lock:
        if stem in _registered:
            return stem
        shaping.install()
        if stem in SCRIPT_FAMILIES.values():
            _register_face(stem, f"{stem}-Regular")
            _register_face(f"{stem}-Bold", f"{stem}-Bold")
            pdfmetrics.registerFontFamily(
                stem, normal=stem, bold=f"{stem}-Bold", italic=stem, boldItalic=f"{stem}-Bold"
            )
        else:
            _register_face(stem, f"{stem}-Regular")
            for face in ("Bold", "Italic", "BoldItalic"):
                _register_face(f"{stem}-{face}", f"{stem}-{face}")
            pdfmetrics.registerFontFamily(
                stem,
                normal=stem,
                bold=f"{stem}-Bold",
                italic=f"{stem}-Italic",
                boldItalic=f"{stem}-BoldItalic",
            )
        _registered.add(stem)
        return stem


def ensure_all(families: list[str]) -> None:
    """Register the given theme families plus the complex-script families."""
    for fam in families:
        ensure_family(FAMILIES[fam])
    for stem in SCRIPT_FAMILIES.values():
        ensure_family(stem)


def script_of(char: str) -> str | None:
    """The script a character forces, or None for neutral characters (spaces, punctuation)."""
    cp = ord(char)
    if cp < 0x0590:
        return LATIN if char.isalpha() else None
    if any(lo <= cp <= hi for lo, hi in _ARABIC_RANGES):
        return ARABIC
    if any(lo <= cp <= hi for lo, hi in _DEVANAGARI_RANGES):
        return DEVANAGARI
    if any(lo <= cp <= hi for lo, hi in _BENGALI_RANGES):
        return BENGALI
    return LATIN if char.isalpha() else None


@dataclass(frozen=True)
class Run:
    """A stretch of text set in one script's font."""

    script: str
    text: str


def split_runs(text: str) -> list[Run]:
    """Split text into script runs.

    Whitespace between two characters of the same complex script stays in that run; every other
    neutral character (punctuation, digits, spaces at an edge) goes to the Latin run, whose font
    has the glyphs and whose direction matches the left-to-right paragraph.
    """
    scripts: list[str | None] = [script_of(c) for c in text]
    n = len(text)
    resolved: list[str] = []
    prev_strong: str | None = None
    for i, char in enumerate(text):
        sc = scripts[i]
        if sc is None:
            sc = LATIN
            if char.isspace() and prev_strong not in (None, LATIN):
                nxt = next((s for s in scripts[i + 1 : n] if s is not None), None)
                if nxt == prev_strong:
                    sc = prev_strong
        else:
            prev_strong = sc
        resolved.append(sc)
    runs: list[Run] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or resolved[i] != resolved[start]:
            runs.append(Run(resolved[start], text[start:i]))
            start = i
    return runs


def has_complex_script(text: str) -> bool:
    """True when the text needs HarfBuzz shaping (Arabic, Devanagari or Bengali)."""
    return _COMPLEX_RE.search(text) is not None


def covers(text: str, family: str = "serif") -> bool:
    """True when the shipped fonts have a glyph for every visible character of ``text``.

    A name in a script we ship no font for (Tamil, Chinese, Amharic...) would print as empty
    boxes, which looks broken on the page an applicant sends; the caller leaves such text out
    of the PDF instead (Word picks a system font for it in the .docx). Registers the fonts.
    """
    ensure_all([family])
    for run in split_runs(text):
        stem = SCRIPT_FAMILIES.get(run.script) or FAMILIES[family]
        glyphs = pdfmetrics.getFont(stem).face.charToGlyph
        if any(ord(c) not in glyphs and not c.isspace() and ord(c) not in _INVISIBLE
               for c in run.text):
            return False
    return True


def markup_runs(text: str, *, bold: bool = False) -> str:
    """Escape text for a reportlab Paragraph and wrap complex-script runs in font tags.

    A ``<font name=...>`` tag names one face, so the caller says whether the text is bold.
    """
    if not has_complex_script(text):
        return escape(text)
    out: list[str] = []
    for run in split_runs(text):
        if run.script == LATIN:
            out.append(escape(run.text))
            continue
        body = run.text
        if run.script == ARABIC and len(body.split()) <= MAX_JOINED_RTL_WORDS:
            body = "\u00a0".join(body.split(" "))
        face = ensure_family(SCRIPT_FAMILIES[run.script]) + ("-Bold" if bold else "")
        shaping.learn_glyph_texts(face, body)
        out.append(f'<font name="{face}">{escape(body)}</font>')
    return "".join(out)
