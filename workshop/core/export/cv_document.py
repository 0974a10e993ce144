"""Build the neutral document of a CV from the CV model (``workshop.core.cv.model``).

Section order follows what U.S. program directors expect from an IMG: education, licensure and
examinations (with ECFMG), clinical experience first among experiences, then research, scholarly
work, teaching, service, leadership, awards, certifications, languages, skills and interests.
The private immigration block is left out unless the caller asks for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workshop.core.cv.dates import format_range
from workshop.core.cv.model import CV, SECTION_TITLES, SECTIONS, public_copy
from workshop.core.export.document import (
    Block,
    BulletList,
    Document,
    Entry,
    Heading,
    Inline,
    KeyValue,
    Masthead,
    Paragraph,
    Part,
    Span,
    autolink,
    doi_url,
    link,
    text,
)

_US = {"united states", "usa", "u.s.", "us", "united states of america"}
_PUB_STATUS = {
    "accepted": "Accepted",
    "in-press": "In press",
    "submitted": "Submitted",
    "in-preparation": "In preparation",
}


def as_cv(cv: CV | Mapping[str, Any]) -> CV:
    """Accept a CV or its ``to_dict()`` form (validated by ``CV.from_dict``)."""
    return cv if isinstance(cv, CV) else CV.from_dict(dict(cv))


def place(city: str, region: str = "", country: str = "") -> str:
    """"Chicago, IL" for U.S. places, "Cairo, Egypt" elsewhere."""
    if country.strip().lower() in _US:
        return ", ".join(x for x in (city, region) if x) or country
    return ", ".join(x for x in (city, region if not city else "", country) if x)


def masthead(cv: CV, *, include_private: bool = False) -> Masthead:
    p = cv.personal
    contact: list[Inline] = []
    where = place(p.city, p.region, p.country)
    if where:
        contact.append(text(where))
    if p.email:
        contact.append((link(p.email, f"mailto:{p.email}"),))
    if p.phone:
        digits = "".join(c for c in p.phone if c.isdigit() or c == "+")
        contact.append((link(p.phone, f"tel:{digits}"),))
    for item in p.links:
        if item.url:
            contact.append((link(item.label or item.url, item.url),))
    headline = p.headline
    if include_private and not p.immigration.private and p.immigration.visa_status:
        headline = " \u2014 ".join(x for x in (headline, p.immigration.visa_status) if x)
    return Masthead(p.legal_name, p.native_name, headline, tuple(contact))


def _education(cv: CV) -> list[Block]:
    blocks: list[Block] = []
    for ed in cv.education:
        title = ", ".join(x for x in (ed.degree, ed.field_of_study) if x) or ed.institution
        summary = " ".join(x for x in (ed.honors + ("." if ed.honors else ""), ed.description) if x)
        blocks.append(Entry(title, ed.institution, place(ed.city, "", ed.country),
                            format_range(ed.start, ed.end), autolink(summary)))
    return blocks


def _exams(cv: CV) -> list[Block]:
    rows: list[tuple[str, Inline]] = []
    for ex in cv.exams:
        result = f"Score {ex.score}" if ex.score is not None else ex.result.capitalize()
        tries = {None: "", 1: "first attempt"}.get(ex.attempts, f"{ex.attempts} attempts")
        head = ", ".join(x for x in (result, tries) if x)
        when = ex.date.display(long=True) if ex.date else ""
        value = " \u00b7 ".join(x for x in (head, when) if x)
        if ex.note:
            value += f" ({ex.note})"
        rows.append((ex.label, text(value)))
    ec = cv.ecfmg
    if ec.status != "not-started":
        status = "Certified" if ec.status == "certified" else "In progress"
        value = status + (f" \u00b7 {ec.date.display(long=True)}" if ec.date else "")
        rows.append(("ECFMG certification", text(value + (f" ({ec.note})" if ec.note else ""))))
    return [KeyValue(tuple(rows))] if rows else []


def _experience(cv: CV, section: str) -> list[Block]:
    blocks: list[Block] = []
    for ex in cv.in_section(section):  # type: ignore[arg-type]
        summary = ex.description
        if ex.supervisor:
            summary = f"{summary} Supervisor: {ex.supervisor}." if summary else (
                f"Supervisor: {ex.supervisor}.")
        blocks.append(Entry(
            ex.title, ex.organization, place(ex.city, ex.region, ex.country),
            format_range(ex.start, ex.end), autolink(summary),
            tuple(autolink(h) for h in ex.highlights if h.strip()),
        ))
    return blocks


def _authors(names: list[str], me: str) -> list[Span]:
    """Authors with the applicant's own name in bold, as CVs conventionally show it."""
    surname = me.split()[-1] if me.split() else ""
    out: list[Span] = []
    for i, name in enumerate(names):
        if i:
            out.append(Span(", "))
        out.append(Span(name, bold=bool(surname) and name.split()[0] == surname))
    return out


