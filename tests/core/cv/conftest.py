"""Builders for small CVs, so each test states only the dates it is about."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.core.cv.dates import MonthYear
from workshop.core.cv.model import CV, Education, Experience
from workshop.core.cv.store import sample_cv

TODAY = dt.date(2026, 6, 15)


def my(text: str) -> MonthYear:
    return MonthYear.parse(text)


def exp(start: str | None, end: str | None, *, section: str = "clinical",
        full_time: bool = False, title: str = "Role", **kw: object) -> Experience:
    return Experience(
        section=section,  # type: ignore[arg-type]
        title=title, organization="Org",
        start=my(start) if start else None, end=my(end) if end else None,
        full_time=full_time, **kw,  # type: ignore[arg-type]
    )


def edu(start: str | None, end: str | None, **kw: object) -> Education:
    return Education(institution="School", degree="MBBS",
                     start=my(start) if start else None, end=my(end) if end else None,
                     **kw)  # type: ignore[arg-type]


@pytest.fixture
def sample() -> CV:
    return sample_cv()
