"""CV rules about the rest of the MyERAS application: preferences and the essays.

MyERAS takes at most 3 Census divisions or "no preference" (FACTS.md, "Geographic
preferences"); a setting preference (urban / suburban / rural) or none; the optional
Impactful Experience essay, whose 750-character limit is commonly reported but not confirmed,
so going over it is a warning that says so, not an error.
"""

from __future__ import annotations

from workshop.core.cv.finding import CATEGORY_LENGTH, CATEGORY_RESIDENCY, Finding, make_finding
from workshop.core.cv.model import CV
from workshop.core.cv.picklists import eras_picklists
from workshop.core.cv.preferences import (
    MAX_DIVISIONS,
    SETTINGS,
    SOURCE_GEOGRAPHIC,
    SOURCE_SETTING,
)
from workshop.core.season.geography import DIVISIONS


def check_preferences(cv: CV) -> list[Finding]:
    """Too many divisions, contradictory answers, names MyERAS does not offer."""
    prefs = cv.preferences
    out: list[Finding] = []
    if len(prefs.divisions) > MAX_DIVISIONS:
        out.append(make_finding(
            rule="eras.max-divisions", category=CATEGORY_RESIDENCY, severity="error",
            message=f"{len(prefs.divisions)} Census divisions are chosen; MyERAS takes at most "
            f"{MAX_DIVISIONS}. Keep the {MAX_DIVISIONS} you prefer most.",
            source=SOURCE_GEOGRAPHIC, where="preferences.divisions"))
    if prefs.divisions and prefs.no_geographic_preference:
        out.append(make_finding(
            rule="eras.divisions-and-none", category=CATEGORY_RESIDENCY, severity="warning",
            message="Divisions are chosen and 'no geographic preference' is ticked too; MyERAS "
            "takes one or the other.", source=SOURCE_GEOGRAPHIC, where="preferences.divisions"))
    unknown = [d for d in prefs.divisions if d not in DIVISIONS]
    if unknown:
        out.append(make_finding(
            rule="eras.unknown-division", category=CATEGORY_RESIDENCY, severity="warning",
            message=f"Not a U.S. Census division: {', '.join(unknown)}. Choose from "
            f"{', '.join(DIVISIONS)}.", source=SOURCE_GEOGRAPHIC,
            where="preferences.divisions"))
    if prefs.settings and prefs.no_setting_preference:
        out.append(make_finding(
            rule="eras.settings-and-none", category=CATEGORY_RESIDENCY, severity="warning",
            message="Settings are chosen and 'no setting preference' is ticked too; MyERAS takes "
            "one or the other.", source=SOURCE_SETTING, where="preferences.settings"))
    odd = [s for s in prefs.settings if s not in SETTINGS]
    if odd:
        out.append(make_finding(
            rule="eras.unknown-setting", category=CATEGORY_RESIDENCY, severity="warning",
            message=f"Not a MyERAS setting: {', '.join(odd)} (urban, suburban or rural).",
            source=SOURCE_SETTING, where="preferences.settings"))
    for answered, essay, what, where, source in (
            (prefs.geographic_answered, prefs.geographic_essay, "geographic",
             "preferences.geographic_essay", SOURCE_GEOGRAPHIC),
            (prefs.setting_answered, prefs.setting_essay, "setting",
             "preferences.setting_essay", SOURCE_SETTING)):
        if answered and not essay.strip():
            out.append(make_finding(
                rule=f"eras.{what}-essay-missing", category=CATEGORY_RESIDENCY,
                severity="advice",
                message=f"MyERAS asks you to describe your {what} preference (or lack of one) "
                "in a short essay; it is still empty.", source=source, where=where))
    return out


def check_impactful(cv: CV) -> list[Finding]:
    """The Impactful Experience essay over its reported (unconfirmed) limit."""
    essay = eras_picklists().essays.get("impactful_experience")
    text = cv.impactful_experience
    if essay is None or essay.limit is None or len(text) <= essay.limit:
        return []
    return [make_finding(
        rule="eras.impactful-length", category=CATEGORY_LENGTH, severity="warning",
        message=f"The Impactful Experience essay has {len(text)} characters; its limit is "
        f"commonly reported as {essay.limit} (not confirmed by the AAMC). Cut "
        f"{len(text) - essay.limit} to be safe.",
        source="FACTS.md: ERAS application sections / Impactful Experience (AAMC)",
        where="impactful_experience")]
