"""JSON Resume v1.0.0 -> CV, with a note for everything that did not map.

A JSON Resume made by another tool is a general-purpose résumé; a residency CV is more specific.
The importer files each ``work`` entry under a CV section from its title ("Extern" -> clinical,
externship), turns USMLE/OET certificates back into exams, keeps ``references`` and other
``projects`` in custom sections, and lists in plain language what it dropped and why.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from workshop.core.cv.dates import PRESENT, MonthYear
from workshop.core.cv.jsonresume import codec
from workshop.core.cv.jsonresume.content import check_text, require_resume_content
from workshop.core.cv.jsonresume.schema import validate
from workshop.core.cv.model import (
    CLINICAL_TYPE_LABELS,
    CV,
    KNOWN_DEGREES,
    SECTION_TITLES,
    Award,
    Certification,
    CustomItem,
    CustomSection,
    Education,
    Experience,
    Hobby,
    Language,
    Link,
    Presentation,
    Publication,
    Skill,
)
from workshop.core.cv.safejson import read_json_file
from workshop.core.errors import UserError

_DROPPED_WHY = {
    "basics.image": "photos are left off U.S. residency CVs",
    "basics.location.address": "a street address is not needed on a CV",
    "basics.location.postalCode": "a postal code is not needed on a CV",
}
_DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\S+)$", re.IGNORECASE)
_PUBMED_URL = re.compile(r"^https?://pubmed\.ncbi\.nlm\.nih\.gov/(\d+)/?$", re.IGNORECASE)


def import_json_resume(path: Path | str) -> tuple[CV, list[str]]:
    """Read a JSON Resume file into a new CV.

    Returns:
        The CV (ids assigned) and notes on what could not be mapped, each naming its field.

    Raises:
        UserError: unreadable, too large, not UTF-8, not JSON, too deeply nested, not a valid
            JSON Resume, no résumé content (a job description, ``basic`` for ``basics``), or
            text with a broken character; ``where`` is the field path.
    """
    file = Path(path)
    data = read_json_file(file)
    try:
        check_text(data)
        require_resume_content(data, validate(data))  # a file that is no résumé changes nothing
        return cv_from_json_resume(data)
    except UserError as exc:
        raise UserError(
            exc.message, where=file.name if exc.where == "(top level)" else exc.where,
            hint=exc.hint or f"{file.name} is not a valid JSON Resume (v1.0.0) file; fix "
            "that field and import again.",
        ) from None


def cv_from_json_resume(doc: Any) -> tuple[CV, list[str]]:
    """Map a parsed JSON Resume document to a CV (see :func:`import_json_resume`)."""
    check_text(doc)
    extra = validate(doc)
    notes: list[str] = []
    for path in extra:
        why = _DROPPED_WHY.get(path, "not part of JSON Resume v1.0.0")
        notes.append(f"{path}: not imported ({why}).")
    cv = CV()
    _basics(doc.get("basics") or {}, cv, notes)
    for i, item in enumerate(doc.get("work") or []):
        cv.experience.append(_work(item, f"work[{i}]", notes))
    for i, item in enumerate(doc.get("volunteer") or []):
        cv.experience.append(_volunteer(item, f"volunteer[{i}]", notes))
    for i, item in enumerate(doc.get("education") or []):
        cv.education.append(_education(item, f"education[{i}]", notes))
    for item in doc.get("awards") or []:
        cv.awards.append(Award(title=_s(item, "title"), awarder=_s(item, "awarder"),
                               date=codec.date_in(item.get("date")),
                               description=_s(item, "summary")))
    for item in doc.get("certificates") or []:
        _certificate(item, cv)
    for i, item in enumerate(doc.get("publications") or []):
        cv.publications.append(_publication(item, f"publications[{i}]", notes))
    for item in doc.get("skills") or []:
        cv.skills.append(Skill(name=_s(item, "name"), level=_s(item, "level"),
                               keywords=list(item.get("keywords") or [])))
    for i, item in enumerate(doc.get("languages") or []):
        fluency = _s(item, "fluency")
        found = codec.fluency_in(fluency)
        level = found or "fair"
        if found is None and fluency:
            notes.append(f"languages[{i}].fluency: '{fluency}' not recognised; set to "
                         "Fair (MyERAS scale), please check.")
        cv.languages.append(Language(language=_s(item, "language"), proficiency=level,
                                     former_proficiency=fluency if found is None else ""))
    for item in doc.get("interests") or []:
        cv.hobbies.append(Hobby(name=_s(item, "name"), keywords=list(item.get("keywords") or [])))
    _references(doc.get("references") or [], cv)
    _projects(doc.get("projects") or [], cv, notes)
    cv.ensure_ids()
    return cv, notes


def _s(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def _basics(basics: dict[str, Any], cv: CV, notes: list[str]) -> None:
    person = cv.personal
    person.legal_name = _s(basics, "name")
    person.headline = _s(basics, "label")
    person.email = _s(basics, "email")
    person.phone = _s(basics, "phone")
    cv.summary = _s(basics, "summary")
    if _s(basics, "url"):
        person.links.append(Link("Website", _s(basics, "url")))
    for field in ("image", "location.address", "location.postalCode"):
        head, _, tail = field.partition(".")
        value = basics.get(head) if not tail else (basics.get(head) or {}).get(tail)
        if value:
            notes.append(f"basics.{field}: not imported ({_DROPPED_WHY['basics.' + field]}).")
    location = basics.get("location") or {}
    person.city = _s(location, "city")
    person.region = _s(location, "region")
    person.country = _s(location, "countryCode")
    for profile in basics.get("profiles") or []:
        url = _s(profile, "url") or _s(profile, "username")
        person.links.append(Link(_s(profile, "network"), url))
    if person.legal_name:
        notes.append("basics.name: imported as the name on your passport (Latin script); "
                     "check it matches exactly.")


def _dates(item: dict[str, Any]) -> tuple[MonthYear | None, MonthYear | None]:
    start = codec.date_in(item.get("startDate"))
    end = codec.date_in(item.get("endDate"))
    if start is not None and end is None:
        end = PRESENT
    return start, end


def _work(item: dict[str, Any], path: str, notes: list[str]) -> Experience:
    position = _s(item, "position")
    section, clinical = codec.classify_position(position)
    city, region, country = codec.location_in(_s(item, "location"))
    start, end = _dates(item)
    if _s(item, "url"):
        notes.append(f"{path}.url: not imported (CV entries carry no web address).")
    if section != "work":
        kind = f" ({CLINICAL_TYPE_LABELS[clinical]})" if clinical else ""
        notes.append(f"{path}: filed under {SECTION_TITLES[section]}{kind} from its title "
                     f"'{position}'; change the section if that is wrong.")
    return Experience(
        section=section, clinical_type=clinical, title=position, organization=_s(item, "name"),
        city=city, region=region, country=country,
        us=country.lower() in codec.US_NAMES, start=start, end=end,
        setting=_s(item, "description"), description=_s(item, "summary"),
        highlights=list(item.get("highlights") or []),
    )


def _volunteer(item: dict[str, Any], path: str, notes: list[str]) -> Experience:
    start, end = _dates(item)
    if _s(item, "url"):
        notes.append(f"{path}.url: not imported (CV entries carry no web address).")
    return Experience(
        section="volunteer", title=_s(item, "position"), organization=_s(item, "organization"),
        start=start, end=end, description=_s(item, "summary"),
        highlights=list(item.get("highlights") or []),
    )


def _education(item: dict[str, Any], path: str, notes: list[str]) -> Education:
    degree = _s(item, "studyType")
    area = _s(item, "area")
    medical = degree.replace(".", "").upper() in {d.upper() for d in KNOWN_DEGREES} or (
        "medic" in area.lower()
    )
    if item.get("courses"):
        notes.append(f"{path}.courses: not imported (residency CVs do not list courses).")
    if _s(item, "url"):
        notes.append(f"{path}.url: not imported (CV entries carry no web address).")
    return Education(
        kind="medical-school" if medical else "university", institution=_s(item, "institution"),
        degree=degree, field_of_study=area, start=codec.date_in(item.get("startDate")),
        end=codec.date_in(item.get("endDate")), honors=_s(item, "score"),
    )


def _certificate(item: dict[str, Any], cv: CV) -> None:
    name = _s(item, "name")
    date = codec.date_in(item.get("date"))
    if name.strip().lower().startswith("ecfmg"):
        cv.ecfmg.status = "certified"
        cv.ecfmg.date = date
        return
    exam = codec.exam_from_name(name)
    if exam is not None:
        exam.date = date
        cv.exams.append(exam)
        return
    cv.certifications.append(Certification(name=name, issuer=_s(item, "issuer"), date=date,
                                           url=_s(item, "url")))


def _publication(item: dict[str, Any], path: str, notes: list[str]) -> Publication:
    pub = Publication(title=_s(item, "name"), journal=_s(item, "publisher"))
    release = codec.date_in(item.get("releaseDate"))
    pub.year = release.year if release else None
    url = _s(item, "url")
    if m := _DOI_URL.match(url):
        pub.doi = m.group(1)
    elif m := _PUBMED_URL.match(url):
        pub.pmid = m.group(1)
    else:
        pub.url = url
    found, rest = codec.lines_in(_s(item, "summary"),
                                 ("Authors", "Status", "Citation", "DOI", "PMID"))
    pub.authors = codec.split_names(found.get("Authors", ""))
    pub.volume, pub.issue, pub.pages = codec.citation_in(found.get("Citation", ""))
    pub.doi = found.get("DOI", pub.doi)
    pub.pmid = found.get("PMID", pub.pmid)
    status = found.get("Status", "").lower().replace(" ", "-")
    if status in ("accepted", "in-press", "submitted", "in-preparation"):
        pub.status = status  # type: ignore[assignment]
    elif release is None:
        notes.append(f"{path}: no release date; imported as published, please check.")
    if rest.strip():
        notes.append(f"{path}.summary: free text not imported (a CV lists the citation only).")
    return pub


def _references(items: list[dict[str, Any]], cv: CV) -> None:
    if not items:
        return
    cv.custom_sections.append(CustomSection(
        title="References", origin="jsonresume:references",
        items=[CustomItem(title=_s(r, "name"), description=_s(r, "reference")) for r in items],
    ))


def _projects(items: list[dict[str, Any]], cv: CV, notes: list[str]) -> None:
    others: list[CustomItem] = []
    for i, item in enumerate(items):
        kind = _s(item, "type").lower()
        found, rest = codec.lines_in(_s(item, "description"), ("Authors", "Location"))
        start = codec.date_in(item.get("startDate"))
        if kind in ("poster", "oral presentation", "presentation", "talk"):
            cv.presentations.append(Presentation(
                kind="poster" if kind == "poster" else "oral", title=_s(item, "name"),
                authors=codec.split_names(found.get("Authors", "")), event=_s(item, "entity"),
                location=found.get("Location", ""), date=start, url=_s(item, "url"),
            ))
            if rest.strip():
                notes.append(f"projects[{i}].description: free text not imported.")
            continue
        subtitle = ", ".join(p for p in (_s(item, "entity"), ", ".join(item.get("roles") or []))
                             if p)
        if item.get("roles"):
            notes.append(f"projects[{i}].roles: joined into the entry's subtitle.")
        if item.get("keywords"):
            notes.append(f"projects[{i}].keywords: not imported (no place for them on a CV).")
        others.append(CustomItem(
            title=_s(item, "name"), subtitle=subtitle, start=start,
            end=codec.date_in(item.get("endDate")), description=_s(item, "description"),
            url=_s(item, "url"), highlights=list(item.get("highlights") or []),
        ))
    if others:
        cv.custom_sections.append(CustomSection(title="Projects", origin="jsonresume:projects",
                                                items=others))
