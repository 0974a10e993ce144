"""Which face serves which script: plain data, no reportlab.

The app registers these faces with Qt at start-up (``ui/fonts.py``) and the PDF engine embeds
the same files (``core/export/fonts.py``); keeping the table here means the window can paint
without importing reportlab and HarfBuzz (about 20 MB and 150 ms).
"""

from __future__ import annotations

from dataclasses import dataclass

LATIN = "latin"
ARABIC = "arabic"
HEBREW = "hebrew"
DEVANAGARI = "devanagari"
BENGALI = "bengali"
GURMUKHI = "gurmukhi"
GUJARATI = "gujarati"
TAMIL = "tamil"
TELUGU = "telugu"
SINHALA = "sinhala"
THAI = "thai"
KHMER = "khmer"
GEORGIAN = "georgian"
ARMENIAN = "armenian"
ETHIOPIC = "ethiopic"
CJK = "cjk"
SYMBOLS = "symbols"
EMOJI = "emoji"


@dataclass(frozen=True)
class ScriptFace:
    """The shipped face for one script.

    Attributes:
        label: the script's name in messages ("Han, Hangul and Kana").
        stem: file stem of the face (``<stem>-Regular.ttf``, or ``<stem>.ttf`` when
            ``single_file``).
        ranges: code point ranges of the script.
        bold: a bold face ships; without one, bold runs use the regular face (saves wheel size
            for large fonts: Ethiopic, Sinhala, Telugu, Gujarati, CJK).
        shaped: needs HarfBuzz (reportlab's ``shaping=1``): joining, reordering, conjuncts.
        rtl: right-to-left (runs are joined with no-break spaces, see the module docstring).
    """

    label: str
    stem: str
    ranges: tuple[tuple[int, int], ...]
    bold: bool = True
    shaped: bool = True
    rtl: bool = False
    single_file: bool = False


#: Font families a theme may name, each mapped to the file stem of its four faces.
FAMILIES: dict[str, str] = {"serif": "NotoSerif", "sans": "NotoSans"}
#: Every non-Latin script we ship a face for; the order is the fallback order for a character
#: whose own script's face lacks it.
SCRIPTS: dict[str, ScriptFace] = {
    ARABIC: ScriptFace("Arabic", "NotoNaskhArabic", ((0x0600, 0x06FF), (0x0750, 0x077F),
                       (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)), rtl=True),
    HEBREW: ScriptFace("Hebrew", "NotoSansHebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
                       rtl=True),
    DEVANAGARI: ScriptFace("Devanagari", "NotoSansDevanagari", ((0x0900, 0x097F),
                           (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF))),
    BENGALI: ScriptFace("Bengali", "NotoSansBengali", ((0x0980, 0x09FF),)),
    GURMUKHI: ScriptFace("Gurmukhi", "NotoSansGurmukhi", ((0x0A00, 0x0A7F),)),
    GUJARATI: ScriptFace("Gujarati", "NotoSansGujarati", ((0x0A80, 0x0AFF),), bold=False),
    TAMIL: ScriptFace("Tamil", "NotoSansTamil", ((0x0B80, 0x0BFF), (0x11FC0, 0x11FFF))),
    TELUGU: ScriptFace("Telugu", "NotoSansTelugu", ((0x0C00, 0x0C7F),), bold=False),
    SINHALA: ScriptFace("Sinhala", "NotoSansSinhala", ((0x0D80, 0x0DFF), (0x111E0, 0x111FF)),
                        bold=False),
    THAI: ScriptFace("Thai", "NotoSansThai", ((0x0E00, 0x0E7F),)),
    KHMER: ScriptFace("Khmer", "NotoSansKhmer", ((0x1780, 0x17FF), (0x19E0, 0x19FF))),
    GEORGIAN: ScriptFace("Georgian", "NotoSansGeorgian", ((0x10A0, 0x10FF), (0x2D00, 0x2D2F),
                         (0x1C90, 0x1CBF)), shaped=False),
    ARMENIAN: ScriptFace("Armenian", "NotoSansArmenian", ((0x0530, 0x058F), (0xFB13, 0xFB17)),
                         shaped=False),
    ETHIOPIC: ScriptFace("Ethiopic", "NotoSansEthiopic", ((0x1200, 0x139F), (0x2D80, 0x2DDF),
                         (0xAB00, 0xAB2F)), bold=False, shaped=False),
    CJK: ScriptFace("Han, Hangul and Kana", "DroidSansFallback", (
        (0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3040, 0x30FF),
        (0x3100, 0x312F), (0x3130, 0x318F), (0x3190, 0x33FF), (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF),
        (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x2FFFF)),
        bold=False, shaped=False, single_file=True),
    SYMBOLS: ScriptFace("symbol or emoji", "NotoSansSymbols2", (
        (0x2190, 0x21FF), (0x2300, 0x23FF), (0x2460, 0x24FF), (0x25A0, 0x27BF),
        (0x2900, 0x297F), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF)), bold=False, shaped=False),
    # Monochrome emoji (Noto Emoji, OFL) for what Symbols 2 lacks (😀, 👩‍⚕️ parts...). No
    # ranges of its own: the symbols range owns those code points, and a character its face
    # lacks falls back through every shipped face in this order (fonts.face_for).
    EMOJI: ScriptFace("emoji", "NotoEmoji", (), bold=False, shaped=False, single_file=True),
}
#: Complex-script families (compatibility name): script -> family stem.
SCRIPT_FAMILIES: dict[str, str] = {k: v.stem for k, v in SCRIPTS.items()}
