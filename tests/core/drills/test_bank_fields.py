"""The loader's new fields (issue 17): specialties, rules with sources, calm answers for
improper questions, category aliases and moved questions keep their ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop.core.drills.bank import load_bank
from workshop.core.drills.categories import Category, load_categories
from workshop.core.drills.specialties import load_specialties, shipped_specialties
from workshop.core.errors import UserError

CATS = (
    Category("behavioural", "behav", "Behavioral (STAR)", "", 90, aliases=("behavioral",)),
    Category("program-fit", "fit", "Program fit", "", 75),
    Category("improper-questions", "improper", "Improper", "", 45, mixed=False, improper=True),
)
RULE = ('rule = "Programs may not ask where they rank on the list."\n'
        'rule_source = "NRMP Match Participation Agreement (FACTS.md)"\n'
        'sample_answer = "I am still finishing my interviews, thank you for asking."\n')
IMPROPER = '''
category = "improper-questions"

[[question]]
id = "improper-901"
text = "Where are we on your rank list?"
look_for = "A prohibited question: decline politely and talk about the program."
follow_ups = ["Are we in your top three?"]
''' + RULE


def load(tmp_path: Path, text: str, specialties: tuple[str, ...] = ("Internal Medicine",)):
    path = tmp_path / "q.toml"
    path.write_text(text, encoding="utf-8")
    return load_bank([path], CATS, specialties)


def test_improper_question_loads_with_rule_source_and_answer(tmp_path: Path) -> None:
    bank = load(tmp_path, IMPROPER)
    q = bank.get("improper-901")
    assert q.rule.startswith("Programs may not") and "NRMP" in q.rule_source
    assert q.sample_answer.startswith("I am still")
    assert bank.improper() == (q,) and bank.answerable() == () and bank.timed() == (q,)


@pytest.mark.parametrize("field", ["rule", "rule_source", "sample_answer"])
def test_improper_question_needs_each_field(tmp_path: Path, field: str) -> None:
    text = re.sub(rf"^{field} = .*\n", "", IMPROPER, flags=re.MULTILINE)
    with pytest.raises(UserError, match=rf"'improper-901'\), field '{field}'.*required"):
        load(tmp_path, text)


def test_a_rule_anywhere_needs_its_source(tmp_path: Path) -> None:
    text = IMPROPER.replace('"improper-questions"', '"program-fit"').replace(
        "improper-901", "fit-901").replace(RULE, 'rule = "Signals are part of MyERAS now."\n')
    with pytest.raises(UserError, match=r"field 'rule_source'.*where it comes from"):
        load(tmp_path, text)


def test_specialties_are_checked_against_the_canonical_names(tmp_path: Path) -> None:
    base = IMPROPER.replace('follow_ups', 'specialties = ["Internal Medicine"]\nfollow_ups')
    assert load(tmp_path, base).get("improper-901").specialties == ("Internal Medicine",)
    with pytest.raises(UserError, match=r"field 'specialties'.*'Internal Medicin' is not"):
        load(tmp_path, base.replace('["Internal Medicine"]', '["Internal Medicin"]'))
    with pytest.raises(UserError, match=r"field 'specialties'.*list"):
        load(tmp_path, base.replace('["Internal Medicine"]', '"Internal Medicine"'))


def test_moved_question_keeps_its_old_prefix(tmp_path: Path) -> None:
    moved = IMPROPER.replace('id = "improper-901"', 'id = "fit-909"\nmoved_from = "program-fit"')
    assert load(tmp_path, moved).get("fit-909").category == "improper-questions"
    with pytest.raises(UserError, match=r"field 'id'.*'fit-909' must be 'improper-'"):
        load(tmp_path, moved.replace('moved_from = "program-fit"\n', ""))
    with pytest.raises(UserError, match=r"field 'moved_from'.*own category"):
        load(tmp_path, moved.replace('"program-fit"', '"improper-questions"'))
    with pytest.raises(UserError, match=r"field 'moved_from'.*'astrology' is not a known"):
        load(tmp_path, moved.replace('"program-fit"', '"astrology"'))


def test_a_file_may_name_its_category_by_alias(tmp_path: Path) -> None:
    text = ('category = "behavioral"\n[[question]]\nid = "behav-901"\n'
            'text = "Tell me about a time you failed."\n'
            'look_for = "Ownership, a real lesson and evidence of change."\n')
    q = load(tmp_path, text).get("behav-901")
    assert q.category == "behavioural"  # the stored id, not the alias


def test_category_aliases_must_not_clash(tmp_path: Path) -> None:
    path = tmp_path / "categories.toml"
    path.write_text('[[category]]\nid = "a"\nprefix = "a"\ntitle = "A"\nanswer_seconds = 60\n'
                    'aliases = ["b"]\n[[category]]\nid = "b"\nprefix = "bb"\ntitle = "B"\n'
                    'answer_seconds = 60\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"category 2, field 'id'.*'b' is used"):
        load_categories(path)


def test_shipped_categories_flags() -> None:
    cats = {c.id: c for c in load_categories()}
    assert cats["improper-questions"].improper and not cats["improper-questions"].mixed
    assert not cats["soap"].mixed and cats["soap"].answerable
    assert cats["behavioural"].aliases == ("behavioral",)
    assert all(c.mixed for c in cats.values() if c.id not in {"improper-questions", "soap"})


@pytest.mark.parametrize("typed, name", [
    ("Internal Medicine", "Internal Medicine"), ("internal  medicine", "Internal Medicine"),
    ("IM", "Internal Medicine"), ("OB/GYN", "Obstetrics and Gynecology"),
    ("obgyn", "Obstetrics and Gynecology"), ("peds", "Pediatrics"),
    ("paediatrics", "Pediatrics"), ("EM", "Emergency Medicine"), ("surgery", "General Surgery"),
])
def test_specialty_spellings_resolve(typed: str, name: str) -> None:
    assert shipped_specialties().resolve(typed) == name


def test_unknown_specialty_lists_the_names() -> None:
    with pytest.raises(UserError, match=r"Unknown specialty 'Astrology'.*Internal Medicine"):
        shipped_specialties().resolve("Astrology")


def test_broken_specialty_files(tmp_path: Path) -> None:
    names = tmp_path / "specialties.json"
    names.write_text('{"specialties": ["a"]}', encoding="utf-8")
    with pytest.raises(UserError, match="cannot be read"):
        load_specialties(names)
    names.write_text('{"specialties": {"Neurology": ["neuro"]}}', encoding="utf-8")
    short = tmp_path / "short.toml"
    short.write_text('[abbreviations]\nim = "Internal Medicine"\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"'im' points to unknown specialty"):
        load_specialties(names, short)
    short.write_text('[abbreviations]\nn = "Neurology"\n', encoding="utf-8")
    assert load_specialties(names, short).resolve("N") == "Neurology"
