"""Adjustments to reportlab 5's HarfBuzz shaping, installed once per process.

Three things reportlab 5.1 does that we change, each found by reading
``reportlab/pdfbase/ttfonts.py`` (``shapeFragWord``, ``makeToUnicodeCMap``):

* It shapes with the features ``kern, liga, dlig`` (a default argument of ``shapeFragWord``).
  Discretionary ligatures stack letters in some Arabic names so they read as vowelled; we shape
  with ``dlig`` off.
* It shapes a whole word (text between spaces) with the HarfBuzz font of the word's first piece
  and fails when a word mixes fonts, as ``(ياسمين)`` does: Latin parentheses, Arabic letters.
  We shape each same-font stretch of a word on its own and join the pieces.
* Glyphs that have no Unicode code point of their own (Devanagari half forms and conjuncts) get
  a private-use code, and the PDF's ToUnicode map then points at that private code, so copying
  or extracting ``अनन्या`` gives ``अनया``. We shape complex-script runs once more ourselves to
  learn which characters each such glyph stands for, and write those into the ToUnicode map.

* Shaping reorders glyphs (a pre-base vowel sign drawn before its consonant: ``ਸਿ`` is drawn
  ``ਿ`` + ``ਸ``), so text extraction read the glyphs in visual order. Each shaped run keeps its
  original text (:class:`ActualStr`) and is written inside a ``/Span <</ActualText ...>> BDC``
  marked-content sequence, which PDF readers (poppler's pdftotext, Acrobat, pdf.js) use for
  copying and extraction instead of the glyphs.

The patches are idempotent and leave reportlab's behaviour for other fonts unchanged.
"""

from __future__ import annotations

import importlib
import re
import threading
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts

try:
    import uharfbuzz  # type: ignore[import-untyped]
except ImportError:  # pragma: no cover - uharfbuzz is a declared dependency
    uharfbuzz = None

FEATURES: dict[str, bool] = {"kern": True, "liga": True, "dlig": False}

_lock = threading.Lock()
_installed = False
#: PostScript face name -> glyph id -> the text that glyph stands for.
_glyph_text: dict[str, dict[int, str]] = {}
#: Font names whose glyph texts are known for a given run of text.
_seen: set[tuple[str, str]] = set()


def install() -> None:
    """Install the shaping and ToUnicode adjustments (once; later calls do nothing)."""
    global _installed
    with _lock:
        if _installed or uharfbuzz is None:
            return
        paragraph = importlib.import_module("reportlab.platypus.paragraph")
        original = getattr(ttfonts, "shapeFragWord", None)
        if original is None:
            return
        original.__defaults__ = (dict(FEATURES), False)
        setattr(paragraph, "shapeFragWord", _make_shaper(original))  # noqa: B010
        ttfonts.makeToUnicodeCMap = _make_cmap_writer(ttfonts.makeToUnicodeCMap)
        textobject = importlib.import_module("reportlab.pdfgen.textobject")
        cls = textobject.PDFTextObject
        cls._formatText = _make_text_formatter(cls._formatText)
        _installed = True


class ActualStr(ttfonts.ShapedStr):  # type: ignore[misc]  # reportlab has no types
    """A shaped string that remembers the text it was shaped from (``actual``).

    reportlab joins the shaped words of a line with ``+``; the joins keep the original text too.
    (A subclass's ``__radd__`` runs before the base class's ``__add__``.)
    """

    actual: str

    def __new__(cls, s: str, shapeData: Any = None, actual: str = "") -> ActualStr:  # noqa: N803
        self = super().__new__(cls, s, shapeData)
        self.actual = actual
        return self  # type: ignore[no-any-return]

    def __add__(self, other: Any) -> Any:
        joined = ttfonts.ShapedStr.__add__(self, other)
        return ActualStr(str(joined), joined.__shapeData__, self.actual + _actual(other))

    def __radd__(self, other: Any) -> Any:
        joined = ttfonts.ShapedStr.__radd__(self, other)
        return ActualStr(str(joined), joined.__shapeData__, _actual(other) + self.actual)

    def __getitem__(self, i: Any) -> Any:
        return ttfonts.ShapedStr(str(self), self.__shapeData__)[i]


_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _actual(value: Any) -> str:
    return str(getattr(value, "actual", value))


def _with_actual_text(word: Any, shaped: Any) -> Any:
    """Give each shaped piece of ``shaped`` the original text its glyphs stand for."""
    if not isinstance(shaped, ttfonts.ShapedFragWord):
        return shaped
    text = "".join(t for f, t in word[1:] if not hasattr(f, "cbDefn"))
    pieces = shaped[1:]
    starts: list[int] = []
    for _, glyphs in pieces:
        data = getattr(glyphs, "__shapeData__", None) or []
        clusters = [d.cluster for d in data if d.cluster >= 0]
        starts.append(min(clusters) if clusters else -1)
    if len(pieces) == 1:
        bounds = [(0, len(text))]
    else:
        ordered = sorted(x for x in starts if x >= 0)
        bounds = []
        for start in starts:
            later = [x for x in ordered if x > start]
            bounds.append((start, later[0] if later else len(text)) if start >= 0 else (0, 0))
    for n, ((frag, glyphs), (lo, hi)) in enumerate(zip(pieces, bounds, strict=True)):
        if isinstance(glyphs, ttfonts.ShapedStr) and not isinstance(glyphs, ActualStr):
            shaped[n + 1] = (frag, ActualStr(str(glyphs), glyphs.__shapeData__, text[lo:hi]))
    return shaped


