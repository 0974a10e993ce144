"""Font hints per script run in a .docx, so Word sets every name in a face that has its glyphs.

Word picks one of four font slots per character (ascii/hAnsi for Latin and most alphabets,
eastAsia for Han, Kana and Hangul, cs for complex scripts); a run without a hint for its slot
falls back to whatever the reader's Word has, which for Tamil or Korean may be a box. After the
document is built, every run whose text leaves the Latin fonts is split at script boundaries
(the text stays identical) and each piece names a font for its slot (``w:rFonts``) and, for
East Asian text, the language (``w:lang w:eastAsia``) so simplified and traditional Han, Kana
and Hangul get the right regional glyphs.

The names are fonts every Windows 10+ install has; Word on macOS and LibreOffice substitute
their own faces for the same slots.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from workshop.core.export import fonts

#: script -> (slot, font name). Slot "ascii" sets ascii and hAnsi.
HINTS: dict[str, tuple[str, str]] = {
    fonts.ARABIC: ("cs", "Arial"),
    fonts.HEBREW: ("cs", "Arial"),
    fonts.DEVANAGARI: ("cs", "Nirmala UI"),
    fonts.BENGALI: ("cs", "Nirmala UI"),
    fonts.GURMUKHI: ("cs", "Nirmala UI"),
    fonts.GUJARATI: ("cs", "Nirmala UI"),
    fonts.TAMIL: ("cs", "Nirmala UI"),
    fonts.TELUGU: ("cs", "Nirmala UI"),
    fonts.SINHALA: ("cs", "Nirmala UI"),
    fonts.THAI: ("cs", "Leelawadee UI"),
    fonts.KHMER: ("cs", "Leelawadee UI"),
    fonts.GEORGIAN: ("ascii", "Sylfaen"),
    fonts.ARMENIAN: ("ascii", "Sylfaen"),
    fonts.ETHIOPIC: ("ascii", "Ebrima"),
    fonts.SYMBOLS: ("ascii", "Segoe UI Symbol"),
}
#: East Asian language -> font.
EAST_ASIAN: dict[str, str] = {"zh-CN": "Microsoft YaHei", "zh-TW": "Microsoft JhengHei",
                              "ja-JP": "Yu Gothic", "ko-KR": "Malgun Gothic"}
#: Complex-script languages Word uses for shaping and spelling (w:lang w:bidi for RTL).
_BIDI_LANG = {fonts.ARABIC: "ar-SA", fonts.HEBREW: "he-IL"}


def east_asian_lang(text: str) -> str:
    """"ko-KR" with Hangul, "ja-JP" with Kana, else "zh-CN" when GB2312 holds every Han
    character (simplified), "zh-TW" otherwise (traditional)."""
    if any(0xAC00 <= ord(c) <= 0xD7AF or 0x1100 <= ord(c) <= 0x11FF
           or 0x3130 <= ord(c) <= 0x318F for c in text):
        return "ko-KR"
    if any(0x3040 <= ord(c) <= 0x30FF for c in text):
        return "ja-JP"
    han = "".join(c for c in text if 0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF)
    try:
        han.encode("gb2312")
    except UnicodeEncodeError:
        return "zh-TW"
    return "zh-CN"


def add_script_hints(root: Any) -> int:
    """Split runs under ``root`` (a document body or header) by script and add font hints.

    Returns:
        How many runs were given a hint (for tests).
    """
    hinted = 0
    for run in list(root.iter(qn("w:r"))):
        children = [c for c in run if c.tag != qn("w:rPr")]
        if len(children) != 1 or children[0].tag != qn("w:t"):
            continue
        text = children[0].text or ""
        if max(text, default="\0") < "\u0590":
            continue
        pieces = fonts.split_runs(text)
        if all(p.script == fonts.LATIN for p in pieces):
            continue
        for piece in pieces:
            new = copy.deepcopy(run)
            t = new.find(qn("w:t"))
            t.text = piece.text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if piece.script != fonts.LATIN:
                _hint(new, piece.script, piece.text)
                hinted += 1
            run.addprevious(new)
        run.getparent().remove(run)
    return hinted


def _rpr(run: Any) -> Any:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    return rpr


def _hint(run: Any, script: str, text: str) -> None:
    rpr = _rpr(run)
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        style = rpr.find(qn("w:rStyle"))
        if style is not None:
            style.addnext(rfonts)
        else:
            rpr.insert(0, rfonts)
    if script == fonts.CJK:
        lang = east_asian_lang(text)
        rfonts.set(qn("w:eastAsia"), EAST_ASIAN[lang])
        rfonts.set(qn("w:hint"), "eastAsia")
        _lang(rpr).set(qn("w:eastAsia"), lang)
        return
    slot, name = HINTS.get(script, ("ascii", "Segoe UI Symbol"))
    if slot == "cs":
        rfonts.set(qn("w:cs"), name)
        rfonts.set(qn("w:hint"), "cs")
        if script in _BIDI_LANG:
            _lang(rpr).set(qn("w:bidi"), _BIDI_LANG[script])
    else:
        rfonts.set(qn("w:ascii"), name)
        rfonts.set(qn("w:hAnsi"), name)


def _lang(rpr: Any) -> Any:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        after = [rpr.find(qn(tag)) for tag in ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
        anchor = next((a for a in after if a is not None), None)
        if anchor is not None:
            anchor.addprevious(lang)
        else:
            rpr.append(lang)
    return lang
