"""The whole MyERAS application as one plain-text worksheet, in the order MyERAS asks for it.

MyERAS is filled in box by box; a worksheet that follows its sections (AAMC MyERAS chapters:
Biographical Information with languages and preferences, Education, Experiences with the most
meaningful reflections and the Impactful Experience essay, Licensure, Scholarly Work, hobbies)
lets an applicant paste from top to bottom. Every text is made ERAS-safe and shown with its
character count against its limit, or "limit not confirmed" where no source gives one; nothing
is cut here that is not reported (the experience blocks say what :func:`eras_block` cut).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop.core.cv.dates import MonthYear
from workshop.core.cv.eras import ErasBlock, eras_blocks, eras_date, eras_safe
from workshop.core.cv.eras_facts import (
    ERAS_DESCRIPTION_CHARS,
    ERAS_MAX_EXPERIENCES,
    ERAS_REFLECTION_CHARS,
)
from workshop.core.cv.model import CV, EXAM_LABELS
from workshop.core.cv.picklists import Essay, eras_picklists, limit_caption
from workshop.core.cv.preferences import MAX_DIVISIONS, setting_label

RULE = "=" * 72
SCHOLARLY_NOTE = ("called \"Publications\" before; renamed \"Scholarly Work\" for the 2027 "
                  "season (third-party report)")


@dataclass
class WorksheetSection:
    """One MyERAS section: its title, its lines, and the fields over a (known) limit."""

    title: str
    lines: list[str] = field(default_factory=list)
    over: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join([RULE, self.title.upper(), RULE, *self.lines]).rstrip() + "\n"


def _count(text: str, limit: int | None, note: str = "") -> str:
    """"(295 characters, limit not confirmed)" or "(412/750)" with an over-limit flag."""
    if limit is None:
        return f"({len(text)} characters, limit not confirmed)"
    flag = f", {len(text) - limit} OVER" if len(text) > limit else ""
    return f"({len(text)}/{limit}{flag}{', ' + note if note else ''})"


def _essay_lines(section: WorksheetSection, title: str, text: str, essay: Essay | None) -> None:
    safe = eras_safe(text)
    limit = essay.limit if essay else None
    note = "limit unconfirmed" if essay and limit is not None and not essay.confirmed else ""
    section.lines.append(f"{title} {_count(safe, limit, note)}:")
    section.lines.append(safe or "(empty)")
    if limit is not None and len(safe) > limit:
        section.over.append(title)
    section.lines.append("")


def biographical(cv: CV) -> WorksheetSection:
    """Languages, geographic and setting preferences with their essays."""
    picklists = eras_picklists()
    section = WorksheetSection("1. Biographical Information")
    section.lines.append("Language fluency (MyERAS scale; " + picklists.language_note + "):")
    for lang in cv.languages:
        level = picklists.language_label(lang.proficiency)
        former = f" (was: {lang.former_proficiency})" if lang.former_proficiency else ""
        section.lines.append(f"  {eras_safe(lang.language) or '(unnamed)'}: {level}{former}")
    if not cv.languages:
        section.lines.append("  (none entered)")
    english = next((lg for lg in cv.languages if lg.language.strip().casefold() == "english"),
                   None)
    if english is not None:
        meets = "yes" if english.proficiency in ("native", "advanced") else "no"
        section.lines.append(f"English at the Advanced level or above (MyERAS asks): {meets}")
    section.lines.append("")
    prefs = cv.preferences
    if prefs.no_geographic_preference and not prefs.divisions:
        chosen = "No preference"
    elif prefs.divisions:
        chosen = "; ".join(prefs.divisions)
    else:
        chosen = "(not chosen)"
    section.lines.append(f"Geographic preferences (up to {MAX_DIVISIONS} U.S. Census "
                         f"divisions, or no preference): {chosen}")
    if len(prefs.divisions) > MAX_DIVISIONS:
        section.over.append("Geographic preferences (too many divisions)")
    _essay_lines(section, "Geographic preference essay", prefs.geographic_essay,
                 picklists.essays.get("geographic"))
    if prefs.no_setting_preference and not prefs.settings:
        settings = "No preference"
    else:
        settings = "; ".join(setting_label(s) for s in prefs.settings) or "(not chosen)"
    section.lines.append(f"Setting preferences (urban, suburban, rural): {settings}")
    _essay_lines(section, "Setting preference essay", prefs.setting_essay,
                 picklists.essays.get("setting"))
    return section


def _dates(start: MonthYear | None, end: MonthYear | None) -> str:
    first, last = eras_date(start), eras_date(end)
    return f"{first} - {last}" if first and last else first or last


def education(cv: CV) -> WorksheetSection:
    section = WorksheetSection("2. Education")
    for edu in cv.education:
        where = ", ".join(p for p in (edu.city, edu.country) if p)
        section.lines.append(f"{eras_safe(edu.institution) or '(institution)'}"
                             f"{' (' + where + ')' if where else ''}")
        section.lines.append(f"  Degree: {edu.degree or '-'}  Dates: "
                             f"{_dates(edu.start, edu.end) or '-'}")
    if not cv.education:
        section.lines.append("(none entered)")
    section.lines.append(f"ECFMG certification: {cv.ecfmg.status.replace('-', ' ')}"
                         + (f" ({eras_date(cv.ecfmg.date)})" if cv.ecfmg.date else ""))
    exams = [f"{EXAM_LABELS[e.kind] if e.kind != 'other' else e.label}: "
             f"{e.score if e.score is not None else e.result or '-'}" for e in cv.exams]
    if exams:
        section.lines.append("Exams (reported by transcript, for reference): "
                             + "; ".join(exams))
    return section


def _pick(name: str, value: str) -> str:
    """The value, flagged when MyERAS's picklist does not offer it (old free text)."""
    if not value:
        return "-"
    picklist = eras_picklists().lists[name]
    if picklist.known(value):
        return value
    return f"{value}  [not a MyERAS choice: pick one of {', '.join(picklist.choices)}]"