def _publications(cv: CV) -> list[Block]:
    items: list[Inline] = []
    me = cv.personal.legal_name
    for pub in cv.publications:
        spans = _authors(pub.authors, me)
        spans.append(Span(f". {pub.title.rstrip('.')}."))
        cite = str(pub.year or "")
        if pub.volume:
            cite += f";{pub.volume}" + (f"({pub.issue})" if pub.issue else "")
        if pub.pages:
            cite += f":{pub.pages}"
        if pub.journal:
            tail = f". {cite}." if cite else "."
            spans += [Span(" "), Span(pub.journal, italic=True), Span(tail)]
        elif cite:
            spans.append(Span(f" {cite}."))
        if pub.status in _PUB_STATUS:
            spans.append(Span(f" {_PUB_STATUS[pub.status]}."))
        if pub.doi:
            spans += [Span(" doi: "), link(pub.doi, doi_url(pub.doi))]
        elif pub.url:
            spans += [Span(" "), link(pub.url, pub.url)]
        if pub.pmid:
            spans.append(Span(f" PMID {pub.pmid}."))
        items.append(tuple(spans))
    return [BulletList(tuple(items))] if items else []


def _presentations(cv: CV) -> list[Block]:
    items: list[Inline] = []
    me = cv.personal.legal_name
    for pr in cv.presentations:
        spans = _authors(pr.authors, me)
        kind = "Oral presentation" if pr.kind == "oral" else "Poster"
        spans.append(Span(f". {pr.title.rstrip('.')}. {kind}, "))
        spans.append(Span(pr.event, italic=True))
        tail = ", ".join(x for x in (pr.location, pr.date.display() if pr.date else "") if x)
        spans.append(Span(f"; {tail}." if tail else "."))
        if pr.url:
            spans += [Span(" "), link(pr.url, pr.url)]
        items.append(tuple(spans))
    return [BulletList(tuple(items))] if items else []


def _awards(cv: CV) -> list[Block]:
    return [Entry(a.title, a.awarder, "", a.date.display() if a.date else "",
                  autolink(a.description)) for a in cv.awards]


def _certifications(cv: CV) -> list[Block]:
    rows: list[tuple[str, Inline]] = []
    for c in cv.certifications:
        when = c.date.display() if c.date else ""
        if c.expires:
            when += f" (valid through {c.expires.display()})"
        value = ", ".join(x for x in (c.issuer, when) if x)
        rows.append((c.name, text(value)))
    return [KeyValue(tuple(rows))] if rows else []


def _languages_skills(cv: CV) -> list[Block]:
    rows: list[tuple[str, Inline]] = []
    if cv.languages:
        langs = ", ".join(f"{lg.language} ({lg.proficiency_label})" for lg in cv.languages)
        rows.append(("Languages", text(langs)))
    for sk in cv.skills:
        value = ", ".join(sk.keywords) + (f" ({sk.level})" if sk.level else "")
        rows.append((sk.name, text(value)))
    if cv.hobbies:
        hob = "; ".join(h.name + (f" ({', '.join(h.keywords)})" if h.keywords else "")
                        for h in cv.hobbies)
        rows.append(("Interests", text(hob)))
    return [KeyValue(tuple(rows))] if rows else []


def _custom(cv: CV) -> list[tuple[str, list[Block]]]:
    out = []
    for sec in cv.custom_sections:
        blocks: list[Block] = [
            Entry(it.title, it.subtitle, "", format_range(it.start, it.end),
                  autolink(it.description), tuple(autolink(h) for h in it.highlights))
            for it in sec.items
        ]
        out.append((sec.title, blocks))
    return out


def cv_blocks(cv: CV) -> list[Block]:
    """The CV body (everything below the masthead) as blocks."""
    sections: list[tuple[str, list[Block]]] = []
    if cv.summary.strip():
        sections.append(("Summary", [Paragraph(autolink(cv.summary), "plain")]))
    sections.append(("Education", _education(cv)))
    sections.append(("Licensure and Examinations", _exams(cv)))
    for key in SECTIONS:
        if key == "clinical":
            sections.append((SECTION_TITLES[key], _experience(cv, key)))
    sections.append(("Research Experience", _experience(cv, "research")))
    sections.append(("Publications", _publications(cv)))
    sections.append(("Presentations", _presentations(cv)))
    for key in ("teaching", "volunteer", "leadership", "work"):
        sections.append((SECTION_TITLES[key], _experience(cv, key)))
    sections.append(("Honors and Awards", _awards(cv)))
    sections.append(("Certifications", _certifications(cv)))
    sections.extend(_custom(cv))
    sections.append(("Languages, Skills and Interests", _languages_skills(cv)))
    blocks: list[Block] = []
    for title, body in sections:
        if body:
            blocks.append(Heading(title))
            blocks.extend(body)
    return blocks


def cv_part(cv: CV | Mapping[str, Any], *, include_private: bool = False) -> Part:
    """The CV as one part (used alone, or inside a letter-writer packet)."""
    model = public_copy(as_cv(cv), include_private=include_private)
    return Part("Curriculum Vitae", cv_blocks(model),
                masthead=masthead(model, include_private=include_private))


def cv_document(cv: CV | Mapping[str, Any], *, include_private: bool = False) -> Document:
    """A CV document from the CV model (or its dict form).

    Args:
        cv: the CV, or ``CV.to_dict()`` output.
        include_private: print the immigration block (visa status) when it is not private.

    Raises:
        UserError: the dict form does not validate (names the bad field).
    """
    model = as_cv(cv)
    p = model.personal
    return Document(
        title="Curriculum Vitae",
        author=p.legal_name,
        subject=f"Curriculum vitae of {p.legal_name}"
        + (f" \u2014 {model.target_specialty}" if model.target_specialty else ""),
        keywords=("curriculum vitae", "residency application", model.target_specialty),
        header_name=p.legal_name,
        notice=model.sample_notice,
        parts=[cv_part(model, include_private=include_private)],
    )
