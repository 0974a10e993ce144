"""Embedded fonts and per-script font runs for the PDF writer.

Applicants' and writers' names, schools and cities arrive in any script. Noto Serif / Noto Sans
cover Latin with diacritics, Greek and Cyrillic; every other script in :data:`SCRIPTS` has its
own shipped face (Noto for Arabic, Hebrew, the Indic scripts, Thai, Khmer, Georgian, Armenian,
Ethiopic; Droid Sans Fallback for Han, Hangul and Kana; Noto Sans Symbols 2 as the monochrome
emoji fallback), and complex scripts are shaped by HarfBuzz (reportlab's
``ParagraphStyle(shaping=1)``). Text is split into runs by script so each run is set in a face
that has its glyphs; a character its run's face lacks falls back to the first face that has
it, then to a system font (:data:`SYSTEM_FALLBACKS`). Every font is an embedded TrueType subset
(never a base-14 font that a reader would substitute). A character no font has is kept (an
empty box) and reported by :func:`missing` / :func:`missing_warning`, never dropped silently.

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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics

from workshop.core.errors import UserError
from workshop.core.export import shaping
from workshop.core.export.font_cache import default_cache
from workshop.core.export.scripts import (  # the table, re-exported for the engine
    ARABIC as ARABIC,
)
from workshop.core.export.scripts import (
    ARMENIAN as ARMENIAN,
)
from workshop.core.export.scripts import (
    BENGALI as BENGALI,
)
from workshop.core.export.scripts import (
    CJK as CJK,
)
from workshop.core.export.scripts import (
    DEVANAGARI as DEVANAGARI,
)
from workshop.core.export.scripts import (
    EMOJI as EMOJI,
)
from workshop.core.export.scripts import (
    ETHIOPIC as ETHIOPIC,
)
from workshop.core.export.scripts import (
    FAMILIES as FAMILIES,
)
from workshop.core.export.scripts import (
    GEORGIAN as GEORGIAN,
)
from workshop.core.export.scripts import (
    GUJARATI as GUJARATI,
)
from workshop.core.export.scripts import (
    GURMUKHI as GURMUKHI,
)
from workshop.core.export.scripts import (
    HEBREW as HEBREW,
)
from workshop.core.export.scripts import (
    KHMER as KHMER,
)
from workshop.core.export.scripts import (
    LATIN as LATIN,
)
from workshop.core.export.scripts import (
    SCRIPT_FAMILIES as SCRIPT_FAMILIES,
)
from workshop.core.export.scripts import (
    SCRIPTS as SCRIPTS,
)
from workshop.core.export.scripts import (
    SINHALA as SINHALA,
)
from workshop.core.export.scripts import (
    SYMBOLS as SYMBOLS,
)
from workshop.core.export.scripts import (
    TAMIL as TAMIL,
)
from workshop.core.export.scripts import (
    TELUGU as TELUGU,
)
from workshop.core.export.scripts import (
    THAI as THAI,
)
from workshop.core.export.scripts import (
    ScriptFace as ScriptFace,
)
from workshop.core.resources import resource

#: Fonts a desktop may have that fill what we do not ship (colour-free emoji, rare scripts).
#: TrueType outlines only: reportlab cannot embed CFF, so a font that fails to load is skipped.
SYSTEM_FALLBACKS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/seguisym.ttf",
    "C:/Windows/Fonts/seguiemj.ttf",
    "/System/Library/Fonts/Apple Symbols.ttf",
)
#: Longest right-to-left run (in words) kept on one line so HarfBuzz orders it right-to-left.
MAX_JOINED_RTL_WORDS = 10

_lock = threading.Lock()
_registered: set[str] = set()
_system_faces: list[str] | None = None

_ARABIC_RANGES = SCRIPTS[ARABIC].ranges
_DEVANAGARI_RANGES = SCRIPTS[DEVANAGARI].ranges
_BENGALI_RANGES = SCRIPTS[BENGALI].ranges
_SCRIPT_BY_RANGE: tuple[tuple[int, int, str], ...] = tuple(sorted(
    (lo, hi, script) for script, face in SCRIPTS.items() for lo, hi in face.ranges))


def _char_class(ranges: list[tuple[int, int]]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
                                    for lo, hi in ranges) + "]")


#: Any character of a shaped script: a scan in C, since every paragraph of every layout asks.
_COMPLEX_RE = _char_class([r for f in SCRIPTS.values() if f.shaped for r in f.ranges])
#: Characters every face lacks on purpose but that never show: joiners and variation selectors.
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, *range(0xFE00, 0xFE10),
              *range(0xE0100, 0xE01F0)}


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
    pdfmetrics.registerFont(default_cache().load(name, path))


def _script_face(stem: str) -> ScriptFace | None:
    return next((f for f in SCRIPTS.values() if f.stem == stem), None)


def ensure_family(stem: str) -> str:
    """Register the faces of one family with reportlab (once per process) and return its name.

    Registration parses the font files (tens of milliseconds; the CJK face more), so it is
    done once a process, from the on-disk cache of parsed fonts when it has them
    (:mod:`~workshop.core.export.font_cache`), and script faces are registered only when a text
    needs them.
    """
    if stem in _registered:
        return stem
    with _lock:
        if stem in _registered:
            return stem
        shaping.install()
        script = _script_face(stem)
        if script is not None:
            _register_face(stem, stem if script.single_file else f"{stem}-Regular")
            bold = stem
            if script.bold:
                bold = f"{stem}-Bold"
                _register_face(bold, bold)
            pdfmetrics.registerFontFamily(
                stem, normal=stem, bold=bold, italic=stem, boldItalic=bold
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
    """Register the given theme families (script faces register on first use)."""
    for fam in families:
        ensure_family(FAMILIES[fam])


def system_faces() -> list[str]:
    """Names of the system fallback fonts that exist here and reportlab can embed."""
    global _system_faces
    with _lock:
        if _system_faces is None:
            found: list[str] = []
            for n, raw in enumerate(SYSTEM_FALLBACKS):
                path = Path(raw)
                if not path.is_file():
                    continue
                name = f"SystemFallback{n}"
                try:
                    pdfmetrics.registerFont(default_cache().load(name, path))
                except Exception:  # noqa: BLE001 - CFF outlines, a damaged file: not usable
                    continue
                found.append(name)
            _system_faces = found
        return list(_system_faces)


def _glyphs(face: str) -> dict[int, int]:
    if face in FAMILIES.values() or _script_face(face) is not None:
        ensure_family(face)
    return pdfmetrics.getFont(face).face.charToGlyph  # type: ignore[no-any-return]


def script_of(char: str) -> str | None:
    """The script a character forces, or None for neutral characters (spaces, punctuation)."""
    cp = ord(char)
    if cp < 0x0590:
        return LATIN if char.isalpha() else None
    for lo, hi, script in _SCRIPT_BY_RANGE:
        if cp < lo:
            break
        if cp <= hi:
            return script
    return LATIN if char.isalpha() else None


def script_label(char: str) -> str:
    """The script of a character in words, for messages ("Tamil", "emoji", "Mongolian")."""
    script = script_of(char)
    if script in SCRIPTS:
        return "emoji" if ord(char) >= 0x1F000 else SCRIPTS[script].label
    name = unicodedata.name(char, "")
    if not name:
        return "unknown script"
    return name.split()[0].title() if script == LATIN or " LETTER " in name else "symbol"


def face_for(char: str, preferred: str, base: str = "NotoSans") -> str | None:
    """The face that draws ``char``: the run's own face, the base family, then every shipped
    script face and the system fallbacks; None when no font has it."""
    cp = ord(char)
    if cp in _INVISIBLE or char.isspace():
        return preferred
    shipped = _shipped_face(cp, preferred, base)
    if shipped is not None:
        return shipped
    return next((face for face in system_faces() if cp in _glyphs(face)), None)


@lru_cache(maxsize=8192)
def _shipped_face(cp: int, preferred: str, base: str) -> str | None:
    """The first shipped face in ``face_for``'s order that has ``cp``: the same answer for the
    process (shipped files do not change), asked per character of every export."""
    chain = (preferred, base, *(f.stem for f in SCRIPTS.values()))
    return next((face for face in dict.fromkeys(chain) if cp in _glyphs(face)), None)


_base: frozenset[str] | None = None


def _base_chars() -> frozenset[str]:
    """Characters both theme families draw: text made only of these needs no font tags."""
    global _base
    if _base is None:
        serif, sans = _glyphs("NotoSerif"), _glyphs("NotoSans")
        _base = frozenset(chr(c) for c in serif if c in sans) | frozenset(" \t\n\r\u00a0")
    return _base


def _plain(text: str) -> bool:
    return max(text, default="\0") < "\u0370" or set(text) <= _base_chars()


def missing(text: str) -> list[str]:
    """Visible characters of ``text`` no font here can draw, each once, in text order."""
    if _plain(text):
        return []
    out: list[str] = []
    for run in split_runs(text):
        preferred = SCRIPTS[run.script].stem if run.script in SCRIPTS else "NotoSans"
        glyphs = _glyphs(preferred)
        for char in run.text:
            if ord(char) in glyphs or char in out:
                continue
            if face_for(char, preferred) is None:
                out.append(char)
    return out


def missing_warning(char: str, where: str = "") -> str:
    """"No font has “𑀓” (U+11013 BRAHMI LETTER KA, Brahmi): …" for one character."""
    name = unicodedata.name(char, "unnamed")
    place = f" in {where}" if where else ""
    return (f"No font here has “{char}” (U+{ord(char):04X} {name}, {script_label(char)}){place}: "
            "it prints as an empty box. Replace it, or install a TrueType font with it.")


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
    """True when the text needs HarfBuzz shaping (Arabic, Hebrew, the Indic scripts, Thai...)."""
    return _COMPLEX_RE.search(text) is not None


def covers(text: str, family: str = "serif") -> bool:
    """True when the shipped (or system fallback) fonts draw every visible character."""
    ensure_all([family])
    return not missing(text)


def markup_runs(text: str, *, bold: bool = False) -> str:
    """Escape text for a reportlab Paragraph and wrap runs not in the base font in font tags.

    A ``<font name=...>`` tag names one face, so the caller says whether the text is bold.
    Characters the base (Latin) face lacks fall back, one by one, to the first face that has
    them; a character no face has stays in the base face (an empty box) and
    :func:`missing` reports it, so nothing is silently dropped.
    """
    if _plain(text):
        return escape(text)
    out: list[str] = []
    for run in split_runs(text):
        preferred = SCRIPTS[run.script].stem if run.script in SCRIPTS else "NotoSans"
        for face, body in _face_pieces(run.text, preferred):
            if face is None or face in FAMILIES.values():
                out.append(escape(body))
                continue
            script = _script_face(face)
            if script is not None and script.rtl and len(body.split()) <= MAX_JOINED_RTL_WORDS:
                body = "\u00a0".join(body.split(" "))
            name = ensure_family(face) if script is not None else face
            if script is not None and script.bold and bold:
                name += "-Bold"
            if script is not None and script.shaped:
                shaping.learn_glyph_texts(name, body)
            out.append(f'<font name="{name}">{escape(body)}</font>')
    return "".join(out)


def _face_pieces(text: str, preferred: str) -> list[tuple[str | None, str]]:
    """Split one script run by the face that draws each character (mostly one piece)."""
    glyphs = _glyphs(preferred)
    pieces: list[tuple[str | None, str]] = []
    for char in text:
        face = preferred if ord(char) in glyphs else face_for(char, preferred)
        if face is None:
            face = "NotoSans" if preferred in FAMILIES.values() else None
        if pieces and pieces[-1][0] == face:
            pieces[-1] = (face, pieces[-1][1] + char)
        else:
            pieces.append((face, char))
    return pieces
