"""CV -> JSON Resume v1.0.0, so the CV can travel to other tools and themes.

Every experience section goes to ``work`` except volunteering (``volunteer``); exams and ECFMG
certification become ``certificates`` named "USMLE Step 2 CK: 246" (the importer reads that back);
presentations become ``projects`` of type "poster" or "oral presentation". Private data
(citizenship, visa) is never exported. What has no JSON Resume field is listed by
:func:`export_json_resume_report`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workshop.core.atomic import atomic_write_text
from workshop.core.cv.jsonresume import codec
from workshop.core.cv.model import CV, Experience, Publication


def export_json_resume(cv: CV) -> dict[str, Any]:
    """The CV as a JSON Resume v1.0.0 document (a JSON-ready dict)."""
    return export_json_resume_report(cv)[0]


def export_json_resume_report(cv: CV) -> tuple[dict[str, Any], list[str]]:
    """The JSON Resume document and notes on what JSON Resume has no field for."""
    notes: list[str] = []
    doc: dict[str, Any] = {"$schema": codec.SCHEMA_URL, "basics": _basics(cv, notes)}
    work = [_work(e) for e in cv.experience if e.section != "volunteer"]
    volunteer = [_volunteer(e) for e in cv.experience if e.section == "volunteer"]
    education = [_clean({
        "institution": e.institution, "area": e.field_of_study, "studyType": e.degree,
        "startDate": codec.date_out(e.start), "endDate": codec.date_out(e.end),
        "score": e.honors,
    }) for e in cv.education]
    awards = [_clean({"title": a.title, "date": codec.date_out(a.date), "awarder": a.awarder,
                      "summary": a.description}) for a in cv.awards]
    certificates = _certificates(cv)
    publications = [_publication(p) for p in cv.publications]
    skills = [_clean({"name": s.name, "level": s.level, "keywords": s.keywords})
              for s in cv.skills]
    languages = [{"language": lang.language, "fluency": codec.FLUENCY_OUT[lang.proficiency]}
                 for lang in cv.languages]
    interests = [_clean({"name": h.name, "keywords": h.keywords}) for h in cv.hobbies]
    references, projects = _custom(cv, notes)
    projects = [_presentation(p) for p in cv.presentations] + projects
    for key, value in (("work", work), ("volunteer", volunteer), ("education", education),
                       ("awards", awards), ("certificates", certificates),
                       ("publications", publications), ("skills", skills),
                       ("languages", languages), ("interests", interests),
                       ("references", references), ("projects", projects)):
        if value:
            doc[key] = value
    _report_losses(cv, notes)
    return doc, notes


def write_json_resume(cv: CV, path: Path | str) -> list[str]:
    """Write the JSON Resume file atomically; returns the notes of the report.

    Raises:
        WriteFailed: the file could not be written (the old one is unchanged).
    """
    doc, notes = export_json_resume_report(cv)
    atomic_write_text(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n", mode=0o644)
    return notes


def _clean(item: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values: JSON Resume consumers treat a missing key as "not given"."""
    return {k: v for k, v in item.items() if v not in (None, "", [])}


def _basics(cv: CV, notes: list[str]) -> dict[str, Any]:
    person = cv.personal
    links = list(person.links)
    website = next((link for link in links if link.label.lower() == "website"), None)
    if website is not None:
        links.remove(website)
    if person.country and len(person.country) != 2:
        notes.append("basics.location.countryCode: JSON Resume expects a two-letter code; the "
                     f"country name '{person.country}' was written instead.")
    location = _clean({"city": person.city, "region": person.region,
                       "countryCode": person.country})
    return _clean({
        "name": person.legal_name, "label": person.headline, "email": person.email,
        "phone": person.phone, "url": website.url if website else "", "summary": cv.summary,
        "location": location or None,
        "profiles": [_clean({"network": link.label, "url": link.url}) for link in links],
    })


def _work(exp: Experience) -> dict[str, Any]:
    return _clean({
        "name": exp.organization, "position": exp.title,
        "location": codec.location_out(exp.city, exp.region, exp.country),
        "description": exp.setting, "startDate": codec.date_out(exp.start),
        "endDate": codec.date_out(exp.end), "summary": exp.description,
        "highlights": list(exp.highlights),
    })


