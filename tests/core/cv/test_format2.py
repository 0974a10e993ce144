"""CV format 2: MyERAS preferences, the Impactful Experience essay, the MyERAS language scale.

An older CV (format 1) must load with nothing lost: its language levels map to the MyERAS
scale and the old word is kept.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any, get_args

import pytest

from workshop.core.cv.checks import check_cv
from workshop.core.cv.model import CV, SCHEMA_VERSION, Proficiency
from workshop.core.cv.picklists import EXPERIENCE_PICKLISTS, eras_picklists
from workshop.core.cv.store import load_cv, save_cv
from workshop.core.errors import UserError

TODAY = dt.date(2026, 12, 2)

OLD_CV: dict[str, Any] = {
    "schema_version": 1,
    "personal": {"legal_name": "Old Format Applicant"},
    "experience": [{
        "id": "exp-1", "section": "clinical", "title": "Observer", "setting": "Academic wards",
        "eras": {"include": True, "frequency": "40 hours/week", "primary_focus": "Internal "
                 "Medicine", "key_characteristic": "Curiosity"},
    }],
    "languages": [
        {"language": "Arabic", "proficiency": "native"},
        {"language": "English", "proficiency": "fluent"},
        {"language": "German", "proficiency": "professional"},
        {"language": "French", "proficiency": "intermediate"},
        {"language": "Turkish", "proficiency": "basic"},
    ],
}


def test_old_cv_loads_mapped_and_keeps_the_old_words(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(OLD_CV), encoding="utf-8")
    cv = load_cv(path)
    assert [(lg.proficiency, lg.former_proficiency) for lg in cv.languages] == [
        ("native", ""), ("advanced", "fluent"), ("good", "professional"),
        ("fair", "intermediate"), ("basic", "")]
    exp = cv.experience[0]  # free-text values stay exactly as typed
    assert (exp.setting, exp.eras.frequency, exp.eras.key_characteristic) == (
        "Academic wards", "40 hours/week", "Curiosity")
    assert cv.preferences.divisions == [] and not cv.preferences.no_geographic_preference
    assert cv.impactful_experience == ""
    assert cv.schema_version == SCHEMA_VERSION == 2
    again = load_cv(save_cv(cv, tmp_path / "new.json"))
    assert again == cv


def test_upgrade_does_not_touch_the_input() -> None:
    data = copy.deepcopy(OLD_CV)
    CV.from_dict(data)
    assert data == OLD_CV


def test_unknown_level_is_reported_with_its_path() -> None:
    with pytest.raises(UserError) as info:
        CV.from_dict({"languages": [{"language": "X", "proficiency": "superb"}]})
    assert info.value.where == "languages[0].proficiency"


def test_scale_in_data_file_matches_the_model() -> None:
    picklists = eras_picklists()
    assert tuple(lv.key for lv in picklists.language_levels) == get_args(Proficiency)
    assert set(picklists.language_migrate.values()) <= set(get_args(Proficiency))
    assert picklists.language_source and picklists.language_note
    assert CV.from_dict({"languages": [{"proficiency": "good"}]}).languages[0] \
        .proficiency_label == "Good"


def test_picklists_have_sources_and_choices() -> None:
    picklists = eras_picklists()
    for name in EXPERIENCE_PICKLISTS.values():
        lst = picklists.lists[name]
        assert lst.choices and lst.source
        assert lst.confirmed or "unconfirmed" in lst.note
    assert picklists.lists["setting"].choices == ("Urban", "Suburban", "Rural")
    assert picklists.lists["frequency"].known("weekly")
    assert not picklists.lists["frequency"].known("40 hours/week")
    impactful = picklists.essays["impactful_experience"]
    assert (impactful.limit, impactful.confirmed) == (750, False)
    assert picklists.essays["geographic"].limit is None  # no source gives one


def test_preferences_round_trip() -> None:
    cv = CV()
    cv.preferences.divisions = ["Pacific", "Mountain"]
    cv.preferences.settings = ["rural"]
    cv.preferences.geographic_essay = "West, near family."
    cv.impactful_experience = "A story."
    back = CV.from_dict(json.loads(json.dumps(cv.to_dict())))
    assert back.preferences == cv.preferences and back.impactful_experience == "A story."


def _rules(cv: CV) -> set[str]:
    return {f.rule for f in check_cv(cv, TODAY)}


def test_preference_checks() -> None:
    cv = CV()
    assert not {r for r in _rules(cv) if "division" in r or "essay" in r}  # unanswered: quiet
    cv.preferences.divisions = ["Pacific", "Mountain", "New England", "South Atlantic"]
    assert "eras.max-divisions" in _rules(cv)
    cv.preferences.divisions = ["Pacific", "Far West"]
    cv.preferences.no_geographic_preference = True
    rules = _rules(cv)
    assert {"eras.unknown-division", "eras.divisions-and-none",
            "eras.geographic-essay-missing"} <= rules
    assert "eras.max-divisions" not in rules
    cv.preferences.geographic_essay = "Near family."
    assert "eras.geographic-essay-missing" not in _rules(cv)
    cv.preferences.settings = ["urban", "downtown"]
    assert "eras.unknown-setting" in _rules(cv)
    assert cv.preferences.settings == ["urban", "downtown"]  # reported, never dropped


def test_impactful_over_the_reported_limit_is_a_warning_that_says_unconfirmed() -> None:
    cv = CV(impactful_experience="x" * 751)
    finding = next(f for f in check_cv(cv, TODAY) if f.rule == "eras.impactful-length")
    assert finding.severity == "warning" and "not confirmed" in finding.message
    assert finding.where == "impactful_experience"
    cv.impactful_experience = "x" * 750
    assert "eras.impactful-length" not in _rules(cv)


def test_sample_shows_every_new_part() -> None:
    from workshop.core.cv.store import sample_cv

    cv = sample_cv()
    assert 1 <= len(cv.preferences.divisions) <= 3 and cv.preferences.geographic_essay
    assert cv.preferences.settings and cv.preferences.setting_essay
    assert 0 < len(cv.impactful_experience) <= 750
    picklists = eras_picklists()
    included = [e for e in cv.experience if e.eras.include]
    assert all(picklists.lists["frequency"].known(e.eras.frequency) for e in included)
    assert all(picklists.lists["primary_focus"].known(e.eras.primary_focus) for e in included)
    assert all(picklists.lists["key_characteristic"].known(e.eras.key_characteristic)
               for e in included)
    assert not {f.rule for f in check_cv(cv, TODAY) if f.rule.startswith("eras.")}


def test_a_current_cv_is_read_without_a_copy_and_an_old_one_with_one() -> None:
    from workshop.core.cv.migrate import upgrade
    from workshop.core.cv.store import sample_cv

    current = sample_cv().to_dict()
    assert upgrade(current) is current  # nothing to change: nothing copied
    old = {"languages": [{"name": "French", "proficiency": "fluent"}]}  # the format 1 scale
    upgraded = upgrade(old)
    assert upgraded is not old and old["languages"][0]["proficiency"] == "fluent"
    assert upgraded["languages"][0] == {"name": "French", "proficiency": "advanced",
                                        "former_proficiency": "fluent"}
