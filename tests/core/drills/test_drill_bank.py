"""The shipped bank is complete and valid; broken and hostile files give clear UserErrors."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from workshop.core.drills.bank import QuestionBank, load_bank
from workshop.core.drills.categories import load_categories, load_timing
from workshop.core.drills.validation import MAX_FILE_BYTES
from workshop.core.errors import UserError
from workshop.core.resources import resource

GOOD = '''
category = "behavioural"
source = "test"

[[question]]
id = "behav-901"
text = "Tell me about a time you failed."
look_for = "Ownership, a real lesson and evidence of change."
follow_ups = ["What did you learn?"]
tags = ["star"]
'''


def write(tmp_path: Path, text: str, name: str = "q.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_bank_size_and_categories(bank: QuestionBank) -> None:
    assert len(bank) >= 170
    counts = Counter(q.category for q in bank)
    assert counts["ask-program"] >= 20
    assert set(counts) == {c.id for c in bank.categories}
    assert all(n >= 10 for n in counts.values()), counts


def test_shipped_ids_unique_and_stable_form(bank: QuestionBank) -> None:
    ids = [q.id for q in bank]
    assert len(ids) == len(set(ids))
    prefixes = {c.id: c.prefix for c in bank.categories}
    moved = {"fit-009": "program-fit"}  # moved to improper-questions; ids never change
    for q in bank:
        home = moved.get(q.id, q.category)
        assert re.fullmatch(rf"{prefixes[home]}-\d{{3}}", q.id), q.id


def test_answer_lengths_follow_the_facts(bank: QuestionBank) -> None:
    timing = load_timing()
    intro = bank.get("intro-001")
    assert intro.text == "Tell me about yourself."
    assert intro.answer_seconds == timing.introduction_seconds == 120
    timed = bank.answerable()
    in_typical = [q for q in timed
                  if timing.typical_min_seconds <= q.answer_seconds <= timing.typical_max_seconds]
    assert len(in_typical) / len(timed) > 0.8  # "most answers 1-1.5 minutes"
    assert all(30 <= q.answer_seconds <= 120 for q in timed)


def test_every_answerable_question_has_guidance(bank: QuestionBank) -> None:
    for q in bank.answerable():
        assert len(q.look_for) >= 60, q.id
    with_follow_ups = [q for q in bank.answerable() if q.follow_ups]
    assert len(with_follow_ups) / len(bank.answerable()) > 0.9
    assert len({q.text for q in bank}) == len(bank)


def test_img_and_red_flag_topics_covered(bank: QuestionBank) -> None:
    img_text = " ".join(q.text.lower() for q in bank.in_category("img"))
    for topic in ("united states", "home country", "new health-care system", "visa"):
        assert topic in img_text, topic
    flags = " ".join(q.text.lower() for q in bank.in_category("red-flags"))
    for topic in ("gap", "first attempt", "graduated"):
        assert topic in flags, topic


def test_opener_and_final_tags_exist_once(bank: QuestionBank) -> None:
    assert [q.id for q in bank if "opener" in q.tags] == ["intro-001"]
    assert len([q for q in bank if "final" in q.tags]) == 1


def test_good_file_loads(tmp_path: Path) -> None:
    loaded = load_bank([write(tmp_path, GOOD)])
    q = loaded.get("behav-901")
    assert q.answer_seconds == 90  # the category default
    assert q.follow_ups == ("What did you learn?",) and q.tags == ("star",)


@pytest.mark.parametrize("edit, expected", [
    (lambda s: s.replace('text = "Tell me about a time you failed."\n', ""),
     r"question 1 \('behav-901'\), field 'text'.*required"),
    (lambda s: s.replace('"behav-901"', '"behav-9x1"'), r"field 'id'.*three digits"),
    (lambda s: s.replace('"behav-901"', '"Behav 901"'), r"field 'id'.*not a valid id"),
    (lambda s: s.replace('"behav-901"', "901"), r"field 'id'.*must be text"),
    (lambda s: s.replace('category = "behavioural"', 'category = "astrology"'),
     r"field 'category'.*'astrology' is not a known category"),
    (lambda s: s.replace('tags = ["star"]', "tags = \"star\""), r"field 'tags'.*list"),
    (lambda s: s.replace('tags = ["star"]', 'tags = ["Star Wars"]'), r"field 'tags'.*item 1"),
    (lambda s: s.replace('tags = ["star"]', "answer_seconds = 5000"),
     r"field 'answer_seconds'.*5000"),
    (lambda s: s.replace('tags = ["star"]', 'answer_seconds = "90"'),
     r"field 'answer_seconds'.*whole number"),
    (lambda s: s.replace('tags = ["star"]', 'folow_ups = ["x"]'), r"unknown field 'folow_ups'"),
    (lambda s: s.replace('look_for = "Ownership, a real lesson and evidence of change."',
                         'look_for = "ok"'), r"field 'look_for'.*2 characters"),
    (lambda s: s.replace('text = "Tell me about a time you failed."', f'text = "{"x" * 600}"'),
     r"field 'text'.*600 characters"),
    (lambda s: s.replace('follow_ups = ["What did you learn?"]', "follow_ups = [1]"),
     r"field 'follow_ups'.*item 1 must be text"),
    (lambda s: s + '\n[[question]]\nid = "behav-901"\ntext = "Duplicate here please."\n'
                   'look_for = "Some guidance that is long enough."\n',
     r"'behav-901' is already used in q.toml"),
    (lambda s: "question = 3\n", r"field 'question'.*array"),
    (lambda s: "question = [1]\n", r"question 1: expected a table"),
    (lambda s: s.replace("[[question]]", "[[questions]]"), r"unknown field 'questions'"),
])
def test_broken_file_names_file_question_and_field(tmp_path: Path, edit, expected: str) -> None:
    path = write(tmp_path, edit(GOOD))
    with pytest.raises(UserError) as info:
        load_bank([path])
    assert "q.toml" in str(info.value)
    assert re.search(expected, str(info.value)), str(info.value)


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    a = write(tmp_path, GOOD, "a.toml")
    b = write(tmp_path, GOOD, "b.toml")
    with pytest.raises(UserError, match=r"b\.toml.*already used in a\.toml"):
        load_bank([a, b])


def test_invalid_toml_gives_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + '\n[[question]\nid = "x"\n')
    with pytest.raises(UserError, match=r"not valid TOML.*line"):
        load_bank([path])


def test_invalid_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(GOOD.encode() + b'\n# caf\xe9\n')
    with pytest.raises(UserError, match=r"bad\.toml.*not UTF-8.*line 12"):
        load_bank([path])


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES)
    with pytest.raises(UserError, match=r"huge\.toml.*limit"):
        load_bank([path])


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot be read"):
        load_bank([tmp_path / "nope.toml"])


def test_deeply_nested_toml_does_not_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "x = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(UserError):
        load_bank([path])


def test_bank_lookups(bank: QuestionBank) -> None:
    with pytest.raises(UserError, match="no question 'nope-001'"):
        bank.get("nope-001")
    with pytest.raises(UserError, match="Known categories: introduction"):
        bank.in_category("astrology")
    assert "intro-001" in bank
    assert all(q.category != "ask-program" for q in bank.answerable())


def test_categories_file_errors(tmp_path: Path) -> None:
    path = write(tmp_path, '[[category]]\nid = "a"\nprefix = "a"\ntitle = "A"\n'
                           'answer_seconds = 60\n[[category]]\nid = "a"\nprefix = "b"\n'
                           'title = "B"\nanswer_seconds = 60\n', "categories.toml")
    with pytest.raises(UserError, match=r"category 2, field 'id'.*earlier category"):
        load_categories(path)
    empty = write(tmp_path, "", "empty.toml")
    with pytest.raises(UserError, match="no \\[\\[category\\]\\]"):
        load_categories(empty)


def test_timing_file_errors(tmp_path: Path) -> None:
    text = resource("questions", "timing.toml").read_text(encoding="utf-8")
    path = write(tmp_path, text.replace("seconds_left = 15", "seconds_left = -3"), "timing.toml")
    with pytest.raises(UserError, match=r"\[cue\], field 'seconds_left'"):
        load_timing(path)


def test_shipped_categories_match_issue(bank: QuestionBank) -> None:
    assert [c.id for c in bank.categories] == [
        "introduction", "motivation", "program-fit", "behavioural", "ethics", "clinical",
        "teamwork", "stress", "career", "red-flags", "img", "specialty", "current-issues",
        "virtual", "match-plans", "soap", "improper-questions", "ask-program",
    ]
    assert not bank.category("ask-program").answerable