def _volunteer(exp: Experience) -> dict[str, Any]:
    return _clean({
        "organization": exp.organization, "position": exp.title,
        "startDate": codec.date_out(exp.start), "endDate": codec.date_out(exp.end),
        "summary": exp.description, "highlights": list(exp.highlights),
    })


def _certificates(cv: CV) -> list[dict[str, Any]]:
    out = []
    if cv.ecfmg.status == "certified":
        out.append(_clean({"name": codec.ECFMG_NAME, "date": codec.date_out(cv.ecfmg.date),
                           "issuer": "ECFMG"}))
    for exam in cv.exams:
        out.append(_clean({"name": codec.exam_certificate_name(exam),
                           "date": codec.date_out(exam.date),
                           "issuer": codec.EXAM_ISSUERS[exam.kind]}))
    for cert in cv.certifications:
        out.append(_clean({"name": cert.name, "date": codec.date_out(cert.date),
                           "url": cert.url, "issuer": cert.issuer}))
    return out


def _publication(pub: Publication) -> dict[str, Any]:
    if pub.doi:
        url = f"https://doi.org/{pub.doi}"
    elif pub.pmid:
        url = f"https://pubmed.ncbi.nlm.nih.gov/{pub.pmid}/"
    else:
        url = pub.url
    summary = codec.lines_out([
        ("Authors", "; ".join(pub.authors)),
        ("Citation", codec.citation_out(pub.volume, pub.issue, pub.pages)),
        ("Status", pub.status.replace("-", " ") if pub.status != "published" else ""),
        ("PMID", pub.pmid if pub.doi else ""),
    ])
    return _clean({
        "name": pub.title, "publisher": pub.journal,
        "releaseDate": str(pub.year) if pub.year else None, "url": url, "summary": summary,
    })


def _presentation(pres: Any) -> dict[str, Any]:
    return _clean({
        "name": pres.title, "type": "poster" if pres.kind == "poster" else "oral presentation",
        "entity": pres.event, "startDate": codec.date_out(pres.date), "url": pres.url,
        "description": codec.lines_out([("Authors", "; ".join(pres.authors)),
                                        ("Location", pres.location)]),
    })


def _custom(cv: CV, notes: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    references: list[dict[str, Any]] = []
    projects: list[dict[str, Any]] = []
    for section in cv.custom_sections:
        if section.origin == "jsonresume:references":
            references += [_clean({"name": i.title, "reference": i.description})
                           for i in section.items]
        elif section.origin == "jsonresume:projects":
            projects += [_clean({
                "name": i.title, "entity": i.subtitle, "description": i.description,
                "startDate": codec.date_out(i.start), "endDate": codec.date_out(i.end),
                "url": i.url, "highlights": list(i.highlights),
            }) for i in section.items]
        else:
            notes.append(f"custom section '{section.title}': JSON Resume has no custom "
                         "sections; not exported.")
    return references, projects


def _report_losses(cv: CV, notes: list[str]) -> None:
    person = cv.personal
    if person.native_name or person.preferred_name:
        notes.append("personal: native-script and preferred names have no JSON Resume field.")
    if person.immigration.citizenship or person.immigration.visa_status:
        notes.append("personal.immigration: citizenship and visa status are private and never "
                     "exported to JSON Resume.")
    if any(e.clinical_type or e.specialty or e.supervisor for e in cv.experience):
        notes.append("experience: clinical type, specialty and supervisor have no JSON Resume "
                     "field (the section is guessed back from the title on import).")
    if any(e.eras.include and (e.eras.reflection or e.eras.description)
           for e in cv.experience):
        notes.append("experience: ERAS descriptions and reflections stay in the app.")
    if any(e.eras.frequency or e.eras.primary_focus or e.eras.key_characteristic
           for e in cv.experience):
        notes.append("experience: MyERAS frequency, primary focus area and key characteristic "
                     "stay in the app.")
    if cv.preferences.geographic_answered or cv.preferences.setting_answered \
            or cv.impactful_experience.strip():
        notes.append("MyERAS geographic and setting preferences, their essays and the "
                     "Impactful Experience essay stay in the app.")
    if any(e.attempts or e.note for e in cv.exams):
        notes.append("exams: attempts and notes have no JSON Resume field.")
    if cv.gap_notes:
        notes.append("gap explanations stay in the app (they are notes, not CV content).")
