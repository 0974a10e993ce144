"""Salutations from family name and title, with family-name-first orders."""

from __future__ import annotations

import sqlite3

import pytest

from workshop.core.letters import LetterWriter, WriterRepository
from workshop.core.letters.model import NameOrder
from workshop.core.letters.salutation import derived_salutation, name_parts, salutation


@pytest.mark.parametrize(("name", "kw", "expected"), [
    ("Dr. Ananya Iyer", {"is_us": True}, "Dear Dr. Iyer"),
    ("Dr. Zhang Wei", {"country": "China"}, "Dear Dr. Zhang"),
    ("Dr. Zhang Wei", {"native_name": "张伟"}, "Dear Dr. Zhang"),
    ("Dr. Kim Min-jun", {"country": "South Korea"}, "Dear Dr. Kim"),
    ("Dr. Yamada Sakura", {"native_name": "山田さくら"}, "Dear Dr. Yamada"),
    ("Nagy Péter", {"country": "Hungary", "title": "Professor of Cardiology"},
     "Dear Professor Nagy"),
    ("Ananya Iyer, MD", {"is_us": True}, "Dear Dr. Iyer"),
    ("Ananya Iyer MBBS, FACP", {}, "Dear Dr. Iyer"),
    ("Maria Lopez", {"title": "Attending Physician"}, "Dear Dr. Lopez"),
    ("Maria Lopez", {"title": "Program coordinator"}, "Dear Maria Lopez"),
    ("Dr. Ludwig van Beethoven", {}, "Dear Dr. van Beethoven"),
    ("Prof. Olena Kovalenko", {}, "Dear Professor Kovalenko"),
    # A U.S. writer keeps given-first even with a Chinese native name (romanized for U.S. use).
    ("Dr. Wei Zhang", {"is_us": True, "native_name": "张伟"}, "Dear Dr. Zhang"),
    # The order field wins over the guess.
    ("Dr. Wei Zhang", {"country": "China", "name_order": NameOrder.GIVEN_FIRST},
     "Dear Dr. Zhang"),
    ("Dr. Zhang Wei", {"is_us": True, "name_order": NameOrder.FAMILY_FIRST}, "Dear Dr. Zhang"),
])
def test_derived_salutation(name: str, kw: dict, expected: str) -> None:  # type: ignore[type-arg]
    assert derived_salutation(LetterWriter(name=name, **kw)) == expected


def test_typed_salutation_wins_and_gets_dear() -> None:
    writer = LetterWriter(name="Dr. Zhang Wei", salutation="Professor Zhang,")
    assert salutation(writer) == "Dear Professor Zhang"
    writer.salutation = "Dear Wei"
    assert salutation(writer) == "Dear Wei"


def test_parts_family_first() -> None:
    parts = name_parts(LetterWriter(name="Dr. Zhang Wei", country="China"))
    assert (parts.honorific, parts.family, parts.given, parts.family_first) == (
        "Dr.", "Zhang", "Wei", True)


def test_name_order_is_stored(conn: sqlite3.Connection, writers: WriterRepository) -> None:
    stored = writers.add(LetterWriter(name="Dr. Wei Zhang", country="China",
                                      name_order=NameOrder.GIVEN_FIRST))
    assert writers.get(stored.id or 0).name_order is NameOrder.GIVEN_FIRST
    stored.name_order = NameOrder.AUTO
    assert writers.update(stored).name_order is NameOrder.AUTO
    assert salutation(writers.get(stored.id or 0)) == "Dear Dr. Wei"  # auto: China, family-first
