"""Content rules: cliches, negative talk, tailoring, outdated USMLE facts."""

from __future__ import annotations

from workshop.core.checks.rules.meta import RuleContext
from workshop.core.checks.rules.outdated import find_outdated
from workshop.core.checks.rules.phrases import cliche_phrases, find_cliches, find_negative_talk
from workshop.core.checks.rules.tailoring import find_other_programs, find_other_specialty


def _spans(text: str, findings: list) -> list[str]:  # type: ignore[type-arg]
    return [text[f.start : f.end] for f in findings]


def test_cliche_list_is_large_enough() -> None:
    assert len(cliche_phrases()) >= 80


def test_cliches_fire_case_and_apostrophe_insensitively() -> None:
    text = (
        "Ever since I was a child I had a PASSION FOR   MEDICINE and wanted to make a "
        "difference in people’s lives."
    )
    assert _spans(text, find_cliches(text)) == [
        "Ever since I was a child",
        "PASSION FOR   MEDICINE",
        "make a difference in people’s lives",
    ]


def test_cliches_respect_word_boundaries() -> None:
    assert find_cliches("The compassionate nurse had a passion for medicinal chemistry.") == []
    assert find_cliches("I treated a patient with sepsis on my first night.") == []


def test_negative_talk_fires_on_institutions() -> None:
    text = "The health system in my country is corrupt. I loved my patients."
    [finding] = find_negative_talk(text)
    assert _spans(text, [finding]) == ["The health system in my country is corrupt."]
    assert finding.severity == "warning"
    text2 = "My professors were incompetent and lazy."
    assert len(find_negative_talk(text2)) == 1


def test_negative_talk_does_not_fire_on_neutral_or_clinical_text() -> None:
    assert find_negative_talk("Our hospital served two million people with limited beds.") == []
    assert find_negative_talk("His kidneys were failing, so we started dialysis.") == []


PROGRAMS = (
    "Rutgers NJMS Internal Medicine Residency",
    "Mercy Chicago Internal Medicine",
    "Hackensack Meridian Health Palisades",
)


def test_another_program_named_is_an_error() -> None:
    ctx = RuleContext(
        specialty="Internal Medicine", target_programs=(PROGRAMS[0],), known_programs=PROGRAMS
    )
    text = "I would be proud to train at Mercy Chicago, where my externship began."
    [finding] = find_other_programs(text, ctx)
    assert text[finding.start : finding.end] == "Mercy Chicago"
    assert finding.severity == "error" and finding.suggestions == (PROGRAMS[0],)


def test_target_program_and_no_programs_do_not_fire() -> None:
    ctx = RuleContext(target_programs=(PROGRAMS[0],), known_programs=PROGRAMS)
    assert find_other_programs("Rutgers NJMS is where I hope to train.", ctx) == []
    assert find_other_programs("I trained at Mercy Chicago.", RuleContext()) == []


def test_other_specialty_as_goal_is_an_error_but_a_rotation_is_not() -> None:
    ctx = RuleContext(specialty="Internal Medicine")
    text = "That is why I am applying to Family Medicine residency programs."
    [finding] = find_other_specialty(text, ctx)
    assert text[finding.start : finding.end] == "Family Medicine"
    assert finding.severity == "error"
    assert find_other_specialty("During my surgery rotation I learned to suture.", ctx) == []
    assert find_other_specialty("I seek a residency in internal medicine.", ctx) == []


def test_target_containing_another_name_does_not_fire() -> None:
    ctx = RuleContext(specialty="Orthopaedic Surgery")
    assert find_other_specialty("I will pursue orthopaedic surgery residency.", ctx) == []
    assert find_other_specialty("I will pursue surgery.", RuleContext()) == []


def test_step2cs_as_current_is_an_error_a_past_pass_is_advice() -> None:
    [current] = find_outdated("I am preparing for USMLE Step 2 CS next month.")
    assert current.rule == "residency.outdated.step2cs" and current.severity == "error"
    [past] = find_outdated("I passed Step 2 CS in 2019.")
    assert past.rule == "residency.outdated.step2cs_mention" and past.severity == "advice"


def test_step1_score_fires_but_step2ck_score_does_not() -> None:
    text = "I scored 250 on Step 1 and 246 on Step 2 CK."
    [finding] = find_outdated(text)
    assert text[finding.start : finding.end] == "250"
    assert find_outdated("I passed Step 1 on my first attempt and scored 246 on Step 2 CK.") == []
    assert find_outdated("My Step 2 CK score of 246 reflects my preparation.") == []


def test_every_other_specialty_and_its_practitioner_is_reported() -> None:
    ctx = RuleContext(specialty="Internal Medicine")
    text = ("I want to become a surgeon. I am applying for a residency in pediatrics, and I hope "
            "to train as a dermatologist. The surgeon on call taught me to listen.")
    found = [text[f.start:f.end] for f in find_other_specialty(text, ctx)]
    assert found == ["surgeon", "pediatrics", "dermatologist"]  # not the surgeon in the story
    assert find_other_specialty("I hope to become an internist.", ctx) == []


def test_a_surgical_target_owns_the_plain_surgeon() -> None:
    ortho = RuleContext(specialty="Orthopaedic Surgery")
    assert find_other_specialty("I will become an orthopaedic surgeon.", ortho) == []
    assert find_other_specialty("I have wanted to be a surgeon since school.", ortho) == []
    [finding] = find_other_specialty("I want to train as a plastic surgeon.", ortho)
    assert "Plastic Surgery" in finding.message
