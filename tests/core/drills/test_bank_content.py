"""What the shipped bank teaches (issue 17): its size, its specialty packs, the improper
questions with their rules and calm answers, and the guidance on every question."""

from __future__ import annotations

import random
import re
import tomllib
from collections import Counter

import pytest

from workshop.core.drills.bank import QuestionBank, default_bank_paths
from workshop.core.drills.categories import load_timing
from workshop.core.drills.plans import plan_category, plan_mock, plan_one_way
from workshop.core.drills.specialties import shipped_specialties

PACKS = ("Internal Medicine", "Family Medicine", "Pediatrics", "Psychiatry", "General Surgery",
         "Emergency Medicine", "Neurology", "Obstetrics and Gynecology")
RANK_LIST = "where are we on your rank list"
OTHER_PROGRAMS = "What other programs are you interviewing at?"


def _prompts(bank: QuestionBank) -> list[tuple[str, str]]:
    """Every text a drill can say as the interviewer: questions and their follow-ups."""
    return [(q.id, q.text) for q in bank] + [(q.id, f) for q in bank for f in q.follow_ups]


def test_bank_has_at_least_220_questions(bank: QuestionBank) -> None:
    assert len(bank) >= 220


@pytest.mark.parametrize("specialty", PACKS)
def test_each_specialty_has_a_pack_of_ten(bank: QuestionBank, specialty: str) -> None:
    own = [q for q in bank if specialty in q.specialties]
    assert len(own) >= 10, (specialty, len(own))
    assert len({q.text for q in own}) == len(own)


def test_specialty_names_are_the_shipped_canonical_names(bank: QuestionBank) -> None:
    names = set(shipped_specialties().names)
    used = {s for q in bank for s in q.specialties}
    assert used <= names, used - names
    assert set(PACKS) <= used
    # most of the bank is for everyone: an empty list means all specialties
    general = [q for q in bank if not q.specialties]
    assert len(general) > len(bank) / 2


def test_internal_medicine_items_are_tagged(bank: QuestionBank) -> None:
    im = "Internal Medicine"
    clinic_fields = {im, "Family Medicine", "Pediatrics"}
    for q in bank:
        words = " ".join((q.text, q.look_for, *q.follow_ups))
        if re.search(r"\b(ABIM|DKA)\b", words):
            assert im in q.specialties, q.id
        if "continuity clinic" in words.lower():  # IM, FM and pediatrics have one
            assert q.specialties and set(q.specialties) <= clinic_fields, q.id
    assert bank.get("clin-011").specialties == (im,)


def test_im_filter_keeps_general_and_im_but_not_surgery(bank: QuestionBank) -> None:
    im = bank.for_specialty("IM")
    assert "intro-001" in im and "spec-101" in im and "clin-011" in im
    assert "spec-501" not in im and "spec-801" not in im
    assert all(q.fits("Internal Medicine") for q in im)
    assert len(im) == len([q for q in bank if not q.specialties
                           or "Internal Medicine" in q.specialties])
    assert bank.for_specialty("ob/gyn").get("spec-801").specialties == (
        "Obstetrics and Gynecology",)
    assert bank.for_specialty(None) is bank


def test_prohibited_questions_are_improper_with_rule_and_source(bank: QuestionBank) -> None:
    improper_ids = {q.id for q in bank.improper()}
    other = bank.get("fit-009")  # the old id still resolves (attempts are keyed by it)
    assert other.text == OTHER_PROGRAMS and other.id in improper_ids
    rank = [q for q in bank if RANK_LIST in q.text.lower()]
    assert rank and all(q.id in improper_ids for q in rank)
    for q in (other, *rank):
        assert bank.category(q.category).improper and not bank.category(q.category).mixed
        assert "may not ask" in q.rule and "NRMP" in q.rule_source
        assert "Match Participation Agreement" in q.rule_source
        assert len(q.sample_answer) >= 60


def test_no_normal_question_or_follow_up_asks_a_prohibited_question(
        bank: QuestionBank) -> None:
    improper_ids = {q.id for q in bank.improper()}
    prohibited = re.compile(
        r"rank list|rank us|other programs|\bother specialt(y|ies)|applied (anywhere|elsewhere)|"
        r"where else|interviewing at|first choice", re.IGNORECASE)
    for qid, prompt in _prompts(bank):
        if qid in improper_ids or not bank.category(bank.get(qid).category).answerable:
            continue
        # "What other specialties did you consider" is allowed; where you applied is not
        if prohibited.search(prompt) and "consider" not in prompt:
            pytest.fail(f"{qid} asks a prohibited question: {prompt!r}")


