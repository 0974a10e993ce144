"""Shared fixtures for the drills tests: the shipped bank, timing facts and a fake clock."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from workshop.core.drills.bank import QuestionBank, load_bank
from workshop.core.drills.categories import TimingFacts, load_timing
from workshop.core.drills.schema import DRILLS_SCHEMA_SQL


class FakeClock:
    """Monotonic seconds that only move when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def bank() -> QuestionBank:
    return load_bank()


@pytest.fixture(scope="session")
def timing() -> TimingFacts:
    return load_timing()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.executescript(DRILLS_SCHEMA_SQL)
    yield db
    db.close()
