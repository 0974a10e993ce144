"""What each CV section's form shows: field lists, list labels and new-entry factories.

Kept apart from the widgets so the page stays about behaviour; the labels and choices come from
the model's own tables (``CLINICAL_TYPE_LABELS``, ``ERAS_EXPERIENCE_TYPES``...), never repeated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workshop.core.cv import model as m
from workshop.core.cv.dates import format_range
from workshop.core.cv.eras_facts import (
    ERAS_DESCRIPTION_CHARS,
    ERAS_EXPERIENCE_TYPES,
    ERAS_REFLECTION_CHARS,
)
from workshop.core.cv.picklists import EXPERIENCE_PICKLISTS, eras_picklists, limit_caption
from workshop.core.cv.preferences import MAX_DIVISIONS, SETTINGS
from workshop.core.season.geography import DIVISIONS
from workshop.core.season.geography import SOURCE as CENSUS_SOURCE
from workshop.ui.cv.fields import FieldSpec as F

PRIVATE_NOTE = ("<b>Private:</b> citizenship and visa status are kept in your workspace and never "
                "exported unless you ask (untick “Keep private” below).")


def _choices(labels: dict[str, str], *, none: str | None = None) -> list[tuple[Any, str]]:
    out: list[tuple[Any, str]] = [(None, none)] if none is not None else []
    return out + list(labels.items())


def _plain(values: tuple[str, ...]) -> list[tuple[Any, str]]:
    return [(v, v.replace("-", " ").capitalize()) for v in values]


def _picklist(path: str, label: str, **kwargs: Any) -> F:
    """An editable MyERAS picklist; the tooltip names its source and says if unconfirmed."""
    picklist = eras_picklists().lists[EXPERIENCE_PICKLISTS[path]]
    tip = f"MyERAS picklist. Source: {picklist.source}."
    if not picklist.confirmed:
        tip += f" ({picklist.note}.) An old or other value may be typed; it is kept as is."
    return F(path, label, "combo", choices=[(c, c) for c in picklist.choices], tip=tip,
             **kwargs)


def _essay(path: str, key: str, label: str, rows: int = 5) -> F:
    essay = eras_picklists().essays[key]
    note = "" if essay.confirmed or essay.limit is None else "commonly reported, not confirmed"
    return F(path, label, "multiline", rows=rows, limit=essay.limit, count=True,
             limit_note=note, tip=f"{essay.source} ({limit_caption(essay)}).")


def _links_out(links: list[m.Link]) -> list[str]:
    return [f"{link.label} | {link.url}" if link.label else link.url for link in links]


def _links_in(lines: list[str]) -> list[m.Link]:
    links = []
    for line in lines:
        label, sep, url = line.partition("|")
        links.append(m.Link(label.strip(), url.strip()) if sep else m.Link("", line.strip()))
    return links


def _dated(title: str, start: Any, end: Any) -> str:
    dates = format_range(start, end)
    return f"{title}\n{dates}" if dates else title


PERSONAL = [
    F("", "Name", "heading"),
    F("personal.legal_name", "Name on passport",
      tip="Exactly as on your passport, in Latin script: ERAS, ECFMG and the NRMP match on it."),
    F("personal.native_name", "Name in native script", placeholder="e.g. ياسمين فاروق السيد",
      tip="Optional: your name in your own script, shown under the Latin one."),
    F("personal.preferred_name", "Preferred name"),
    F("personal.headline", "Headline"),
    F("target_specialty", "Target specialty", placeholder="e.g. Internal Medicine (categorical)"),
    F("", "Contact", "heading"),
    F("personal.email", "Email"),
    F("personal.phone", "Phone"),
    F("personal.city", "City"),
    F("personal.region", "State/region"),
    F("personal.country", "Country"),
    F("personal.links", "Links", "lines", rows=3, placeholder="ORCID | https://orcid.org/...",
      tip="One link a line; an optional label before a | sign.",
      to_lines=_links_out, from_lines=_links_in),
    F("summary", "Summary", "multiline", rows=3),
    F("", "Citizenship and visa", "heading"),
    F("", PRIVATE_NOTE, "note", tip="Private data note"),
    F("personal.immigration.citizenship", "Citizenship"),
    F("personal.immigration.visa_status", "Visa status",
      placeholder="e.g. Requires J-1 sponsorship"),
    F("personal.immigration.private", "Keep private (never exported)", "bool"),
]

ECFMG = [
    F("", "ECFMG certification", "heading"),
    F("ecfmg.status", "Status", "choice", choices=_plain(("not-started", "in-progress",
                                                          "certified"))),
    F("ecfmg.date", "Date certified", "date"),
    F("ecfmg.note", "Note", "multiline", rows=2),
]

EDUCATION = [
    F("kind", "Kind", "choice",
      choices=_plain(("medical-school", "university", "postgraduate", "other"))),
    F("institution", "Institution"),
    F("degree", "Degree", placeholder="MBBS, MBBCh, MBChB, MD..."),
    F("field_of_study", "Field"),
    F("city", "City"),
    F("country", "Country"),
    F("start", "Start", "date"),
    F("end", "Graduation", "date"),
    F("full_time", "Full time", "bool"),
    F("honors", "Honors"),
    F("description", "Description", "multiline"),
]

EXAMS = [
    F("kind", "Exam", "choice", choices=_choices(m.EXAM_LABELS)),
    F("name", "Name (if other)"),
    F("date", "Date", "date"),
    F("result", "Result", "choice", choices=[("", "—"), ("pass", "Pass"), ("fail", "Fail")]),
    F("score", "Score", "int", tip="Step 2 CK and Step 3 are scored; Step 1 is pass/fail."),
    F("attempts", "Attempts", "int"),
    F("note", "Note"),
]

EXPERIENCE = [
    F("section", "CV section", "choice", choices=_choices(m.SECTION_TITLES)),
    F("title", "Position/role"),
    F("organization", "Organization"),
    F("clinical_type", "Clinical type", "choice",
      choices=_choices(m.CLINICAL_TYPE_LABELS, none="— (not clinical)")),
    F("us", "U.S. experience", "bool", tip="U.S. clinical experience weighs heavily for IMGs."),
    F("specialty", "Specialty"),
    F("supervisor", "Supervisor"),
    F("city", "City"),
    F("region", "State/region"),
    F("country", "Country"),
    F("start", "Start", "date"),
    F("end", "End", "date", tip="Month and year, or 'present' for an ongoing role."),
    F("full_time", "Full time", "bool"),
    F("hours_per_week", "Hours/week", "int"),
    F("description", "CV description", "multiline", rows=4, limit=ERAS_DESCRIPTION_CHARS,
      tip="Used for ERAS too unless you write an ERAS description below."),
    F("highlights", "Highlights", "lines", rows=2, tip="One bullet a line."),
    F("", "ERAS", "heading"),
    F("eras.include", "Include in ERAS experiences", "bool"),
    F("eras.experience_type", "ERAS experience type", "choice",
      choices=_choices(ERAS_EXPERIENCE_TYPES, none="(default for the section)")),
    _picklist("eras.frequency", "Frequency"),
    _picklist("setting", "Setting", placeholder="Urban, suburban or rural"),
    _picklist("eras.primary_focus", "Primary focus area", placeholder="Optional"),
    _picklist("eras.key_characteristic", "Key characteristic", placeholder="Optional"),
    F("eras.description", "ERAS description", "multiline", rows=4,
      limit=ERAS_DESCRIPTION_CHARS, placeholder="Empty: the CV description is used."),
    F("eras.most_meaningful", "Most meaningful (at most 3)", "bool"),
    F("eras.reflection", "Reflection", "multiline", rows=3, limit=ERAS_REFLECTION_CHARS,
      tip="Most meaningful experiences get a 300-character reflection."),
]

PUBLICATIONS = [
    F("kind", "Kind", "choice", choices=_plain(("journal-article", "case-report", "review",
                                                 "abstract", "book-chapter", "other"))),
    F("status", "Status", "choice", choices=_plain(("published", "accepted", "in-press",
                                                     "submitted", "in-preparation"))),
    F("authors", "Authors", "lines", rows=3, tip="One author a line, e.g. El-Sayed YF."),
    F("title", "Title"),
    F("journal", "Journal"),
    F("year", "Year", "int"),
    F("volume", "Volume"),
    F("issue", "Issue"),
    F("pages", "Pages"),
    F("doi", "DOI", placeholder="10.xxxx/... (no https://doi.org/)"),
    F("pmid", "PMID"),
    F("url", "URL"),
]

PRESENTATIONS = [
    F("kind", "Kind", "choice", choices=[("oral", "Oral"), ("poster", "Poster")]),
    F("authors", "Authors", "lines", rows=3),
    F("title", "Title"),
    F("event", "Meeting"),
    F("location", "Location"),
    F("date", "Date", "date"),
    F("url", "URL"),
]

AWARDS = [F("title", "Award"), F("awarder", "Awarded by"), F("date", "Date", "date"),
          F("description", "Description", "multiline")]
CERTIFICATIONS = [F("name", "Name", placeholder="BLS, ACLS..."), F("issuer", "Issuer"),
                  F("date", "Date", "date"), F("expires", "Expires", "date"), F("url", "URL")]
_LANG = eras_picklists()
LANGUAGES = [F("language", "Language"),
             F("proficiency", "Proficiency (MyERAS)", "choice",
               choices=[(lv.key, lv.label) for lv in _LANG.language_levels],
               tip=f"The MyERAS scale. Source: {_LANG.language_source}. {_LANG.language_note}."),
             F("", f"Scale: {_LANG.language_note}.", "note", tip="Language scale note"),
             F("former_proficiency", "Level before the MyERAS scale",
               tip="Your earlier level, kept when the CV moved to the MyERAS scale.")]

PREFERENCES = [
    F("", "Geographic preferences (MyERAS Biographical Information)", "heading"),
    F("", f"Choose up to {MAX_DIVISIONS} U.S. Census divisions, or no preference. Programs "
      "outside your divisions see nothing of this. Divisions: "
      f"{CENSUS_SOURCE}.", "note", tip="Geographic preferences note"),
    F("preferences.divisions", "Census divisions", "checks",
      choices=[(d, d) for d in DIVISIONS], extra={"columns": 2}),
    F("preferences.no_geographic_preference", "No geographic preference", "bool"),
    _essay("preferences.geographic_essay", "geographic", "Geographic essay", rows=4),
    F("", "Setting preferences", "heading"),
    F("preferences.settings", "Settings", "checks",
      choices=list(SETTINGS.items()), extra={"columns": 3}),
    F("preferences.no_setting_preference", "No setting preference", "bool"),
    _essay("preferences.setting_essay", "setting", "Setting essay", rows=4),
    F("", "Impactful Experience (optional)", "heading"),
    F("", "Only if you have overcome major challenges or obstacles; most programs do not "
      "expect it. Do not repeat your personal statement.", "note",
      tip="Impactful Experience note"),
    _essay("impactful_experience", "impactful_experience", "Impactful Experience", rows=6),
]
SKILLS = [F("name", "Skill"), F("level", "Level"), F("keywords", "Keywords", "lines")]
HOBBIES = [F("name", "Hobby"), F("keywords", "Keywords", "lines")]
CUSTOM_SECTIONS = [F("title", "Section title")]
CUSTOM_ITEMS = [F("title", "Title"), F("subtitle", "Subtitle"), F("start", "Start", "date"),
                F("end", "End", "date"), F("description", "Description", "multiline"),
                F("url", "URL"), F("highlights", "Highlights", "lines", rows=2)]


def _experience_label(e: m.Experience) -> str:
    where = "U.S." if e.us else (e.country or "")
    head = f"{m.SECTION_TITLES[e.section].split()[0]} · {e.title or 'Untitled experience'}"
    return _dated(f"{head}" + (f" ({where})" if where else ""), e.start, e.end)


@dataclass(frozen=True)
class ListSection:
    """A list section of the CV: which list, its form, a new entry and the list label."""

    key: str
    title: str
    noun: str
    specs: list[F]
    factory: Callable[[], Any]
    label: Callable[[Any], str]


LIST_SECTIONS: list[ListSection] = [
    ListSection("education", "Education", "education entry", EDUCATION,
                lambda: m.Education(id=m.new_id("edu")),
                lambda e: _dated(f"{e.degree} {e.institution}".strip() or "New education",
                                 e.start, e.end)),
    ListSection("exams", "Exams", "exam", EXAMS, lambda: m.Exam(id=m.new_id("exam")),
                lambda e: _dated(e.label + (f" — {e.score}" if e.score else
                                            f" — {e.result}" if e.result else ""), e.date, None)),
    ListSection("experience", "Experiences", "experience", EXPERIENCE,
                lambda: m.Experience(id=m.new_id("exp")), _experience_label),
    ListSection("publications", "Publications", "publication", PUBLICATIONS,
                lambda: m.Publication(id=m.new_id("pub")),
                lambda p: f"{p.title or 'New publication'}\n{p.year or p.status}"),
    ListSection("presentations", "Presentations", "presentation", PRESENTATIONS,
                lambda: m.Presentation(id=m.new_id("pres")),
                lambda p: _dated(f"{p.kind.title()}: {p.title or 'New presentation'}",
                                 p.date, None)),
    ListSection("awards", "Awards", "award", AWARDS, lambda: m.Award(id=m.new_id("award")),
                lambda a: _dated(a.title or "New award", a.date, None)),
    ListSection("certifications", "Certifications", "certification", CERTIFICATIONS,
                lambda: m.Certification(id=m.new_id("cert")),
                lambda c: _dated(c.name or "New certification", c.date, c.expires)),
    ListSection("languages", "Languages", "language", LANGUAGES, m.Language,
                lambda lang: f"{lang.language or 'New language'} "
                f"({lang.proficiency_label})"),
    ListSection("skills", "Skills", "skill", SKILLS, m.Skill,
                lambda s: s.name or "New skill"),
    ListSection("hobbies", "Hobbies", "hobby", HOBBIES, m.Hobby,
                lambda h: h.name or "New hobby"),
    ListSection("custom_sections", "Custom sections", "section", CUSTOM_SECTIONS,
                lambda: m.CustomSection(id=m.new_id("sec"), title="New section"),
                lambda s: f"{s.title or 'Untitled section'} ({len(s.items)} items)"),
]

CUSTOM_ITEM = ListSection("items", "Items in this section", "item", CUSTOM_ITEMS, m.CustomItem,
                          lambda i: _dated(i.title or "New item", i.start, i.end))