def test_illegal_topics_covered_with_calm_answers(bank: QuestionBank) -> None:
    improper = bank.improper()
    text = " ".join(q.text.lower() for q in improper)
    for topic in ("married", "children", "pregnan", "religion", "old are you",
                  "really from", "nationality", "disabilit"):
        assert topic in text, topic
    for q in improper:
        assert q.rule and q.rule_source and q.sample_answer, q.id
        assert "decline" in (q.rule + q.look_for).lower() or "need not" in q.rule, q.id
        # no invented statute numbers: the rule speaks in general terms
        assert not re.search(r"\b(Title [IVX]+|\d+ U\.S\.C\.|§)", q.rule + q.rule_source), q.id
    illegal = [q for q in improper if "illegal" in q.tags]
    assert len(illegal) >= 7
    assert all("U.S. employment law" in q.rule_source for q in illegal)


def test_every_question_has_guidance_and_follow_ups(bank: QuestionBank) -> None:
    for q in bank.timed():
        assert len(q.look_for) >= 60, q.id
    for q in bank.timed():
        if "final" in q.tags or "closing" in q.tags:
            continue
        assert q.follow_ups, q.id
    assert len({q.text for q in bank}) == len(bank)


def test_stated_rules_have_sources(bank: QuestionBank) -> None:
    ruled = [q for q in bank if q.rule]
    assert len(ruled) >= len(bank.improper()) + 4  # signals, geography, tracks...
    for q in ruled:
        assert len(q.rule_source) >= 5, q.id
        assert "FACTS.md" in q.rule_source or "U.S. employment law" in q.rule_source, q.id


def test_missing_topics_are_now_covered(bank: QuestionBank) -> None:
    texts = {q.id: (q.text + " " + q.look_for).lower() for q in bank}
    everything = " ".join(texts.values())
    for topic in ("signal us", "ties do you have to this region", "artificial intelligence",
                  "health equity", "short of physicians", "quality-improvement project",
                  "video freezes", "couples matching", "preliminary year"):
        assert topic in everything, topic
    assert len(bank.in_category("soap")) >= 10
    assert all(q.answer_seconds <= 45 for q in bank.in_category("soap"))
    assert "hierarch" not in bank.get("img-014").text.lower()


def test_category_counts(bank: QuestionBank) -> None:
    counts = Counter(q.category for q in bank)
    assert counts["specialty"] >= 80
    assert counts["improper-questions"] >= 12
    for category in ("current-issues", "virtual", "match-plans", "soap"):
        assert counts[category] >= 10, category


def test_unmixed_questions_stay_out_of_mock_and_one_way_drills(bank: QuestionBank) -> None:
    timing = load_timing()
    unmixed = {q.id for q in bank.timed()} - {q.id for q in bank.answerable()}
    assert {q.id for q in bank.improper()} <= unmixed
    assert {q.id for q in bank.in_category("soap")} <= unmixed
    for seed in range(20):
        mock = plan_mock(bank, 30, random.Random(seed), timing, follow_up_rate=1.0)
        assert not {item.question.id for item in mock.items} & unmixed
        one_way = plan_one_way(bank, 30, random.Random(seed), timing)
        assert not {item.question.id for item in one_way.items} & unmixed
        assert all(RANK_LIST not in item.prompt.lower() for item in mock.items)
    # ...but they can still be practiced on purpose
    drill = plan_category(bank, "improper-questions", 5, random.Random(1), timing)
    assert len(drill.items) == 5


def test_old_category_id_and_american_alias_both_resolve(bank: QuestionBank) -> None:
    stored = bank.category("behavioural")  # the id in users' workspaces never changes
    assert stored is bank.category("behavioral")
    assert stored.title == "Behavioral (STAR)"
    assert bank.in_category("behavioral") == bank.in_category("behavioural")
    assert bank.get("behav-001").category == "behavioural"
    assert bank.category("improper").id == "improper-questions"


def test_every_shipped_question_declares_its_specialties() -> None:
    """Authors decide for each question: [] (all specialties) or the ones it is for."""
    for path in default_bank_paths():
        for table in tomllib.loads(path.read_text("utf-8"))["question"]:
            assert isinstance(table.get("specialties"), list), (path.name, table["id"])
