"""CV core benchmarks (pytest-benchmark). The normal run executes each once, untimed; targets
and measured numbers live in the issue and the closing note, not in asserts."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.core.cv.checks import check_cv
from workshop.core.cv.eras import eras_blocks
from workshop.core.cv.jsonresume import cv_from_json_resume, export_json_resume
from workshop.core.cv.model import CV
from workshop.core.cv.synthetic import large_cv

TODAY = dt.date(2026, 6, 15)


@pytest.fixture(scope="module")
def cv200() -> CV:
    return large_cv(200)


def test_check_cv_200_entries(benchmark, cv200: CV) -> None:  # type: ignore[no-untyped-def]
    findings = benchmark(check_cv, cv200, TODAY)
    rules = {f.rule for f in findings}
    assert len(cv200.experience) == 200
    assert {"cv.gap", "cv.overlap", "eras.max-experiences", "eras.description-length"} <= rules


def test_check_cv_sample(benchmark) -> None:  # type: ignore[no-untyped-def]
    cv = large_cv(11)
    assert benchmark(check_cv, cv, TODAY) is not None


def test_eras_blocks_200_entries(benchmark, cv200: CV) -> None:  # type: ignore[no-untyped-def]
    blocks = benchmark(eras_blocks, cv200)
    assert all(len(b.description) <= 750 for b in blocks)


def test_json_resume_round_trip_200(benchmark, cv200: CV) -> None:  # type: ignore[no-untyped-def]
    def round_trip() -> int:
        cv, _ = cv_from_json_resume(export_json_resume(cv200))
        return len(cv.experience)

    assert benchmark(round_trip) == 200


def test_to_from_dict_200(benchmark, cv200: CV) -> None:  # type: ignore[no-untyped-def]
    assert benchmark(lambda: CV.from_dict(cv200.to_dict())) == cv200
