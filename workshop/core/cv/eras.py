"""ERAS-ready plain-text blocks, one per experience, to paste field by field into MyERAS.

MyERAS takes plain text: smart quotes, long dashes, tabs, non-breaking spaces, bullets, emoji and
hidden characters may arrive broken (FACTS.md, "Personal statement format"; the same form fields
are used for experiences). Each block is made ERAS-safe and kept within the limits (750
characters per description, 300 per reflection); text cut to fit is reported, never hidden.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from workshop.core.checks.rules.eras_safe import make_eras_safe
from workshop.core.cv.dates import MonthYear
from workshop.core.cv.eras_facts import (
    ERAS_DESCRIPTION_CHARS,
    ERAS_EXPERIENCE_TYPES,
    ERAS_REFLECTION_CHARS,
)
from workshop.core.cv.model import CV, Experience
from workshop.core.textio.bidi import strip_bidi_controls

_REPLACE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u2026": "...", "\u2022": "-", "\u25cf": "-", "\u25aa": "-", "\u2023": "-", "\u2043": "-",
    "\t": " ", "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n\n",
}
_REPLACE_RE = re.compile("|".join(re.escape(k) for k in sorted(_REPLACE, key=len, reverse=True)))
_SPACES = re.compile(r"[ ]{2,}")
_ASCII_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_TRAILING = re.compile(r"[ ]+\n")


def _keep(ch: str) -> bool:
    """Drop control/format characters (zero-width, BOM), private-use and pictographs/emoji."""
    if ch == "\n":
        return True
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cf", "Co", "Cs", "Cn"):
        return False
    return not (cat in ("So", "Sk") and ord(ch) >= 0x2000)


def eras_safe(text: str) -> str:
    """Plain text that survives MyERAS: straight quotes, hyphens, no tabs, no emoji.

    Uses the statements' shared fixer (``resources/checks/eras_safe.json``) so both agree,
    then removes what a form field cannot hold (lone carriage returns, format characters).
    Letters of every script are kept (names and places may be Arabic, Greek, Devanagari...).
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    text = strip_bidi_controls(text)  # a control between words becomes a space, never glue
    text = make_eras_safe(text)
    text = _REPLACE_RE.sub(lambda m: _REPLACE[m.group(0)], text)
    if not text.isascii():
        text = "".join(ch for ch in text if _keep(ch))
    text = _ASCII_CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _TRAILING.sub("\n", text)
    return text.strip()


def fit(text: str, limit: int) -> tuple[str, bool]:
    """Cut ``text`` to ``limit`` characters at the last sentence or word end; (text, was_cut)."""
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    sentence = max(head.rfind(". "), head.rfind(".\n"), head.rfind("! "), head.rfind("? "))
    if sentence >= limit * 0.6:
        return head[: sentence + 1].rstrip(), True
    space = head.rstrip().rfind(" ")
    cut = head[:space] if space > 0 else head
    return cut.rstrip(" ,;:-"), True


def eras_date(date: MonthYear | None) -> str:
    """MM/YYYY as MyERAS date fields take it; "Present" for ongoing, "" when unknown."""
    if date is None:
        return ""
    if date.present:
        return "Present"
    return f"{date.month:02d}/{date.year}" if date.month else str(date.year)


@dataclass(frozen=True)
class ErasBlock:
    """One experience, field by field, as it goes into MyERAS.

    ``cut`` names the fields that had to be shortened to fit (the UI shows them; the checks
    report the overrun separately). ``changed`` is True when ERAS-unsafe characters were replaced.
    """

    experience_id: str
    where: str
    experience_type: str
    position: str
    organization: str
    location: str
    start: str
    end: str
    frequency: str
    setting: str
    description: str
    most_meaningful: bool
    reflection: str
    primary_focus: str = ""
    key_characteristic: str = ""
    cut: tuple[str, ...] = field(default_factory=tuple)
    changed: bool = False

    @property
    def text(self) -> str:
        """The whole block as labelled plain text (what "copy" puts on the clipboard)."""
        lines = [
            f"Experience type: {self.experience_type}",
            f"Position/role: {self.position}",
            f"Organization: {self.organization}",
            f"Location: {self.location}",
            f"Dates: {self.start} - {self.end}" if self.end else f"Dates: {self.start}",
        ]
        if self.frequency:
            lines.append(f"Frequency: {self.frequency}")
        if self.setting:
            lines.append(f"Setting: {self.setting}")
        if self.primary_focus:
            lines.append(f"Primary focus area: {self.primary_focus}")
        if self.key_characteristic:
            lines.append(f"Key characteristic: {self.key_characteristic}")
        lines += ["", f"Description ({len(self.description)}/{ERAS_DESCRIPTION_CHARS}):",
                  self.description]
        if self.most_meaningful:
            lines += ["", "Most meaningful: yes",
                      f"Reflection ({len(self.reflection)}/{ERAS_REFLECTION_CHARS}):",
                      self.reflection]
        return "\n".join(lines) + "\n"


def _frequency(exp: Experience) -> str:
    if exp.eras.frequency:
        return exp.eras.frequency
    return f"{exp.hours_per_week} hours/week" if exp.hours_per_week else ""


def eras_block(exp: Experience, where: str = "") -> ErasBlock:
    """The ERAS block of one experience (see :func:`eras_blocks`)."""
    raw = {
        "position": exp.title, "organization": exp.organization,
        "location": ", ".join(p for p in (exp.city, exp.region, exp.country) if p),
        "frequency": _frequency(exp), "setting": exp.setting,
        "primary_focus": exp.eras.primary_focus,
        "key_characteristic": exp.eras.key_characteristic,
        "description": exp.eras_description,
        "reflection": exp.eras.reflection if exp.eras.most_meaningful else "",
    }
    safe = {k: eras_safe(v) for k, v in raw.items()}
    changed = any(safe[k] != v.strip() for k, v in raw.items())
    description, cut_d = fit(safe["description"], ERAS_DESCRIPTION_CHARS)
    reflection, cut_r = fit(safe["reflection"], ERAS_REFLECTION_CHARS)
    cut = tuple(name for name, was in (("description", cut_d), ("reflection", cut_r)) if was)
    return ErasBlock(
        experience_id=exp.id, where=where,
        experience_type=ERAS_EXPERIENCE_TYPES[exp.eras_type],
        position=safe["position"], organization=safe["organization"],
        location=safe["location"], start=eras_date(exp.start), end=eras_date(exp.end),
        frequency=safe["frequency"], setting=safe["setting"], description=description,
        most_meaningful=exp.eras.most_meaningful, reflection=reflection,
        primary_focus=safe["primary_focus"], key_characteristic=safe["key_characteristic"],
        cut=cut,
        changed=changed,
    )


def eras_blocks(cv: CV) -> list[ErasBlock]:
    """Blocks for the experiences marked "include in ERAS", in the CV's order.

    The count limit (10) is a check finding, not a cut: the user decides what to drop.
    """
    return [
        eras_block(exp, f"experience[{i}]")
        for i, exp in enumerate(cv.experience) if exp.eras.include
    ]


def eras_text(cv: CV) -> str:
    """Every block, separated by a rule line (for "copy all" or a .txt export)."""
    return "\n----------\n\n".join(block.text for block in eras_blocks(cv))
