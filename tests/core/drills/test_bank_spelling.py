"""The bank is written in American English: no British spelling anywhere a user reads it.

Two nets: the bank's own list of British forms (``resources/questions/british_spellings.toml``,
whole words, clinical forms such as "nil by mouth" and "haemolysed", and the -our / -ise / ae-oe /
-tre families), and, where Harper is installed, the app's own checker in American mode, which
labels British spellings for the user. Ids are not text: "behavioural" stays as a stored id.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from workshop.core.drills.bank import QuestionBank, default_bank_paths
from workshop.core.drills.british import load_british_spellings, shipped_british_spellings
from workshop.core.errors import UserError
from workshop.core.resources import resource

# British forms named in issue 17 and the British->American patterns of
# workshop/core/checks/spelling_variants.py; each must be caught.
BRITISH = ["nil by mouth", "behavioural", "Behaviour", "practise", "practising", "haemolysed",
           "colour", "honour", "labour", "favourite", "organise", "organisation", "recognised",
           "prioritisation", "criticise", "summarise", "centre", "centred", "theatre", "programme",
           "paediatric", "paediatrics", "anaemia", "oesophagus", "oesophageal", "randomised",
           "haemorrhage", "oedema", "gynaecology", "orthopaedic", "anaesthesia", "ischaemic",
           "hypoglycaemic", "diarrhoea", "foetal", "oestrogen", "tumour", "judgement", "learnt",
           "whilst", "counselling", "travelled", "cancelled", "licence", "analyse", "paralysed",
           "afterwards", "towards", "paracetamol", "grey", "enrolment", "fulfil", "catalogue"]
AMERICAN = ["behavioral", "practice", "practicing", "hemolyzed", "color", "honor", "labor",
            "organize", "center", "centered", "program", "pediatric", "anemia", "esophagus",
            "randomized", "hemorrhage", "edema", "gynecology", "judgment", "counseling",
            "advise", "exercise", "otherwise", "promise", "precise", "supervise", "surprise",
            "expertise", "compromise", "raise", "praise", "noise", "improvise", "diagnosis",
            "analysis", "visa", "disease", "increase", "tour", "hour", "four", "your", "journey",
            "theater", "meter", "fiber", "toward", "NPO (nothing by mouth)", "hour-long", "does",
            "aerobic", "Aetna", "phoenix"]


def bank_texts(bank: QuestionBank) -> list[tuple[str, str]]:
    """(where, text) for everything the app shows from the bank."""
    texts: list[tuple[str, str]] = []
    for q in bank:
        for name, value in (("text", q.text), ("look_for", q.look_for), ("rule", q.rule),
                            ("rule_source", q.rule_source), ("sample_answer", q.sample_answer)):
            texts.append((f"{q.id} {name}", value))
        texts += [(f"{q.id} follow-up", f) for f in q.follow_ups]
        texts += [(f"{q.id} tag", t.replace("-", " ")) for t in q.tags]
    for c in bank.categories:
        texts += [(f"category {c.id} title", c.title), (f"category {c.id}", c.description)]
    for path in default_bank_paths():
        data = tomllib.loads(path.read_text("utf-8"))
        texts.append((f"{path.name} source", data.get("source", "")))
    return texts


def readme_prose() -> str:
    """The bank README without code blocks and quoted ids (ids are not prose)."""
    text = resource("questions", "README.md").read_text("utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    return re.sub(r"`[^`]*`|\"[^\"]*\"", "", text)


@pytest.mark.parametrize("word", BRITISH)
def test_list_catches_british_forms(word: str) -> None:
    hits = shipped_british_spellings().find(f"The {word} was noted.")
    assert [h.text for h in hits] == [word], word


@pytest.mark.parametrize("word", AMERICAN)
def test_list_leaves_american_forms_alone(word: str) -> None:
    assert shipped_british_spellings().find(f"The {word} was noted.") == []


def test_hits_carry_position_and_american_form() -> None:
    text = "Patient nil by mouth; haemolysed sample; family-centred care."
    hits = shipped_british_spellings().find(text)
    assert [(h.text, text[h.start:h.start + len(h.text)]) for h in hits] == [
        ("nil by mouth", "nil by mouth"), ("haemolysed", "haemolysed"), ("centred", "centred")]
    assert hits[1].american == "hemolyzed"


def test_no_british_spelling_in_the_bank(bank: QuestionBank) -> None:
    british = shipped_british_spellings()
    found = [(where, h.text) for where, text in bank_texts(bank) for h in british.find(text)]
    assert found == []


def test_no_british_spelling_in_the_bank_readme() -> None:
    assert shipped_british_spellings().find(readme_prose()) == []


def test_no_british_spelling_in_the_raw_files() -> None:
    """Comments and any field the loader may add later: only the stored id may be British."""
    british = shipped_british_spellings()
    folder = resource("questions")
    for path in sorted(folder.rglob("*.toml")):
        if path.name == "british_spellings.toml":
            continue
        text = re.sub(r'"behavioural"', '""', path.read_text("utf-8"))
        assert [h.text for h in british.find(text)] == [], path.name


def test_the_apps_checker_finds_no_british_spelling(bank: QuestionBank) -> None:
    pytest.importorskip("harper")
    from workshop.core.checks.engines.harper_engine import HarperEngine

    engine = HarperEngine(dialect="american")
    control = engine.check("Her behaviour on the ward was calm.")
    assert any(f.message.startswith("British spelling") for f in control)  # the net works
    by_question: dict[str, list[str]] = {}
    for where, text in bank_texts(bank):  # one lint per question: Harper's cost is per call
        by_question.setdefault(where.split(" ")[0], []).append(text)
    flagged = []
    for key, parts in by_question.items():
        text = "\n\n".join(p for p in parts if p)
        for finding in engine.check(text):
            if finding.message.startswith("British spelling"):
                flagged.append((key, text[finding.start:finding.end]))
    assert flagged == []


def test_broken_word_list_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "british.toml"
    path.write_text("[families]\nbad = '(unclosed'\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"family 'bad' is not a valid pattern"):
        load_british_spellings(path)
    path.write_text("words = 3\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"field 'words'"):
        load_british_spellings(path)