def _make_text_formatter(original: Any) -> Any:
    if getattr(original, "_workshop_actual_text", False):
        return original

    def format_text(self: Any, text: Any) -> Any:
        out = original(self, text)
        actual = getattr(text, "actual", None)
        if (not isinstance(text, ActualStr) or not actual or actual == str(text)
                or _RTL_RE.search(actual)):
            # Right-to-left runs are left alone: readers apply their own bidi reordering to
            # the ActualText, which would reverse each word; their glyphs extract in order.
            return out
        utf16 = actual.encode("utf-16-be").hex().upper()
        return f"/Span <</ActualText <FEFF{utf16}>>> BDC {out} EMC"

    format_text._workshop_actual_text = True  # type: ignore[attr-defined]
    return format_text


def _make_shaper(original: Any) -> Any:
    features = dict(FEATURES)

    def shape_frag_word(
        word: Any, features: dict[str, bool] = features, force: bool = False
    ) -> Any:
        pieces = word[1:]
        names = {f.fontName for f, _ in pieces if not hasattr(f, "cbDefn")}
        if len(names) <= 1 or isinstance(word, ttfonts.ShapedFragWord):
            return _with_actual_text(word, original(word, features, force))
        groups: list[list[Any]] = []
        for piece in pieces:
            if groups and _font_of(groups[-1][-1]) == _font_of(piece):
                groups[-1].append(piece)
            else:
                groups.append([piece])
        shaped_any = False
        width = 0.0
        out: list[Any] = []
        for group in groups:
            sub = word.__class__([_piece_width(group), *group])
            res = _with_actual_text(sub, original(sub, features, force))
            shaped_any = shaped_any or res is not sub
            width += res[0]
            out.extend(res[1:])
        if not shaped_any:
            return word
        return ttfonts.makeShapedFragWord(word)([width, *out])

    return shape_frag_word


def _font_of(piece: Any) -> str | None:
    return getattr(piece[0], "fontName", None)


def _piece_width(pieces: list[Any]) -> float:
    total = 0.0
    for frag, text in pieces:
        if not hasattr(frag, "cbDefn"):
            total += pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
    return total


def _make_cmap_writer(original: Any) -> Any:
    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        cmap = str(original(fontname, subset))
        for i, code in enumerate(subset):  # reportlab writes <1F44D>, not UTF-16 (<D83DDC4D>)
            if code > 0xFFFF:
                utf16 = chr(code).encode("utf-16-be").hex().upper()
                cmap = cmap.replace(f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{utf16}>", 1)
        face_name = fontname.split("+", 1)[-1]
        texts = _glyph_text.get(face_name)
        font = _font_by_face.get(face_name)
        if not texts or font is None:
            return cmap
        char_to_glyph = font.face.charToGlyph
        for i, code in enumerate(subset):
            text = texts.get(char_to_glyph.get(code, -1)) if 0xE000 <= code <= 0xF8FF else None
            if text:
                utf16 = text.encode("utf-16-be").hex().upper()
                cmap = cmap.replace(f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{utf16}>", 1)
        return cmap

    return make_to_unicode_cmap


_font_by_face: dict[str, Any] = {}


def learn_glyph_texts(font_name: str, text: str) -> None:
    """Record which characters each unencoded glyph of ``text`` stands for in ``font_name``.

    Shapes like reportlab does (same features and cluster level). In each cluster, glyphs with a
    code point of their own account for their characters; the rest of the cluster's text goes
    to the first glyph that has none.
    """
    if uharfbuzz is None or (font_name, text) in _seen:
        return
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    if face is None:
        return
    _seen.add((font_name, text))
    face_name = face.name.decode("latin-1") if isinstance(face.name, bytes) else str(face.name)
    _font_by_face[face_name] = font
    known = _glyph_text.setdefault(face_name, {})
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(font.hbFont(10), buf, dict(FEATURES))
    infos = buf.glyph_infos
    starts = sorted({info.cluster for info in infos})
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        rest = list(text[start:end])
        unencoded: list[int] = []
        for info in infos:
            if info.cluster != start:
                continue
            chars = [c for c in face.glyphToChar.get(info.codepoint, ())
                     if not 0xE000 <= c <= 0xF8FF]
            if chars:
                own = chr(chars[0])
                if own in rest:
                    rest.remove(own)
            else:
                unencoded.append(info.codepoint)
        if unencoded and rest:
            known.setdefault(unencoded[0], "".join(rest))