def _block_lines(number: int, block: ErasBlock) -> list[str]:
    lines = [f"-- Experience {number} --",
             f"Experience type: {block.experience_type}",
             f"Position/role: {block.position}",
             f"Organization: {block.organization}",
             f"Dates: {block.start} - {block.end}" if block.end else f"Dates: {block.start}",
             f"Frequency: {_pick('frequency', block.frequency)}",
             f"Location: {block.location or '-'}",
             f"Setting: {_pick('setting', block.setting)}",
             f"Primary focus area: {_pick('primary_focus', block.primary_focus)}",
             f"Key characteristic: {_pick('key_characteristic', block.key_characteristic)}",
             f"Description {_count(block.description, ERAS_DESCRIPTION_CHARS)}:",
             block.description or "(empty)"]
    if block.most_meaningful:
        lines += [f"Most meaningful: yes. Reflection "
                  f"{_count(block.reflection, ERAS_REFLECTION_CHARS)}:",
                  block.reflection or "(empty)"]
    if block.cut:
        lines.append(f"!! CUT to fit: {', '.join(block.cut)}; shorten it in the CV.")
    return [*lines, ""]


def experiences(cv: CV) -> WorksheetSection:
    blocks = eras_blocks(cv)
    section = WorksheetSection(f"3. Experiences ({len(blocks)} marked; MyERAS takes at most "
                               f"{ERAS_MAX_EXPERIENCES})")
    for number, block in enumerate(blocks, start=1):
        section.lines += _block_lines(number, block)
        section.over += [f"Experience {number} {name}" for name in block.cut]
    if len(blocks) > ERAS_MAX_EXPERIENCES:
        section.over.append("Experiences (more than the maximum)")
    if not blocks:
        section.lines.append("(no experience marked for ERAS)")
    essay = eras_picklists().essays.get("impactful_experience")
    section.lines.append(f"-- Impactful Experience (optional; {limit_caption(essay)}) --"
                         if essay else "-- Impactful Experience (optional) --")
    if cv.impactful_experience.strip():
        _essay_lines(section, "Impactful Experience", cv.impactful_experience, essay)
    else:
        section.lines.append("(not answered: it is optional)")
    return section


def licensure(cv: CV) -> WorksheetSection:
    section = WorksheetSection("4. Licensure and certifications")
    for cert in cv.certifications:
        dates = eras_date(cert.date) + (f", expires {eras_date(cert.expires)}"
                                        if cert.expires else "")
        section.lines.append(f"{eras_safe(cert.name)} - {eras_safe(cert.issuer) or '-'}"
                             f"{' (' + dates + ')' if dates else ''}")
    if not cv.certifications:
        section.lines.append("(none entered)")
    return section


def scholarly(cv: CV) -> WorksheetSection:
    section = WorksheetSection(f"5. Scholarly Work ({SCHOLARLY_NOTE})")
    for pub in cv.publications:
        ids = "; ".join(x for x in (f"doi:{pub.doi}" if pub.doi else "",
                                    f"PMID {pub.pmid}" if pub.pmid else "") if x)
        section.lines.append(f"[{pub.kind.replace('-', ' ')}, {pub.status.replace('-', ' ')}] "
                             f"{eras_safe(', '.join(pub.authors))}. {eras_safe(pub.title)}. "
                             f"{eras_safe(pub.journal)} {pub.year or ''}"
                             f"{'. ' + ids if ids else ''}".rstrip())
    for pres in cv.presentations:
        section.lines.append(f"[{pres.kind} presentation] {eras_safe(', '.join(pres.authors))}. "
                             f"{eras_safe(pres.title)}. {eras_safe(pres.event)}"
                             f"{', ' + eras_date(pres.date) if pres.date else ''}")
    if not cv.publications and not cv.presentations:
        section.lines.append("(none entered)")
    return section


def hobbies(cv: CV) -> WorksheetSection:
    section = WorksheetSection("6. Hobbies and interests")
    for hobby in cv.hobbies:
        keywords = f" ({', '.join(hobby.keywords)})" if hobby.keywords else ""
        section.lines.append(eras_safe(hobby.name + keywords))
    if not cv.hobbies:
        section.lines.append("(none entered)")
    return section


def worksheet_sections(cv: CV) -> list[WorksheetSection]:
    """The sections in MyERAS order (see the module docstring)."""
    return [biographical(cv), education(cv), experiences(cv), licensure(cv), scholarly(cv),
            hobbies(cv)]


def worksheet_text(cv: CV) -> str:
    """The whole worksheet as plain text (what "Save worksheet" writes)."""
    sections = worksheet_sections(cv)
    name = eras_safe(cv.personal.legal_name) or "(name not entered)"
    head = [f"MyERAS worksheet - {name}",
            "Paste each field into the MyERAS box of the same name, top to bottom. Counts are "
            "characters as pasted, spaces included.",
            "Personal information (name, contact, work authorization) is entered in MyERAS "
            "directly and is not repeated here."]
    if cv.sample_notice:
        head.insert(1, eras_safe(cv.sample_notice))
    over = [item for s in sections for item in s.over]
    head.append("Over a limit: " + "; ".join(over) if over else "Every text is within its "
                "known limit.")
    return "\n".join(head) + "\n\n" + "\n".join(s.text for s in sections)
