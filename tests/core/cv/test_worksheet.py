"""The MyERAS worksheet: every section, in MyERAS order, each text with its count."""

from __future__ import annotations

from workshop.core.cv.model import CV, Experience
from workshop.core.cv.store import sample_cv
from workshop.core.cv.worksheet import worksheet_sections, worksheet_text


def test_sections_in_myeras_order() -> None:
    titles = [s.title.split(" (")[0] for s in worksheet_sections(sample_cv())]
    assert titles == ["1. Biographical Information", "2. Education", "3. Experiences",
                      "4. Licensure and certifications", "5. Scholarly Work",
                      "6. Hobbies and interests"]


def test_sample_worksheet_has_every_field_and_count() -> None:
    cv = sample_cv()
    text = worksheet_text(cv)
    for expected in ("English: Advanced", "Advanced level or above (MyERAS asks): yes",
                     "East North Central; Middle Atlantic",
                     "Urban; Suburban", "limit not confirmed", "Frequency: Daily",
                     "Setting: Rural", "Primary focus area: Public health",
                     "Key characteristic: Empathy and compassion", "/750)", "/300)",
                     "Impactful Experience (", "limit unconfirmed", "SCHOLARLY WORK",
                     "Long-distance running", "SAMPLE", "Every text is within"):
        assert expected in text, expected
    assert text.index("BIOGRAPHICAL") < text.index("EDUCATION") < text.index("EXPERIENCES") \
        < text.index("SCHOLARLY WORK") < text.index("HOBBIES")
    assert "Requires J-1" not in text  # the private block never reaches the worksheet


def test_over_limit_is_named_at_the_top_and_quotes_are_made_safe() -> None:
    cv = CV(impactful_experience="\u201cWhy\u201d " + "y" * 800)
    cv.experience.append(Experience(id="e", title="Tutor", description="z " * 500))
    text = worksheet_text(cv)
    head = text.splitlines()[3]
    assert head.startswith("Over a limit:")
    assert "Impactful Experience" in head and "Experience 1 description" in head
    assert "\u201c" not in text and '"Why"' in text
    assert "(not chosen)" in text and "OVER" in text


def test_empty_cv_says_what_is_missing() -> None:
    text = worksheet_text(CV())
    assert "(none entered)" in text and "(no experience marked for ERAS)" in text
    assert "(not answered: it is optional)" in text


def test_old_free_text_is_flagged_not_changed() -> None:
    cv = CV()
    exp = Experience(id="e", title="Observer", setting="Academic wards", hours_per_week=40)
    exp.eras.key_characteristic = "Curiosity"
    cv.experience.append(exp)
    text = worksheet_text(cv)
    assert "Setting: Academic wards  [not a MyERAS choice: pick one of Urban, Suburban, " \
        "Rural]" in text
    assert "Key characteristic: Curiosity  [not a MyERAS choice" in text
    assert "Frequency: 40 hours/week  [not a MyERAS choice" in text
    assert "Primary focus area: -" in text
    assert "[not a MyERAS choice" not in worksheet_text(sample_cv())
